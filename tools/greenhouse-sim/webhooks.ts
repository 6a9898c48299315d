/**
 * Web hooks as Greenhouse sends them. They are created only in the admin UI (Configure → Dev Center → Web Hooks),
 * one event each; saving sends a ping and a failed ping saves the hook disabled. A delivery is a POST of the JSON
 * body with `Signature: sha256 <hex HMAC-SHA256 of the raw body, keyed by the secret>` and `Greenhouse-Event-ID`.
 * Anything but HTTP 200, timeouts and network errors are retried after 1, 15, 60, 120, 240 and 480 minutes (7 attempts), on
 * the sim clock and compressed by webhookRetryCompression, carrying the same bytes and event id every time.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { SimContext } from "./context";
import { escapeHtml, html, readForm } from "./http";
import type { AccountRec, DeliveryRec, WebhookRec } from "./types";

/** The events the UI offers, with Greenhouse's UI wording. */
export const WEBHOOK_EVENTS: Record<string, string> = {
  new_candidate_application: "Candidate has submitted application",
  candidate_stage_change: "Candidate has changed stage",
  reject_candidate: "Candidate or Prospect rejected",
  unreject_candidate: "Candidate or Prospect unrejected",
  hire_candidate: "Candidate has been hired",
  delete_candidate: "Candidate deleted",
  candidate_anonymized: "Candidate anonymized",
  job_created: "Job created",
  job_updated: "Job updated",
};

