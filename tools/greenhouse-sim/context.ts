/**
 * The mutable state of one simulator instance, shared by the OAuth, Harvest, web hook, admin and control
 * modules. Everything here is rebuilt by reset(); nothing is global, so tests can run several sims side by side.
 */
import { createHash, randomUUID } from "node:crypto";
import { createRng, deriveSeed, type Rng } from "../lever-sim/prng";
import { buildAccounts, IdSequence } from "./seed";
import type { AccountRec, DeliveryRec, FaultRule, SimClient, WebhookRec } from "./types";

export interface GreenhouseSimOptions {
  /** The URL the sim is reachable at; signed attachment URLs and Link headers point here. Default http://localhost:4020. */
  baseUrl?: string;
  /** Registered OAuth clients. Default: one client "greenhouse-sim-client" / "greenhouse-sim-secret". */
  clients?: SimClient[];
  /** Requests per rolling 10-second window per (account, client). Default 50 (Greenhouse's documented example); false turns it off. */
  rateLimit?: number | false;
  /** Greenhouse's retry gaps after a failed delivery, in minutes: 1, 15, 60, 120, 240, 480 (7 attempts, about 15 hours). */
  webhookRetryMinutes?: number[];
  /**
   * Sim-clock compression of the retry schedule: a gap of m minutes waits m·60000/compression ms of sim clock.
   * Default 60, so one Greenhouse minute is one sim second.
   */
  webhookRetryCompression?: number;
  /** Timeout of one delivery attempt (real time). Default 10 s. */
  webhookTimeoutMs?: number;
  seed?: number;
  applicationsPerAccount?: number;
  /** Start of the sim clock (epoch ms). Default Date.now(). Seeded timestamps are relative to it. */
  startTime?: number;
  /** Let the sim clock also run at real speed (the CLI does); tests leave it frozen and move it by hand. */
  realTimeClock?: boolean;
  /** Used to deliver web hooks. Default: the global fetch at call time (so msw can intercept it). */
  fetch?: typeof fetch;
  /** Key for access tokens and URL signatures. Default derived from the seed. */
  secret?: string;
  /** One line per notable event (deliveries, errors). Default: silent. */
  log?: (line: string) => void;
}

/** The scopes the product needs; Greenhouse fixes them per partner client. */
export const PRODUCT_SCOPES = [
  "harvest:jobs:list",
  "harvest:job_interview_stages:list",
  "harvest:rejection_reasons:list",
  "harvest:users:list",
  "harvest:applications:list",
  "harvest:candidates:list",
  "harvest:attachments:list",
  "harvest:notes:list",
  "harvest:notes:create",
  "harvest:applications:move",
  "harvest:applications:reject",
  "harvest:applications:unreject",
  "harvest:applications:update",
];

export const DEFAULT_CLIENT: SimClient = {
  clientId: "greenhouse-sim-client",
  clientSecret: "greenhouse-sim-secret",
  redirectUris: ["http://localhost:3000/api/integrations/greenhouse/callback"],
  name: "Screening app",
  scopes: PRODUCT_SCOPES,
};

export const RETRY_MINUTES = [1, 15, 60, 120, 240, 480];

