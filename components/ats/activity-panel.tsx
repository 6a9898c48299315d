import { Badge } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { RetryDeliveryButton } from "./retry-delivery-button";

interface Entry {
  id: string;
  level: string;
  message: string;
  createdAt: Date;
}

interface FailedDelivery {
  id: string;
  event: string;
  externalCandidateId: string | null;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
}

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export function ActivityPanel({ label, entries, failed, canRetry }: { label: string; entries: Entry[]; failed: FailedDelivery[]; canRetry: boolean }) {
  return (
    <div className="space-y-6">
      {failed.length ? (
        <Card>
          <CardHeader title="Failed deliveries" description={`${label} events the app could not process after retrying. Fix the cause (for example reconnect ${label}), then retry.`} />
          <ul className="divide-y divide-slate-100">
            {failed.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium text-slate-900">
                    {d.event} <span className="font-normal text-slate-500">· {d.externalCandidateId ?? "no opportunity"}</span>
                  </p>
                  <p className="text-slate-500">
                    {d.lastError ?? "Unknown error"} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"} · received {when(d.receivedAt)} UTC
                  </p>
                </div>
                {canRetry ? <RetryDeliveryButton deliveryId={d.id} /> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Activity" description="What the integration did, newest first." />
        {entries.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">Nothing yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="lever-activity">
            {entries.map((e) => (
              <li key={e.id} className="flex items-start gap-3 px-5 py-2.5 text-sm">
                <span className="w-32 shrink-0 text-slate-500">{when(e.createdAt)}</span>
                <span className="flex-1 text-slate-800">{e.message}</span>
                {e.level !== "info" ? <Badge tone={e.level === "error" ? "red" : "amber"}>{e.level}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
