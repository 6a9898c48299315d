/**
 * The Greenhouse simulator as one Fetch-API handler: `handle(request)` serves the OAuth consent page and /token,
 * Harvest v3 under /v3, signed attachment downloads, the web hook admin page and the /_sim control API.
 * server.ts (node:http) and msw.ts (unit tests) both wrap this handler, so there is one source of truth.
 */
import { timingSafeEqual } from "node:crypto";
import { CONTENT_TYPES, documentBytes } from "../lever-sim/files";
import { createRng, deriveSeed } from "../lever-sim/prng";
import { apiRoutes, applicationPayload, signAttachment, type ApiCall } from "./api";
import { countRequest, createContext, findAccount, resetContext, type GreenhouseSimOptions, type SimContext } from "./context";
import { controlRoutes } from "./control";
import { apiError, escapeHtml, html, HttpError, matchRoute } from "./http";
import { authenticate, authorizeGet, authorizePost, token } from "./oauth";
import { addToAccount, makeApplication } from "./seed";
import type { DeliveryRec, FaultRule } from "./types";
import { adminGet, adminPost, emit, runDue } from "./webhooks";

export type { GreenhouseSimOptions } from "./context";
export { DEFAULT_CLIENT, PRODUCT_SCOPES, RETRY_MINUTES } from "./context";
export { signBody, WEBHOOK_EVENTS } from "./webhooks";

export interface AddApplicationInput {
  jobId: number | string;
  name: string;
  email: string;
  /** Plain text of the résumé; when omitted a realistic one is generated for the job. */
  resumeText?: string;
}

export function deliveryJson(d: DeliveryRec) {
  return { id: d.id, webhookId: d.webhookId, accountId: d.accountId, action: d.action, url: d.url, eventId: d.eventId, signature: d.signature, body: d.body, ping: d.ping, attempts: d.attempts.map((a) => ({ ...a })), delivered: d.delivered, pending: d.pending, nextAttemptAt: d.nextAttemptAt };
}

export interface AddApplicationResult {
  applicationId: number;
  candidateId: number;
  accountId: number;
  deliveries: ReturnType<typeof deliveryJson>[];
}

export interface GreenhouseSim {
  readonly baseUrl: string;
  readonly context: SimContext;
  handle(request: Request): Promise<Response>;
  reset(): void;
  now(): number;
  /** Moves the sim clock forward and runs the web hook retries that became due; await whenIdle() for them. */
  advanceClock(ms: number): number;
  /** Sets the sim clock to a later time (never backwards: expiries already computed would make no sense). */
  setClock(epochMs: number): number;
  /** Runs due retries at the current sim time (the CLI calls it on a timer when the clock runs in real time). */
  tick(): Promise<void>;
  state(): ReturnType<typeof stateOf>;
  addApplication(input: AddApplicationInput): Promise<AddApplicationResult>;
  deleteCandidate(candidateId: number): Promise<{ accountId: number; deletedApplicationIds: number[]; deliveries: ReturnType<typeof deliveryJson>[] }>;
  setFaults(faults: FaultRule | FaultRule[]): void;
  clearFaults(): void;
  whenIdle(): Promise<void>;
  dispose(): void;
}

const FAULT_STATUSES = [429, 500, 502, 503, 504];

function validateFaults(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((raw, i) => {
    const where = list.length > 1 ? `fault ${i}: ` : "";
    if (!raw || typeof raw !== "object") throw new TypeError(`${where}a fault must be an object like {"status": 503, "rate": 0.5}`);
    const f = raw as Record<string, unknown>;
    if (!FAULT_STATUSES.includes(f.status as number)) throw new TypeError(`${where}status must be one of ${FAULT_STATUSES.join(", ")}`);
    const rate = f.rate ?? 1;
    if (typeof rate !== "number" || rate < 0 || rate > 1) throw new TypeError(`${where}rate must be a number from 0 to 1`);
    if (f.count !== undefined && (!Number.isInteger(f.count) || (f.count as number) < 1)) throw new TypeError(`${where}count must be a positive integer`);
    return { status: f.status as number, rate, ...(f.count !== undefined ? { count: f.count as number } : {}) };
  });
}

