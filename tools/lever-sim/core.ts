/**
 * The Lever simulator as one Fetch-API handler: `handle(request)` serves the OAuth pages, /oauth/token,
 * /v1/* and the /_sim/* control API. server.ts (node:http) and msw.ts (unit tests) both wrap this one
 * handler, so there is a single source of truth for Lever's behaviour.
 */
import { apiRoutes, opportunityJson, resolveAccount, webhookJson, type ApiCall } from "./api";
import { apiNotes, countRequest, createContext, findOpportunity, resetContext, revokeGrant, type LeverSimOptions, type SimContext } from "./context";
import { controlRoutes } from "./control";
import { formRoutes } from "./forms";
import { apiError, HttpError, html, escapeHtml, matchRoute } from "./http";
import { authenticate, authorizeGet, authorizePost, errorPage, token } from "./oauth";
import { generateCandidate, makeOpportunity, sortOpportunities } from "./seed";
import type { DeliveryRec, FaultRule, SimClient, WebhookRec } from "./types";
import { emitEvent, sendTest } from "./webhooks";

export type { LeverSimOptions } from "./context";
export type { FaultRule, SimClient, DeliveryRec } from "./types";
export { signWebhook } from "./webhooks";
export { ACCOUNT_CLAIM, USER_CLAIM, KNOWN_SCOPES } from "./oauth";

const API_ROUTES = [...apiRoutes, ...formRoutes];

export interface AddApplicationInput {
  postingId: string;
  name?: string;
  email?: string;
  /** Plain text of the résumé; when omitted a realistic one is generated for the posting. */
  resumeText?: string;
  resumeFormat?: "pdf" | "docx";
  /** Make the résumé a file Lever could not process (download → 422). */
  unprocessable?: boolean;
  /** The résumé's file name as uploaded (any text: uploads are not cleaned). */
  resumeFileName?: string;
  /** The type the uploader claimed for the file, served on download instead of the format's own. */
  resumeContentType?: string;
  phone?: string;
  origin?: "applied" | "sourced" | "referred" | "agency" | "university" | "internal";
}

export interface AddApplicationResult {
  opportunityId: string;
  applicationId: string;
  contactId: string;
  accountId: string;
  deliveries: ReturnType<typeof deliveryJson>[];
}

export interface SimState {
  now: number;
  clockOffsetMs: number;
  accounts: Array<{
    id: string;
    name: string;
    users: Array<{ id: string; name: string; email: string; accessRole: string; deactivatedAt: number | null }>;
    postings: Array<{ id: string; text: string; state: string; confidentiality: string; team: string; location: string }>;
    stages: Array<{ id: string; text: string }>;
    archiveReasons: Array<{ id: string; text: string; status: string; type: string }>;
    opportunityCount: number;
  }>;
  clients: Array<{ clientId: string; name: string | null; redirectUris: string[] }>;
  webhooks: Array<{ id: string; accountId: string; clientId: string; url: string; event: string; enabled: boolean; signatureToken: string; conditions: WebhookRec["conditions"]; createdAt: number }>;
  notes: Array<{ id: string; accountId: string; opportunityId: string; value: string; secret: boolean; score: number | null; notifyFollowers: boolean; createdAt: number; updatedAt: number; performAs: string; clientId: string | null; deleted: boolean }>;
  stageChanges: SimContext["writes"]["stageChanges"];
  archives: SimContext["writes"]["archives"];
  tags: SimContext["writes"]["tags"];
  deliveries: ReturnType<typeof deliveryJson>[];
  formTemplates: Array<{ id: string; accountId: string; text: string; fields: Array<{ id: string; type: string; text: string }>; clientId: string | null; deleted: boolean }>;
  forms: Array<{ id: string; accountId: string; opportunityId: string; baseTemplateId: string; fields: Array<{ id: string; text: string; value: string }>; user: string; createdAt: number; deleted: boolean }>;
  faults: FaultRule[];
  requests: Record<string, Record<string, number>>;
}

