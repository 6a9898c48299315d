/**
 * The mutable state of one simulator instance, shared by the OAuth, API, webhook and control modules.
 * Everything here is rebuilt by reset(); nothing is global, so tests can run several sims side by side.
 */
import { createHash } from "node:crypto";
import { createRng, deriveSeed, type Rng } from "./prng";
import { buildWorld, type World } from "./seed";
import type { AccountRec, DeliveryRec, FaultRule, NoteRec, OpportunityRec, SimClient, WebhookRec } from "./types";
import type { FormRec, FormTemplateRec } from "./forms";

export interface LeverSimOptions {
  /** The URL the sim is reachable at (its OAuth audience is `${baseUrl}/v1/`). Default http://localhost:4010. */
  baseUrl?: string;
  /** Registered OAuth clients. Default: one client "lever-sim-client" / "lever-sim-secret". */
  clients?: SimClient[];
  /** Token bucket per (Lever account, client). Default 10/s, burst 20. `retryAfter` adds a Retry-After header (undocumented by Lever, so off by default). */
  rateLimit?: { ratePerSec: number; burst: number; retryAfter?: boolean } | false;
  /** Gaps between webhook retries (real time). Lever retries five times with growing gaps. */
  webhookRetryDelaysMs?: number[];
  /** Timeout of one webhook delivery attempt. Default 10 s. */
  webhookTimeoutMs?: number;
  seed?: number;
  opportunitiesPerAccount?: number;
  /** Used to deliver webhooks. Default: the global fetch at call time (so msw can intercept it). */
  fetch?: typeof fetch;
  /** Start of the sim clock (epoch ms). Default Date.now(). Seeded timestamps are relative to it. */
  startTime?: number;
  /** PKCE is undocumented by Lever: "optional" (verify when a challenge is sent), "required", or "ignored" (accepted, never verified). */
  pkce?: "optional" | "required" | "ignored";
  /** What happens when a write has no perform_as: act as the user who authorized ("token-user") or refuse ("required"). */
  performAsDefault?: "token-user" | "required";
  /** Some Lever responses to POST /webhooks nest the object as data.data; "nested" reproduces that. */
  webhookCreateResponse?: "flat" | "nested";
  /** Lever requires HTTPS webhook URLs; off by default so local dev can use http://localhost. */
  requireHttpsWebhooks?: boolean;
  /** HS256 key for access tokens. Default derived from the seed. */
  jwtSecret?: string;
  /** Receives one line per notable event (deliveries, errors). Default: silent. */
  log?: (line: string) => void;
}

export const DEFAULT_CLIENT: SimClient = {
  clientId: "lever-sim-client",
  clientSecret: "lever-sim-secret",
  redirectUris: ["http://localhost:3000/api/integrations/lever/callback"],
  name: "Screening app",
};

export interface AuthCodeRec {
  code: string;
  clientId: string;
  redirectUri: string;
  accountId: string;
  userId: string;
  scope: string;
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
  /** Refresh family created from this code: revoked if the code is replayed. */
  familyId: string | null;
}

export interface RefreshTokenRec {
  token: string;
  familyId: string;
  clientId: string;
  accountId: string;
  userId: string;
  scope: string;
  familyCreatedAt: number;
  issuedAt: number;
  usedAt: number | null;
}

export interface WriteLog {
  stageChanges: Array<{ opportunityId: string; accountId: string; clientId: string; fromStageId: string; toStageId: string; performAs: string; at: number }>;
  archives: Array<{ opportunityId: string; accountId: string; clientId: string; reason: string | null; fromReason: string | null; performAs: string; at: number }>;
  tags: Array<{ opportunityId: string; accountId: string; clientId: string; action: "add" | "remove"; tags: string[]; performAs: string; at: number }>;
}

export interface SimContext {
  opts: Required<Pick<LeverSimOptions, "webhookRetryDelaysMs" | "webhookTimeoutMs" | "seed" | "opportunitiesPerAccount" | "pkce" | "performAsDefault" | "webhookCreateResponse" | "requireHttpsWebhooks">> & {
    rateLimit: { ratePerSec: number; burst: number; retryAfter?: boolean } | false;
    startTime: number;
    initialClients: SimClient[];
  };
  baseUrl: string;
  /** Path prefix of baseUrl (usually ""), stripped from incoming paths. */
  basePath: string;
  audience: string;
  issuer: string;
  jwtKey: Uint8Array;
  fetch: typeof fetch;
  log: (line: string) => void;

  world: World;
  clients: Map<string, SimClient>;
  codes: Map<string, AuthCodeRec>;
  refreshTokens: Map<string, RefreshTokenRec>;
  revokedFamilies: Set<string>;
  /** Access tokens issued (by jti), so a Super Admin revoking the app can kill them. */
  accessTokens: Map<string, { accountId: string; clientId: string }>;
  revokedJtis: Set<string>;
  webhooks: WebhookRec[];
  deliveries: DeliveryRec[];
  /** Profile form templates and forms (forms.ts). */
  formTemplates: FormTemplateRec[];
  forms: FormRec[];
  writes: WriteLog;
  faults: FaultRule[];
  faultRng: Rng;
  /** Ids of records created at run time (notes, webhooks, applications). */
  idRng: Rng;
  buckets: Map<string, { tokens: number; last: number }>;
  requests: Record<string, Record<string, number>>;
  clockOffset: number;
  /** While frozen, the clock moves only with advanceClock (deterministic tests of timing). */
  clockFrozen: boolean;
  /** Real time at the last reset: the sim clock runs at real speed from startTime, plus clockOffset. */
  clockRealStart: number;
  timers: Set<ReturnType<typeof setTimeout>>;
  inflight: Set<Promise<unknown>>;
  /** Bumped by reset so late webhook retries of a previous world stop. */
  generation: number;
  now(): number;
}

