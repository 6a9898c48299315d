import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { LeverClient } from "../client";
import { importApplication } from "./application";
import { describeError } from "./deliveries";
import { nextInterval } from "@/lib/ats/poll-pace";

const OVERLAP_MS = 10 * 60_000;
export { ACTIVE_MAX_INTERVAL_SEC, MAX_INTERVAL_SEC, MIN_INTERVAL_SEC, nextInterval } from "@/lib/ats/poll-pace";

/**
 * Imports what webhooks missed (webhook switched off in Lever, endpoint down, Lever's retries used
 * up): opportunities created since the cursor that the automatic settings would have imported.
 * It shares importApplication and its unique keys with the webhook path, so nothing is duplicated.
 */
export async function reconcileConnection(connectionId: string, now = new Date()): Promise<{ seen: number; imported: number; failed: number }> {
  const prisma = await db();
  const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId }, include: { settings: true } });
  if (!connection || connection.status !== "ACTIVE") return { seen: 0, imported: 0, failed: 0 };
  const settings = connection.settings;
  const since = (connection.reconcileCursor ?? connection.connectedAt).getTime() - OVERLAP_MS;
  let seen = 0;
  let imported = 0;
  let failed = 0;
  let newest = since + OVERLAP_MS;

  if (settings?.autoGenerateJobs || settings?.autoImportCandidates) {
    const client = LeverClient.forConnection(connection.id, { priority: "low" });
    for await (const opp of client.opportunities({ created_at_start: since })) {
      seen += 1;
      newest = Math.max(newest, opp.createdAt ?? 0);
      const exists = await prisma.candidate.findUnique({
        where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: "LEVER" as const, externalId: opp.id } },
        select: { id: true },
      });
      if (exists) continue;
      try {
        const outcome = await importApplication(connection, opp.id, "RECONCILE", { client, opportunity: opp });
        if (outcome.kind === "imported") {
          imported += 1;
          await prisma.auditLog.create({
            data: { organizationId: connection.organizationId, connectionId: connection.id, action: "reconcile.imported", message: `${outcome.message} (missed by webhooks)` },
          });
        }
      } catch (error) {
        // One bad opportunity must not stop the rest; it is tried again on the next pass (the cursor stays before it).
        failed += 1;
        newest = Math.min(newest, (opp.createdAt ?? newest) - 1);
        log.warn("reconcile could not import an opportunity", { connectionId, opportunityId: opp.id, error: describeError(error) });
      }
    }
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
