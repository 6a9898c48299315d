import type { Metadata } from "next";
import { ApiTokens } from "@/components/settings/api-tokens";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { listApiTokens } from "@/lib/api-tokens/tokens";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const org = await pageOrgContext();
  if (!isAdminRole(org.role)) return <Alert tone="info">API tokens are managed by the organization&apos;s owners and admins.</Alert>;
  const tokens = await listApiTokens(org);
  const base = config().appUrl;
  return (
    <Card>
      <CardHeader
        title="API tokens"
        description={`Read-only access to ${org.organizationName}'s screening results and decisions (every job, confidential ones included), for your own systems. Tokens cannot change anything.`}
      />
      <CardBody className="space-y-5">
        <ApiTokens
          tokens={tokens.map((t) => ({
            ...t,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
          }))}
        />
        <div className="border-t border-slate-100 pt-4 text-sm text-slate-600">
          <p className="font-medium text-slate-800">Using a token</p>
          <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-50 p-3 font-mono text-xs leading-5">{`curl -H "Authorization: Bearer <token>" "${base}/api/v1/results?since=2026-11-01&job=<job id>"
curl -H "Authorization: Bearer <token>" "${base}/api/v1/decisions?since=2026-11-01"`}</pre>
          <p className="mt-2">
            Each answer is <code className="font-mono text-xs">{"{ data, nextCursor }"}</code>: pass <code className="font-mono text-xs">cursor=&lt;nextCursor&gt;</code> for the next page (up to{" "}
            <code className="font-mono text-xs">limit</code>, at most 500 rows) until it is null.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}