function stateOf(ctx: SimContext) {
  return {
    now: ctx.now(),
    accounts: ctx.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      enterprise: a.enterprise,
      users: a.users.map((u) => ({ id: u.id, name: u.name, email: u.primary_email_address, siteAdmin: u.site_admin, disabled: u.disabled, serviceAccount: u.service_account })),
      jobs: a.jobs.map((j) => ({ id: j.id, name: j.name, status: j.status, stages: j.stages.map((s) => ({ id: s.id, name: s.name, priority: s.priority })) })),
      rejectionReasons: a.rejectionReasons.map((r) => ({ id: r.id, name: r.name, type: r.type.name })),
      customFields: a.customFields.map((f) => ({ ...f })),
      candidateCount: a.candidates.length,
      applicationCount: a.applications.length,
      apiNotes: a.notes.filter((n) => n.client_id !== null).map((n) => ({ ...n })),
      writes: a.applications.filter((x) => Object.keys(x.custom_fields).length).map((x) => ({ applicationId: x.id, customFields: { ...x.custom_fields } })),
      rejections: a.applications.filter((x) => x.status === "rejected").map((x) => ({ applicationId: x.id, rejectionReasonId: x.rejection_reason_id, rejectedAt: x.rejected_at })),
    })),
    clients: [...ctx.clients.values()].map((c) => ({ clientId: c.clientId, name: c.name, redirectUris: [...c.redirectUris], scopes: [...c.scopes] })),
    webhooks: ctx.webhooks.map((w) => ({ ...w })),
    deliveries: ctx.deliveries.map(deliveryJson),
    faults: ctx.faults.map((f) => ({ ...f })),
    requests: JSON.parse(JSON.stringify(ctx.requests)) as Record<string, Record<string, number>>,
  };
}

