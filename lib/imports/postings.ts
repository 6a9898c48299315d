import { jobOr404 } from "@/lib/auth/job-access";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/guard";
import { visibleJobs } from "@/lib/auth/job-access";
import { isAdminRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { fromZod, notFound, toAppError } from "@/lib/errors";
import { atsToAppError } from "@/lib/ats/errors";
import type { AtsJob, ProviderColumn } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { requireActiveConnection } from "@/lib/connections/lookup";
import { log } from "@/lib/log";
import { upsertJob } from "./candidates";
import { ImportPostingsSchema, PostingSearchSchema } from "./schemas";

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
  /** The ATS's opaque token for the next page; the browser hands it back unchanged. */
  next: string | null;
  hasNext: boolean;
}

/** Without a search one ATS page is one picker page; with one, a few ATS pages are scanned for matches. */
const BROWSE_PAGE_SIZE = 25;
const SEARCH_PAGE_SIZE = 100;
const SEARCH_MAX_PAGES = 5;
const SEARCH_ENOUGH = 25;

function matches(j: AtsJob, q: string): boolean {
  if (!q) return true;
  const haystack = [j.title, j.team, j.department, j.location].filter(Boolean).join(" \u0000 ").toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * One page of the organization's ATS jobs (postings) for the picker. An ATS may have no title search
 * (Lever has none), so a search scans a bounded number of pages on the server and returns the matches
 * with the ATS's token to carry on; the browser never holds more than what it has paged through.
 */
export async function searchAtsPostings(org: OrgContext, input: unknown): Promise<PostingPage> {
  const parsed = PostingSearchSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { states, q, offset: start } = parsed.data;
  const connection = await requireActiveConnection(org.organizationId);
  const provider = providerFor(connection.provider);
  const session = provider.session(connection, { priority: "high" });

  const found: AtsJob[] = [];
  let offset = start;
  let hasNext = false;
  try {
    for (let scanned = 0; ; ) {
      const page = await session.listJobs({ states, limit: q ? SEARCH_PAGE_SIZE : BROWSE_PAGE_SIZE, cursor: offset });
      scanned += 1;
      found.push(...page.items.filter((p) => matches(p, q)));
      hasNext = page.next !== null;
      offset = page.next ?? undefined;
      if (!hasNext || !q || found.length >= SEARCH_ENOUGH || scanned >= SEARCH_MAX_PAGES) break;
    }
  } catch (error) {
    throw atsToAppError(error, provider.label, { badRequest: `That page of ${provider.label} postings is no longer available. Start the search again.` });
  }

  const prisma = await db();
  const imported = found.length
    ? await prisma.job.findMany({
        where: { ...visibleJobs(org), provider: provider.column, externalId: { in: found.map((p) => p.externalId) } },
        select: { id: true, externalId: true },
      })
    : [];
  const jobByPosting = new Map(imported.map((j) => [j.externalId, j.id]));
  // The connection sees confidential postings; a member who is not an admin sees only those whose job they were given.
  const shown = isAdminRole(org.role) ? found : found.filter((p) => !p.confidential || jobByPosting.has(p.externalId));
  return {
    items: shown.map((p) => ({
      id: p.externalId,
      title: p.title,
      state: p.state,
      team: p.team,
      department: p.department,
      location: p.location,
      commitment: p.commitment,
      confidential: p.confidential,
      imported: jobByPosting.has(p.externalId),
      jobId: jobByPosting.get(p.externalId) ?? null,
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
 * reported exactly like a posting the ATS does not have.
 */
async function maySeePosting(org: OrgContext, posting: AtsJob, provider: ProviderColumn): Promise<boolean> {
  if (!posting.confidential || isAdminRole(org.role)) return true;
  const prisma = await db();
  return (await prisma.job.count({ where: { ...visibleJobs(org), provider, externalId: posting.externalId, confidential: true } })) > 0;
}


/** Imports (or refreshes) the chosen postings as jobs. Each posting stands alone: one failure does not undo the others. */
export async function importPostings(org: OrgContext, input: unknown): Promise<PostingImportResult> {
  const parsed = ImportPostingsSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const connection = await requireActiveConnection(org.organizationId);
  const provider = providerFor(connection.provider);
  const session = provider.session(connection, { priority: "low" });
  const prisma = await db();
  const target = { organizationId: org.organizationId, connectionId: connection.id, provider: provider.column };
  const result: PostingImportResult = { imported: [], failed: [] };
  for (const postingId of [...new Set(parsed.data.postingIds)]) {
    const missing = `Posting ${postingId} was not found in ${provider.label}`;
    try {
      const posting = await session.getJob(postingId);
      if (!(await maySeePosting(org, posting, provider.column))) throw notFound(missing);
      const { job, created } = await upsertJob(prisma, target, posting, "MANUAL", org.userId);
      result.imported.push({ postingId, jobId: job.id, title: job.title, created });
    } catch (error) {
      const appError = toAppError(atsToAppError(error, provider.label, { notFound: missing }));
      if (!appError) log.warn("posting import failed", { postingId, error });
      result.failed.push({ postingId, message: appError?.message ?? "Could not import this posting" });
    }
  }
  if (result.imported.length) {
    await audit(prisma, {
      organizationId: org.organizationId,
      connectionId: connection.id,
      actorUserId: org.userId,
      action: "jobs.imported",
      message: `${org.userEmail} imported ${result.imported.map((j) => j.title).join(", ")} from ${provider.label}`,
    });
  }
  return result;
}

/** Re-reads a job's posting from the ATS (title, description, requirement lists, state). */
export async function resyncJob(org: OrgContext, jobId: string): Promise<{ jobId: string; title: string }> {
  const prisma = await db();
  const job = await jobOr404(org, jobId, { id: true, externalId: true, provider: true });
  const connection = await requireActiveConnection(org.organizationId);
  const provider = providerFor(connection.provider);
  if (job.provider !== provider.column) throw notFound(`This job came from ${providerFor(job.provider).label}, which is no longer connected.`);
  let posting: AtsJob;
  try {
    posting = await provider.session(connection, { priority: "high" }).getJob(job.externalId);
  } catch (error) {
    throw atsToAppError(error, provider.label, { notFound: `This posting no longer exists in ${provider.label} (or the connection cannot see it).` });
  }
  const { job: updated } = await upsertJob(prisma, { organizationId: org.organizationId, connectionId: connection.id, provider: provider.column }, posting, "MANUAL", org.userId);
  return { jobId: updated.id, title: updated.title };
}
