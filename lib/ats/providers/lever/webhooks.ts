import { createHmac } from "node:crypto";
import { z } from "zod";
import type { AtsEvent, WebhookSecret, WebhookVerdict } from "@/lib/ats/provider";
import { signatureMatches } from "@/lib/ats/signature";

/**
 * Lever's webhook deliveries: the body carries `token`, `triggeredAt` and `signature`; Lever signs
 * only token + triggeredAt, not the body, so the worker re-fetches everything from the API and the
 * body's ids only say what to fetch.
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

const KIND: Record<string, AtsEvent["kind"]> = {
  applicationCreated: "candidate.created",
  candidateStageChange: "candidate.changed",
  candidateArchiveChange: "candidate.changed",
  candidateDeleted: "candidate.deleted",
};

/** What the core does with a delivery of a Lever event. */
export const leverEventKind = (event: string): AtsEvent["kind"] => (Object.hasOwn(KIND, event) ? KIND[event]! : "other");

/** Verifies a delivery against the connection's webhook secrets and reduces it to the core's event. */
export function verifyLeverWebhook(rawBody: string, secrets: WebhookSecret[]): WebhookVerdict {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, message: "Body must be JSON" };
  }
  const parsed = WebhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, message: `Invalid webhook body: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` };
  }
  const body = parsed.data;
  // The subscription for this event first; Lever's test delivery may name any of the app's webhooks.
  const ordered = [...secrets].sort((a, b) => Number(b.event === body.event) - Number(a.event === body.event));
  if (!ordered.some((s) => signatureMatches(leverSignature(s.secret, body.token, body.triggeredAt), body.signature))) {
    return { ok: false, status: 401, message: "Invalid signature" };
  }
  const isTest = Object.keys(body.data).length === 0;
  return {
    ok: true,
    event: {
      deliveryId: body.token,
      kind: isTest ? "test" : leverEventKind(body.event),
      name: body.event,
      triggeredAt: new Date(body.triggeredAt),
      externalCandidateId: body.data.opportunityId ?? null,
      externalApplicationId: body.data.applicationId ?? null,
      externalPersonId: body.data.contactId ?? null,
    },
  };
}

/** Events the app subscribes to: new applications, stage/archive changes made in Lever, and deletions (the app then deletes its copy). */
export const SUBSCRIBED_EVENTS = ["applicationCreated", "candidateStageChange", "candidateArchiveChange", "candidateDeleted"] as const;
