import type { OrgContext } from "@/lib/auth/guard";
import { visibleJobs } from "@/lib/auth/job-access";
import { isAdminRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { fromZod, notFound, toAppError } from "@/lib/errors";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { upsertJob } from "@/lib/ats/providers/lever/import/jobs";
import type { Posting } from "@/lib/ats/providers/lever/schemas";
import { log } from "@/lib/log";
import { requireActiveConnection } from "./connection";
import { leverToAppError } from "./lever-errors";
import { ImportPostingsSchema, isOwnId, PostingSearchSchema } from "./schemas";

export interface PostingRow {
  id: string;
  title: string;
  state: string | null;
  team: string | null;
  department: string | null;
  location: string | null;
  commitment: string | null;
  confidential: boolean;
  imported: boolean;
  jobId: string | null;
}

export interface PostingPage {
  items: PostingRow[];
  /** Lever's opaque token for the next page; the browser hands it back unchanged. */
  next: string | null;
  hasNext: boolean;
}

/** Without a search one Lever page is one picker page; with one, a few Lever pages are scanned for matches. */
const BROWSE_PAGE_SIZE = 25;
const SEARCH_PAGE_SIZE = 100;
const SEARCH_MAX_PAGES = 5;
const SEARCH_ENOUGH = 25;

function matches(p: Posting, q: string): boolean {
  if (!q) return true;
  const c = p.categories;
  const haystack = [p.text, c?.team, c?.department, c?.location].filter(Boolean).join(" \u0000 ").toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * One page of the organization's Lever postings for the picker. Lever has no title search, so a
 * search scans a bounded number of Lever pages on the server and returns the matches with Lever's
 * token to carry on; the browser never holds more than what it has paged through.
 */
export async function searchLeverPostings(org: OrgContext, input: unknown): Promise<PostingPage> {
  const parsed = PostingSearchSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { states, q, offset: start } = parsed.data;
  const connection = await requireActiveConnection(org.organizationId);
  const client = LeverClient.forConnection(connection.id, { priority: "high" });

  const found: Posting[] = [];
  let offset = start;
  let hasNext = false;
  try {
    for (let scanned = 0; ; ) {
      const page = await client.postingsPage({ state: states, limit: q ? SEARCH_PAGE_SIZE : BROWSE_PAGE_SIZE, offset });
      scanned += 1;
      found.push(...page.items.filter((p) => matches(p, q)));
      hasNext = page.hasNext && page.next !== null;
      offset = page.next ?? undefined;
      if (!hasNext || !q || found.length >= SEARCH_ENOUGH || scanned >= SEARCH_MAX_PAGES) break;
    }
  } catch (error) {
    throw leverToAppError(error, { badRequest: "That page of Lever postings is no longer available. Start the search again." });
  }

  const prisma = await db();
  const imported = found.length
    ? await prisma.job.findMany({
        where: { ...visibleJobs(org), externalId: { in: found.map((p) => p.id) } },
        select: { id: true, externalId: true },
      })
    : [];
  const jobByPosting = new Map(imported.map((j) => [j.externalId, j.id]));
  // The connection sees confidential postings; a member who is not an admin sees only those whose job they were given.
  const shown = isAdminRole(org.role) ? found : found.filter((p) => p.confidentiality !== "confidential" || jobByPosting.has(p.id));
  return {
    items: shown.map((p) => ({
      id: p.id,
      title: p.text,
      state: p.state ?? null,
      team: p.categories?.team ?? null,
      department: p.categories?.department ?? null,
      location: p.categories?.location ?? null,
      commitment: p.categories?.commitment ?? null,
      confidential: p.confidentiality === "confidential",
      imported: jobByPosting.has(p.id),
      jobId: jobByPosting.get(p.id) ?? null,
    })),
    next: hasNext ? (offset ?? null) : null,
    hasNext,
  };
}

export interface PostingImportResult {
  imported: Array<{ postingId: string; jobId: string; title: string; created: boolean }>;
  failed: Array<{ postingId: string; message: string }>;
}

/**
 * A confidential posting is for admins, and for members already given its job; to anyone else it is
 * reported exactly like a posting Lever does not have.
 */
async function maySeePosting(org: OrgContext, posting: Posting): Promise<boolean> {
  if (posting.confidentiality !== "confidential" || isAdminRole(org.role)) return true;
  const prisma = await db();
  return (await prisma.job.count({ where: { ...visibleJobs(org), externalId: posting.id, confidential: true } })) > 0;
}

/** Imports (or refreshes) the chosen postings as jobs. Each posting stands alone: one failure does not undo the others. */
export async function importPostings(org: OrgContext, input: unknown): Promise<PostingImportResult> {
  const parsed = ImportPostingsSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const connection = await requireActiveConnection(org.organizationId);
  const client = LeverClient.forConnection(connection.id, { priority: "low" });
  const prisma = await db();
  const result: PostingImportResult = { imported: [], failed: [] };
  for (const postingId of [...new Set(parsed.data.postingIds)]) {
    try {
      const posting = await client.getPosting(postingId);
      if (!(await maySeePosting(org, posting))) throw notFound(`Posting ${postingId} was not found in Lever`);
      const { job, created } = await upsertJob(prisma, { organizationId: org.organizationId, connectionId: connection.id }, posting, "MANUAL", org.userId);
      result.imported.push({ postingId, jobId: job.id, title: job.title, created });
    } catch (error) {
      const appError = toAppError(leverToAppError(error, { notFound: `Posting ${postingId} was not found in Lever` }));
      if (!appError) log.warn("posting import failed", { postingId, error });
      result.failed.push({ postingId, message: appError?.message ?? "Could not import this posting" });
    }
  }
  if (result.imported.length) {
    await prisma.auditLog.create({
      data: {
        organizationId: org.organizationId,
        connectionId: connection.id,
        actorUserId: org.userId,
        action: "jobs.imported",
        message: `${org.userEmail} imported ${result.imported.map((j) => j.title).join(", ")} from Lever`,
      },
    });
  }
  return result;
}

/** Re-reads a job's posting from Lever (title, description, requirement lists, state). */
export async function resyncJob(org: OrgContext, jobId: string): Promise<{ jobId: string; title: string }> {
  const prisma = await db();
  const job = isOwnId(jobId)
    ? await prisma.job.findFirst({ where: { id: jobId, ...visibleJobs(org) }, select: { id: true, externalId: true } })
    : null;
  if (!job) throw notFound("Job not found");
  const connection = await requireActiveConnection(org.organizationId);
  const client = LeverClient.forConnection(connection.id, { priority: "high" });
  let posting: Posting;
  try {
    posting = await client.getPosting(job.externalId);
  } catch (error) {
    throw leverToAppError(error, { notFound: "This posting no longer exists in Lever (or the connection cannot see it)." });
  }
  const { job: updated } = await upsertJob(prisma, { organizationId: org.organizationId, connectionId: connection.id }, posting, "MANUAL", org.userId);
  return { jobId: updated.id, title: updated.title };
}
