/**
 * Webhook delivery as Lever does it: POST with `User-Agent: Lever-Webhooks`, the signature in the body
 * (hex HMAC-SHA256 of token + triggeredAt, keyed by the webhook's signatureToken), only 2xx counts,
 * retries with growing gaps carrying the same token/triggeredAt. Nothing is sent while a webhook is disabled.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { SimContext } from "./context";
import type { DeliveryRec, OpportunityRec, WebhookRec } from "./types";

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 48 random alphanumeric characters, like Lever's delivery tokens. */
function deliveryToken(): string {
  const bytes = randomBytes(48);
  return Array.from(bytes, (b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join("");
}

export function newSignatureToken(): string {
  return randomBytes(24).toString("hex");
}

/** The documented formula: hex(HMAC-SHA256(key = signatureToken, message = token + String(triggeredAt))). */
export function signWebhook(signatureToken: string, token: string, triggeredAt: number): string {
  return createHmac("sha256", signatureToken).update(token + String(triggeredAt)).digest("hex");
}

function matchesConditions(webhook: WebhookRec, opp: OpportunityRec | undefined): boolean {
  const origins = webhook.conditions?.origins;
  if (!origins?.length || !opp) return true;
  return origins.includes(opp.origin);
}

/**
 * Send `event` to every enabled webhook of the account subscribed to it. Resolves once each first attempt
 * has finished; retries continue in the background.
 */
export async function emitEvent(
  ctx: SimContext,
  accountId: string,
  event: string,
  data: Record<string, unknown>,
  opp?: OpportunityRec,
): Promise<DeliveryRec[]> {
  const targets = ctx.webhooks.filter((w) => w.accountId === accountId && w.event === event && w.enabled && matchesConditions(w, opp));
  const deliveries = targets.map((w) => createDelivery(ctx, w, event, data, false));
  await Promise.all(deliveries.map((d) => attempt(ctx, d, 0, ctx.generation)));
  return deliveries;
}

/** Lever's "test" button: same envelope with `data: {}`; a single attempt. */
export async function sendTest(ctx: SimContext, webhook: WebhookRec): Promise<DeliveryRec> {
  const d = createDelivery(ctx, webhook, webhook.event, {}, true);
  await attempt(ctx, d, 0, ctx.generation);
  return d;
}

function createDelivery(ctx: SimContext, webhook: WebhookRec, event: string, data: Record<string, unknown>, test: boolean): DeliveryRec {
  const triggeredAt = ctx.now();
  const token = deliveryToken();
  const d: DeliveryRec = {
    id: ctx.idRng.uuid(),
    webhookId: webhook.id,
    accountId: webhook.accountId,
    event,
    url: webhook.url,
    test,
    payload: { triggeredAt, event, id: ctx.idRng.uuid(), data, signature: signWebhook(webhook.signatureToken, token, triggeredAt), token },
    attempts: [],
    delivered: false,
    pending: true,
  };
  ctx.deliveries.push(d);
  return d;
}

function attempt(ctx: SimContext, d: DeliveryRec, index: number, generation: number): Promise<void> {
  const run = (async () => {
    let status = 0;
    let error: string | undefined;
    try {
      const res = await ctx.fetch(d.url, {
        method: "POST",
        headers: { "user-agent": "Lever-Webhooks", "content-type": "application/json" },
        body: JSON.stringify(d.payload),
        signal: AbortSignal.timeout(ctx.opts.webhookTimeoutMs),
        redirect: "manual",
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    if (generation !== ctx.generation) return; // the sim was reset meanwhile
    d.attempts.push(error ? { status, at: ctx.now(), error } : { status, at: ctx.now() });
    ctx.log(`webhook ${d.event} → ${d.url}: ${status || error} (attempt ${index + 1})`);
    if (status >= 200 && status < 300) {
      d.delivered = true;
      d.pending = false;
      return;
    }
    const delay = d.test ? undefined : ctx.opts.webhookRetryDelaysMs[index];
    if (delay === undefined) {
      d.pending = false;
      return;
    }
    const timer = setTimeout(() => {
      ctx.timers.delete(timer);
      void attempt(ctx, d, index + 1, generation);
    }, delay);
    // Pending retries must not keep a test runner or CLI alive.
    timer.unref?.();
    ctx.timers.add(timer);
  })();
  ctx.inflight.add(run);
  void run.finally(() => ctx.inflight.delete(run));
  return run;
}
