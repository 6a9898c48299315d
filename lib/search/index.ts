import { visibleCandidates, visibleJobs, type Viewer } from "@/lib/auth/job-access";
import { isAdminRole } from "@/lib/auth/roles";
import { z } from "zod";
import { db } from "@/lib/db/client";

/**
 * The shell's search: candidates by name or email across all of the organization's jobs, and jobs
 * by title. Every query is scoped to one organization (the caller's, from the session); another
 * organization's rows cannot match. Candidates are paginated in the database.
 */

export const SEARCH_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 100;
const MAX_TERMS = 6;

export const SearchInput = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, { error: `Search with at most ${MAX_QUERY_LENGTH} characters` })
    .catch((ctx) => (typeof ctx.value === "string" ? ctx.value.trim().slice(0, MAX_QUERY_LENGTH) : ""))
    .default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type SearchInput = z.infer<typeof SearchInput>;

/** Words of the query; each must match (in the name or in one of the emails). */
export function searchTerms(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

/** LIKE pattern that matches the text anywhere, with %, _ and \ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;
const prefixPattern = (text: string) => `${text.replace(/[\\%_]/g, "\\$&")}%`;

export interface CandidateHit {
  id: string;
  jobId: string;
  jobTitle: string;
  name: string;
  /** The email that matched, else the first one. */
  email: string | null;
  headline: string | null;
  stage: string | null;
  archived: boolean;
  score: number | null;
}

export interface CandidateSearchPage {
  q: string;
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  rows: CandidateHit[];
}

/**
 * Candidates whose name or an email contains every word of the query, across the organization's
 * jobs: names starting with the query first, then active before archived, then by name.
 */
export async function searchCandidates(viewer: Viewer, input: { q: string; page?: number }, pageSize = SEARCH_PAGE_SIZE): Promise<CandidateSearchPage> {
  const { organizationId } = viewer;
  if (!organizationId) throw new Error("searchCandidates needs an organization");
  const q = input.q.trim().slice(0, MAX_QUERY_LENGTH);
  const terms = searchTerms(q);
  if (terms.length === 0) return { q, total: 0, page: 1, pages: 1, pageSize, rows: [] };
  const prisma = await db();

  const params: unknown[] = [organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const matches = terms
    .map((term) => {
      const p = param(containsPattern(term));
      return `(c."name" ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(c."emails") AS e(address) WHERE e.address ILIKE ${p}))`;
    })
    .join(" AND ");
  // Confidential jobs' candidates only for those who may see the job (admins, members given access).
  const visible = isAdminRole(viewer.role) ? null : (await prisma.job.findMany({ where: visibleJobs(viewer), select: { id: true } })).map((j) => j.id);
  const where = `c."organizationId" = $1 AND ${matches}${visible ? ` AND c."jobId" = ANY(${param(visible)}::text[])` : ""}`;

  const [{ total }] = await prisma.$queryRawUnsafe<[{ total: number }]>(`SELECT count(*)::int AS total FROM "Candidate" c WHERE ${where}`, ...params);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pages);
  if (total === 0) return { q, total, page, pages, pageSize, rows: [] };

  const prefix = param(prefixPattern(q));
  const limit = param(pageSize);
  const offset = param((page - 1) * pageSize);
  const ids = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id FROM "Candidate" c WHERE ${where}
     ORDER BY (c."name" ILIKE ${prefix}) DESC, (c."archivedAt" IS NULL) DESC, lower(c."name"), c.id
     LIMIT ${limit} OFFSET ${offset}`,
    ...params,
  );
  const order = new Map(ids.map((r, i) => [r.id, i]));
  const found = ids.length
    ? await prisma.candidate.findMany({
        where: { ...visibleCandidates(viewer), id: { in: ids.map((r) => r.id) } },
        select: {
          id: true,
          name: true,
          emails: true,
          headline: true,
          archivedAt: true,
          job: { select: { id: true, title: true } },
          stage: { select: { text: true } },
          screeningResults: { select: { score: true } },
        },
      })
    : [];
  const lowered = terms.map((t) => t.toLowerCase());
  const rows = found
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((c) => ({
      id: c.id,
      jobId: c.job.id,
      jobTitle: c.job.title,
      name: c.name,
      email: c.emails.find((e) => lowered.some((t) => e.toLowerCase().includes(t))) ?? c.emails[0] ?? null,
      headline: c.headline,
      stage: c.stage?.text ?? null,
      archived: c.archivedAt !== null,
      score: c.screeningResults[0]?.score ?? null,
    }));
  return { q, total, page, pages, pageSize, rows };
}

export interface JobHit {
  id: string;
  title: string;
  team: string | null;
  location: string | null;
  candidates: number;
}

/** Jobs whose title contains every word of the query, titles starting with it first. */
export async function searchJobs(viewer: Viewer, q: string, limit = 5): Promise<{ total: number; rows: JobHit[] }> {
  const { organizationId } = viewer;
  if (!organizationId) throw new Error("searchJobs needs an organization");
  const terms = searchTerms(q);
  if (terms.length === 0) return { total: 0, rows: [] };
  const prisma = await db();
  const where = { ...visibleJobs(viewer), AND: terms.map((t) => ({ title: { contains: t, mode: "insensitive" as const } })) };
  const [total, jobs] = await Promise.all([
    prisma.job.count({ where }),
    prisma.job.findMany({
      where,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, title: true, team: true, location: true, _count: { select: { candidates: true } } },
    }),
  ]);
  const start = q.trim().toLowerCase();
  const rows = jobs
    .sort((a, b) => Number(b.title.toLowerCase().startsWith(start)) - Number(a.title.toLowerCase().startsWith(start)))
    .slice(0, limit)
    .map((j) => ({ id: j.id, title: j.title, team: j.team, location: j.location, candidates: j._count.candidates }));
  return { total, rows };
}
