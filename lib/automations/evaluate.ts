import type { Prisma, Tx } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueueManyInTransaction } from "@/lib/jobs/enqueue";
import { jobCriteria } from "@/lib/screening/criteria";
import { criteriaHash } from "@/lib/screening/hash";
import { lateStageIds } from "@/lib/writeback";
import { Condition, matchCondition, type RuleVerdict, type Trigger } from "./condition";

/**
 * Rules against results: which candidates a rule suggests an action for. The same code answers the
 * rule form's preview (nothing written) and the evaluation after a screening or a rule edit (the
 * suggestions written).
 */

export interface RuleShape {
  id: string;
  condition: unknown;
  action: string;
  stageId: string | null;
  archiveReasonId: string | null;
  mode: "SUGGEST" | "AUTO_AFTER_DELAY";
  delayMinutes: number | null;
  maxStageId: string | null;
}

export interface CandidateState {
  id: string;
  stageId: string | null;
  archivedAt: Date | null;
  humanReviewRequestedAt: Date | null;
  result: { versionId: string | null; score: number; verdicts: unknown; criteriaHash: string } | null;
}

/** The organization's pipeline and the job's current criteria, read once per evaluation. */
export interface JobContext {
  position: Map<string, number>;
  stageName: Map<string, string>;
  late: Set<string>;
  currentHash: string;
}

export async function jobContext(prisma: Pick<Prisma, "stage" | "screeningCriterion">, organizationId: string, jobId: string): Promise<JobContext> {
  const stages = await prisma.stage.findMany({ where: { organizationId }, select: { id: true, text: true, position: true } });
  const criteria = await jobCriteria(prisma as Prisma, organizationId, jobId);
  return {
    position: new Map(stages.map((s) => [s.id, s.position] as const)),
    stageName: new Map(stages.map((s) => [s.id, s.text] as const)),
    late: lateStageIds(stages),
    currentHash: criteriaHash(criteria),
  };
}

export type Outcome = { suggest: true; versionId: string; trigger: Trigger } | { suggest: false; why: string };

/**
 * Whether a rule suggests its action for a candidate now. Never for a candidate who asked for a
 * human review, who is rejected or hired, who is at a late stage or past the rule's last stage, whose
 * result was made against criteria since changed, or whose verdicts the rule reads need review.
 */
export function outcomeFor(rule: RuleShape, candidate: CandidateState, ctx: JobContext): Outcome {
  if (candidate.humanReviewRequestedAt) return { suggest: false, why: "The candidate asked for a human review" };
  if (candidate.archivedAt) return { suggest: false, why: "The candidate is no longer active (rejected or hired)" };
  const result = candidate.result;
  if (!result?.versionId) return { suggest: false, why: "Not screened" };
  if (result.criteriaHash !== ctx.currentHash) return { suggest: false, why: "Screened against criteria since changed" };
  const at = candidate.stageId ? ctx.position.get(candidate.stageId) : undefined;
  if (candidate.stageId && ctx.late.has(candidate.stageId)) return { suggest: false, why: "The candidate is at a late stage" };
  if (rule.maxStageId && at !== undefined) {
    const max = ctx.position.get(rule.maxStageId);
    if (max !== undefined && at > max) return { suggest: false, why: `The candidate is past ${ctx.stageName.get(rule.maxStageId)}` };
  }
  if (rule.action === "advance" && rule.stageId && at !== undefined) {
    const target = ctx.position.get(rule.stageId);
    if (target !== undefined && at >= target) return { suggest: false, why: `The candidate is already at or past ${ctx.stageName.get(rule.stageId)}` };
  }
  const condition = Condition.safeParse(rule.condition);
  if (!condition.success) return { suggest: false, why: "The rule's condition is not valid" };
  const verdicts = Array.isArray(result.verdicts) ? (result.verdicts as RuleVerdict[]) : [];
  const match = matchCondition(condition.data, { score: result.score, verdicts });
  if (!match.matched) return { suggest: false, why: match.needsReview ? "A verdict the rule reads needs review" : "No longer matches the rule" };
  return { suggest: true, versionId: result.versionId, trigger: match.trigger };
}

export const CANDIDATE_STATE = {
  id: true,
  stageId: true,
  archivedAt: true,
  humanReviewRequestedAt: true,
  screeningResults: { select: { versionId: true, score: true, verdicts: true, criteriaHash: true }, take: 1 },
} as const;

export function candidateState(row: {
  id: string;
  stageId: string | null;
  archivedAt: Date | null;
  humanReviewRequestedAt: Date | null;
  screeningResults: Array<{ versionId: string | null; score: number; verdicts: unknown; criteriaHash: string }>;
}): CandidateState {
  return { id: row.id, stageId: row.stageId, archivedAt: row.archivedAt, humanReviewRequestedAt: row.humanReviewRequestedAt, result: row.screeningResults[0] ?? null };
}

/**
 * Writes what a rule's outcome means for one candidate, under a per-candidate lock: a match adds the
 * suggestion for this result version (a rule that applies on its own also queues its application for
 * the end of the delay) and supersedes pending ones made from older results; no match supersedes
 * every pending one, with the reason.
 */