/** Greenhouse escapes non-ASCII characters before signing, so the raw bytes are pure ASCII. */
export function serializeBody(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function signBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

function createDelivery(ctx: SimContext, webhook: WebhookRec, action: string, payload: unknown, ping: boolean): DeliveryRec {
  const body = serializeBody({ action, payload });
  const d: DeliveryRec = {
    id: randomUUID(),
    webhookId: webhook.id,
    accountId: webhook.account_id,
    action,
    url: webhook.url,
    body,
    signature: `sha256 ${signBody(webhook.secret, body)}`,
    eventId: randomUUID(),
    ping,
    attempts: [],
    delivered: false,
    pending: true,
    nextAttemptAt: ctx.now(),
  };
  ctx.deliveries.push(d);
  return d;
}

function track(ctx: SimContext, run: Promise<void>): Promise<void> {
  ctx.inflight.add(run);
  void run.finally(() => ctx.inflight.delete(run));
  return run;
}

async function attempt(ctx: SimContext, d: DeliveryRec, at: number): Promise<void> {
  const generation = ctx.generation;
  d.nextAttemptAt = null;
  let status = 0;
  let error: string | undefined;
  try {
    const res = await ctx.fetch(d.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Greenhouse-Webhooks", signature: d.signature, "greenhouse-event-id": d.eventId },
      body: d.body,
      signal: AbortSignal.timeout(ctx.opts.webhookTimeoutMs),
      redirect: "manual",
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  if (generation !== ctx.generation) return;
  d.attempts.push(error ? { status, at, error } : { status, at });
  ctx.log(`web hook ${d.action} → ${d.url}: ${status || error} (attempt ${d.attempts.length})`);
  // Greenhouse documents a failure as "a non HTTP 200 response", so a 202 or 204 is retried too.
  if (status === 200) {
    d.delivered = true;
    d.pending = false;
    return;
  }
  const gap = d.ping ? undefined : ctx.opts.webhookRetryMinutes[d.attempts.length - 1];
  if (gap === undefined) {
    d.pending = false;
    return;
  }
  d.nextAttemptAt = at + (gap * 60_000) / ctx.opts.webhookRetryCompression;
}

/** Runs every attempt that is due on the sim clock, in time order, each recorded at its scheduled time. */
export function runDue(ctx: SimContext): Promise<void> {
  return track(
    ctx,
    (async () => {
      for (;;) {
        const now = ctx.now();
        const due = ctx.deliveries.filter((d) => d.pending && d.nextAttemptAt !== null && d.nextAttemptAt <= now).sort((a, b) => a.nextAttemptAt! - b.nextAttemptAt!);
        if (!due.length) return;
        const first = due[0]!;
        await attempt(ctx, first, first.nextAttemptAt!);
      }
    })(),
  );
}

/** Sends `action` to every active hook of the account for it; resolves after the first attempts. */
export async function emit(ctx: SimContext, accountId: number, action: string, payload: unknown): Promise<DeliveryRec[]> {
  const targets = ctx.webhooks.filter((w) => w.account_id === accountId && w.event === action && w.active);
  const deliveries = targets.map((w) => createDelivery(ctx, w, action, payload, false));
  await Promise.all(deliveries.map((d) => track(ctx, attempt(ctx, d, ctx.now()))));
  return deliveries;
}

async function ping(ctx: SimContext, webhook: WebhookRec): Promise<DeliveryRec> {
  const d = createDelivery(ctx, webhook, "ping", { web_hook_id: webhook.id }, true);
  await track(ctx, attempt(ctx, d, ctx.now()));
  return d;
}

// ---------------------------------------------------------------------------------------------------
// Admin UI (the only way to configure web hooks, as in Greenhouse)

const STYLE =
  "body{font:15px/1.5 system-ui,sans-serif;max-width:880px;margin:32px auto;padding:0 20px;color:#15372c}h1{font-size:22px}label{display:block;margin:12px 0 4px;font-weight:600}input,select{font:inherit;padding:7px;width:100%;box-sizing:border-box;border:1px solid #9bb;border-radius:6px}button{font:inherit;padding:8px 18px;margin-top:16px;border-radius:6px;border:1px solid #24a47f;background:#24a47f;color:#fff;cursor:pointer}table{border-collapse:collapse;width:100%;margin:16px 0;font-size:14px}td,th{border-bottom:1px solid #dde;padding:6px;text-align:left;vertical-align:top;overflow-wrap:break-word}td.url{word-break:break-all}.ok{background:#e6f6ef;border:1px solid #9cd3b9;padding:10px;border-radius:6px}.error{background:#fde8e8;border:1px solid #e7a1a1;padding:10px;border-radius:6px}.note{color:#555;font-size:13px}nav a{margin-right:12px}";

function adminPage(ctx: SimContext, account: AccountRec, message: { ok: boolean; text: string } | null, values: Record<string, string> = {}, status = 200): Response {
  const hooks = ctx.webhooks.filter((w) => w.account_id === account.id);
  const rows = hooks
    .map((w) => `<tr><td>${escapeHtml(w.name)}</td><td>${escapeHtml(WEBHOOK_EVENTS[w.event] ?? w.event)}</td><td class="url">${escapeHtml(w.url)}</td><td>${w.active ? "Enabled" : `Disabled${w.ping_error ? ` (ping failed: ${escapeHtml(w.ping_error)})` : ""}`}</td></tr>`)
    .join("");
  const nav = ctx.accounts.map((a) => `<a href="${escapeHtml(ctx.basePath)}/admin/web_hooks?account_id=${a.id}"${a.id === account.id ? ' aria-current="page"' : ""}>${escapeHtml(a.name)}</a>`).join("");
  const options = Object.entries(WEBHOOK_EVENTS).map(([k, label]) => `<option value="${k}"${values.event === k ? " selected" : ""}>${escapeHtml(label)}</option>`).join("");
  const v = (k: string) => escapeHtml(values[k] ?? "");
  return html(
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Web Hooks – ${escapeHtml(account.name)} – Greenhouse</title><style>${STYLE}</style></head><body>
<p class="note">Greenhouse simulator · Configure → Dev Center → Web Hooks</p><nav>${nav}</nav>
<h1>Web Hooks · ${escapeHtml(account.name)}</h1>
${message ? `<p class="${message.ok ? "ok" : "error"}" role="${message.ok ? "status" : "alert"}">${escapeHtml(message.text)}</p>` : ""}
<table><thead><tr><th>Name</th><th>When</th><th>Endpoint URL</th><th>Status</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No web hooks yet.</td></tr>'}</tbody></table>
<h2>Create a new web hook</h2>
<form method="post" action="${escapeHtml(ctx.basePath)}/admin/web_hooks"><input type="hidden" name="account_id" value="${account.id}">
<label for="name">Name this web hook</label><input id="name" name="name" value="${v("name")}" required>
<label for="event">When</label><select id="event" name="event">${options}</select>
<label for="url">Endpoint URL</label><input id="url" name="url" type="url" value="${v("url")}" required>
<label for="secret">Secret key</label><input id="secret" name="secret" value="${v("secret")}" required autocomplete="off">
<label for="error_email">Error notification email</label><input id="error_email" name="error_email" type="email" value="${v("error_email")}">
<button type="submit">Create Web hook</button>
<p class="note">Saving sends a ping to the endpoint; if the ping fails, the web hook is saved disabled.</p>
</form></body></html>`,
  );
}

/** Greenhouse accepts only https endpoints; plain http stays possible for a receiver on this machine. */
function endpointAllowed(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === "https:") return true;
  return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
}

export function adminGet(ctx: SimContext, url: URL): Response {
  const id = url.searchParams.get("account_id");
  const account = id === null ? ctx.accounts[0] : ctx.accounts.find((a) => String(a.id) === id);
  if (!account) return html(404, `<!doctype html><title>Not found</title><p>No account ${escapeHtml(id ?? "")}.</p>`);
  return adminPage(ctx, account, null);
}

export async function adminPost(ctx: SimContext, request: Request): Promise<Response> {
  const form = await readForm(request);
  const account = ctx.accounts.find((a) => String(a.id) === form.get("account_id"));
  if (!account) return html(404, `<!doctype html><title>Not found</title><p>No such account.</p>`);
  const values = Object.fromEntries(["name", "event", "url", "secret", "error_email"].map((k) => [k, (form.get(k) ?? "").trim()]));
  const problem = !values.name
    ? "Name is required."
    : !(values.event! in WEBHOOK_EVENTS)
      ? "Pick an event from the list."
      : !endpointAllowed(values.url!)
        ? "Endpoint URL must be an https:// URL (http:// only for localhost)."
        : !values.secret
          ? "Secret key is required."
          : null;
  if (problem) return adminPage(ctx, account, { ok: false, text: problem }, values, 400);
  const webhook: WebhookRec = { id: ctx.ids.take("webhook"), account_id: account.id, name: values.name!, event: values.event!, url: values.url!, secret: values.secret!, error_email: values.error_email!, active: true, created_at: ctx.now(), ping_error: null };
  ctx.webhooks.push(webhook);
  const d = await ping(ctx, webhook);
  if (!d.delivered) {
    webhook.active = false;
    const last = d.attempts[d.attempts.length - 1];
    webhook.ping_error = last?.error ?? `HTTP ${last?.status ?? 0}`;
    return adminPage(ctx, account, { ok: false, text: `Saved, but disabled: the ping to ${webhook.url} failed (${webhook.ping_error}).` });
  }
  return adminPage(ctx, account, { ok: true, text: `Web hook "${webhook.name}" saved; the ping succeeded.` });
}
