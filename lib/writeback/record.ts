import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import type { WriteBackKind } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueueManyInTransaction } from "@/lib/jobs/enqueue";

/** What one write-back job carries: the action row holds everything else. */
export interface WriteBackJob {
  actionId: string;
}

export interface NewAction {
  organizationId: string;
  connectionId: string;
  candidateId: string;
  kind: WriteBackKind;
  payload: Record<string, string>;
  idempotencyKey: string;
  requestedById: string | null;
  /** The undoable change it belongs to. */
  batchId?: string;
}

/**
 * Records actions and their jobs in the caller's transaction, so an action exists if and only if its
 * job does. Keys already recorded are skipped (a replayed request adds nothing); returns the new rows.
 * With `startAfter` (an Undo window) no worker sends them before that time.
 */
export async function recordActions(tx: Tx, actions: NewAction[], options: { startAfter?: Date } = {}): Promise<Array<{ id: string; candidateId: string }>> {
  if (actions.length === 0) return [];
  const organizationId = actions[0]!.organizationId;
  const existing = await tx.writeBackAction.findMany({
    where: { organizationId, idempotencyKey: { in: actions.map((a) => a.idempotencyKey) } },
    select: { idempotencyKey: true },
  });
  const seen = new Set(existing.map((e) => e.idempotencyKey));
  // A candidate imported from the ATS the organization used before a switch is not in the connected
  // one: writing to it there would only fail. The app's own change stands; nothing is sent.
  const connectionIds = [...new Set(actions.map((a) => a.connectionId))];
  const connections = await tx.atsConnection.findMany({ where: { organizationId, id: { in: connectionIds } }, select: { id: true, provider: true } });
  const providerOf = new Map(connections.map((c) => [c.id, c.provider] as const));
  const candidates = await tx.candidate.findMany({ where: { organizationId, id: { in: [...new Set(actions.map((a) => a.candidateId))] } }, select: { id: true, provider: true } });
  const candidateProvider = new Map(candidates.map((c) => [c.id, c.provider] as const));
  const fresh = actions.filter((a) => !seen.has(a.idempotencyKey) && candidateProvider.get(a.candidateId) === providerOf.get(a.connectionId));
  if (fresh.length === 0) return [];
  const created = await tx.writeBackAction.createManyAndReturn({
    data: fresh.map((a) => ({ ...a, status: "PENDING" as const })),
    select: { id: true, candidateId: true },
  });
  await enqueueActions(tx, created.map((c) => c.id), options);
  return created;
}

/** One job per action (each retries on its own), written with the caller's transaction. */
export async function enqueueActions(tx: Pick<Tx, "$queryRawUnsafe">, actionIds: string[], options: { startAfter?: Date } = {}): Promise<void> {
  await enqueueManyInTransaction(tx, QUEUES.writeBack.name, actionIds.map((actionId) => ({ actionId }) satisfies WriteBackJob), options);
}

/** The candidate's page in this app: the note links back to it. */
export function candidateUrl(candidate: { id: string; jobId: string }): string {
  return `${config().appUrl}/jobs/${candidate.jobId}/candidates/${candidate.id}`;
}

/**
 * The part of the link that is the same whatever APP_URL is: finding it in an opportunity's notes
 * tells a retried note POST that the earlier attempt reached Lever.
 */
export function noteMarker(candidateId: string): string {
  return `/candidates/${candidateId}`;
}

/** Changes whenever what the note would say changes, so the same result is never posted twice. */
export function resultVersion(result: { criteriaHash: string; score: number; summary: string; verdicts: unknown }): string {
  return createHash("sha256").update(JSON.stringify([result.criteriaHash, result.score, result.summary, result.verdicts])).digest("hex").slice(0, 16);
}
