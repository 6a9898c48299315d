import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { isAdminRole } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import type { ProviderName } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { config } from "@/lib/config";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { badRequest, forbidden } from "@/lib/errors";
import { connectionOr404 } from "./lookup";

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

/** Where the ATS delivers a connection's webhooks. The path of Lever's is the one registered since the first release. */
export const webhookUrl = (provider: ProviderName, connectionId: string) => `${config().appUrl}/api/webhooks/${provider}/${connectionId}`;

/**
 * Saves the integration settings. The first time, it also registers the app's webhooks in the ATS
 * when the ATS allows it through its API (Lever keeps them disabled until a Super Admin switches
 * them on), and stores their signing secrets encrypted.
 */
export async function applySettings(org: OrgContext, input: z.infer<typeof SettingsInput>): Promise<{ webhookUrl: string; registered: string[] }> {
  const connection = await connectionOr404(org, input.connectionId);
  const provider = providerFor(connection.provider);
  if (connection.status !== "ACTIVE") throw badRequest(`Reconnect ${provider.label} before changing its settings.`);
  const prisma = await db();
  const session = provider.session(connection);

  let actingUserName: string | null | undefined;
  if (provider.capabilities.actsAsUser && input.actingUserExternalId && input.actingUserExternalId !== connection.actingUserExternalId) {
    const user = (await session.users()).find((u) => u.externalId === input.actingUserExternalId && u.active);
    if (!user) throw badRequest(`Choose an active ${provider.label} user to act as.`);
    actingUserName = user.name;
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

  const url = webhookUrl(provider.name, connection.id);
  const registered: string[] = [];
  if (provider.capabilities.webhookRegistration === "api") {
    const have = new Set(connection.webhooks.map((w) => w.event));
    for (const event of provider.webhookEvents) {
      if (have.has(event)) continue;
      const hook = await session.registerWebhook(event, url);
      const sealed = sealSecret(hook.secret);
      await prisma.webhookSubscription.create({
        data: {
          organizationId: org.organizationId,
          connectionId: connection.id,
          externalId: hook.externalId,
          event,
          url,
          signatureTokenEnc: sealed.ciphertext,
          tokenKeyId: sealed.keyId,
        },
      });
      registered.push(event);
    }
  } else {
    // The ATS has no API for web hooks (Greenhouse): the app makes one signing secret per event, and the
    // admin enters the URL and secret in the ATS (Settings → ATS shows them, see manualWebhookSetup).
    const have = new Set(connection.webhooks.map((w) => w.event));
    for (const event of provider.webhookEvents) {
      if (have.has(event)) continue;
      const sealed = sealSecret(randomBytes(32).toString("hex"));
      await prisma.webhookSubscription.create({
        data: { organizationId: org.organizationId, connectionId: connection.id, externalId: `manual:${event}`, event, url, signatureTokenEnc: sealed.ciphertext, tokenKeyId: sealed.keyId },
      });
      registered.push(event);
    }
  }
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    connectionId: connection.id,
    action: "connection.settings_applied",
    message: `${org.userEmail} applied ${provider.label} settings`,
    details: { ...flags, registeredWebhooks: registered },
  });
  return { webhookUrl: url, registered };
}

/**
 * What an admin enters in an ATS whose web hooks are set up by hand: the URL and, per event, the
 * signing secret the app made. Admins only: the secrets let anyone sign deliveries for the connection.
 */
export interface ManualWebhookSetup {
  url: string;
  /** Where the admin creates them in the ATS ("Configure → Dev Center → Web Hooks"). */
  place: string;
  /** One per event, in the order the app subscribes; `label` is the event's name in the ATS's form. */
  hooks: Array<{ event: string; label: string; secret: string }>;
}

export async function manualWebhookSetup(org: OrgContext, connectionId: string): Promise<ManualWebhookSetup> {
  if (!isAdminRole(org.role)) throw forbidden("Only organization owners and admins can see the web hook secrets.");
  const connection = await connectionOr404(org, connectionId);
  const provider = providerFor(connection.provider);
  if (provider.capabilities.webhookRegistration !== "manual") throw badRequest(`${provider.label}'s web hooks are registered by the app; there is nothing to enter by hand.`);
  const order = (event: string) => provider.webhookEvents.indexOf(event) >>> 0;
  return {
    url: webhookUrl(provider.name, connection.id),
    place: provider.adminUi.webhooks,
    hooks: [...connection.webhooks]
      .sort((a, b) => order(a.event) - order(b.event))
      .map((w) => ({ event: w.event, label: provider.adminUi.eventLabels[w.event] ?? w.event, secret: openSecret(w.signatureTokenEnc, w.tokenKeyId) })),
  };
}
