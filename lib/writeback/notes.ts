import type { Tx } from "@/lib/db/client";
import { currentConnection } from "@/lib/connections/lookup";
import { recordActions, resultVersion } from "./record";

/** What the note says, built by the screening from the result it belongs to (lib/screening/result-note.ts). */
export interface NoteContent {
  text: string;
  score: number;
  requiredTier: 0 | 1 | 2;
}

/**
 * Asks for the screening result to be written to the ATS as a note (or the existing note replaced),
 * when the organization's connection has "post results" on. The action keeps the note as it was
 * asked for, so what reaches the ATS is what the result said and the action is its record. The action and its job are
 * written in the caller's transaction, the one that wrote the result, so a result is never stored
 * without its note being asked for; the worker does the Lever call. The idempotency key is the
 * result's content version, so the same result is never posted twice.
 */
export async function requestResultNote(
  tx: Tx,
  input: { organizationId: string; candidateId: string; resultId: string; note: NoteContent; requestedById?: string | null },
): Promise<void> {
  const result = await tx.screeningResult.findFirst({
    where: { id: input.resultId, organizationId: input.organizationId, candidateId: input.candidateId },
    select: { id: true, criteriaHash: true, score: true, summary: true, verdicts: true },
  });
  if (!result) return;
  const connection = await currentConnection(input.organizationId, tx);
  // Settings rows are created on connect with postResults on; a connection without one has not chosen yet.
  if (!connection || !(connection.settings?.postResults ?? true)) return;
  const version = resultVersion(result);
  await recordActions(tx, [
    {
      organizationId: input.organizationId,
      connectionId: connection.id,
      candidateId: input.candidateId,
      kind: "NOTE",
      payload: { resultId: result.id, version, text: input.note.text, score: String(input.note.score), requiredTier: String(input.note.requiredTier) },
      idempotencyKey: `note:${result.id}:${version}`,
      requestedById: input.requestedById ?? null,
    },
  ]);
}