export interface LeverSim {
  readonly baseUrl: string;
  handle(request: Request): Promise<Response>;
  reset(): void;
  /** Move the sim clock forward (token/code/refresh expiry, timestamps). Returns the new now(). */
  advanceClock(ms: number): number;
  /** Stops (true) or restarts (false) the clock's real-time running, keeping its current reading. */
  freezeClock(frozen: boolean): void;
  now(): number;
  state(): SimState;
  addApplication(input: AddApplicationInput): Promise<AddApplicationResult>;
  /**
   * A user deletes the opportunity in Lever: it disappears from the API (404), with its notes and
   * forms, and `candidateDeleted` is delivered to the account's enabled webhooks.
   */
  deleteOpportunity(id: string): Promise<{ opportunityId: string; contactId: string; accountId: string; deliveries: ReturnType<typeof deliveryJson>[] }>;
  setFaults(faults: FaultRule | FaultRule[]): void;
  clearFaults(): void;
  enableWebhook(id: string): void;
  disableWebhook(id: string): void;
  sendTestWebhook(id: string): Promise<ReturnType<typeof deliveryJson>>;
  addClient(client: SimClient): void;
  /** A Super Admin revokes the app: refresh tokens and access tokens of the account (and client) die. */
  revoke(accountId: string, clientId?: string): { refreshFamilies: number; accessTokens: number };
  /** Resolves when no webhook delivery attempt is in flight (scheduled retries are not waited for). */
  whenIdle(): Promise<void>;
  /** Cancel scheduled webhook retries (call on shutdown). */
  dispose(): void;
  /** Internal state, for tests that need to look deeper than state(). Do not mutate. */
  readonly context: SimContext;
}

export function deliveryJson(d: DeliveryRec) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    accountId: d.accountId,
    event: d.event,
    url: d.url,
    test: d.test,
    attempts: d.attempts.map((a) => ({ ...a })),
    delivered: d.delivered,
    pending: d.pending,
    payload: d.payload,
  };
}

const FAULT_STATUSES = [429, 500, 502, 503, 504];
const FAULT_BODIES: Record<number, [string, string]> = {
  429: ["TOO_MANY_REQUESTS", "Rate limit exceeded"],
  500: ["INTERNAL_SERVER_ERROR", "Internal server error"],
  502: ["BAD_GATEWAY", "Bad gateway"],
  503: ["SERVICE_UNAVAILABLE", "Lever is temporarily unavailable for maintenance"],
  504: ["GATEWAY_TIMEOUT", "Gateway timeout"],
};

export function validateFaults(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : input && typeof input === "object" && Array.isArray((input as { faults?: unknown }).faults) ? (input as { faults: unknown[] }).faults : [input];
  return list.map((raw, i) => {
    const f = raw as Partial<FaultRule> | null;
    const where = list.length > 1 ? `faults[${i}].` : "";
    if (!f || typeof f !== "object") throw new TypeError(`${where}fault must be an object`);
    if (f.status !== undefined && !FAULT_STATUSES.includes(f.status)) throw new TypeError(`${where}status must be one of ${FAULT_STATUSES.join(", ")}`);
    if (f.status === undefined && !f.latencyMs) throw new TypeError(`${where}status or latencyMs is required`);
    const rate = f.rate ?? 1;
    if (typeof rate !== "number" || rate < 0 || rate > 1) throw new TypeError(`${where}rate must be a number from 0 to 1`);
    if (f.latencyMs !== undefined && (typeof f.latencyMs !== "number" || f.latencyMs < 0 || f.latencyMs > 120_000)) throw new TypeError(`${where}latencyMs must be 0..120000`);
    if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1)) throw new TypeError(`${where}count must be a positive integer`);
    const rule: FaultRule = { rate };
    if (f.status !== undefined) rule.status = f.status;
    if (f.latencyMs !== undefined) rule.latencyMs = f.latencyMs;
    if (f.count !== undefined) rule.count = f.count;
    return rule;
  });
}

