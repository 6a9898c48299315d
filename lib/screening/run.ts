import { jobOr404 } from "@/lib/auth/job-access";
import { createHash } from "node:crypto";
import pLimit from "p-limit";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";
import { enqueue, enqueueInTransaction } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/definitions";
import { log } from "@/lib/log";
import { recordDecisions, recordResultVersion } from "@/lib/decisions/record";
import { skipForHumanReview } from "@/lib/screening/human-review-hold";
import { candidateUrl, requestResultNote } from "@/lib/writeback";
import { jobCriteria } from "./criteria";
import { criteriaHash } from "./hash";
import { createEngine } from "./index";
import { LLM_ENGINE_VERSION } from "./llm";
import { LOCAL_ENGINE_VERSION } from "./local";
import { formatResultNote } from "./result-note";
import { requiredState } from "./score";
import type { ApplicationAnswer, CandidateInput, CriterionInput, CriterionVerdict, ParsedPosition, ParsedSchool, ScreeningEngine } from "./types";

/**
 * Screening as background work: one candidate (`screening.run`), or all of a job's candidates in
 * bounded batches (`screening.job`, which re-enqueues itself for the next batch). A result is
 * rewritten only when the criteria, the candidate's résumé data or the engine changed.
 */

/** What one stored verdict holds: the criterion as it was when screened, so results stay readable after edits. */
export interface StoredVerdict extends CriterionVerdict {
  text: string;
  kind: CriterionInput["kind"];
  weight: CriterionInput["weight"];
}

export interface ScreenCandidateJob {
  organizationId: string;
  candidateId: string;
  /** The user who confirmed screening a candidate who asked for a human review (lib/oversight). */
  humanReviewConfirmedBy?: string;
}

export interface ScreenJobBatch {
  organizationId: string;
  jobId: string;
  /** Candidates with an id after this one are next (the batches walk the job's candidates by id). */
  after?: string;
}

/** Candidates one `screening.job` handles before handing the rest to the next job. */
export const JOB_BATCH_SIZE = 25;

const g = globalThis as unknown as { __screeningEngine?: ScreeningEngine };

/** The process's engine: the LLM one when configured (its concurrency bound is per instance), else the local one. */
export function screeningEngine(): ScreeningEngine {
  g.__screeningEngine ??= createEngine(config().screeningLlm);
  return g.__screeningEngine;
}

/**
 * Changes when results from the engine would: the local rules' version, or the model, the LLM
 * engine's prompt and checks, and the local rules it falls back to per criterion.
 */
export function engineVersion(): string {
  const llm = config().screeningLlm;
  return llm ? `${LLM_ENGINE_VERSION}:${llm.model}:${LOCAL_ENGINE_VERSION}` : LOCAL_ENGINE_VERSION;
}

