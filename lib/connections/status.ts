import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { currentConnection } from "./lookup";
import { webhookUrl } from "./settings";

export interface ConnectionStatus {
  connected: boolean;
  /** "Lever": the connected ATS's name, null when none is connected. */
  provider: string | null;
  status: "ACTIVE" | "NEEDS_RECONNECT" | null;
  webhookUrl: string | null;
  webhooksRegistered: boolean;
  /** The last delivery that was not a test. */
  lastWebhookAt: string | null;
  lastEvent: string | null;
  /** The last test delivery (Lever's "Verify connection"): the ATS reaches the app. */
  testDeliveryAt: string | null;
}

/** What the ATS card and the webhook dialog show; no token or secret is part of it. */
export async function connectionStatus(organizationId: string): Promise<ConnectionStatus> {
  const connection = await currentConnection(organizationId);
  if (!connection) {
    return { connected: false, provider: null, status: null, webhookUrl: null, webhooksRegistered: false, lastWebhookAt: null, lastEvent: null, testDeliveryAt: null };
  }
  const prisma = await db();
  const [hooks, last, test] = await Promise.all([
    prisma.webhookSubscription.count({ where: { connectionId: connection.id, organizationId } }),
    prisma.webhookDelivery.findFirst({ where: { connectionId: connection.id, organizationId, status: { not: "TEST" } }, orderBy: { receivedAt: "desc" } }),
    prisma.webhookDelivery.findFirst({ where: { connectionId: connection.id, organizationId, status: "TEST" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  const provider = providerFor(connection.provider);
  return {
    connected: true,
    provider: provider.label,
    status: connection.status === "ACTIVE" ? "ACTIVE" : "NEEDS_RECONNECT",
    webhookUrl: webhookUrl(provider.name, connection.id),
    webhooksRegistered: hooks > 0,
    lastWebhookAt: last?.receivedAt.toISOString() ?? null,
    lastEvent: last?.event ?? null,
    testDeliveryAt: test?.receivedAt.toISOString() ?? null,
  };
}
