import { Badge } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import type { WriteBackStatus } from "@/lib/generated/prisma/enums";
import { listWriteBacks, type WriteBackEntry } from "@/lib/writeback";
import { RefreshWhilePending } from "./refresh-while-pending";
import { RetryWriteBackButton } from "./retry-button";
import { findConnection } from "@/lib/connections/lookup";
import { TimeAgo } from "@/components/ui/time-ago";


const STATUS: Record<WriteBackStatus, { tone: "slate" | "green" | "amber" | "red" | "brand"; text: string }> = {
  PENDING: { tone: "amber", text: "Queued" },
  RUNNING: { tone: "brand", text: "Sending" },
  SUCCEEDED: { tone: "green", text: "Written to Lever" },
  FAILED: { tone: "red", text: "Failed" },
};

function atsAnswer(entry: WriteBackEntry): string | null {
  if (entry.status === "FAILED" || (entry.status === "PENDING" && entry.lastError)) {
    return entry.lastError ?? `${entry.ats} did not accept the change`;
  }
  if (entry.status !== "SUCCEEDED") return null;
  // `method` is how answers recorded before the provider boundary said it.
  const answer = (entry.externalResponse ?? {}) as { action?: string; method?: string; skipped?: string };
  if (answer.skipped) return "Not sent: a later change replaced it";
  if (entry.kind === "NOTE") return answer.action === "updated" || answer.method === "PUT" ? `${entry.ats} updated the existing note` : `${entry.ats} added the note`;
  return `${entry.ats} accepted the change`;
}

/**
 * What the app wrote to the ATS for one candidate: each note, stage change and archive, who asked for
 * it, when, and the ATS's answer; failures that persisted can be retried.
 */
export async function WriteBackHistory({ candidateId }: { candidateId: string }) {
  const org = await requireOrgContext();
  const entries = await listWriteBacks(org, candidateId);
  const open = entries.some((e) => e.status === "PENDING" || e.status === "RUNNING");
  const ats = entries[0]?.ats ?? (await findConnection(org.organizationId))?.providerLabel ?? "ATS";
  return (
    <Card>
      {open ? <RefreshWhilePending /> : null}
      <CardHeader title={`${ats} updates`} description={`Notes and stage changes written to ${ats} for this candidate, newest first.`} />
      {entries.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">Nothing written to {ats} yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="writeback-history">
          {entries.map((e) => {
            const status = STATUS[e.status];
            const answer = atsAnswer(e);
            return (
              <li key={e.id} data-status={e.status} className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {e.summary}
                    <Badge tone={status.tone}>{status.text}</Badge>
                  </p>
                  <p className="text-slate-500">
                    <TimeAgo date={e.createdAt} /> · {e.requestedBy ?? "Automatic"}
                    {e.attempts > 1 ? ` · ${e.attempts} attempts` : ""}
                  </p>
                  {answer ? (
                    <p className={`mt-0.5 break-words ${e.status === "FAILED" ? "text-red-700" : "text-slate-600"}`} title={e.externalNoteId ? `${e.ats} note ${e.externalNoteId}` : undefined}>
                      {answer}
                    </p>
                  ) : null}
                </div>
                {e.status === "FAILED" ? <RetryWriteBackButton actionId={e.id} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
