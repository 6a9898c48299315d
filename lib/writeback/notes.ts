import type { Tx } from "@/lib/db/client";
import { recordActions, resultVersion } from "./record";

/**
 * Asks for the screening result to be posted to Lever as a note (or the existing note replaced),
 * when the organization's Lever connection has "post results" on. The action and its job are
 * written in the caller's transaction, the one that wrote the result, so a result is never stored
 * without its note being asked for; the worker does the Lever call. The idempotency key is the
 * result's content version, so the same result is never posted twice.
 */
export async function requestResultNote(tx: Tx, input: { organizationId: string; candidateId: string; resultId: string; requestedById?: string | null }): Promise<void> {
  const result = await tx.screeningResult.findFirst({
    where: { id: input.resultId, organizationId: input.organizationId, candidateId: input.candidateId },
    select: { id: true, criteriaHash: true, score: true, summary: true, verdicts: true },
  });
  if (!result) return;
  const connection = await tx.atsConnection.findFirst({
    where: { organizationId: input.organizationId, status: { not: "DISCONNECTED" } },
    orderBy: { connectedAt: "desc" },
    select: { id: true, settings: { select: { postResults: true } } },
  });
  // Settings rows are created on connect with postResults on; a connection without one has not chosen yet.
  if (!connection || !(connection.settings?.postResults ?? true)) return;
  const version = resultVersion(result);
  await recordActions(tx, [
    {
      organizationId: input.organizationId,
      connectionId: connection.id,
      candidateId: input.candidateId,
      kind: "NOTE",
      payload: { resultId: result.id, version },
      idempotencyKey: `note:${result.id}:${version}`,
      requestedById: input.requestedById ?? null,
    },
  ]);
}
