import pRetry from "p-retry";
import type { z } from "zod";
import { AtsApiError } from "@/lib/ats/errors";
import { RateLimiter, type Priority } from "@/lib/ats/rate-limit";
import type { AccessToken } from "@/lib/ats/tokens";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { ErrorBodySchema } from "./schemas";
import { greenhouseTokenManager } from "./tokens";

/**
 * The one Harvest v3 client. Every call: take a token from the connection's shared rate limiter, send
 * with a timeout, on 401 refresh the access token once and retry once, back off on 429/503 honouring
 * Retry-After (and on 500/network errors when the call is safe to repeat), cap what is read, and
 * validate the body with zod. Lists follow the `Link: <…>; rel="next"` header, whose URL is the cursor.
 */

export class GreenhouseApiError extends AtsApiError {
  override readonly name = "GreenhouseApiError";
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: { method: string; path: string; retryable: boolean; retryAfterMs?: number } = { method: "", path: "", retryable: false },
  ) {
    super("Greenhouse", status, code, message);
  }
}

type Token = Pick<AccessToken, "accessToken" | "tokenVersion"> & { expiresAt?: Date | null };

export interface GreenhouseTokenSource {
  getAccessToken(): Promise<Token>;
  refreshAccessToken(staleVersion: number): Promise<Token>;
}

export interface GreenhouseLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RetryPolicy {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  maxRetryTimeMs: number;
}

export interface GreenhouseClientOptions {
  apiBase: string;
  tokens: GreenhouseTokenSource;
  limiter?: GreenhouseLimiter;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxDownloadBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Waits between retries; tests hand in one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  connectionId?: string;
}

/** For a person waiting on the answer: no retries, they can press again. */
export const INTERACTIVE_RETRY: Partial<RetryPolicy> = { retries: 0 };

const DEFAULT_RETRY: RetryPolicy = { retries: 6, minTimeoutMs: 500, maxTimeoutMs: 10_000, maxRetryTimeMs: 60_000 };
/** A page of 500 applications with answers is a few MB; anything near this is not Greenhouse. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
const MAX_ERROR_BYTES = 64 * 1024;
/** A token this close to expiry is fetched again before use: Greenhouse's last only an hour, and a session may outlive one. */
const EXPIRY_MARGIN_MS = 60_000;

export type Query = Record<string, string | number | undefined>;

export interface Page<T> {
  items: T[];
  /** The absolute URL of the next page from the Link header, or null on the last page. */
  next: string | null;
}

export interface Download {
  bytes: Uint8Array;
  contentType: string;
}

