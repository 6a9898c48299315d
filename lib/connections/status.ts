import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { currentConnection } from "./lookup";
import { webhookUrl } from "./settings";

export interface ConnectionStatus {
  connected: boolean;
  /** "Lever": the connected ATS's name, null when none is connected. */
  provider: string | null;
  status: "ACTIVE" | "NEEDS_RECONNECT" | null;
  /** "manual" when an admin creates the webhooks in the ATS by hand (Greenhouse). */
  webhookRegistration: "api" | "manual" | null;
  webhookUrl: string | null;
  webhooksRegistered: boolean;
  lastWebhookAt: string | null;
  lastEvent: string | null;
  /** The last delivery that was not a test: the ATS is sending real events. */
  lastEventAt: string | null;
  /** Until a real event arrives, the ATS's last test delivery (Greenhouse pings a web hook when it is saved). */
  lastTestAt: string | null;
}

/** What the ATS card and the webhook dialog show; no token or secret is part of it. */
export async function connectionStatus(organizationId: string): Promise<ConnectionStatus> {
  const connection = await currentConnection(organizationId);
  if (!connection) {
    return {
      connected: false,
      provider: null,
      status: null,
      webhookRegistration: null,
      webhookUrl: null,
      webhooksRegistered: false,
      lastWebhookAt: null,
      lastEvent: null,
      lastEventAt: null,
      lastTestAt: null,
    };
  }
  const prisma = await db();
  const scope = { connectionId: connection.id, organizationId };
  const [hooks, last, lastEvent] = await Promise.all([
    prisma.webhookSubscription.count({ where: scope }),
    prisma.webhookDelivery.findFirst({ where: scope, orderBy: { receivedAt: "desc" }, select: { receivedAt: true, event: true } }),
    prisma.webhookDelivery.findFirst({ where: { ...scope, status: { not: "TEST" } }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  const provider = providerFor(connection.provider);
  // Read only while no real event has come: then the connection's deliveries are all tests, so this
  // never walks a long delivery history on every poll of the settings page.
  // Greenhouse pings a web hook when it is saved; Lever's "Verify connection" sends a test delivery.
  const test = !lastEvent
    ? await prisma.webhookDelivery.findFirst({ where: { ...scope, status: "TEST" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } })
    : null;
  return {
    connected: true,
    provider: provider.label,
    status: connection.status === "ACTIVE" ? "ACTIVE" : "NEEDS_RECONNECT",
    webhookRegistration: provider.capabilities.webhookRegistration,
    webhookUrl: webhookUrl(provider.name, connection.id),
    webhooksRegistered: hooks > 0,
    lastWebhookAt: last?.receivedAt.toISOString() ?? null,
    lastEvent: last?.event ?? null,
    lastEventAt: lastEvent?.receivedAt.toISOString() ?? null,
    lastTestAt: test?.receivedAt.toISOString() ?? null,
  };
}
