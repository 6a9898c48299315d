import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { LeverApiError, LeverClient } from "../client";
import { importApplication, type ImportOutcome } from "./application";

/** A message safe to show admins and store: no tokens, no stack. */
export function describeError(error: unknown): string {
  if (error instanceof LeverApiError) return `Lever answered ${error.status} (${error.code})`;
  if (error instanceof AppError) return error.message;
  if (error instanceof Error && error.name === "TimeoutError") return "Lever did not answer in time";
  return "Unexpected error while processing";
}

async function activity(
  target: { organizationId: string; connectionId: string },
  action: string,
  message: string,
  level: "info" | "warn" | "error" = "info",
  details?: object,
) {
  const prisma = await db();
  await prisma.auditLog.create({ data: { ...target, action, level, message, details: details ?? undefined } });
}

/** Keeps the app's copy of an imported candidate's stage and archive state in step with Lever. */
async function syncOpportunityState(connection: { id: string; organizationId: string }, opportunityId: string): Promise<ImportOutcome> {
  const prisma = await db();
  const candidate = await prisma.candidate.findUnique({
    where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: "LEVER" as const, externalId: opportunityId } },
  });
  if (!candidate) return { kind: "skipped", message: `Opportunity ${opportunityId} is not imported` };
  const opp = await LeverClient.forConnection(connection.id).getOpportunity(opportunityId);
  const externalStageId = typeof opp.stage === "string" ? opp.stage : (opp.stage?.id ?? null);
  const reasonId = opp.archived?.reason ?? null;
  const [stage, reason] = await Promise.all([
    externalStageId ? prisma.stage.findUnique({ where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: "LEVER" as const, externalId: externalStageId } } }) : null,
    reasonId ? prisma.archiveReason.findUnique({ where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: "LEVER" as const, externalId: reasonId } } }) : null,
  ]);
  await prisma.candidate.update({
    where: { id: candidate.id },
    data: {
      externalStageId,
      stageId: stage?.id ?? null,
      archivedAt: opp.archived?.archivedAt ? new Date(opp.archived.archivedAt) : null,
      externalArchiveReasonId: reasonId,
      archiveReasonId: reason?.id ?? null,
      externalUpdatedAt: opp.updatedAt ? new Date(opp.updatedAt) : null,
    },
  });
  return { kind: "imported", candidateId: candidate.id, jobId: candidate.jobId, candidateCreated: false, jobCreated: false, message: `Updated ${candidate.name}'s stage from Lever` };
}

/**
 * Worker side of a webhook delivery. Throws on failures worth retrying (pg-boss retries with
 * backoff, then dead-letters); records the outcome in the delivery and the connection's activity log.
 */
export async function processDelivery(deliveryId: string): Promise<ImportOutcome | null> {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { connection: { include: { settings: true } } },
  });
  if (!delivery || delivery.status === "PROCESSED" || delivery.status === "SKIPPED" || delivery.status === "TEST") return null;
  const { connection } = delivery;
  const target = { organizationId: delivery.organizationId, connectionId: delivery.connectionId };

  const finish = async (status: "PROCESSED" | "SKIPPED", outcome: string) => {
    await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status, outcome, processedAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  };

  if (connection.status !== "ACTIVE") {
    const message = `Not processed: the Lever connection is ${connection.status === "DISCONNECTED" ? "disconnected" : "waiting to be reconnected"}`;
    await finish("SKIPPED", message);
    await activity(target, "webhook.skipped", message, "warn");
    return { kind: "skipped", message };
  }
  const opportunityId = delivery.externalCandidateId;
  try {
    let outcome: ImportOutcome;
    if (!opportunityId) outcome = { kind: "skipped", message: `${delivery.event} without an opportunity id` };
    else if (delivery.event === "applicationCreated") outcome = await importApplication(connection, opportunityId, "WEBHOOK");
    else if (delivery.event === "candidateStageChange" || delivery.event === "candidateArchiveChange") outcome = await syncOpportunityState(connection, opportunityId);
    else outcome = { kind: "skipped", message: `${delivery.event} is not used by the app` };

    await finish(outcome.kind === "imported" ? "PROCESSED" : "SKIPPED", outcome.message);
    await activity(target, outcome.kind === "imported" ? "webhook.imported" : "webhook.skipped", outcome.message, "info", {
      event: delivery.event,
      opportunityId,
    });
    return outcome;
  } catch (error) {
    const message = describeError(error);
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: message },
    });
    await activity(target, "webhook.failed", `Could not process ${delivery.event} for ${opportunityId}: ${message}`, "error");
    log.warn("webhook processing failed", { deliveryId, message });
    throw error;
  }
}