interface RequestOptions {
  body?: unknown;
  idempotent: boolean;
  /** Send the bearer token (Harvest); signed attachment URLs are fetched without it. */
  authenticated?: boolean;
  maxBytes?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The rel="next" target of a Link header. */
export function nextLink(header: string | null): string | null {
  for (const part of (header ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

export class GreenhouseClient {
  private readonly apiBase: URL;
  private readonly tokens: GreenhouseTokenSource;
  private readonly limiter: GreenhouseLimiter | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxDownloadBytes: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly connectionId: string | undefined;
  private token: Token | undefined;

  constructor(options: GreenhouseClientOptions) {
    this.apiBase = new URL(options.apiBase.replace(/\/+$/, "") + "/");
    this.tokens = options.tokens;
    this.limiter = options.limiter;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxDownloadBytes = options.maxDownloadBytes ?? config().resumes.maxBytes;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? defaultSleep;
    this.connectionId = options.connectionId;
  }

  /** The production wiring: the connection's stored tokens and its Postgres-backed rate limit, keyed per connection. */
  static forConnection(connectionId: string, { priority = "high", retry }: { priority?: Priority; retry?: Partial<RetryPolicy> } = {}): GreenhouseClient {
    const greenhouse = config().greenhouse;
    const tokens = greenhouseTokenManager();
    const limiter = new RateLimiter();
    const budget = { ratePerSec: greenhouse.ratePerSec, burst: greenhouse.burst };
    return new GreenhouseClient({
      apiBase: greenhouse.apiBase,
      connectionId,
      retry,
      tokens: {
        getAccessToken: () => tokens.getAccessToken(connectionId),
        refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale),
      },
      limiter: { acquire: (signal) => limiter.acquire(`greenhouse:${connectionId}`, { ...budget, priority, signal }) },
    });
  }

  /** One page of a list: the first with filters, the next ones from the Link header's URL, unchanged. */
  async page<T extends z.ZodType>(path: string, item: T, query: Query, cursor?: string): Promise<Page<z.infer<T>>> {
    const url = cursor ? this.cursorUrl(cursor, path) : this.url(path, query);
    const { body, headers } = await this.request("GET", url, path, { idempotent: true });
    const items = this.validate(this.json(body, "GET", path), item.array(), "GET", path);
    return { items, next: nextLink(headers.get("link")) };
  }

  /** Every record of a list, following Link headers; a repeated link is Greenhouse's fault, not a loop. */
  async all<T extends z.ZodType>(path: string, item: T, query: Query = {}): Promise<Array<z.infer<T>>> {
    const items: Array<z.infer<T>> = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await this.page(path, item, query, cursor);
      items.push(...page.items);
      if (!page.next) return items;
      if (seen.has(page.next)) throw new GreenhouseApiError(502, "invalid_response", `Greenhouse repeated a page link for GET ${path}`, { method: "GET", path, retryable: false });
      seen.add(page.next);
      cursor = page.next;
    }
  }

  async get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    const { body } = await this.request("GET", this.url(path), path, { idempotent: true });
    return this.validate(this.json(body, "GET", path), schema, "GET", path);
  }

  /** A write; `schema` null when Greenhouse answers 204. Writes are retried only when Greenhouse did not process them (429, 503). */
  async post<T extends z.ZodType>(path: string, payload: unknown, schema: T | null): Promise<z.infer<T> | undefined> {
    const { body } = await this.request("POST", this.url(path), path, { body: payload, idempotent: false });
    return schema ? this.validate(this.json(body, "POST", path), schema, "POST", path) : undefined;
  }

  /** A signed attachment URL: fetched without the bearer token (it may point at a file store), capped. */
  async download(url: string): Promise<Download> {
    const { body, headers } = await this.request("GET", new URL(url), "attachment", { idempotent: true, authenticated: false, maxBytes: this.maxDownloadBytes });
    return { bytes: body, contentType: headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream" };
  }

  private url(path: string, query: Query = {}): URL {
    const url = new URL(path, this.apiBase);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /** The cursor is the Link URL; only one on Greenhouse's API host and path is followed (the token goes along). */
  private cursorUrl(cursor: string, path: string): URL {
    let url: URL | undefined;
    try {
      url = new URL(cursor);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== this.apiBase.origin || url.pathname !== new URL(path, this.apiBase).pathname) {
      throw new GreenhouseApiError(400, "invalid_cursor", "The page cursor is not one Greenhouse gave for this list; start again", { method: "GET", path, retryable: false });
    }
    return url;
  }

  private json(body: Uint8Array, method: string, path: string): unknown {
    try {
      return JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new GreenhouseApiError(502, "invalid_response", `Greenhouse sent a body that is not JSON for ${method} ${path}`, { method, path, retryable: false });
    }
  }

  private validate<T extends z.ZodType>(json: unknown, schema: T, method: string, path: string): z.infer<T> {
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new GreenhouseApiError(502, "invalid_response", `Greenhouse sent an unexpected response for ${method} ${path} (${where}${issue?.message ?? "invalid"})`, { method, path, retryable: false });
  }

  private async request(method: string, url: URL, path: string, options: RequestOptions): Promise<{ body: Uint8Array; headers: Headers }> {
    const started = Date.now();
    let refreshed = false;
    const attempt = async () => {
      let response = await this.send(method, url, path, options);
      if (response.status === 401 && options.authenticated !== false && !refreshed) {
        // One refresh per call: a second 401 is Greenhouse's answer, not an expired token.
        refreshed = true;
        await discard(response);
        const stale = this.token?.tokenVersion;
        this.token = stale === undefined ? await this.tokens.getAccessToken() : await this.tokens.refreshAccessToken(stale);
        response = await this.send(method, url, path, options);
      }
      if (!response.ok) throw await this.errorFrom(response, method, path, options.idempotent);
      const body = await readCapped(response, { method, path, maxBytes: options.maxBytes ?? MAX_JSON_BYTES, timeoutMs: this.timeoutMs });
      return { body, headers: response.headers };
    };
    return pRetry(attempt, {
      retries: this.retry.retries,
      minTimeout: this.retry.minTimeoutMs,
      maxTimeout: this.retry.maxTimeoutMs,
      maxRetryTime: this.retry.maxRetryTimeMs,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof GreenhouseApiError && error.details.retryable,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        if (!(error instanceof GreenhouseApiError) || !error.details.retryable || retriesLeft === 0) return;
        log.info("Greenhouse request failed, retrying", { connectionId: this.connectionId, method, path, status: error.status, code: error.code, attempt: attemptNumber });
        const wait = error.details.retryAfterMs;
        if (wait !== undefined) {
          if (Date.now() - started + wait > this.retry.maxRetryTimeMs) throw error;
          await this.sleep(wait);
        }
      },
    });
  }

  private async send(method: string, url: URL, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: options.maxBytes ? "*/*" : "application/json" };
    if (options.authenticated !== false) {
      const expiresAt = this.token?.expiresAt;
      if (!this.token || (expiresAt && expiresAt.getTime() - Date.now() < EXPIRY_MARGIN_MS)) this.token = await this.tokens.getAccessToken();
      headers.authorization = `Bearer ${this.token.accessToken}`;
      await this.limiter?.acquire();
    }
    if (options.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // Harvest calls carry the token and are never redirected; a signed file URL may be.
        redirect: options.authenticated === false ? "follow" : "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      metrics().greenhouseRequests.inc({ connection: this.connectionId ?? "none", status: "0" });
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new GreenhouseApiError(0, timedOut ? "timeout" : "network_error", timedOut ? `Greenhouse did not answer within ${this.timeoutMs} ms` : "Could not reach Greenhouse", {
        method,
        path,
        retryable: options.idempotent,
      });
    }
    metrics().greenhouseRequests.inc({ connection: this.connectionId ?? "none", status: String(response.status) });
    if (response.status >= 300 && response.status < 400) {
      await discard(response);
      throw new GreenhouseApiError(response.status, "redirect", `Greenhouse redirected ${method} ${path}; not followed`, { method, path, retryable: false });
    }
    return response;
  }

  private async errorFrom(response: Response, method: string, path: string, idempotent: boolean): Promise<GreenhouseApiError> {
    let message = `Greenhouse answered ${response.status} to ${method} ${path}`;
    try {
      const body = await readCapped(response, { method, path, maxBytes: MAX_ERROR_BYTES, timeoutMs: this.timeoutMs });
      const parsed = ErrorBodySchema.safeParse(JSON.parse(new TextDecoder().decode(body)));
      if (parsed.success && parsed.data.message) {
        const fields = (parsed.data.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(" ")).join("; ");
        message = `${message}: ${parsed.data.message}${fields ? ` (${fields})` : ""}`;
      }
    } catch {
      /* not JSON: keep the generic message */
    }
    // 429 and 503 were not processed, so even writes may be resent; other 5xx only when idempotent.
    const retryable = response.status === 429 || response.status === 503 || (idempotent && [500, 502, 504].includes(response.status));
    return new GreenhouseApiError(response.status, `http_${response.status}`, message, { method, path, retryable, retryAfterMs: retryAfterMs(response.headers.get("retry-after")) });
  }
}

/** Reads a body, stopping as soon as it is known to pass `maxBytes`, within the timeout. */
async function readCapped(response: Response, what: { method: string; path: string; maxBytes: number; timeoutMs: number }): Promise<Uint8Array> {
  const { method, path, maxBytes, timeoutMs } = what;
  const tooLarge = () => new GreenhouseApiError(response.status, "too_large", `Greenhouse's response to ${method} ${path} is larger than ${maxBytes} bytes; not read`, { method, path, retryable: false });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    stop(response.body);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  let late = false;
  const deadline = setTimeout(() => {
    late = true;
    stop(reader);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new GreenhouseApiError(0, late ? "timeout" : "network_error", `Greenhouse's response to ${method} ${path} was cut off`, { method, path, retryable: true });
      }
      if (late) throw new GreenhouseApiError(0, "timeout", `Greenhouse's response to ${method} ${path} did not arrive within ${timeoutMs} ms`, { method, path, retryable: true });
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > maxBytes) {
        stop(reader);
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  } finally {
    clearTimeout(deadline);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

async function discard(response: Response): Promise<void> {
  try {
    await readCapped(response, { method: "", path: "", maxBytes: MAX_ERROR_BYTES, timeoutMs: 10_000 });
  } catch {
    /* nothing to free */
  }
}

function stop(body: ReadableStream | ReadableStreamDefaultReader | null): void {
  body?.cancel().catch(() => {
    /* already closed */
  });
}
