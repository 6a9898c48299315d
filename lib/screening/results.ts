import { jobOr404 } from "@/lib/auth/job-access";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Prisma as P } from "@/lib/generated/prisma/client";
import { isOwnId } from "@/lib/ids";
import { cautionOf, organizationLateStages, type Caution } from "@/lib/writeback/late-stage";
import { heldForHumanReview } from "@/lib/screening/human-review-hold";
import { jobCriteria, type CriterionView } from "./criteria";
import { criteriaHash } from "./hash";
import type { StoredVerdict } from "./run";
import { REQUIRED_TIER, type RequiredStatus, type RequiredTier } from "./score";
import { VERDICTS, type Verdict } from "./types";

/**
 * Reads behind the job and candidate pages: candidates ranked by score with server-side filters and
 * pagination (so a job with thousands of applicants stays fast), and one candidate's full result.
 * Always scoped to the organization; another organization's ids are a 404.
 */

export const RANKED_PAGE_SIZE = 50;

const STATUSES = ["all", "active", "archived"] as const;
export type CandidateStatusFilter = (typeof STATUSES)[number];

export const REQUIRED_FILTERS = ["met", "review", "missing"] as const satisfies readonly RequiredStatus[];

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const many = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The page's search params; anything malformed is dropped rather than failing the page. */
export const RankedFiltersSchema = z.object({
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
  stage: z.preprocess(one, z.string().regex(/^(none|[a-z0-9]{8,40})$/i).optional().catch(undefined)),
  // Active by default: rejected candidates are out of the way until asked for.
  status: z.preprocess(one, z.enum(STATUSES).catch("active")).default("active"),
  // Where the REQUIRED criteria stand (see requiredState): "met" is the "Meets all required" filter.
  required: z.preprocess(one, z.enum(REQUIRED_FILTERS).optional().catch(undefined)),
  // "1": only results with at least one verdict that needs review (UNKNOWN).
  review: z.preprocess(one, z.enum(["1"]).optional().catch(undefined)),
  // "criterionId:VERDICT", repeated; every one must hold.
  v: z.preprocess(
    many,
    z
      .array(z.string())
      .max(10)
      .catch([])
      .transform((list) =>
        list.flatMap((raw) => {
          const [criterionId = "", verdict = ""] = raw.split(":");
          return isOwnId(criterionId) && (VERDICTS as readonly string[]).includes(verdict) ? [{ criterionId, verdict: verdict as Verdict }] : [];
        }),
      ),
  ),
});
export type RankedFilters = z.infer<typeof RankedFiltersSchema>;

export interface ResultView {
  score: number;
  requiredTier: RequiredTier;
  needsReview: number;
  summary: string;
  engine: string;
  verdicts: StoredVerdict[];
  screenedAt: Date;
  /** Screened against other criteria than the job's current ones. */
  stale: boolean;
}

function resultView(
  result: { score: number; requiredTier: number; needsReview: number; summary: string; engine: string; verdicts: unknown; criteriaHash: string; screenedAt: Date },
  current: string,
): ResultView {
  return {
    score: result.score,
    requiredTier: result.requiredTier as RequiredTier,
    needsReview: result.needsReview,
    summary: result.summary,
    engine: result.engine,
    verdicts: Array.isArray(result.verdicts) ? (result.verdicts as StoredVerdict[]) : [],
    screenedAt: result.screenedAt,
    stale: result.criteriaHash !== current,
  };
}

const requireJob = (organizationId: string, jobId: string) => jobOr404({ organizationId }, jobId, { id: true, title: true });

export interface ScreeningOverview {
  criteria: CriterionView[];
  criteriaHash: string;
  total: number;
  screened: number;
  /** Results made with other criteria than the current ones. */
  stale: number;
  unscreened: number;
  stages: { id: string; text: string }[];
}

export async function screeningOverview(organizationId: string, jobId: string): Promise<ScreeningOverview> {
  const prisma = await db();
  const job = await requireJob(organizationId, jobId);
  const criteria = await jobCriteria(prisma, organizationId, job.id);
  const hash = criteriaHash(criteria);
  const inJob = { candidate: { is: { jobId: job.id } } };
  const [total, screened, fresh, stages, held] = await Promise.all([
    prisma.candidate.count({ where: { organizationId, jobId: job.id } }),
    prisma.screeningResult.count({ where: { organizationId, ...inJob } }),
    prisma.screeningResult.count({ where: { organizationId, criteriaHash: hash, ...inJob } }),
    prisma.stage.findMany({ where: { organizationId }, orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true } }),
    // Candidates who asked for a human review are never screened automatically, so they are not waiting.
    heldForHumanReview(prisma, organizationId, job.id, hash),
  ]);
  return { criteria, criteriaHash: hash, total, screened, stale: screened - fresh - held.stale, unscreened: total - screened - held.unscreened, stages };
}

const CANDIDATE_ROW = {
  id: true,
  name: true,
  headline: true,
  emails: true,
  archivedAt: true,
  resumeStatus: true,
  stage: { select: { id: true, text: true } },
  archiveReason: { select: { text: true, type: true } },
} as const;