interface CandidateRow {
  resumeText: string | null;
  parsedPositions: unknown;
  parsedSchools: unknown;
  applicationAnswers: unknown;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Stored answers are `[{ text, fields: [{ text, value }] }]`; the engine reads question/answer pairs. */
function answersOf(value: unknown): ApplicationAnswer[] {
  const out: ApplicationAnswer[] = [];
  for (const q of asArray<{ text?: string; fields?: { text?: string; value?: string }[] }>(value)) {
    for (const f of q.fields ?? []) {
      const answer = typeof f.value === "string" ? f.value.trim() : "";
      if (answer && answer !== "null") out.push({ question: (f.text || q.text || "").trim(), answer });
    }
  }
  return out;
}

export function candidateInput(row: CandidateRow): CandidateInput {
  return {
    resumeText: row.resumeText?.trim() ? row.resumeText : null,
    positions: asArray<ParsedPosition>(row.parsedPositions),
    schools: asArray<ParsedSchool>(row.parsedSchools),
    answers: answersOf(row.applicationAnswers),
  };
}

export function inputHash(input: CandidateInput, version = engineVersion()): string {
  return createHash("sha256").update(JSON.stringify([version, input.resumeText, input.positions, input.schools, input.answers])).digest("hex");
}

export type ScreenOutcome = "screened" | "unchanged" | "no_criteria" | "not_found" | "human_review";

const CANDIDATE_FIELDS = { id: true, organizationId: true, jobId: true, resumeText: true, parsedPositions: true, parsedSchools: true, applicationAnswers: true, humanReviewRequestedAt: true } as const;

/**
 * Screens one candidate against the job's current criteria and stores the result. Nothing is
 * written when the stored result already has the same criteria and input hashes, or when the job
 * has no criteria. The engine runs outside any transaction (an LLM call can take seconds).
 */
export async function screenCandidate(prisma: Prisma, job: ScreenCandidateJob, criteriaOfJob?: CriterionInput[]): Promise<ScreenOutcome> {
  const candidate = await prisma.candidate.findFirst({ where: { id: job.candidateId, organizationId: job.organizationId }, select: CANDIDATE_FIELDS });
  if (!candidate) return "not_found";
  if (candidate.humanReviewRequestedAt && !job.humanReviewConfirmedBy) return skipForHumanReview(prisma, candidate);
  const criteria = criteriaOfJob ?? (await jobCriteria(prisma, candidate.organizationId, candidate.jobId));
  if (criteria.length === 0) return "no_criteria";
  const input = candidateInput(candidate);
  const hashes = { criteriaHash: criteriaHash(criteria), inputHash: inputHash(input) };
  const existing = await prisma.screeningResult.findUnique({ where: { candidateId: candidate.id }, select: { criteriaHash: true, inputHash: true } });
  if (existing && existing.criteriaHash === hashes.criteriaHash && existing.inputHash === hashes.inputHash) return "unchanged";

  const out = await screeningEngine().screen(input, criteria);
  const byId = new Map(criteria.map((c) => [c.id, c] as const));
  const verdicts: StoredVerdict[] = out.verdicts.map((v) => {
    const c = byId.get(v.criterionId)!;
    return { ...v, text: c.text, kind: c.kind, weight: c.weight };
  });
  const required = requiredState(criteria, out.verdicts);
  const data = {
    engine: out.engine,
    score: out.score,
    requiredTier: required.tier,
    needsReview: required.needsReview.length,
    summary: out.summary,
    verdicts: verdicts as unknown as object[],
    criteriaHash: hashes.criteriaHash,
    // A fallback result is kept, but the next request tries the configured engine again.
    inputHash: out.fallback ? `${hashes.inputHash}:fallback` : hashes.inputHash,
    screenedAt: new Date(),
  };
  // The result and its note request commit together: a failure in between leaves the stored result
  // as it was (out of date, so the job's retry screens again), never a new one with no note asked for.
  await prisma.$transaction(async (tx) => {
    const result = await tx.screeningResult.upsert({
      where: { candidateId: candidate.id },
      create: { ...data, organizationId: candidate.organizationId, candidateId: candidate.id },
      update: data,
      select: { id: true },
    });
    await recordResultVersion(tx, {
      ...data,
      organizationId: candidate.organizationId,
      candidateId: candidate.id,
      jobId: candidate.jobId,
      resultId: result.id,
      engineVersion: engineVersion(),
      criteria: criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind, weight: c.weight, keptReason: "keptReason" in c ? (c.keptReason as string | null) : null })),
    });
    const note = {
      text: formatResultNote({ score: out.score, summary: out.summary, engine: out.engine === "llm" ? "llm" : "local", verdicts }, { candidateUrl: candidateUrl(candidate) }),
      score: out.score,
      requiredTier: required.tier,
    };
    await requestResultNote(tx, { organizationId: candidate.organizationId, candidateId: candidate.id, resultId: result.id, note });
    // The job's automation rules read the new result (lib/automations); queued with it, so a stored
    // result is always evaluated and a rolled-back one never is.
    if (await tx.automationRule.count({ where: { organizationId: candidate.organizationId, jobId: candidate.jobId, enabled: true, deletedAt: null } })) {
      await enqueueInTransaction(tx, QUEUES.automationsEvaluate.name, { organizationId: candidate.organizationId, jobId: candidate.jobId, candidateIds: [candidate.id] });
    }
  });
  return "screened";
}

/** One batch of a job's candidates; returns where the next batch starts, or null when done. */
export async function screenJobBatch(prisma: Prisma, batch: ScreenJobBatch, size = JOB_BATCH_SIZE): Promise<{ counts: Record<ScreenOutcome | "failed", number>; next: string | null }> {
  const counts = { screened: 0, unchanged: 0, no_criteria: 0, not_found: 0, human_review: 0, failed: 0 };
  const criteria = await jobCriteria(prisma, batch.organizationId, batch.jobId);
  if (criteria.length === 0) return { counts, next: null };
  const ids = await prisma.candidate.findMany({
    where: { organizationId: batch.organizationId, jobId: batch.jobId, ...(batch.after ? { id: { gt: batch.after } } : {}) },
    orderBy: { id: "asc" },
    take: size,
    select: { id: true },
  });
  // The LLM engine waits on the network, so its candidates overlap up to its concurrency; the local one is CPU-bound.
  const limit = pLimit(config().screeningLlm?.maxConcurrency ?? 1);
  await Promise.all(
    ids.map(({ id }) =>
      limit(async () => {
        try {
          counts[await screenCandidate(prisma, { organizationId: batch.organizationId, candidateId: id }, criteria)]++;
        } catch (error) {
          // One candidate failing must not hold up the job: it gets its own job, with its own retries.
          counts.failed++;
          log.warn("screening a candidate failed; retrying it on its own", { candidateId: id, error });
          await enqueue(QUEUES.screeningRun.name, { organizationId: batch.organizationId, candidateId: id } satisfies ScreenCandidateJob);
        }
      }),
    ),
  );
  return { counts, next: ids.length === size ? ids.at(-1)!.id : null };
}

