import { audit } from "@/lib/audit";
import { describeAtsError } from "@/lib/ats/errors";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { importCandidate, syncCandidateState, type ImportOutcome } from "./candidates";

/**
 * Worker side of a webhook delivery, for every ATS. Throws on failures worth retrying (pg-boss retries
 * with backoff, then dead-letters); records the outcome in the delivery and the connection's activity log.
 */
export async function processDelivery(deliveryId: string): Promise<ImportOutcome | null> {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { connection: { include: { settings: true } } },
  });
  if (!delivery || delivery.status === "PROCESSED" || delivery.status === "SKIPPED" || delivery.status === "TEST") return null;
  const { connection } = delivery;
  const provider = providerFor(connection.provider);
  const target = { organizationId: delivery.organizationId, connectionId: delivery.connectionId };

  const finish = async (status: "PROCESSED" | "SKIPPED", outcome: string) => {
    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status, outcome, processedAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  };

  if (connection.status !== "ACTIVE") {
    const message = `Not processed: the ${provider.label} connection is ${connection.status === "DISCONNECTED" ? "disconnected" : "waiting to be reconnected"}`;
    await finish("SKIPPED", message);
    await audit(prisma, { ...target, action: "webhook.skipped", message, level: "warn" });
    return { kind: "skipped", message };
  }
  const externalId = delivery.externalCandidateId;
  // The provider named the event when it was received; the kind decides what the core does.
  const kind = provider.webhookEventKind(delivery.event);
  try {
    let outcome: ImportOutcome;
    if (!externalId) outcome = { kind: "skipped", message: `${delivery.event} without a candidate id` };
    else if (kind === "candidate.created") outcome = await importCandidate(connection, externalId, "WEBHOOK");
    else if (kind === "candidate.changed") outcome = await syncCandidateState(connection, externalId);
    else outcome = { kind: "skipped", message: `${delivery.event} is not used by the app` };

    await finish(outcome.kind === "imported" ? "PROCESSED" : "SKIPPED", outcome.message);
    await audit(prisma, {
      ...target,
      action: outcome.kind === "imported" ? "webhook.imported" : "webhook.skipped",
      message: outcome.message,
      details: { event: delivery.event, candidateId: externalId, ...(outcome.kind === "skipped" && outcome.waitingFor ? { waitingFor: { ...outcome.waitingFor } } : {}) },
    });
    return outcome;
  } catch (error) {
    const message = describeAtsError(error, provider.label);
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: message },
    });
    await audit(prisma, { ...target, action: "webhook.failed", message: `Could not process ${delivery.event} for ${externalId}: ${message}`, level: "error" });
    log.warn("webhook processing failed", { deliveryId, message });
    throw error;
  }
}