export interface RankedRow {
  id: string;
  name: string;
  headline: string | null;
  email: string | null;
  stage: string | null;
  archivedAt: Date | null;
  archiveReason: string | null;
  resumeStatus: string | null;
  result: ResultView | null;
  /** Why rejecting them deserves a second look (late stage or hired), if it does. */
  caution: Caution | null;
}

/**
 * The job's candidates: those who meet every REQUIRED criterion first, then those with a REQUIRED
 * criterion partly met or needing review, then those missing one (the stored `requiredTier`), each
 * group best score first; candidates not screened yet come after the screened ones (and are left
 * out when filtering on verdicts, since they have none). Two queries, each paginated in the
 * database: results ordered by tier and score, then unscreened candidates by name.
 */
export async function rankedCandidates(organizationId: string, jobId: string, filters: RankedFilters, currentHash: string) {
  const prisma = await db();
  const job = await requireJob(organizationId, jobId);
  const candidateWhere: P.CandidateWhereInput = {
    organizationId,
    jobId: job.id,
    ...(filters.stage ? { stageId: filters.stage === "none" ? null : filters.stage } : {}),
    ...(filters.status === "active" ? { archivedAt: null } : filters.status === "archived" ? { archivedAt: { not: null } } : {}),
  };
  const resultWhere: P.ScreeningResultWhereInput = {
    organizationId,
    candidate: { is: candidateWhere },
    ...(filters.required ? { requiredTier: REQUIRED_TIER[filters.required] } : {}),
    ...(filters.review ? { needsReview: { gt: 0 } } : {}),
    ...(filters.v.length ? { AND: filters.v.map((f) => ({ verdicts: { array_contains: [{ criterionId: f.criterionId, verdict: f.verdict }] } })) } : {}),
  };
  // Unscreened candidates have no verdicts, so any filter on verdicts leaves them out.
  const onVerdicts = Boolean(filters.v.length || filters.required || filters.review);
  const unscreenedWhere: P.CandidateWhereInput = { ...candidateWhere, screeningResults: { none: {} } };
  const [screenedCount, unscreenedCount] = await Promise.all([
    prisma.screeningResult.count({ where: resultWhere }),
    onVerdicts ? Promise.resolve(0) : prisma.candidate.count({ where: unscreenedWhere }),
  ]);
  const total = screenedCount + unscreenedCount;
  const pages = Math.max(1, Math.ceil(total / RANKED_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const offset = (page - 1) * RANKED_PAGE_SIZE;

  const rows: RankedRow[] = [];
  const late = await organizationLateStages(prisma, organizationId);
  const toRow = (
    c: { id: string; name: string; headline: string | null; emails: string[]; archivedAt: Date | null; resumeStatus: string | null; stage: { id: string; text: string } | null; archiveReason: { text: string; type: string } | null },
    result: ResultView | null,
  ): RankedRow => ({
    id: c.id,
    name: c.name,
    headline: c.headline,
    email: c.emails[0] ?? null,
    stage: c.stage?.text ?? null,
    archivedAt: c.archivedAt,
    archiveReason: c.archiveReason?.text ?? null,
    resumeStatus: c.resumeStatus,
    result,
    caution: cautionOf({ stageId: c.stage?.id ?? null, archiveReasonType: c.archivedAt ? (c.archiveReason?.type ?? null) : null }, late),
  });
  if (offset < screenedCount) {
    const results = await prisma.screeningResult.findMany({
      where: resultWhere,
      orderBy: [{ requiredTier: "asc" }, { score: "desc" }, { candidate: { name: "asc" } }, { id: "asc" }],
      skip: offset,
      take: RANKED_PAGE_SIZE,
      select: { score: true, requiredTier: true, needsReview: true, summary: true, engine: true, verdicts: true, criteriaHash: true, screenedAt: true, candidate: { select: CANDIDATE_ROW } },
    });
    for (const r of results) rows.push(toRow(r.candidate, resultView(r, currentHash)));
  }
  const room = RANKED_PAGE_SIZE - rows.length;
  if (room > 0 && unscreenedCount > 0) {
    const candidates = await prisma.candidate.findMany({
      where: unscreenedWhere,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: Math.max(0, offset - screenedCount),
      take: room,
      select: CANDIDATE_ROW,
    });
    for (const c of candidates) rows.push(toRow(c, null));
  }
  return { total, page, pages, rows };
}

export async function candidateDetail(organizationId: string, jobId: string, candidateId: string) {
  const prisma = await db();
  const candidate =
    isOwnId(candidateId) && isOwnId(jobId)
      ? await prisma.candidate.findFirst({
          where: { id: candidateId, organizationId, jobId },
          include: {
            job: { select: { id: true, title: true } },
            stage: { select: { text: true } },
            archiveReason: { select: { text: true } },
            screeningResults: { select: { score: true, requiredTier: true, needsReview: true, summary: true, engine: true, verdicts: true, criteriaHash: true, screenedAt: true } },
          },
        })
      : null;
  if (!candidate) throw notFound("Candidate not found");
  const criteria = await jobCriteria(prisma, organizationId, candidate.jobId);
  const current = criteriaHash(criteria);
  const stored = candidate.screeningResults[0];
  return { candidate, criteria, result: stored ? resultView(stored, current) : null };
}