export interface AuthCodeRec {
  code: string;
  clientId: string;
  redirectUri: string;
  accountId: number;
  userId: number;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface RefreshTokenRec {
  token: string;
  clientId: string;
  accountId: number;
  userId: number;
  scope: string;
  expiresAt: number;
  /** Set when rotated or revoked; the token then gives invalid_grant. */
  revokedAt: number | null;
}

export interface SimContext {
  opts: Required<Omit<GreenhouseSimOptions, "baseUrl" | "clients" | "fetch" | "log" | "secret">>;
  baseUrl: string;
  basePath: string;
  secret: Uint8Array;
  secretText: string;
  clients: Map<string, SimClient>;
  initialClients: SimClient[];
  ids: IdSequence;
  accounts: AccountRec[];
  codes: Map<string, AuthCodeRec>;
  refreshTokens: Map<string, RefreshTokenRec>;
  webhooks: WebhookRec[];
  deliveries: DeliveryRec[];
  faults: FaultRule[];
  faultRng: Rng;
  idRng: Rng;
  /** Request times per (account, client) inside the rolling window. */
  windows: Map<string, number[]>;
  requests: Record<string, Record<string, number>>;
  clockOffset: number;
  clockRealStart: number;
  inflight: Set<Promise<void>>;
  /** Bumped by reset so attempts started before it do not record into the new state. */
  generation: number;
  /** Changes at every reset; access tokens carry it, so tokens from before a reset stop working. */
  epoch: string;
  fetch: typeof fetch;
  log: (line: string) => void;
  now(): number;
}

export function createContext(options: GreenhouseSimOptions): SimContext {
  const seed = options.seed ?? 1;
  const baseUrl = (options.baseUrl ?? "http://localhost:4020").replace(/\/+$/, "");
  const secretText = options.secret ?? createHash("sha256").update(`greenhouse-sim:${seed}`).digest("hex");
  const clients = options.clients ?? [DEFAULT_CLIENT];
  const ctx: SimContext = {
    opts: {
      rateLimit: options.rateLimit ?? 50,
      webhookRetryMinutes: options.webhookRetryMinutes ?? RETRY_MINUTES,
      webhookRetryCompression: options.webhookRetryCompression ?? 60,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
      seed,
      applicationsPerAccount: options.applicationsPerAccount ?? 150,
      startTime: options.startTime ?? Date.now(),
      realTimeClock: options.realTimeClock ?? false,
    },
    baseUrl,
    basePath: new URL(baseUrl).pathname.replace(/\/+$/, ""),
    secret: new TextEncoder().encode(secretText),
    secretText,
    clients: new Map(),
    initialClients: clients.map((c) => ({ ...c, redirectUris: [...c.redirectUris], scopes: [...c.scopes] })),
    ids: new IdSequence(),
    accounts: [],
    codes: new Map(),
    refreshTokens: new Map(),
    webhooks: [],
    deliveries: [],
    faults: [],
    faultRng: createRng(deriveSeed(seed, "faults")),
    idRng: createRng(deriveSeed(seed, "ids")),
    windows: new Map(),
    requests: {},
    clockOffset: 0,
    clockRealStart: Date.now(),
    inflight: new Set(),
    generation: 0,
    epoch: "",
    fetch: (...args) => (options.fetch ?? globalThis.fetch)(...args),
    log: options.log ?? (() => undefined),
    now() {
      const real = ctx.opts.realTimeClock ? Date.now() - ctx.clockRealStart : 0;
      return ctx.opts.startTime + ctx.clockOffset + real;
    },
  };
  resetContext(ctx);
  return ctx;
}

export function resetContext(ctx: SimContext): void {
  ctx.generation++;
  ctx.epoch = randomUUID();
  ctx.ids = new IdSequence();
  ctx.clockOffset = 0;
  ctx.clockRealStart = Date.now();
  ctx.accounts = buildAccounts(ctx.opts.seed, ctx.opts.startTime, ctx.opts.applicationsPerAccount, ctx.ids);
  ctx.clients = new Map(ctx.initialClients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris], scopes: [...c.scopes] }]));
  ctx.codes.clear();
  ctx.refreshTokens.clear();
  ctx.webhooks = [];
  ctx.deliveries = [];
  ctx.faults = [];
  ctx.faultRng = createRng(deriveSeed(ctx.opts.seed, "faults"));
  ctx.idRng = createRng(deriveSeed(ctx.opts.seed, "ids"));
  ctx.windows.clear();
  ctx.requests = {};
}

export function countRequest(ctx: SimContext, key: string, status: number): void {
  const byStatus = (ctx.requests[key] ??= {});
  byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
}

export const findAccount = (ctx: SimContext, id: number) => ctx.accounts.find((a) => a.id === id);
