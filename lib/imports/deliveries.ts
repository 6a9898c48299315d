import { audit } from "@/lib/audit";
import { describeAtsError } from "@/lib/ats/errors";
import type { ProviderColumn } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { deleteCandidateData } from "@/lib/candidates/deletion";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { importCandidate, syncCandidateState, type ImportOutcome } from "./candidates";

/**
 * Worker side of a webhook delivery, for every ATS. Throws on failures worth retrying (pg-boss retries
 * with backoff, then dead-letters); records the outcome in the delivery and the connection's activity log.
 */
export type DeliveryOutcome = ImportOutcome | { kind: "deleted"; message: string };

export async function processDelivery(deliveryId: string): Promise<DeliveryOutcome | null> {
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

  // The provider named the event when it was received; the kind decides what the core does.
  const kind = provider.webhookEventKind(delivery.event);
  // A deletion needs no call to the ATS, so it is honoured even while the connection waits for a reconnect.
  if (kind === "candidate.deleted") return deleteFromDelivery(delivery, provider.column, provider.label, finish);

  if (connection.status !== "ACTIVE") {
    const message = `Not processed: the ${provider.label} connection is ${connection.status === "DISCONNECTED" ? "disconnected" : "waiting to be reconnected"}`;
    await finish("SKIPPED", message);
    await audit(prisma, { ...target, action: "webhook.skipped", message, level: "warn" });
    return { kind: "skipped", message };
  }
  const externalId = delivery.externalCandidateId;
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

/** The person was deleted in the ATS: their candidacies here go too, keeping the anonymized decision record. */
async function deleteFromDelivery(
  delivery: { id: string; organizationId: string; connectionId: string; event: string; externalCandidateId: string | null; externalPersonId: string | null },
  column: ProviderColumn,
  label: string,
  finish: (status: "PROCESSED" | "SKIPPED", outcome: string) => Promise<void>,
): Promise<DeliveryOutcome> {
  const outcome = await deleteCandidateData({
    organizationId: delivery.organizationId,
    provider: column,
    externalCandidateIds: delivery.externalCandidateId ? [delivery.externalCandidateId] : [],
    externalPersonId: delivery.externalPersonId,
    samePerson: true,
    reason: "ats",
    actorUserId: null,
    connectionId: delivery.connectionId,
  });
  const message = outcome.deleted
    ? `Deleted ${outcome.deleted === 1 ? "1 candidacy" : `${outcome.deleted} candidacies`} of a candidate deleted in ${label}`
    : `${delivery.event}: no candidate of this person is in the app`;
  await finish(outcome.deleted ? "PROCESSED" : "SKIPPED", message);
  return outcome.deleted ? { kind: "deleted", message } : { kind: "skipped", message };
}