export function createContext(options: LeverSimOptions = {}): SimContext {
  const baseUrl = (options.baseUrl ?? "http://localhost:4010").replace(/\/+$/, "");
  const seed = options.seed ?? 1;
  const rateLimit = options.rateLimit === false ? false : (options.rateLimit ?? { ratePerSec: 10, burst: 20 });
  const ctx: SimContext = {
    opts: {
      webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [1_000, 5_000, 30_000, 120_000, 600_000],
      webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
      seed,
      opportunitiesPerAccount: options.opportunitiesPerAccount ?? 250,
      pkce: options.pkce ?? "optional",
      performAsDefault: options.performAsDefault ?? "token-user",
      webhookCreateResponse: options.webhookCreateResponse ?? "flat",
      requireHttpsWebhooks: options.requireHttpsWebhooks ?? false,
      rateLimit,
      startTime: options.startTime ?? Date.now(),
      initialClients: (options.clients ?? [DEFAULT_CLIENT]).map((c) => ({ ...c, redirectUris: [...c.redirectUris] })),
    },
    baseUrl,
    basePath: new URL(baseUrl).pathname.replace(/\/+$/, ""),
    audience: `${baseUrl}/v1/`,
    issuer: `${baseUrl}/`,
    jwtKey: new Uint8Array(createHash("sha256").update(options.jwtSecret ?? `lever-sim-jwt:${seed}`).digest()),
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    log: options.log ?? (() => {}),
    world: { accounts: [], notes: [] },
    clients: new Map(),
    codes: new Map(),
    refreshTokens: new Map(),
    revokedFamilies: new Set(),
    accessTokens: new Map(),
    revokedJtis: new Set(),
    webhooks: [],
    deliveries: [],
    formTemplates: [],
    forms: [],
    writes: { stageChanges: [], archives: [], tags: [] },
    faults: [],
    faultRng: createRng(deriveSeed(seed, "faults")),
    idRng: createRng(deriveSeed(seed, "runtime-ids")),
    buckets: new Map(),
    requests: {},
    clockOffset: 0,
    clockFrozen: false,
    clockRealStart: Date.now(),
    timers: new Set(),
    inflight: new Set(),
    generation: 0,
    now: () => ctx.opts.startTime + ctx.clockOffset + (ctx.clockFrozen ? 0 : Date.now() - ctx.clockRealStart),
  };
  resetContext(ctx);
  return ctx;
}

export function resetContext(ctx: SimContext): void {
  for (const t of ctx.timers) clearTimeout(t);
  ctx.timers.clear();
  ctx.generation++;
  ctx.clockRealStart = Date.now();
  ctx.clockOffset = 0;
  ctx.clockFrozen = false;
  ctx.world = buildWorld(ctx.opts.seed, ctx.opts.startTime, ctx.opts.opportunitiesPerAccount);
  ctx.clients = new Map(ctx.opts.initialClients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris] }]));
  ctx.codes.clear();
  ctx.refreshTokens.clear();
  ctx.revokedFamilies.clear();
  ctx.accessTokens.clear();
  ctx.revokedJtis.clear();
  ctx.webhooks = [];
  ctx.deliveries = [];
  ctx.formTemplates = [];
  ctx.forms = [];
  ctx.writes = { stageChanges: [], archives: [], tags: [] };
  ctx.faults = [];
  ctx.faultRng = createRng(deriveSeed(ctx.opts.seed, "faults"));
  ctx.idRng = createRng(deriveSeed(ctx.opts.seed, "runtime-ids"));
  ctx.buckets.clear();
  ctx.requests = {};
}

export function findAccount(ctx: SimContext, accountId: string): AccountRec | undefined {
  return ctx.world.accounts.find((a) => a.id === accountId);
}

export function findOpportunity(account: AccountRec, id: string): OpportunityRec | undefined {
  return account.opportunities.find((o) => o.id === id);
}

export function apiNotes(ctx: SimContext): NoteRec[] {
  return ctx.world.notes.filter((n) => n.viaApi);
}

export function countRequest(ctx: SimContext, key: string, status: number): void {
  const bucket = (ctx.requests[key] ??= {});
  bucket[String(status)] = (bucket[String(status)] ?? 0) + 1;
}

/** A Super Admin revokes the app (Lever: Settings → Integrations and API → Authorized Apps). */
export function revokeGrant(ctx: SimContext, accountId: string, clientId?: string): { refreshFamilies: number; accessTokens: number } {
  const families = new Set<string>();
  for (const rec of ctx.refreshTokens.values()) {
    if (rec.accountId === accountId && (!clientId || rec.clientId === clientId)) families.add(rec.familyId);
  }
  for (const f of families) ctx.revokedFamilies.add(f);
  let accessTokens = 0;
  for (const [jti, rec] of ctx.accessTokens) {
    if (rec.accountId === accountId && (!clientId || rec.clientId === clientId) && !ctx.revokedJtis.has(jti)) {
      ctx.revokedJtis.add(jti);
      accessTokens++;
    }
  }
  return { refreshFamilies: families.size, accessTokens };
}
