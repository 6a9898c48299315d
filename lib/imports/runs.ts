import { randomUUID } from "node:crypto";
import type { OrgContext } from "@/lib/auth/guard";
import { visibleJobs } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { describeAtsError, isPermanentAtsError } from "@/lib/ats/errors";
import type { AtsCandidate, AtsSession } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { requireActiveConnection } from "@/lib/connections/lookup";
import { conflict, fromZod, notFound } from "@/lib/errors";
import type { ImportRunStatus } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueue, enqueueInTransaction } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { announceImportFinished } from "@/lib/notifications/raise";
import { importCandidate } from "./candidates";
import { getJobForOrg } from "./jobs";
import { isOwnId } from "@/lib/ids";
import { StartApplicantImportSchema } from "./schemas";

/**
 * Manual imports of a job's existing ATS applicants, run in the background as an ImportRun.
 *
 * The run is worked by whichever worker holds its lease (renewed with every applicant). Progress is
 * saved per applicant and the cursor (the ATS's token of the page being worked on) per page, so a
 * worker that dies is replaced by another that resumes from the cursor, skipping the applicants of
 * that page it had already counted. Every applicant goes through importCandidate, the import the
 * webhook uses, at low priority on the connection's shared rate limit so webhooks keep flowing.
 */

export const KIND_APPLICANTS = "applicants";
const ACTIVE: ImportRunStatus[] = ["QUEUED", "RUNNING"];
// A live worker renews its lease every quarter of it (see the heartbeat), so a dead one's run is free
// again within 20 s and the watchdog (lib/worker/handlers.ts) sends it to another within about 30 s.
export const LEASE_MS = 20_000;
const PAGE_SIZE = 100;
// Enough applicants in flight to keep the rate limit busy while others parse résumés or wait on the database.
const CONCURRENCY = 6;
/** A queued run nobody picked up for this long (its job lost, or all workers busy) is sent again. */
const QUEUED_STALE_MS = 5 * 60_000;

export interface RunView {
  id: string;
  jobId: string | null;
  status: ImportRunStatus;
  includeArchived: boolean;
  reimport: boolean;
  total: number | null;
  done: number;
  created: number;
  updated: number;
  failed: number;
  skipped: number;
  cancelRequested: boolean;
  lastError: string | null;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Applicants per second since the run started (the page refines it from its own samples). */
  ratePerSec: number | null;
  etaSeconds: number | null;
  /** Running, but nobody holds the lease: its worker died or gave it back, and another is about to resume it. */
  resuming: boolean;
}

type RunRow = {
  id: string;
  jobId: string | null;
  status: ImportRunStatus;
  includeArchived: boolean;
  rescreen: boolean;
  total: number | null;
  done: number;
  created: number;
  updated: number;
  failed: number;
  cancelRequested: boolean;
  lastError: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  startedById: string | null;
  leaseUntil: Date | null;
};

export function toView(run: RunRow, startedBy: string | null = null, now = Date.now()): RunView {
  const elapsed = run.startedAt ? ((run.finishedAt ?? new Date(now)).getTime() - run.startedAt.getTime()) / 1000 : 0;
  const ratePerSec = elapsed > 1 && run.done > 0 ? run.done / elapsed : null;
  const remaining = run.total === null ? null : Math.max(0, run.total - run.done);
  return {
    id: run.id,
    jobId: run.jobId,
    status: run.status,
    includeArchived: run.includeArchived,
    reimport: run.rescreen,
    total: run.total,
    done: run.done,
    created: run.created,
    updated: run.updated,
    failed: run.failed,
    skipped: Math.max(0, run.done - run.created - run.updated - run.failed),
    cancelRequested: run.cancelRequested,
    lastError: run.lastError,
    startedBy,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ratePerSec,
    etaSeconds: ACTIVE.includes(run.status) && ratePerSec && remaining !== null ? Math.round(remaining / ratePerSec) : null,
    resuming: run.status === "RUNNING" && (run.leaseUntil === null || run.leaseUntil.getTime() < now),
  };
}

async function viewOf(run: RunRow): Promise<RunView> {
  const prisma = await db();
  const user = run.startedById ? await prisma.user.findUnique({ where: { id: run.startedById }, select: { name: true, email: true } }) : null;
  return toView(run, user ? (user.name ?? user.email) : null);
}