export async function settleOutcome(tx: Tx, organizationId: string, jobId: string, rule: RuleShape, candidateId: string, outcome: Outcome, now: Date): Promise<"created" | "kept" | "superseded" | "none"> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`automation:${rule.id}:${candidateId}`}))`;
  const pending = await tx.automationSuggestion.findMany({ where: { organizationId, ruleId: rule.id, candidateId, status: "PENDING" }, select: { id: true, resultVersionId: true } });
  const stale = outcome.suggest ? pending.filter((p) => p.resultVersionId !== outcome.versionId) : pending;
  if (stale.length) {
    await tx.automationSuggestion.updateMany({
      where: { id: { in: stale.map((s) => s.id) }, status: "PENDING" },
      data: { status: "SUPERSEDED", decidedAt: now, note: outcome.suggest ? "A newer screening result replaced it" : outcome.why },
    });
    await withdrawApplications(tx, stale.map((s) => s.id));
  }
  if (!outcome.suggest) return stale.length ? "superseded" : "none";
  const target = { action: rule.action, stageId: rule.action === "advance" ? rule.stageId : null, archiveReasonId: rule.action === "reject" ? rule.archiveReasonId : null };
  const existing = await tx.automationSuggestion.findUnique({
    where: { ruleId_candidateId_resultVersionId: { ruleId: rule.id, candidateId, resultVersionId: outcome.versionId } },
    select: { id: true, status: true, applyAfter: true },
  });
  if (existing) {
    if (existing.status !== "PENDING") return "kept";
    // An edited rule: a waiting suggestion takes the rule's current action; one made while the rule only
    // suggested is not turned into an automatic one (nobody was told it would apply on its own).
    const stopApplying = existing.applyAfter && rule.mode !== "AUTO_AFTER_DELAY";
    await tx.automationSuggestion.update({ where: { id: existing.id }, data: { ...target, trigger: outcome.trigger as object, ...(stopApplying ? { applyAfter: null } : {}) } });
    if (stopApplying) await withdrawApplications(tx, [existing.id]);
    return "kept";
  }
  const applyAfter = rule.mode === "AUTO_AFTER_DELAY" && rule.delayMinutes ? new Date(now.getTime() + rule.delayMinutes * 60_000) : null;
  const created = await tx.automationSuggestion.create({
    data: { organizationId, jobId, ruleId: rule.id, candidateId, resultVersionId: outcome.versionId, ...target, trigger: outcome.trigger as object, applyAfter },
    select: { id: true },
  });
  if (applyAfter) await enqueueManyInTransaction(tx, QUEUES.automationsApply.name, [{ suggestionId: created.id }], { startAfter: applyAfter });
  return "created";
}

/**
 * Removes the queued applications of suggestions that will not apply. A job a worker already took
 * is left: the handler finds the suggestion no longer pending and does nothing.
 */
export async function withdrawApplications(tx: Pick<Tx, "$executeRawUnsafe">, suggestionIds: string[]): Promise<void> {
  if (suggestionIds.length === 0) return;
  await tx.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1 AND state = 'created' AND data->>'suggestionId' = ANY($2::text[])`, QUEUES.automationsApply.name, suggestionIds);
}

export interface EvaluateJob {
  organizationId: string;
  jobId: string;
  /** Only this rule (after it was created or edited); all of the job's rules when absent. */
  ruleId?: string;
  /** Only these candidates (after their screening); all screened candidates of the job when absent. */
  candidateIds?: string[];
}

const PAGE = 200;

/** Evaluates a job's enabled rules for its candidates and writes the suggestions; returns counts. */
export async function evaluateRules(prisma: Prisma, job: EvaluateJob, now = new Date()): Promise<Record<"created" | "kept" | "superseded" | "none", number>> {
  const counts = { created: 0, kept: 0, superseded: 0, none: 0 };
  const { organizationId, jobId } = job;
  const rules = (await prisma.automationRule.findMany({
    where: { organizationId, jobId, enabled: true, deletedAt: null, ...(job.ruleId ? { id: job.ruleId } : {}) },
    select: { id: true, condition: true, action: true, stageId: true, archiveReasonId: true, mode: true, delayMinutes: true, maxStageId: true },
  })) as RuleShape[];
  if (rules.length === 0) return counts;
  const ctx = await jobContext(prisma, organizationId, jobId);
  for (let after: string | undefined; ; ) {
    const rows = await prisma.candidate.findMany({
      where: {
        organizationId,
        jobId,
        ...(job.candidateIds ? { id: { in: job.candidateIds } } : { screeningResults: { some: {} } }),
        ...(after ? { id: { gt: after, ...(job.candidateIds ? { in: job.candidateIds } : {}) } } : {}),
      },
      orderBy: { id: "asc" },
      take: PAGE,
      select: CANDIDATE_STATE,
    });
    for (const row of rows) {
      const candidate = candidateState(row);
      await prisma.$transaction(async (tx) => {
        for (const rule of rules) counts[await settleOutcome(tx, organizationId, jobId, rule, candidate.id, outcomeFor(rule, candidate, ctx), now)]++;
      });
    }
    if (rows.length < PAGE) return counts;
    after = rows.at(-1)!.id;
  }
}
