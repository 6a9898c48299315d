import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import { openSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/definitions";
import { log } from "@/lib/log";
import { MIN_INTERVAL_SEC } from "@/lib/ats/poll-pace";

/**
 * Lever webhook intake: validate, then record and enqueue in one transaction. No Lever call happens
 * here; the worker re-fetches everything from the API, because Lever signs only token + triggeredAt,
 * not the body.
 */

export const WebhookBodySchema = z.object({
  triggeredAt: z.number().int().positive(),
  event: z.string().min(1).max(64),
  id: z.string().max(200).optional(),
  data: z
    .looseObject({
      applicationId: z.string().max(200).optional(),
      opportunityId: z.string().max(200).optional(),
      contactId: z.string().max(200).optional(),
    })
    .default({}),
  signature: z.string().min(1).max(256),
  token: z.string().min(1).max(256),
});
export type WebhookBody = z.infer<typeof WebhookBodySchema>;

/** hex(HMAC-SHA256(key = signatureToken, message = token + String(triggeredAt))), per Lever's documentation. */
export function leverSignature(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac("sha256", signatureToken).update(token + String(triggeredAt)).digest("hex");
}

/**
 * Constant-time; a signature of the wrong length or alphabet is simply not equal (never a 500).
 * The hex strings' lengths are compared before decoding: Buffer.from(hex) silently drops an odd
 * trailing digit, so "signature + one digit" would otherwise decode to the right bytes.
 */
export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  if (givenHex.length !== expectedHex.length || !/^[0-9a-f]+$/i.test(givenHex)) return false;
  const a = Buffer.from(expectedHex, "hex");
  const b = Buffer.from(givenHex.toLowerCase(), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface IntakeResult {
  status: number;
  body: { ok: boolean; message: string };
}

const reply = (status: number, message: string): IntakeResult => ({ status, body: { ok: status < 300, message } });

const CONNECTION_ID = /^[a-z0-9]{20,40}$/;

export async function receiveLeverWebhook(connectionId: string, rawBody: string, now = Date.now()): Promise<IntakeResult> {
  if (!CONNECTION_ID.test(connectionId)) return reply(404, "Unknown webhook endpoint");
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return reply(400, "Body must be JSON");
  }
  const parsed = WebhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reply(400, `Invalid webhook body: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const body = parsed.data;

  const prisma = await db();
  const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId }, include: { webhooks: true } });
  if (!connection || connection.status === "DISCONNECTED") return reply(404, "Unknown webhook endpoint");

  // The subscription for this event first; Lever's test delivery may name any of the app's webhooks.
  const candidates = [...connection.webhooks].sort((a, b) => Number(b.event === body.event) - Number(a.event === body.event));
  const verified = candidates.some((hook) => {
    try {
      return signatureMatches(leverSignature(openSecret(hook.signatureTokenEnc, hook.tokenKeyId), body.token, body.triggeredAt), body.signature);
    } catch (error) {
      log.error("could not open a webhook signature token", { connectionId, error });
      return false;
    }
  });
  if (!verified) return reply(401, "Invalid signature");

  const ageSeconds = (now - body.triggeredAt) / 1000;
  if (ageSeconds > config().webhooks.maxAgeSeconds || ageSeconds < -300) return reply(401, "Stale or future-dated delivery");

  const isTest = Object.keys(body.data).length === 0;
  const receivedAt = new Date(now);
  try {
    await prisma.$transaction(async (tx) => {
      const delivery = await tx.webhookDelivery.create({
        data: {
          organizationId: connection.organizationId,
          connectionId: connection.id,
          token: body.token,
          event: body.event,
          triggeredAt: new Date(body.triggeredAt),
          externalCandidateId: body.data.opportunityId ?? null,
          externalApplicationId: body.data.applicationId ?? null,
          status: isTest ? "TEST" : "RECEIVED",
          outcome: isTest ? "Lever's test delivery" : null,
          receivedAt,
        },
      });
      if (!isTest) {
        await enqueueInTransaction(tx, QUEUES.leverWebhook.name, { deliveryId: delivery.id }, { singletonKey: delivery.id });
      }
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return reply(200, "Already received");
    throw error;
  }
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