/** Starts importing a job's ATS applicants in the background; one run per job at a time. */
export async function startApplicantImport(org: OrgContext, jobId: string, input: unknown): Promise<RunView> {
  const job = await getJobForOrg(org, jobId);
  const parsed = StartApplicantImportSchema.safeParse(input ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const connection = await requireActiveConnection(org.organizationId);
  const prisma = await db();
  const run = await prisma.$transaction(async (tx) => {
    // Two recruiters clicking at once: the lock orders their transactions, so the second sees the first's run.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import-run:${job.id}`}))`;
    const running = await tx.importRun.findFirst({ where: { organizationId: org.organizationId, jobId: job.id, status: { in: ACTIVE } }, select: { id: true } });
    if (running) throw conflict("An import of this job's applicants is already running. Wait for it or cancel it first.");
    const created = await tx.importRun.create({
      data: {
        organizationId: org.organizationId,
        connectionId: connection.id,
        jobId: job.id,
        kind: KIND_APPLICANTS,
        includeArchived: parsed.data.includeArchived,
        rescreen: parsed.data.reimport,
        startedById: org.userId,
      },
    });
    // The job exists if and only if the run does.
    await enqueueInTransaction(tx, QUEUES.importsRun.name, { runId: created.id });
    return created;
  });
  await audit(prisma, {
    organizationId: org.organizationId,
    connectionId: connection.id,
    actorUserId: org.userId,
    action: "import.started",
    message: `${org.userEmail} started importing ${parsed.data.includeArchived ? "all" : "active"} ${providerFor(connection.provider).label} applicants of ${job.title}`,
  });
  return viewOf(run);
}

/** A run of a job the member may not see (confidential) is as unknown as another organization's. */
const visibleRuns = (org: OrgContext) => ({ organizationId: org.organizationId, OR: [{ jobId: null }, { job: { is: visibleJobs(org) } }] });

export async function getImportRun(org: OrgContext, runId: string): Promise<RunView> {
  const prisma = await db();
  const run = isOwnId(runId) ? await prisma.importRun.findFirst({ where: { id: runId, ...visibleRuns(org) } }) : null;
  if (!run) throw notFound("Import not found");
  return viewOf(run);
}

/** The job's newest applicant import, for the job page (everyone in the organization sees it). */
export async function latestImportRun(organizationId: string, jobId: string): Promise<RunView | null> {
  const prisma = await db();
  const run = await prisma.importRun.findFirst({ where: { organizationId, jobId, kind: KIND_APPLICANTS }, orderBy: { createdAt: "desc" } });
  return run ? viewOf(run) : null;
}

/** Asks the worker to stop after the applicants in hand; a run no live worker holds stops at once. */
export async function cancelImportRun(org: OrgContext, runId: string): Promise<RunView> {
  const prisma = await db();
  const run = isOwnId(runId) ? await prisma.importRun.findFirst({ where: { id: runId, ...visibleRuns(org) }, select: { id: true, status: true } }) : null;
  if (!run) throw notFound("Import not found");
  if (ACTIVE.includes(run.status)) {
    const now = new Date();
    await prisma.importRun.updateMany({ where: { id: run.id, organizationId: org.organizationId, status: { in: ACTIVE } }, data: { cancelRequested: true } });
    await prisma.importRun.updateMany({
      where: { id: run.id, organizationId: org.organizationId, status: { in: ACTIVE }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { status: "CANCELLED", finishedAt: now, leaseOwner: null, leaseUntil: null },
    });
  }
  return getImportRun(org, runId);
}

// ---------- the worker ----------

export interface ProcessOptions {
  /** Aborting plays a worker dying: it stops where it is and keeps its lease until it lapses. */
  signal?: AbortSignal;
  leaseMs?: number;
  concurrency?: number;
  pageSize?: number;
  /** Tests hand in a session on the simulator; the worker uses the connection's, at low priority. */
  session?: AtsSession;
}

export type ProcessResult = "succeeded" | "cancelled" | "failed" | "busy" | "finished-already" | "abandoned" | "lost-lease";

class LostLease extends Error {}

async function forEachConcurrent<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Worker side: takes the run's lease and imports its applicants page by page until done, cancelled or the lease is lost. */
export async function processImportRun(runId: string, options: ProcessOptions = {}): Promise<ProcessResult> {
  const prisma = await db();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const owner = randomUUID();
  const lease = () => new Date(Date.now() + leaseMs);
  const now = new Date();
  const claimed = await prisma.importRun.updateMany({
    where: { id: runId, status: { in: ACTIVE }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { status: "RUNNING", leaseOwner: owner, leaseUntil: lease() },
  });
  if (claimed.count === 0) {
    const existing = await prisma.importRun.findUnique({ where: { id: runId }, select: { status: true } });
    return existing && ACTIVE.includes(existing.status) ? "busy" : "finished-already";
  }

  // Every write below is conditional on still holding the lease, and extends it unless it ends it.
  const guarded = async (data: Record<string, unknown>) => {
    try {
      return await prisma.importRun.update({ where: { id: runId, leaseOwner: owner }, data: { leaseUntil: lease(), ...data }, select: { cancelRequested: true } });
    } catch (error) {
      if ((error as { code?: string }).code === "P2025") throw new LostLease();
      throw error;
    }
  };
  const finish = async (status: ImportRunStatus, extra: Record<string, unknown> = {}) => {
    await guarded({ status, finishedAt: new Date(), leaseOwner: null, leaseUntil: null, pageDoneIds: [], ...extra });
    await announce(runId);
  };

  const run = await prisma.importRun.findUniqueOrThrow({
    where: { id: runId },
    include: { job: { select: { id: true, externalId: true } }, connection: { include: { settings: true } } },
  });
  if (!run.startedAt) await guarded({ startedAt: new Date() });

  // Renewed on a timer, not only per applicant: the rate limiter may hold every applicant back for
  // longer than the lease while webhooks take the budget, and the worker is alive all the same.
  const heartbeat = setInterval(() => {
    void prisma.importRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { leaseUntil: lease() } }).catch(() => undefined);
  }, leaseMs / 4);
  try {
    if (run.cancelRequested) {
      await finish("CANCELLED");
      return "cancelled";
    }
    if (!run.job) {
      await finish("FAILED", { lastError: "The job was removed" });
      return "failed";
    }
    const provider = providerFor(run.connection.provider);
    if (run.connection.status !== "ACTIVE") {
      await finish("FAILED", { lastError: `The ${provider.label} connection is not active. Reconnect ${provider.label} in Settings → ATS and start the import again.` });
      return "failed";
    }
    const session = options.session ?? provider.session(run.connection, { priority: "low" });
    const filters = { jobExternalId: run.job.externalId, activeOnly: !run.includeArchived };
    const pageSize = options.pageSize ?? PAGE_SIZE;

    if (run.total === null) {
      // A cheap first pass over the list (one request per 100 applicants) gives an exact total for the progress bar.
      let total = 0;
      let offset: string | undefined;
      for (let pages = 1; ; pages++) {
        if (options.signal?.aborted) return "abandoned";
        const page = await session.listCandidates({ ...filters, limit: 100, cursor: offset });
        total += page.items.length;
        if (!page.next) break;
        offset = page.next;
        if (pages % 10 === 0 && (await guarded({})).cancelRequested) {
          await finish("CANCELLED");
          return "cancelled";
        }
      }
      await guarded({ total });
    }

    let offset = run.cursor ?? undefined;
    let counted = new Set(run.pageDoneIds);
    for (;;) {
      if (options.signal?.aborted) return "abandoned";
      const page = await session.listCandidates({ ...filters, limit: pageSize, cursor: offset });
      const todo = page.items.filter((o) => !counted.has(o.externalId));
      const known = run.rescreen
        ? new Set<string>()
        : new Set(
            (
              await prisma.candidate.findMany({
                where: { organizationId: run.organizationId, provider: provider.column, externalId: { in: todo.map((o) => o.externalId) } },
                select: { externalId: true },
              })
            ).map((c) => c.externalId),
          );
      let stop: "cancelled" | "abandoned" | null = null;
      // Applicants whose import met a passing error (the ATS busy past the limiter's wait, a 5xx):
      // tried once more after the rest of the page, one at a time, before they count as failed.
      const again: AtsCandidate[] = [];
      const importOne = async (applicant: AtsCandidate, lastTry: boolean) => {
        if (stop) return;
        if (options.signal?.aborted) {
          stop = "abandoned";
          return;
        }
        let outcome: "created" | "updated" | "skipped" | "failed" = "skipped";
        let lastError: string | undefined;
        if (!known.has(applicant.externalId)) {
          try {
            const result = await importCandidate(run.connection, applicant.externalId, "MANUAL", { priority: "low", candidate: applicant, session });
            outcome = result.kind === "imported" ? (result.candidateCreated ? "created" : "updated") : "skipped";
          } catch (error) {
            if (!lastTry && !isPermanentAtsError(error)) {
              again.push(applicant);
              return;
            }
            // One applicant the ATS keeps failing on must not stop the others; a later run retries it.
            outcome = "failed";
            lastError = `${applicant.name ?? applicant.externalId}: ${describeAtsError(error, provider.label)}`;
            log.warn("manual import of an applicant failed", { runId, externalId: applicant.externalId, error: describeAtsError(error, provider.label) });
          }
        }
        if (options.signal?.aborted) {
          stop = "abandoned";
          return;
        }
        const row = await guarded({
          done: { increment: 1 },
          ...(outcome === "skipped" ? {} : { [outcome]: { increment: 1 } }),
          ...(lastError ? { lastError } : {}),
          pageDoneIds: { push: applicant.externalId },
        });
        if (row.cancelRequested) stop = "cancelled";
      };
      await forEachConcurrent(todo, options.concurrency ?? CONCURRENCY, (applicant: AtsCandidate) => importOne(applicant, false));
      await forEachConcurrent(again, 1, (applicant: AtsCandidate) => importOne(applicant, true));
      if (stop === "cancelled") {
        await finish("CANCELLED");
        return "cancelled";
      }
      if (stop === "abandoned") return "abandoned";
      if (!page.next) {
        const final = await prisma.importRun.findUniqueOrThrow({ where: { id: runId }, select: { done: true } });
        // Applicants that arrived or left since the count: the total becomes what was actually seen.
        await finish("SUCCEEDED", { cursor: null, total: final.done });
        return "succeeded";
      }
      await guarded({ cursor: page.next, pageDoneIds: [] });
      offset = page.next;
      counted = new Set();
    }
  } catch (error) {
    if (error instanceof LostLease) return "lost-lease";
    const message = describeAtsError(error);
    if (isPermanentAtsError(error)) {
      await finish("FAILED", { lastError: message }).catch(() => undefined);
      return "failed";
    }
    // Give the run back so the queue's retry (or another worker) resumes it from the cursor.
    await prisma.importRun
      .updateMany({ where: { id: runId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null, lastError: message } })
      .catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/** After the queue gave up on a run: it is marked failed so nobody waits on it. */
export async function markRunFailed(runId: string, error: unknown): Promise<void> {
  const prisma = await db();
  await prisma.importRun.updateMany({
    where: { id: runId, status: { in: ACTIVE } },
    data: { status: "FAILED", finishedAt: new Date(), lastError: describeAtsError(error), leaseOwner: null, leaseUntil: null },
  });
  await announce(runId);
}

/** The run is over whatever the notification does: a failure to raise it is logged, not the run's. */
async function announce(runId: string): Promise<void> {
  try {
    await announceImportFinished(await db(), runId);
  } catch (error) {
    log.warn("could not notify of the import's end", { runId, error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Runs whose worker died (lease lapsed) or whose job never started are sent to the queue again; the
 * lease makes a duplicate harmless (it finds the run busy or finished and returns).
 */
export async function recoverStalledRuns(now = new Date()): Promise<string[]> {
  const prisma = await db();
  const stalled = await prisma.importRun.findMany({
    where: {
      status: { in: ACTIVE },
      OR: [
        { status: "RUNNING", leaseUntil: { lt: now } },
        { status: "RUNNING", leaseUntil: null, updatedAt: { lt: new Date(now.getTime() - 60_000) } },
        { status: "QUEUED", updatedAt: { lt: new Date(now.getTime() - QUEUED_STALE_MS) } },
      ],
    },
    select: { id: true },
  });
  for (const r of stalled) await enqueue(QUEUES.importsRun.name, { runId: r.id }, { singletonKey: r.id, singletonSeconds: 60 });
  return stalled.map((r) => r.id);
}
