import { audit } from "@/lib/audit";
import { describeAtsError } from "@/lib/ats/errors";
import { nextInterval } from "@/lib/ats/poll-pace";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { importCandidate } from "./candidates";

const OVERLAP_MS = 10 * 60_000;
const PAGE_SIZE = 100;

/**
 * Imports what webhooks missed (webhook switched off in the ATS, endpoint down, the ATS's retries used
 * up): candidacies created since the cursor that the automatic settings would have imported. It shares
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

  if (settings?.autoGenerateJobs || settings?.autoImportCandidates) {
    const session = provider.session(connection, { priority: "low" });
    let cursor: string | undefined;
    do {
      const page = await session.listCandidates({ createdSince: new Date(since), limit: PAGE_SIZE, cursor });
      for (const candidate of page.items) {
        seen += 1;
        const createdAt = candidate.externalCreatedAt?.getTime() ?? 0;
        newest = Math.max(newest, createdAt);
        const exists = await prisma.candidate.findUnique({
          where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: provider.column, externalId: candidate.externalId } },
          select: { id: true },
        });
        if (exists) continue;
        try {
          const outcome = await importCandidate(connection, candidate.externalId, "RECONCILE", { session, candidate });
          if (outcome.kind === "imported") {
            imported += 1;
            await audit(prisma, { organizationId: connection.organizationId, connectionId: connection.id, action: "reconcile.imported", message: `${outcome.message} (missed by webhooks)` });
          }
        } catch (error) {
          // One bad candidacy must not stop the rest; it is tried again on the next pass (the cursor stays before it).
          failed += 1;
          newest = Math.min(newest, (createdAt || newest) - 1);
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
      reconcileCursor: new Date(Math.min(newest, now.getTime())),
      reconcileIntervalSec: interval,
      nextReconcileAt: new Date(now.getTime() + interval * 1000),
    },
  });
  return { seen, imported, failed };
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