export function createGreenhouseSim(options: GreenhouseSimOptions = {}): GreenhouseSim {
  const ctx = createContext(options);
  let appRng = createRng(deriveSeed(ctx.opts.seed, "sim-applications"));

  /** A rolling 10-second window per (account, client); every /v3 answer carries the headers. */
  function rateLimit(principal: { accountId: number; clientId: string }): { headers: Record<string, string>; limited: boolean } {
    const limit = ctx.opts.rateLimit;
    if (limit === false) return { headers: {}, limited: false };
    const now = ctx.now();
    const key = `${principal.accountId}:${principal.clientId}`;
    const window = (ctx.windows.get(key) ?? []).filter((t) => t > now - 10_000);
    ctx.windows.set(key, window);
    if (window.length >= limit) {
      const resetAt = window[0]! + 10_000;
      return {
        limited: true,
        headers: { "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(resetAt / 1000)), "retry-after": String(Math.max(1, Math.ceil((resetAt - now) / 1000))) },
      };
    }
    window.push(now);
    return { limited: false, headers: { "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(limit - window.length) } };
  }

  async function handleApi(request: Request, url: URL, path: string): Promise<Response> {
    // Faults model Greenhouse's infrastructure failing, so they hit before authentication.
    for (const rule of [...ctx.faults]) {
      if (ctx.faultRng.next() >= rule.rate) continue;
      if (rule.count !== undefined && --rule.count <= 0) ctx.faults = ctx.faults.filter((r) => r !== rule);
      return apiError(rule.status ?? 500, rule.status === 429 ? "Rate limit exceeded" : "Greenhouse is temporarily unavailable", rule.status === 429 ? { "retry-after": "1" } : {});
    }
    const principal = await authenticate(ctx, request);
    if (principal instanceof Response) return principal;
    const account = findAccount(ctx, principal.accountId);
    if (!account) return apiError(401, "Unknown account");
    const limit = rateLimit(principal);
    if (limit.limited) return apiError(429, "Rate limit exceeded; retry after the Retry-After seconds", limit.headers);
    let response: Response;
    const m = matchRoute(apiRoutes, request.method, path);
    if (!m) response = apiError(404, `No such endpoint: ${request.method} ${path}`);
    else if ("methodNotAllowed" in m) response = apiError(405, `Use ${m.methodNotAllowed.join(" or ")} for ${path}`);
    else {
      const call: ApiCall = { ctx, request, url, principal, account };
      try {
        response = await m.route.handler(call, m.params);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        response = e.response;
      }
    }
    for (const [k, v] of Object.entries(limit.headers)) response.headers.set(k, v);
    return response;
  }

  /** Signed, expiring download URL: valid signature and not past `expires` on the sim clock, else 403 as S3 answers. */
  function download(url: URL, idRaw: string): Response {
    const id = Number(idRaw);
    const expires = Number(url.searchParams.get("expires"));
    const given = Buffer.from(url.searchParams.get("signature") ?? "");
    const expected = Buffer.from(signAttachment(ctx, id, expires));
    if (!Number.isInteger(id) || !Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return new Response("Access denied: the signature does not match", { status: 403, headers: { "content-type": "text/plain" } });
    }
    if (ctx.now() > expires * 1000) return new Response("Access denied: this link has expired; fetch the attachment again for a fresh URL", { status: 403, headers: { "content-type": "text/plain" } });
    for (const account of ctx.accounts) {
      const a = account.attachments.find((x) => x.id === id);
      if (a) {
        const bytes = documentBytes(a.format, a.text, a.filename);
        return new Response(bytes, { status: 200, headers: { "content-type": CONTENT_TYPES[a.format], "content-disposition": `attachment; filename="${a.filename}"`, "content-length": String(bytes.length) } });
      }
    }
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  }

  function routeKey(method: string, path: string): string {
    const m = matchRoute(apiRoutes, method, path);
    return `${method} ${m && "route" in m ? m.route.pattern : path.startsWith("/v3") ? "/v3/(unknown)" : path.startsWith("/attachments/") ? "/attachments/:id" : path}`;
  }

  const sim: GreenhouseSim = {
    get baseUrl() {
      return ctx.baseUrl;
    },
    context: ctx,

    async handle(request) {
      const url = new URL(request.url);
      let path = url.pathname;
      if (ctx.basePath && path.startsWith(ctx.basePath)) path = path.slice(ctx.basePath.length);
      path = path.replace(/\/+$/, "") || "/";
      const method = request.method.toUpperCase();
      try {
        if (path === "/_sim" || path.startsWith("/_sim/")) {
          const m = matchRoute(controlRoutes, method, path);
          if (!m) return apiError(404, `No such control endpoint: ${method} ${path}`);
          if ("methodNotAllowed" in m) return apiError(405, `Use ${m.methodNotAllowed.join(" or ")} for ${path}`);
          try {
            return await m.route.handler({ sim, ctx, request, url }, m.params);
          } catch (e) {
            if (e instanceof HttpError) return e.response;
            throw e;
          }
        }
        let response: Response;
        const attachment = /^\/attachments\/([^/]+)\/[^/]+$/.exec(path);
        if (path === "/v3" || path.startsWith("/v3/")) response = await handleApi(request, url, path);
        else if (attachment && method === "GET") response = download(url, attachment[1]!);
        else if (path === "/authorize" && method === "GET") response = authorizeGet(ctx, url);
        else if (path === "/authorize" && method === "POST") response = await authorizePost(ctx, request);
        else if (path === "/token" && method === "POST") response = await token(ctx, request);
        else if (path === "/admin/web_hooks" && method === "GET") response = adminGet(ctx, url);
        else if (path === "/admin/web_hooks" && method === "POST") response = await adminPost(ctx, request);
        else if (path === "/" && method === "GET") response = landingPage();
        else response = apiError(404, `No such endpoint: ${method} ${path}`);
        countRequest(ctx, routeKey(method, path), response.status);
        return response;
      } catch (e) {
        if (e instanceof HttpError) return e.response;
        ctx.log(`greenhouse-sim: unhandled error on ${method} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return apiError(500, "Simulator error");
      }
    },

    reset() {
      resetContext(ctx);
      appRng = createRng(deriveSeed(ctx.opts.seed, "sim-applications"));
    },
    now: () => ctx.now(),
    advanceClock(ms) {
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new TypeError("advanceMs must be a non-negative number of milliseconds");
      ctx.clockOffset += ms;
      void runDue(ctx);
      return ctx.now();
    },
    setClock(epochMs) {
      if (typeof epochMs !== "number" || !Number.isFinite(epochMs)) throw new TypeError("set must be a time in epoch milliseconds or an ISO 8601 string");
      const now = ctx.now();
      if (epochMs < now) throw new TypeError(`The clock cannot go backwards (now is ${new Date(now).toISOString()})`);
      return sim.advanceClock(epochMs - now);
    },
    tick: () => runDue(ctx),
    state: () => stateOf(ctx),

    async addApplication(input) {
      if (!input || typeof input !== "object") throw new TypeError("Send a JSON object {jobId, name, email, resumeText?}");
      const jobId = typeof input.jobId === "string" && /^\d+$/.test(input.jobId) ? Number(input.jobId) : input.jobId;
      if (typeof jobId !== "number" || !Number.isInteger(jobId)) throw new TypeError("jobId is required and must be a job id (an integer)");
      if (typeof input.name !== "string" || !input.name.trim()) throw new TypeError("name is required");
      if (typeof input.email !== "string" || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw new TypeError("email is required and must be an email address");
      if (input.resumeText !== undefined && (typeof input.resumeText !== "string" || !input.resumeText.trim())) throw new TypeError("resumeText must be non-empty text when given");
      const account = ctx.accounts.find((a) => a.jobs.some((j) => j.id === jobId));
      const job = account?.jobs.find((j) => j.id === jobId);
      if (!account || !job) throw new RangeError(`No job ${jobId}`);
      if (job.status !== "open") throw new TypeError(`Job ${jobId} is ${job.status}; applications arrive only on open jobs`);
      const made = makeApplication(ctx.ids, appRng, account, job, ctx.now(), { name: input.name.trim(), email: input.email.trim(), resumeText: input.resumeText, format: "pdf" });
      addToAccount(account, made);
      const deliveries = await emit(ctx, account.id, "new_candidate_application", applicationPayload(ctx, account, made.application));
      return { applicationId: made.application.id, candidateId: made.candidate.id, accountId: account.id, deliveries: deliveries.map(deliveryJson) };
    },

    async deleteCandidate(candidateId) {
      if (typeof candidateId !== "number" || !Number.isInteger(candidateId)) throw new TypeError("candidate id must be an integer");
      const account = ctx.accounts.find((a) => a.candidates.some((c) => c.id === candidateId));
      if (!account) throw new RangeError(`No candidate ${candidateId}`);
      const deletedApplicationIds = account.applications.filter((a) => a.candidate_id === candidateId).map((a) => a.id);
      account.candidates = account.candidates.filter((c) => c.id !== candidateId);
      account.applications = account.applications.filter((a) => a.candidate_id !== candidateId);
      account.attachments = account.attachments.filter((a) => a.candidate_id !== candidateId);
      account.notes = account.notes.filter((n) => n.candidate_id !== candidateId);
      const deliveries = await emit(ctx, account.id, "delete_candidate", { person: { id: candidateId, deleted_application_ids: deletedApplicationIds } });
      return { accountId: account.id, deletedApplicationIds, deliveries: deliveries.map(deliveryJson) };
    },

    setFaults(faults) {
      ctx.faults = validateFaults(faults);
    },
    clearFaults() {
      ctx.faults = [];
    },
    async whenIdle() {
      while (ctx.inflight.size) await Promise.allSettled([...ctx.inflight]);
    },
    dispose() {
      ctx.generation++;
      for (const d of ctx.deliveries) if (d.pending) d.pending = false;
    },
  };

  function landingPage(): Response {
    const accounts = ctx.accounts
      .map((a) => `<li><strong>${escapeHtml(a.name)}</strong>${a.enterprise ? " (Enterprise)" : ""}: ${a.jobs.length} jobs, ${a.applications.length} applications · <a href="${escapeHtml(ctx.basePath)}/admin/web_hooks?account_id=${a.id}">Web hooks</a></li>`)
      .join("");
    return html(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Greenhouse simulator</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 20px;color:#15372c}</style></head><body><h1>Greenhouse simulator</h1><p>For tests and demos only, not the real Greenhouse.</p><ul>${accounts}</ul><p>OAuth: <code>GET /authorize</code>, <code>POST /token</code>. Harvest: <code>/v3/…</code>. Control (no auth): <code>GET /_sim/state</code>.</p></body></html>`);
  }

  return sim;
}