/**
 * After an import: screen the candidate when the job has criteria and the stored result (if any)
 * was made from other résumé data. Comparing with the result rather than the previous row means a
 * screening that never ran (the enqueue failed, the import is retried) is still asked for.
 */
export async function screenAfterImport(tx: Tx, target: { organizationId: string; jobId: string; candidateId: string }, row: CandidateRow): Promise<boolean> {
  const criteria = await tx.screeningCriterion.count({ where: { organizationId: target.organizationId, jobId: target.jobId } });
  const result = await tx.screeningResult.findUnique({ where: { candidateId: target.candidateId }, select: { inputHash: true } });
  if (criteria === 0 || result?.inputHash === inputHash(candidateInput(row))) return false;
  await enqueueInTransaction(tx, QUEUES.screeningRun.name, { organizationId: target.organizationId, candidateId: target.candidateId } satisfies ScreenCandidateJob);
  return true;
}

async function requireCriteria(prisma: Prisma, organizationId: string, jobId: string): Promise<CriterionInput[]> {
  const criteria = await jobCriteria(prisma, organizationId, jobId);
  if (criteria.length === 0) throw conflict("This job has no screening criteria yet. Add criteria first, then screen.");
  return criteria;
}

/** "Screen all" / "Re-screen": queues the job's candidates whose result is missing or out of date. */
export async function requestJobScreening(org: OrgContext, jobId: string): Promise<{ queued: number; total: number }> {
  const prisma = await db();
  const job = await jobOr404(org, jobId, { id: true });
  const criteria = await requireCriteria(prisma, org.organizationId, job.id);
  const hash = criteriaHash(criteria);
  const [total, fresh] = await Promise.all([
    prisma.candidate.count({ where: { organizationId: org.organizationId, jobId: job.id } }),
    prisma.screeningResult.count({ where: { organizationId: org.organizationId, criteriaHash: hash, candidate: { is: { jobId: job.id } } } }),
  ]);
  if (total > 0) await enqueue(QUEUES.screeningJob.name, { organizationId: org.organizationId, jobId: job.id } satisfies ScreenJobBatch);
  return { queued: total - fresh, total };
}

/** The candidate page's "Re-screen". */
export async function requestCandidateScreening(org: OrgContext, candidateId: string): Promise<{ queued: boolean }> {
  const prisma = await db();
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({ where: { id: candidateId, organizationId: org.organizationId }, select: { id: true, jobId: true } })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  await requireCriteria(prisma, org.organizationId, candidate.jobId);
  await prisma.$transaction(async (tx) => {
    await recordDecisions(tx, [{ organizationId: org.organizationId, candidateId: candidate.id, jobId: candidate.jobId, kind: "RESCREEN", actorUserId: org.userId }]);
    await enqueueInTransaction(tx, QUEUES.screeningRun.name, { organizationId: org.organizationId, candidateId: candidate.id } satisfies ScreenCandidateJob);
  });
  return { queued: true };
}

/** Where the candidate's screening stands, for the page to poll after asking for a re-screen. */
export async function candidateScreeningStatus(org: OrgContext, candidateId: string) {
  const prisma = await db();
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({ where: { id: candidateId, organizationId: org.organizationId }, select: { id: true, jobId: true } })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  const [criteria, result] = await Promise.all([
    jobCriteria(prisma, org.organizationId, candidate.jobId),
    prisma.screeningResult.findUnique({ where: { candidateId: candidate.id }, select: { score: true, criteriaHash: true, screenedAt: true } }),
  ]);
  const current = criteriaHash(criteria);
  return { screenedAt: result?.screenedAt ?? null, score: result?.score ?? null, current: result !== null && result.criteriaHash === current };
}