export function createLeverSim(options: LeverSimOptions = {}): LeverSim {
  const ctx = createContext(options);

  const findWebhook = (id: string) => {
    const w = ctx.webhooks.find((x) => x.id === id);
    if (!w) throw new RangeError(`No webhook ${id}`);
    return w;
  };

  async function handleApi(request: Request, url: URL, path: string): Promise<Response> {
    // Faults model Lever's infrastructure failing, so they hit before authentication.
    for (const rule of [...ctx.faults]) {
      if (ctx.faultRng.next() >= rule.rate) continue;
      if (rule.count !== undefined && --rule.count <= 0) ctx.faults = ctx.faults.filter((r) => r !== rule);
      if (rule.latencyMs) await new Promise((r) => setTimeout(r, rule.latencyMs));
      if (rule.status) {
        const [code, message] = FAULT_BODIES[rule.status] ?? ["ERROR", "Error"];
        return apiError(rule.status, code, message);
      }
    }
    const principal = await authenticate(ctx, request);
    if (principal instanceof Response) return principal;
    const account = resolveAccount(ctx, principal);
    if (!account) return apiError(401, "UNAUTHORIZED", "Unknown account");

    const limit = ctx.opts.rateLimit;
    if (limit) {
      // Lever limits per key; for OAuth that is the (account, app) pair, so refreshed tokens share a bucket.
      const key = `${principal.accountId}:${principal.clientId}`;
      // The sim clock, so advanceClock refills the bucket as elapsed time would.
      const t = ctx.now();
      const b = ctx.buckets.get(key) ?? { tokens: limit.burst, last: t };
      b.tokens = Math.min(limit.burst, b.tokens + ((t - b.last) / 1000) * limit.ratePerSec);
      b.last = t;
      ctx.buckets.set(key, b);
      if (b.tokens < 1) {
        const headers: Record<string, string> = limit.retryAfter ? { "retry-after": String(Math.max(1, Math.ceil((1 - b.tokens) / limit.ratePerSec))) } : {};
        return apiError(429, "TOO_MANY_REQUESTS", "Rate limit exceeded: 10 requests per second, bursts of 20", headers);
      }
      b.tokens -= 1;
    }

    const m = matchRoute(API_ROUTES, request.method, path);
    if (!m) return apiError(404, "NOT_FOUND", `No such endpoint: ${request.method} ${path}`);
    if ("methodNotAllowed" in m) return apiError(405, "METHOD_NOT_ALLOWED", `Use ${m.methodNotAllowed.join(" or ")} for ${path}`);
    const call: ApiCall = { ctx, request, url, principal, account };
    return m.route.handler(call, m.params);
  }

  function routeKey(method: string, path: string): string {
    const m = matchRoute(API_ROUTES, method, path);
    return `${method} ${m && "route" in m ? m.route.pattern : path.startsWith("/v1") ? "/v1/(unknown)" : path}`;
  }

  const sim: LeverSim = {
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
          if (!m) return apiError(404, "NOT_FOUND", `No such control endpoint: ${method} ${path}`);
          if ("methodNotAllowed" in m) return apiError(405, "METHOD_NOT_ALLOWED", `Use ${m.methodNotAllowed.join(" or ")}`);
          return await m.route.handler({ sim, ctx, request, url }, m.params);
        }
        let response: Response;
        if (path === "/v1" || path.startsWith("/v1/")) {
          try {
            response = await handleApi(request, url, path);
          } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            response = e.response;
          }
          countRequest(ctx, routeKey(method, path), response.status);
          return response;
        }
        if (path === "/authorize" && method === "GET") response = authorizeGet(ctx, url);
        else if (path === "/authorize" && method === "POST") response = await authorizePost(ctx, request);
        else if (path === "/oauth/token" && method === "POST") response = await token(ctx, request);
        else if (path.startsWith("/candidates/") && method === "GET") response = candidatePage(path.slice("/candidates/".length));
        else if (path === "/" && method === "GET") response = landingPage();
        else response = apiError(404, "NOT_FOUND", `No such endpoint: ${method} ${path}`);
        countRequest(ctx, `${method} ${path.startsWith("/candidates/") ? "/candidates/:id" : path}`, response.status);
        return response;
      } catch (e) {
        if (e instanceof HttpError) return e.response;
        ctx.log(`lever-sim: unhandled error on ${method} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return apiError(500, "INTERNAL_SERVER_ERROR", "Simulator error");
      }
    },

    reset() {
      resetContext(ctx);
    },
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advanceClock: ms must be a non-negative number");
      ctx.clockOffset += ms;
      return ctx.now();
    },
    freezeClock(frozen) {
      const now = ctx.now();
      ctx.clockFrozen = frozen;
      ctx.clockRealStart = Date.now();
      ctx.clockOffset = now - ctx.opts.startTime;
    },
    now: () => ctx.now(),

    state() {
      return {
        now: ctx.now(),
        clockOffsetMs: ctx.clockOffset,
        accounts: ctx.world.accounts.map((a) => ({
          id: a.id,
          name: a.name,
          users: a.users.map((u) => ({ id: u.id, name: u.name, email: u.email, accessRole: u.accessRole, deactivatedAt: u.deactivatedAt })),
          postings: a.postings.map((p) => ({ id: p.id, text: p.text, state: p.state, confidentiality: p.confidentiality, team: p.categories.team, location: p.categories.location })),
          stages: a.stages.map((s) => ({ ...s })),
          archiveReasons: a.archiveReasons.map((r) => ({ ...r })),
          opportunityCount: a.opportunities.length,
        })),
        clients: [...ctx.clients.values()].map((c) => ({ clientId: c.clientId, name: c.name ?? null, redirectUris: [...c.redirectUris] })),
        webhooks: ctx.webhooks.map((w) => ({ id: w.id, accountId: w.accountId, clientId: w.clientId, url: w.url, event: w.event, enabled: w.enabled, signatureToken: w.signatureToken, conditions: w.conditions, createdAt: w.createdAt })),
        notes: apiNotes(ctx).map((n) => ({
          id: n.id,
          accountId: n.accountId,
          opportunityId: n.opportunityId,
          value: n.value,
          secret: n.secret,
          score: n.score,
          notifyFollowers: n.notifyFollowers,
          createdAt: n.createdAt,
          updatedAt: n.updatedAt,
          performAs: n.userId,
          clientId: n.clientId,
          deleted: n.deletedAt !== null,
        })),
        stageChanges: ctx.writes.stageChanges.map((x) => ({ ...x })),
        archives: ctx.writes.archives.map((x) => ({ ...x })),
        tags: ctx.writes.tags.map((x) => ({ ...x, tags: [...x.tags] })),
        deliveries: ctx.deliveries.map(deliveryJson),
        formTemplates: ctx.formTemplates.map((t) => ({ id: t.id, accountId: t.accountId, text: t.text, fields: t.fields.map((f) => ({ id: f.id, type: f.type, text: f.text })), clientId: t.clientId, deleted: t.deletedAt !== null })),
        forms: ctx.forms.map((f) => ({ id: f.id, accountId: f.accountId, opportunityId: f.opportunityId, baseTemplateId: f.baseTemplateId, fields: f.fields.map((x) => ({ id: x.id, text: x.text, value: x.value })), user: f.user, createdAt: f.createdAt, deleted: f.deletedAt !== null })),
        faults: ctx.faults.map((f) => ({ ...f })),
        requests: JSON.parse(JSON.stringify(ctx.requests)) as Record<string, Record<string, number>>,
      };
    },

    async addApplication(input) {
      if (!input || typeof input.postingId !== "string") throw new TypeError("postingId is required");
      const account = ctx.world.accounts.find((a) => a.postings.some((p) => p.id === input.postingId));
      const posting = account?.postings.find((p) => p.id === input.postingId);
      if (!account || !posting) throw new RangeError(`No posting ${input.postingId}`);
      if (input.name !== undefined && (typeof input.name !== "string" || !input.name.trim())) throw new TypeError("name must be a non-empty string");
      if (input.email !== undefined && (typeof input.email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(input.email))) throw new TypeError("email must be an email address");
      if (input.resumeText !== undefined && typeof input.resumeText !== "string") throw new TypeError("resumeText must be a string");
      if (input.resumeFormat !== undefined && input.resumeFormat !== "pdf" && input.resumeFormat !== "docx") throw new TypeError("resumeFormat must be pdf or docx");
      if (input.resumeFileName !== undefined && (typeof input.resumeFileName !== "string" || !input.resumeFileName)) throw new TypeError("resumeFileName must be a non-empty string");
      if (input.resumeContentType !== undefined && (typeof input.resumeContentType !== "string" || !input.resumeContentType)) throw new TypeError("resumeContentType must be a non-empty string");
      const origins = ["applied", "sourced", "referred", "agency", "university", "internal"];
      if (input.origin !== undefined && !origins.includes(input.origin)) throw new TypeError(`origin must be one of ${origins.join(", ")}`);

      const now = ctx.now();
      const candidate = generateCandidate(ctx.idRng, posting, now, { name: input.name, email: input.email });
      const existing = account.opportunities.find((o) => o.emails.some((e) => e.toLowerCase() === candidate.email.toLowerCase()));
      const opp = makeOpportunity(ctx.idRng, account, posting, candidate, now, {
        origin: input.origin ?? "applied",
        contactId: existing?.contactId,
        ownerId: posting.ownerId,
        resume: input.resumeFormat ?? "pdf",
        resumeStatus: input.unprocessable ? "error" : "processed",
        resumeText: input.resumeText,
        fileName: input.resumeFileName,
      });
      if (input.resumeContentType !== undefined) for (const r of opp.resumes) r.contentType = input.resumeContentType;
      if (input.resumeText !== undefined) {
        // Free text cannot be parsed reliably here; Lever's parser often returns little for unusual layouts too.
        for (const r of opp.resumes) r.parsedData = { positions: [], schools: [] };
      }
      if (input.phone) {
        opp.phones = [{ type: "mobile", value: input.phone }];
        for (const a of opp.applications) a.phone = { type: "mobile", value: input.phone };
      }
      account.opportunities.push(opp);
      sortOpportunities(account);
      const application = opp.applications[0]!;
      const deliveries: DeliveryRec[] = [];
      const pending: Array<Promise<DeliveryRec[]>> = [
        emitEvent(ctx, account.id, "applicationCreated", { applicationId: application.id, opportunityId: opp.id, contactId: opp.contactId }, opp),
      ];
      if (!existing) pending.push(emitEvent(ctx, account.id, "contactCreated", { contactId: opp.contactId }, opp));
      for (const list of await Promise.all(pending)) deliveries.push(...list);
      return { opportunityId: opp.id, applicationId: application.id, contactId: opp.contactId, accountId: account.id, deliveries: deliveries.map(deliveryJson) };
    },

    async deleteOpportunity(id) {
      for (const account of ctx.world.accounts) {
        const index = account.opportunities.findIndex((o) => o.id === id);
        if (index < 0) continue;
        const [opp] = account.opportunities.splice(index, 1);
        const now = ctx.now();
        for (const n of ctx.world.notes) if (n.opportunityId === id && !n.deletedAt) n.deletedAt = now;
        for (const f of ctx.forms) if (f.opportunityId === id && !f.deletedAt) f.deletedAt = now;
        // Lever names the person, the candidacy and the user who deleted it (the account's first Super Admin here).
        const deletedBy = account.users.find((u) => u.accessRole === "super admin")?.id ?? null;
        const deliveries = await emitEvent(ctx, account.id, "candidateDeleted", { opportunityId: id, contactId: opp!.contactId, deletedBy });
        return { opportunityId: id, contactId: opp!.contactId, accountId: account.id, deliveries: deliveries.map(deliveryJson) };
      }
      throw new RangeError(`No opportunity ${id}`);
    },
    setFaults(faults) {
      ctx.faults = validateFaults(faults);
    },
    clearFaults() {
      ctx.faults = [];
    },
    enableWebhook(id) {
      findWebhook(id).enabled = true;
    },
    disableWebhook(id) {
      findWebhook(id).enabled = false;
    },
    async sendTestWebhook(id) {
      return deliveryJson(await sendTest(ctx, findWebhook(id)));
    },
    addClient(client) {
      if (!client || typeof client.clientId !== "string" || !client.clientId) throw new TypeError("clientId is required");
      if (typeof client.clientSecret !== "string" || !client.clientSecret) throw new TypeError("clientSecret is required");
      if (!Array.isArray(client.redirectUris) || !client.redirectUris.length) throw new TypeError("redirectUris must be a non-empty array");
      for (const uri of client.redirectUris) {
        try {
          new URL(uri);
        } catch {
          throw new TypeError(`redirectUris: not an absolute URL: ${uri}`);
        }
      }
      ctx.clients.set(client.clientId, { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [...client.redirectUris], name: client.name });
    },
    revoke(accountId, clientId) {
      if (!ctx.world.accounts.some((a) => a.id === accountId)) throw new RangeError(`No account ${accountId}`);
      return revokeGrant(ctx, accountId, clientId);
    },
    async whenIdle() {
      while (ctx.inflight.size) await Promise.allSettled([...ctx.inflight]);
    },
    dispose() {
      for (const t of ctx.timers) clearTimeout(t);
      ctx.timers.clear();
      ctx.generation++;
    },
  };

  function landingPage(): Response {
    const accounts = ctx.world.accounts
      .map((a) => `<li><strong>${escapeHtml(a.name)}</strong> — ${a.postings.length} postings, ${a.opportunities.length} opportunities</li>`)
      .join("");
    return html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lever simulator</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 20px;color:#1d2433}code{background:#f3f4f7;padding:1px 4px;border-radius:4px}</style></head><body><h1>Lever simulator</h1><p>For tests and demos only — not the real Lever.</p><ul>${accounts}</ul><p>OAuth: <code>GET /authorize</code>, <code>POST /oauth/token</code>. API: <code>/v1/…</code> (audience <code>${escapeHtml(ctx.audience)}</code>). Control (no auth): <code>GET /_sim/state</code>.</p></body></html>`,
    );
  }

  /** What `urls.show` of an opportunity points to: a minimal read-only candidate page. */
  function candidatePage(id: string): Response {
    for (const account of ctx.world.accounts) {
      const o = findOpportunity(account, decodeURIComponent(id));
      if (!o) continue;
      const stage = account.stages.find((s) => s.id === o.stageId)?.text ?? o.stageId;
      const reason = o.archived ? account.archiveReasons.find((r) => r.id === o.archived?.reason)?.text : null;
      const notes = ctx.world.notes.filter((n) => n.opportunityId === o.id && !n.deletedAt);
      const posting = account.postings.find((p) => p.id === o.applications[0]?.postingId);
      return html(
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(o.name)} – Lever</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 20px;color:#1d2433}.tag{display:inline-block;background:#eef2fb;border-radius:10px;padding:0 8px;margin-right:4px;font-size:13px}li{margin:6px 0}</style></head><body><p>${escapeHtml(account.name)} · Lever simulator</p><h1>${escapeHtml(o.name)}</h1><p>${escapeHtml(o.headline)}</p><p><strong>Posting:</strong> ${escapeHtml(posting?.text ?? "—")}<br><strong>Stage:</strong> ${escapeHtml(stage)}${reason ? `<br><strong>Archived:</strong> ${escapeHtml(reason)}` : ""}</p><p>${o.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join("")}</p><h2>Notes</h2><ul>${notes.map((n) => `<li>${escapeHtml(n.value)}${n.score ? ` (score ${n.score}/4)` : ""}</li>`).join("") || "<li>No notes</li>"}</ul></body></html>`,
      );
    }
    return errorPage(404, "Candidate not found", "No opportunity with this id.");
  }

  return sim;
}

export { opportunityJson, webhookJson };
