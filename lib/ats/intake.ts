import { randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { openSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/definitions";
import { insertJobForRowsSql } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { MIN_INTERVAL_SEC } from "./poll-pace";
import type { AtsProvider, WebhookSecret } from "./provider";

/**
 * Webhook intake for every ATS: find the connection (the organization is the connection's; nothing
 * in the body chooses it), let the provider verify the raw request, then record the delivery and
 * enqueue its job in one transaction. No ATS call happens here: the worker does that.
 */

export interface IntakeResult {
  status: number;
  body: { ok: boolean; message: string };
}

const reply = (status: number, message: string): IntakeResult => ({ status, body: { ok: status < 300, message } });

const CONNECTION_ID = /^[a-z0-9]{20,40}$/;

export async function receiveWebhook(
  provider: AtsProvider,
  connectionId: string,
  request: { rawBody: string; headers: Headers },
  now = Date.now(),
): Promise<IntakeResult> {
  if (!CONNECTION_ID.test(connectionId)) return reply(404, "Unknown webhook endpoint");
  const prisma = await db();
  const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId }, include: { webhooks: true } });
  // Another provider's connection behind this provider's URL is as unknown as no connection.
  if (!connection || connection.status === "DISCONNECTED" || connection.provider !== provider.column) return reply(404, "Unknown webhook endpoint");

  const secrets: WebhookSecret[] = [];
  for (const hook of connection.webhooks) {
    try {
      secrets.push({ event: hook.event, secret: openSecret(hook.signatureTokenEnc, hook.tokenKeyId) });
    } catch (error) {
      log.error("could not open a webhook signature token", { connectionId, error });
    }
  }
  const verdict = provider.verifyWebhook({ rawBody: request.rawBody, headers: request.headers, now }, secrets);
  if (!verdict.ok) return reply(verdict.status, verdict.message);
  const event = verdict.event;

  const ageSeconds = (now - event.triggeredAt.getTime()) / 1000;
  if (ageSeconds > config().webhooks.maxAgeSeconds || ageSeconds < -300) return reply(401, "Stale or future-dated delivery");

  const isTest = event.kind === "test";
  const receivedAt = new Date(now);
  // One statement records the delivery and, unless it is the ATS's test, its job: both or neither,
  // in one round trip. A replay of the same delivery id inserts nothing and is answered 200.
  const id = `c${randomBytes(12).toString("hex")}`;
  const recorded = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `WITH delivery AS (
       INSERT INTO "WebhookDelivery" ("id", "organizationId", "connectionId", "token", "event", "triggeredAt", "externalCandidateId", "externalApplicationId", "externalPersonId", "status", "outcome", "receivedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $13, $9::"WebhookDeliveryStatus", $10, $11)
       ON CONFLICT ("connectionId", "token") DO NOTHING
       RETURNING "id"
     ), to_work AS (
       SELECT "id" AS id FROM delivery WHERE NOT $12::boolean
     ), job AS (${insertJobForRowsSql("to_work", QUEUES.webhookDelivery.name, "deliveryId")})
     SELECT "id" FROM delivery`,
    id,
    connection.organizationId,
    connection.id,
    event.deliveryId,
    event.name,
    event.triggeredAt,
    event.externalCandidateId,
    event.externalApplicationId,
    isTest ? "TEST" : "RECEIVED",
    isTest ? `${provider.label}'s test delivery` : null,
    receivedAt,
    isTest,
    event.externalPersonId ?? null,
  );
  if (recorded.length === 0) return reply(200, "Already received");
  // Outside the transaction, and at most about once a second per connection: updating the connection
  // row inside every delivery's transaction made concurrent deliveries wait for each other on that
  // row's lock (held until commit), which capped intake on PostgreSQL. The delivery is durable here.
  // Activity also brings the reconcile back to its fastest pace, so what webhooks miss while the
  // account is busy is found within a minute.
  const staleBefore = new Date(now - 1000);
  if (!connection.lastWebhookAt || connection.lastWebhookAt < staleBefore) {
    const where = { id: connection.id, organizationId: connection.organizationId, OR: [{ lastWebhookAt: null }, { lastWebhookAt: { lt: staleBefore } }] };
    const data =
      connection.reconcileIntervalSec > MIN_INTERVAL_SEC
        ? { lastWebhookAt: receivedAt, reconcileIntervalSec: MIN_INTERVAL_SEC, nextReconcileAt: new Date(now + MIN_INTERVAL_SEC * 1000) }
        : { lastWebhookAt: receivedAt };
    await prisma.atsConnection
      .updateMany({ where, data })
      .catch((error: unknown) => log.warn("could not record the last webhook time", { connectionId, error }));
  }
  return reply(200, isTest ? "Test delivery received" : "Received");
}
