import { db } from "@/lib/db/client";
import { activeConnection } from "./connection";
import { webhookUrl } from "./settings";

export interface LeverStatus {
  connected: boolean;
  status: "ACTIVE" | "NEEDS_RECONNECT" | null;
  webhookUrl: string | null;
  webhooksRegistered: boolean;
  lastWebhookAt: string | null;
  lastEvent: string | null;
}

/** What the Lever card and the webhook dialog show; no token or secret is part of it. */
export async function leverStatus(organizationId: string): Promise<LeverStatus> {
  const connection = await activeConnection(organizationId);
  if (!connection) {
    return { connected: false, status: null, webhookUrl: null, webhooksRegistered: false, lastWebhookAt: null, lastEvent: null };
  }
  const prisma = await db();
  const [hooks, last] = await Promise.all([
    prisma.webhookSubscription.count({ where: { connectionId: connection.id, organizationId } }),
    prisma.webhookDelivery.findFirst({ where: { connectionId: connection.id, organizationId }, orderBy: { receivedAt: "desc" } }),
  ]);
  return {
    connected: true,
    status: connection.status === "ACTIVE" ? "ACTIVE" : "NEEDS_RECONNECT",
    webhookUrl: webhookUrl(connection.id),
    webhooksRegistered: hooks > 0,
    lastWebhookAt: last?.receivedAt.toISOString() ?? null,
    lastEvent: last?.event ?? null,
  };
}
