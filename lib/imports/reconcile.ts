import { audit } from "@/lib/audit";
import { describeAtsError, isPermanentAtsError } from "@/lib/ats/errors";
import { nextInterval } from "@/lib/ats/poll-pace";
import type { AtsProvider } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { importCandidate } from "./candidates";
import { KIND_APPLICANTS } from "./runs";

const OVERLAP_MS = 10 * 60_000;
/**
 * How long a received "candidate created" delivery is the webhook path's to finish: its retries (six,
 * from 5 s with backoff) take about five minutes. A delivery older than this that has not imported its
 * candidate failed for good, and the reconcile imports the candidate itself.
 */
const DELIVERY_OWNS_MS = 15 * 60_000;
const MAX_HOLD_MS = 24 * 60 * 60_000;
const PAGE_SIZE = 100;

/**
 * Imports what webhooks missed (webhook switched off in the ATS, endpoint down, the ATS's retries used
 * up): active candidacies created since the cursor that the automatic settings would have imported. It shares
 * importCandidate and its unique keys with the webhook path, so nothing is duplicated.
 */
export async function reconcileConnection(connectionId: string, now = new Date()): Promise<{ seen: number; imported: number; failed: number }> {
  const prisma = await db();
  const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId }, include: { settings: true } });
  if (!connection || connection.status !== "ACTIVE") return { seen: 0, imported: 0, failed: 0 };
  const provider = providerFor(connection.provider);
  const settings = connection.settings;
  const since = (connection.reconcileCursor ?? connection.connectedAt).getTime() - OVERLAP_MS;
  let seen = 0;
  let imported = 0;
  let failed = 0;
  let newest = since + OVERLAP_MS;
  // Just before the oldest candidacy this pass left for later (a failure, or another path importing it):
  // the cursor may not pass it, whichever newer ones come after it in the listing.
  // A day at most: a candidacy that keeps failing must not keep every later pass listing from it.
  let holdBefore = Infinity;
  const hold = (createdAt: number) => {
    if (createdAt > now.getTime() - MAX_HOLD_MS) holdBefore = Math.min(holdBefore, createdAt - 1);
  };

  if (settings?.autoGenerateJobs || settings?.autoImportCandidates) {
    const session = provider.session(connection, { priority: "low" });
    const importing = await jobsBeingImported(connection.id);
    let cursor: string | undefined;
    do {
      // Active ones only: a candidacy rejected or hired in the ATS before the reconcile saw it has been decided
      // there, and a recruiter who wants those imports them by hand ("include archived").
      const page = await session.listCandidates({ createdSince: new Date(since), activeOnly: true, limit: PAGE_SIZE, cursor });
      const { existing, arriving } = await knownOnPage(connection, provider, page.items.map((c) => c.externalId), now);
      for (const candidate of page.items) {
        seen += 1;
        const createdAt = candidate.externalCreatedAt?.getTime() ?? 0;
        newest = Math.max(newest, createdAt);
        if (existing.has(candidate.externalId)) continue;
        if (arriving.has(candidate.externalId) || (candidate.jobExternalId !== null && importing.has(candidate.jobExternalId))) {
          // Its webhook delivery is queued or being retried, or a recruiter's import of its job is running:
          // that path imports it. The cursor stays before it, so a later pass still imports it if the
          // delivery fails for good or the import leaves it out.
          hold(createdAt);
          continue;
        }
        try {
          const outcome = await importCandidate(connection, candidate.externalId, "RECONCILE", { session, candidate });
          if (outcome.kind === "imported") {
            imported += 1;
            await audit(prisma, { organizationId: connection.organizationId, connectionId: connection.id, action: "reconcile.imported", message: `${outcome.message} (missed by webhooks)` });
          }
        } catch (error) {
          // One bad candidacy must not stop the rest. A passing failure is tried again on the next pass
          // (the cursor stays before it); one the ATS refuses for good is left in the activity log.
          failed += 1;
          if (!isPermanentAtsError(error)) hold(createdAt);
          log.warn("reconcile could not import a candidate", { connectionId, externalId: candidate.externalId, error: describeAtsError(error, provider.label) });
        }
      }
      cursor = page.next ?? undefined;
    } while (cursor);
  }
  // The newest application seen (or the connection's start) and the last webhook are its activity.
  const lastActivity = new Date(Math.max(newest, connection.lastWebhookAt?.getTime() ?? 0));
  const interval = nextInterval(connection.reconcileIntervalSec, imported > 0, lastActivity, now);
  await prisma.atsConnection.update({
    where: { id: connection.id },
    data: {
      reconcileCursor: new Date(Math.min(newest, holdBefore, now.getTime())),
      reconcileIntervalSec: interval,
      nextReconcileAt: new Date(now.getTime() + interval * 1000),
    },
  });
  return { seen, imported, failed };
}

/**
 * Of one page's candidacies: those already imported, and those a recent webhook delivery is still
 * bringing in. Two queries a page; during a burst of applications most of a page is one or the other,
 * and fetching them again from the ATS would spend its rate limit twice.
 */
async function knownOnPage(
  connection: { id: string; organizationId: string },
  provider: Pick<AtsProvider, "column" | "webhookEventKind">,
  externalIds: string[],
  now: Date,
): Promise<{ existing: Set<string>; arriving: Set<string> }> {
  if (externalIds.length === 0) return { existing: new Set(), arriving: new Set() };
  const prisma = await db();
  const [candidates, deliveries] = await Promise.all([
    prisma.candidate.findMany({
      where: { organizationId: connection.organizationId, provider: provider.column, externalId: { in: externalIds } },
      select: { externalId: true },
    }),
    prisma.webhookDelivery.findMany({
      where: {
        connectionId: connection.id,
        externalCandidateId: { in: externalIds },
        status: { in: ["RECEIVED", "FAILED"] },
        receivedAt: { gte: new Date(now.getTime() - DELIVERY_OWNS_MS) },
      },
      select: { externalCandidateId: true, event: true },
    }),
  ]);
  return {
    existing: new Set(candidates.map((c) => c.externalId)),
    arriving: new Set(deliveries.filter((d) => provider.webhookEventKind(d.event) === "candidate.created").map((d) => d.externalCandidateId!)),
  };
}

/** The ATS ids of jobs whose applicants an import run of this connection is importing now. */
async function jobsBeingImported(connectionId: string): Promise<Set<string>> {
  const prisma = await db();
  const runs = await prisma.importRun.findMany({
    where: { connectionId, kind: KIND_APPLICANTS, status: { in: ["QUEUED", "RUNNING"] }, jobId: { not: null } },
    select: { job: { select: { externalId: true } } },
  });
  return new Set(runs.flatMap((r) => (r.job ? [r.job.externalId] : [])));
}

/** Connections whose next reconcile is due. */
export async function dueReconciles(now = new Date()): Promise<string[]> {
  const prisma = await db();
  const rows = await prisma.atsConnection.findMany({
    where: { status: "ACTIVE", OR: [{ nextReconcileAt: null }, { nextReconcileAt: { lte: now } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
