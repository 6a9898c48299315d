import { createHmac } from "node:crypto";
import type { AtsEvent, WebhookSecret, WebhookVerdict } from "@/lib/ats/provider";
import { signatureMatches } from "@/lib/ats/signature";
import { WebhookBodySchema } from "./schemas";

/**
 * Greenhouse's web hook deliveries: `Signature: sha256 <hex>` is HMAC-SHA256 of the raw body keyed by
 * the secret the admin typed into Greenhouse; `Greenhouse-Event-ID` names the event and stays the same
 * on every retry, so it is the delivery id. The body is verified as received: Greenhouse escapes
 * Unicode before signing, so re-serialized JSON would not match.
 */

/** One web hook per event in Greenhouse: these are the ones the admin creates, all with the same URL, each with its own secret. */
export const SUBSCRIBED_EVENTS = ["new_candidate_application", "candidate_stage_change", "reject_candidate", "unreject_candidate", "hire_candidate"] as const;

/** Each event as Greenhouse's web hook form names it in its "When" list. */
export const WEBHOOK_EVENT_LABELS: Readonly<Record<(typeof SUBSCRIBED_EVENTS)[number], string>> = {
  new_candidate_application: "Candidate has submitted application",
  candidate_stage_change: "Candidate has changed stage",
  reject_candidate: "Candidate or Prospect rejected",
  unreject_candidate: "Candidate or Prospect unrejected",
  hire_candidate: "Candidate has been hired",
};

const KIND: Record<string, AtsEvent["kind"]> = {
  new_candidate_application: "candidate.created",
  candidate_stage_change: "candidate.changed",
  reject_candidate: "candidate.changed",
  unreject_candidate: "candidate.changed",
  hire_candidate: "candidate.changed",
  ping: "test",
};

export const greenhouseEventKind = (event: string): AtsEvent["kind"] => (Object.hasOwn(KIND, event) ? KIND[event]! : "other");

export const greenhouseSignature = (secret: string, rawBody: string) => createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");

const EVENT_ID = /^[A-Za-z0-9-]{8,100}$/;

export function verifyGreenhouseWebhook(rawBody: string, headers: Headers, now: number, secrets: WebhookSecret[]): WebhookVerdict {
  // The body's shape first, as every provider answers: a malformed delivery is a 400, a forged one a 401.
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, message: "Body must be JSON" };
  }
  const parsed = WebhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, message: `Invalid web hook body: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` };
  }
  const signature = /^sha256 ([0-9a-fA-F]+)$/.exec((headers.get("signature") ?? "").trim());
  if (!signature) return { ok: false, status: 401, message: "Missing or malformed Signature header" };
  const given = signature[1]!;
  // Every secret is tried (one per web hook, usually the same); the comparison itself is constant-time.
  if (!secrets.some((s) => signatureMatches(greenhouseSignature(s.secret, rawBody), given))) {
    return { ok: false, status: 401, message: "Invalid signature" };
  }
  const eventId = headers.get("greenhouse-event-id") ?? "";
  if (!EVENT_ID.test(eventId)) return { ok: false, status: 400, message: "Missing or malformed Greenhouse-Event-ID header" };
  const { action, payload } = parsed.data;
  const application = payload?.application;
  return {
    ok: true,
    event: {
      deliveryId: eventId,
      kind: greenhouseEventKind(action),
      name: action,
      // Greenhouse's body carries no send time; a retry hours later is still the same event, deduplicated by its id.
      triggeredAt: new Date(now),
      externalCandidateId: application?.id == null ? null : String(application.id),
      externalApplicationId: application?.id == null ? null : String(application.id),
    },
  };
}
