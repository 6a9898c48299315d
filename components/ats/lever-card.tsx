import { Alert, Badge } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LEVER_PERMISSIONS } from "@/lib/integrations/catalog";

export function LeverCard({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Lever <Badge>Not connected</Badge>
          </span>
        }
        description="Connect your Lever account to import jobs and applicants and send screening results back."
      />
      <CardBody className="space-y-4">
        <div>
          <h3 className="text-sm font-medium text-slate-700">The app will be allowed to</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-600">
            {LEVER_PERMISSIONS.map((p) => (
              <li key={p} className="flex gap-2">
                <span aria-hidden className="text-emerald-600">✓</span>
                {p}
              </li>
            ))}
          </ul>
        </div>
        {isAdmin ? null : (
          <Alert tone="info">Only organization owners and admins can connect Lever. Ask an admin of your organization.</Alert>
        )}
      </CardBody>
    </Card>
  );
}
