import type { OrgContext } from "@/lib/auth/guard";
import { audit } from "@/lib/audit";
import type { AtsProvider } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueue } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { connectionOr404 } from "./lookup";

/**
 * Connecting and disconnecting an ATS, for every provider: the provider does its own sign-in and
 * stores the connection; what follows (settings row, first sync of stages and reasons, audit) and
 * what a disconnect does are the same for all.
 */

export async function completeConnect(provider: AtsProvider, org: OrgContext, callbackUrl: URL): Promise<{ connectionId: string }> {
  const { connectionId, reconnected, accountId } = await provider.completeConnect(org, callbackUrl);
  const prisma = await db();
  await prisma.integrationSettings.upsert({
    where: { connectionId },
    update: {},
    create: { connectionId, organizationId: org.organizationId },
  });
  // Rejection reasons and stages are needed before anyone rejects or advances a candidate.
  await enqueue(QUEUES.syncReference.name, { connectionId }, { singletonKey: connectionId });
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    connectionId,
    action: reconnected ? "connection.reconnected" : "connection.connected",
    message: `${org.userEmail} connected ${provider.label} account ${accountId}`,
  });
  return { connectionId };
}

/**
 * Removes the app's webhooks from the ATS (best effort: the ATS may already have revoked the app),
 * forgets the tokens and releases the ATS account. Imported jobs and candidates stay.
 */
export async function disconnect(
  org: OrgContext,
  connectionId: string,
): Promise<{ webhooksRemoved: number; webhookErrors: number; provider: string; manualWebhooks: boolean }> {
  const connection = await connectionOr404(org, connectionId);
  const provider = providerFor(connection.provider);
  const prisma = await db();
  let webhooksRemoved = 0;
  let webhookErrors = 0;
  if (connection.webhooks.length && connection.status === "ACTIVE" && provider.capabilities.webhookRegistration === "api") {
    const session = provider.session(connection);
    for (const hook of connection.webhooks) {
      try {
        await session.removeWebhook(hook.externalId);
        webhooksRemoved += 1;
      } catch (error) {
        webhookErrors += 1;
        log.warn("could not remove a webhook while disconnecting", { connectionId, provider: provider.name, error });
      }
    }
  }
  await prisma.$transaction(async (tx) => {
    await tx.webhookSubscription.deleteMany({ where: { connectionId: connection.id, organizationId: org.organizationId } });
    await tx.atsConnection.update({
      where: { id: connection.id },
      data: {
        status: "DISCONNECTED",
        accountClaim: null,
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenKeyId: null,
        accessTokenExpiresAt: null,
        refreshLockUntil: null,
        disconnectedAt: new Date(),
        statusReason: `Disconnected by ${org.userEmail}`,
        tokenVersion: { increment: 1 },
      },
    });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      connectionId: connection.id,
      action: "connection.disconnected",
      message: `${org.userEmail} disconnected ${provider.label}`,
      details: { webhooksRemoved, webhookErrors },
    });
  });
  const manualWebhooks = provider.capabilities.webhookRegistration === "manual" && connection.webhooks.length > 0;
  return { webhooksRemoved, webhookErrors, provider: provider.name, manualWebhooks };
}
