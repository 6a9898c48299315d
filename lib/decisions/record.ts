import type { Tx } from "@/lib/db/client";

/**
 * What a Decision row says happened. People's actions on a candidate, an automation's suggestion
 * confirmed or dismissed (or applied after its delay, with no person), edits of the criteria a
 * result was made against, a candidate's request for a review by a person (GDPR article 22) and its
 * clearing, and the removal of a candidate's data.
 */
export const DECISION_KINDS = [
  "ADVANCE",
  "REJECT",
  "RESTORE",
  "UNDO",
  "RESCREEN",
  "OVERRIDE",
  "SUGGESTION_CONFIRMED",
  "SUGGESTION_DISMISSED",
  "AUTO_APPLIED",
  "CRITERIA_EDIT",
  "HUMAN_REVIEW_REQUESTED",
  "HUMAN_REVIEW_CLEARED",
  "DATA_DELETED",
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DecisionEntry {
  organizationId: string;
  candidateId?: string | null;
  jobId?: string | null;
  kind: DecisionKind;
  /** Null when the app acted on its own (an automation after its delay, a retention run). */
  actorUserId: string | null;
  ruleId?: string | null;
  suggestionId?: string | null;
  writeBackActionId?: string | null;
  /** In the app's words (stage, reason, criterion…); never résumé text, which deletion must be able to remove. */
  details?: Record<string, unknown>;
}

/**
 * Records decisions in the caller's transaction, each linked to the result version its candidate had
 * at that moment (the one the person was looking at), so "what did the AI say when they rejected" can
 * be answered later even after re-screens.
 */
export async function recordDecisions(tx: Tx, entries: DecisionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const organizationId = entries[0]!.organizationId;
  const candidateIds = [...new Set(entries.map((e) => e.candidateId).filter((id): id is string => Boolean(id)))];
  const results = candidateIds.length
    ? await tx.screeningResult.findMany({ where: { organizationId, candidateId: { in: candidateIds } }, select: { candidateId: true, versionId: true } })
    : [];
  const versionOf = new Map(results.map((r) => [r.candidateId, r.versionId] as const));
  const jobs = candidateIds.length
    ? await tx.candidate.findMany({ where: { organizationId, id: { in: candidateIds } }, select: { id: true, jobId: true } })
    : [];
  const jobOf = new Map(jobs.map((c) => [c.id, c.jobId] as const));
  await tx.decision.createMany({
    data: entries.map((e) => ({
      organizationId: e.organizationId,
      candidateId: e.candidateId ?? null,
      jobId: e.jobId ?? (e.candidateId ? (jobOf.get(e.candidateId) ?? null) : null),
      resultVersionId: e.candidateId ? (versionOf.get(e.candidateId) ?? null) : null,
      kind: e.kind,
      actorUserId: e.actorUserId,
      ruleId: e.ruleId ?? null,
      suggestionId: e.suggestionId ?? null,
      writeBackActionId: e.writeBackActionId ?? null,
      details: (e.details ?? undefined) as object | undefined,
    })),
  });
}

export interface NewResultVersion {
  organizationId: string;
  candidateId: string;
  jobId: string;
  resultId: string;
  engine: string;
  engineVersion: string;
  score: number;
  summary: string;
  verdicts: object[];
  criteria: Array<{ id: string; text: string; kind: string; weight: string; keptReason?: string | null }>;
  criteriaHash: string;
  inputHash: string;
  requiredTier: number;
  needsReview: number;
  screenedAt: Date;
}

/**
 * Appends the next version of a candidate's result and points the result at it. Versions are never
 * updated afterwards; the advisory lock keeps two screenings of one candidate from taking the same number.
 */
export async function recordResultVersion(tx: Tx, v: NewResultVersion): Promise<{ id: string; version: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`result-version:${v.candidateId}`}))`;
  const last = await tx.screeningResultVersion.findFirst({ where: { candidateId: v.candidateId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const { resultId, ...fields } = v;
  const row = await tx.screeningResultVersion.create({ data: { ...fields, version }, select: { id: true } });
  await tx.screeningResult.updateMany({ where: { id: resultId, organizationId: v.organizationId }, data: { versionId: row.id } });
  return { id: row.id, version };
}
