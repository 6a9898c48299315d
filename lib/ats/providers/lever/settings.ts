import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/errors";
import { audit } from "@/lib/organizations/service";
import { LeverClient } from "./client";
import type { WebhookEvent } from "./schemas";

/** Events the app subscribes to: new applications, and stage/archive changes made in Lever. */
export const SUBSCRIBED_EVENTS: WebhookEvent[] = ["applicationCreated", "candidateStageChange", "candidateArchiveChange"];

const checkbox = z.enum(["on", "true", "false"]).optional().transform((v) => v === "on" || v === "true");

export const SettingsInput = z
  .object({
    connectionId: z.string().min(1).max(50),
    autoGenerateJobs: checkbox,
    autoImportCandidates: checkbox,
    postResults: checkbox,
    updateStages: checkbox,
    actingUserExternalId: z.string().max(100).optional(),
  })
  .strict();

export const webhookUrl = (connectionId: string) => `${config().appUrl}/api/webhooks/lever/${connectionId}`;

async function connectionOf(org: OrgContext, connectionId: string) {
  const prisma = await db();
  const connection = await prisma.atsConnection.findFirst({
    where: { id: connectionId, organizationId: org.organizationId, status: { not: "DISCONNECTED" } },
    include: { webhooks: true, settings: true },
  });
  if (!connection) throw notFound("Lever connection not found");
  return connection;
}

/**
 * Saves the integration settings. The first time, it also registers the app's webhooks in Lever
 * (which Lever keeps disabled until a Super Admin switches them on) and stores their signature
 * tokens encrypted.
 */
export async function applySettings(org: OrgContext, input: z.infer<typeof SettingsInput>): Promise<{ webhookUrl: string; registered: string[] }> {
  const connection = await connectionOf(org, input.connectionId);
  if (connection.status !== "ACTIVE") throw badRequest("Reconnect Lever before changing its settings.");
  const prisma = await db();

  let actingUserName: string | null | undefined;
  const client = LeverClient.forConnection(connection.id);
  if (input.actingUserExternalId && input.actingUserExternalId !== connection.actingUserExternalId) {
    const users = await client.users();
    const user = users.find((u) => u.id === input.actingUserExternalId && !u.deactivatedAt);
    if (!user) throw badRequest("Choose an active Lever user to act as.");
    actingUserName = user.name ?? user.email ?? null;
  }

  const flags = {
    autoGenerateJobs: input.autoGenerateJobs,
    autoImportCandidates: input.autoImportCandidates,
    postResults: input.postResults,
    updateStages: input.updateStages,
  };
  await prisma.integrationSettings.upsert({
    where: { connectionId: connection.id },
    update: { ...flags, appliedAt: new Date(), updatedById: org.userId },
    create: { ...flags, connectionId: connection.id, organizationId: org.organizationId, appliedAt: new Date(), updatedById: org.userId },
  });
  if (actingUserName !== undefined) {
    await prisma.atsConnection.update({
      where: { id: connection.id },
      data: { actingUserExternalId: input.actingUserExternalId, actingUserName },
    });
  }

  const url = webhookUrl(connection.id);
  const registered: string[] = [];
  const have = new Set(connection.webhooks.map((w) => w.event));
  for (const event of SUBSCRIBED_EVENTS) {
    if (have.has(event)) continue;
    const hook = await client.createWebhook({ url, event });
    const sealed = sealSecret(hook.signatureToken);
    await prisma.webhookSubscription.create({
      data: {
        organizationId: org.organizationId,
        connectionId: connection.id,
        externalId: hook.id,
        event,
        url,
        signatureTokenEnc: sealed.ciphertext,
        tokenKeyId: sealed.keyId,
      },
    });
    registered.push(event);
  }
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    connectionId: connection.id,
    action: "lever.settings_applied",
    message: `${org.userEmail} applied Lever settings`,
    details: { ...flags, registeredWebhooks: registered },
  });
  return { webhookUrl: url, registered };
}
