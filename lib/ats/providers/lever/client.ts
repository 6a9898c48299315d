import pRetry from "p-retry";
import { leverTokenManager } from "./tokens";
import type { z } from "zod";
import { AtsApiError } from "@/lib/ats/errors";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { RateLimiter, type Priority } from "@/lib/ats/rate-limit";
import {
  ArchiveReasonSchema,
  dataEnvelope,
  LeverErrorBodySchema,
  LeverFileSchema,
  listEnvelope,
  NoteCreatedSchema,
  FormCreatedSchema,
  FormSchema,
  FormTemplateCreatedSchema,
  FormTemplateSchema,
  type Form,
  type FormInput,
  type FormTemplate,
  type FormTemplateInput,
  NoteInputSchema,
  NoteSchema,
  OpportunitySchema,
  PostingSchema,
  ResumeSchema,
  StageSchema,
  UserSchema,
  WebhookResponseSchema,
  WebhookSchema,
  type ArchiveReason,
  type LeverFile,
  type Note,
  type NoteInput,
  type Opportunity,
  type Page,
  type Posting,
  type Resume,
  type Stage,
  type User,
  type Webhook,
  type WebhookEvent,
} from "./schemas";
import type { AccessToken } from "@/lib/ats/tokens";

/**
 * The one Lever API client. Every call: take a token from the connection's shared rate limiter,
 * send with a timeout, on 401 refresh the access token once and retry once, back off and retry on
 * 429/503 (and on 500/network errors when the call is safe to repeat), then validate the body with
 * zod. Failures surface as one error type, `LeverApiError`, which never carries a token.
 */

/** Lever's failures as the core's `AtsApiError`, with what the client's retries need to know. */
export class LeverApiError extends AtsApiError {
  override readonly name = "LeverApiError";
  constructor(
    /** Lever's HTTP status; 0 when no response arrived (network error or timeout). */
    status: number,
    /** Lever's error code (`NOT_FOUND`, …) or ours (`network_error`, `timeout`, `invalid_response`, `redirect`). */
    code: string,
    message: string,
    readonly details: { method: string; path: string; retryable: boolean; retryAfterMs?: number } = { method: "", path: "", retryable: false },
  ) {
    super("Lever", status, code, message);
  }
}

export interface LeverTokenSource {
  getAccessToken(): Promise<Pick<AccessToken, "accessToken" | "tokenVersion"> & { expiresAt?: Date | null }>;
  refreshAccessToken(staleVersion: number): Promise<Pick<AccessToken, "accessToken" | "tokenVersion"> & { expiresAt?: Date | null }>;
}

export interface LeverLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** Total time budget of one call including all retries. */
  maxRetryTimeMs: number;
}

export interface LeverClientOptions {
  apiBase: string;
  tokens: LeverTokenSource;
  limiter?: LeverLimiter;
  fetch?: typeof fetch;
  /** Per-request timeout, body included. */
  timeoutMs?: number;
  /** Largest résumé or file download read; a larger one is stopped and reported as `too_large`. */
  maxDownloadBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** With the confidential scope, lists ask for confidential records too (`confidentiality=all`). */
  confidentialAccess?: boolean;
  /** Only for log lines. */
  connectionId?: string;
}

/** For a person waiting on the answer: no retries, they can press again. */
export const INTERACTIVE_RETRY: Partial<RetryPolicy> = { retries: 0 };

const DEFAULT_RETRY: RetryPolicy = { retries: 6, minTimeoutMs: 500, maxTimeoutMs: 10_000, maxRetryTimeMs: 60_000 };
const MAX_REDIRECTS = 3;
/** A page of 100 opportunities with applications is about 1 MB; anything near this is not Lever. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
/** Error bodies and bodies read only to be thrown away. */
const MAX_ERROR_BYTES = 64 * 1024;
const EXPIRY_MARGIN_MS = 60_000;

type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface PostingListParams extends QueryParams {
  state?: string | readonly string[];
  team?: string | readonly string[];
  department?: string | readonly string[];
  location?: string | readonly string[];
  commitment?: string | readonly string[];
  level?: string | readonly string[];
  tag?: string | readonly string[];
  confidentiality?: "all" | "confidential" | "non-confidential";
  updated_at_start?: number;
  updated_at_end?: number;
  limit?: number;
  offset?: string;
}

export interface OpportunityListParams extends QueryParams {
  posting_id?: string | readonly string[];
  stage_id?: string | readonly string[];
  archived?: boolean;
  email?: string | readonly string[];
  contact_id?: string | readonly string[];
  tag?: string | readonly string[];
  confidentiality?: "all" | "confidential" | "non-confidential";
  created_at_start?: number;
  created_at_end?: number;
  updated_at_start?: number;
  updated_at_end?: number;
  limit?: number;
  offset?: string;
}

export interface Download {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

interface BinaryBody {
  bytes: Uint8Array;
  headers: Headers;
}

interface RequestOptions<S extends z.ZodType | null> {
  query?: QueryParams;
  body?: unknown;
  schema: S;
  /** Safe to send twice (reads, PUTs, tag changes): then 500s and network errors are retried too. */
  idempotent: boolean;
  binary?: boolean;
  /** With `binary`: the most bytes read before the download is stopped. */
  maxBytes?: number;
  /** A 404 is an answer, not an error (deletes). */
  allow404?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (disposition) {
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    if (star?.[1]) {
      try {
        return decodeURIComponent(star[1].trim());
      } catch {
        /* use the plain filename */
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
    if (plain?.[1]) return plain[1].trim();
  }
  return fallback;
}

/** Lever's API hosts (global, EU, sandbox): the only hosts a redirect may take the bearer token to. */
const LEVER_API_HOSTS = new Set(["api.lever.co", "api.eu.lever.co", "api.sandbox.lever.co"]);

export class LeverClient {
  private readonly apiBase: URL;
  private readonly tokens: LeverTokenSource;
  private readonly limiter: LeverLimiter | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxDownloadBytes: number;
  private readonly retry: RetryPolicy;
  private readonly confidentialAccess: boolean;
  private readonly connectionId: string | undefined;
  private token: { accessToken: string; tokenVersion: number; expiresAt?: Date | null } | undefined;

  constructor(options: LeverClientOptions) {
    this.apiBase = new URL(options.apiBase.replace(/\/+$/, "") + "/");
    this.tokens = options.tokens;
    this.limiter = options.limiter;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxDownloadBytes = options.maxDownloadBytes ?? config().resumes.maxBytes;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.confidentialAccess = options.confidentialAccess ?? false;
    this.connectionId = options.connectionId;
  }

  /** The production wiring: the connection's stored tokens and its Postgres-backed rate limit. */
  static forConnection(connectionId: string, { priority = "high", retry }: { priority?: Priority; retry?: Partial<RetryPolicy> } = {}): LeverClient {
    const lever = config().lever;
    const tokens = leverTokenManager();
    const limiter = new RateLimiter();
    const budget = { ratePerSec: lever.ratePerSec, burst: lever.burst };
    return new LeverClient({
      apiBase: lever.apiBase,
      connectionId,
      retry,
      confidentialAccess: lever.confidentialAccess,
      tokens: {
        getAccessToken: () => tokens.getAccessToken(connectionId),
        refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale),
      },
      limiter: {
        acquire: (signal) => limiter.acquire(connectionId, { ...budget, priority, signal }),
      },
    });
  }

  // ---------- postings ----------

  async postingsPage(params: PostingListParams = {}): Promise<Page<Posting>> {
    return this.page("postings", PostingSchema, this.withConfidentiality(params));
  }

  postings(params: PostingListParams = {}): AsyncGenerator<Posting> {
    return this.iterate("postings", PostingSchema, this.withConfidentiality(params));
  }

  async getPosting(postingId: string): Promise<Posting> {
    const body = await this.request("GET", `postings/${enc(postingId)}`, { schema: dataEnvelope(PostingSchema), idempotent: true });
    return body.data;
  }

  // ---------- opportunities ----------

  async opportunitiesPage(params: OpportunityListParams = {}): Promise<Page<Opportunity>> {
    return this.page("opportunities", OpportunitySchema, { expand: "applications", ...this.withConfidentiality(params) });
  }

  opportunities(params: OpportunityListParams = {}): AsyncGenerator<Opportunity> {
    return this.iterate("opportunities", OpportunitySchema, { expand: "applications", ...this.withConfidentiality(params) });
  }

  async getOpportunity(opportunityId: string): Promise<Opportunity> {
    const body = await this.request("GET", `opportunities/${enc(opportunityId)}`, {
      query: { expand: "applications" },
      schema: dataEnvelope(OpportunitySchema),
      idempotent: true,
    });
    return body.data;
  }

  // ---------- résumés and files ----------

  async resumes(opportunityId: string): Promise<Resume[]> {
    return this.all(`opportunities/${enc(opportunityId)}/resumes`, ResumeSchema);
  }

  async downloadResume(opportunityId: string, resumeId: string): Promise<Download> {
    return this.download(`opportunities/${enc(opportunityId)}/resumes/${enc(resumeId)}/download`, `resume-${resumeId}`);
  }

  async files(opportunityId: string): Promise<LeverFile[]> {
    return this.all(`opportunities/${enc(opportunityId)}/files`, LeverFileSchema);
  }

  async downloadFile(opportunityId: string, fileId: string): Promise<Download> {
    return this.download(`opportunities/${enc(opportunityId)}/files/${enc(fileId)}/download`, `file-${fileId}`);
  }

  // ---------- account settings ----------

  async archiveReasons(type?: "hired" | "non-hired"): Promise<ArchiveReason[]> {
    return this.all("archive_reasons", ArchiveReasonSchema, { type });
  }

  async stages(): Promise<Stage[]> {
    return this.all("stages", StageSchema);
  }

  async users(email?: string): Promise<User[]> {
    return this.all("users", UserSchema, { email });
  }

  // ---------- writes ----------

  /** The opportunity's notes, oldest first. */
  notes(opportunityId: string): AsyncGenerator<Note> {
    return this.iterate(`opportunities/${enc(opportunityId)}/notes`, NoteSchema, {});
  }

  /** Posts a note; returns Lever's note id (store it: only API notes can be updated later). Not retried on ambiguous failures. */
  async createNote(opportunityId: string, note: NoteInput, performAs?: string): Promise<string> {
    const body = await this.request("POST", `opportunities/${enc(opportunityId)}/notes`, {
      query: { perform_as: performAs },
      body: NoteInputSchema.parse(note),
      schema: NoteCreatedSchema,
      idempotent: false,
    });
    return body.data.noteId;
  }

  /** Replaces a note created through the API (PUT sends the whole note). */
  async updateNote(opportunityId: string, noteId: string, note: NoteInput, performAs?: string): Promise<void> {
    await this.request("PUT", `opportunities/${enc(opportunityId)}/notes/${enc(noteId)}`, {
      query: { perform_as: performAs },
      body: NoteInputSchema.parse(note),
      schema: null,
      idempotent: true,
    });
  }

  /** The account's profile form templates. */
  async formTemplates(): Promise<FormTemplate[]> {
    return this.all("form_templates", FormTemplateSchema);
  }

  /** Creates a profile form template (needs forms:write:admin); answers it with Lever's field ids. */
  async createFormTemplate(template: FormTemplateInput): Promise<FormTemplate> {
    const body = await this.request("POST", "form_templates", { body: template, schema: FormTemplateCreatedSchema, idempotent: false });
    return body.data;
  }

  async deleteFormTemplate(templateId: string): Promise<void> {
    await this.request("DELETE", `form_templates/${enc(templateId)}`, { schema: null, idempotent: true, allow404: true });
  }

  /** The opportunity's profile forms. */
  forms(opportunityId: string): AsyncGenerator<Form> {
    return this.iterate(`opportunities/${enc(opportunityId)}/forms`, FormSchema, {});
  }

  /** Fills in a profile form from a template; returns the form's id. Not retried on ambiguous failures. */
  async createForm(opportunityId: string, form: FormInput, performAs?: string): Promise<string> {
    const body = await this.request("POST", `opportunities/${enc(opportunityId)}/forms`, { query: { perform_as: performAs }, body: form, schema: FormCreatedSchema, idempotent: false });
    return body.data.id;
  }

  /** Deletes a form the app created; false when it was already gone. */
  async deleteForm(opportunityId: string, formId: string, performAs?: string): Promise<boolean> {
    const result = await this.request("DELETE", `opportunities/${enc(opportunityId)}/forms/${enc(formId)}`, { query: { perform_as: performAs }, schema: null, idempotent: true, allow404: true });
    return result !== NOT_FOUND;
  }

  async changeStage(opportunityId: string, stageId: string, performAs?: string): Promise<void> {
    await this.request("PUT", `opportunities/${enc(opportunityId)}/stage`, {
      query: { perform_as: performAs },
      body: { stage: stageId },
      schema: null,
      idempotent: true,
    });
  }

  /** Archives with a reason id, or unarchives with null. */
  async archive(opportunityId: string, reasonId: string | null, performAs?: string): Promise<void> {
    await this.request("PUT", `opportunities/${enc(opportunityId)}/archived`, {
      query: { perform_as: performAs },
      body: { reason: reasonId },
      schema: null,
      idempotent: true,
    });
  }

  async addTags(opportunityId: string, tags: string[], performAs?: string): Promise<void> {
    await this.request("POST", `opportunities/${enc(opportunityId)}/addTags`, {
      query: { perform_as: performAs },
      body: { tags },
      schema: null,
      idempotent: true,
    });
  }

  async removeTags(opportunityId: string, tags: string[], performAs?: string): Promise<void> {
    await this.request("POST", `opportunities/${enc(opportunityId)}/removeTags`, {
      query: { perform_as: performAs },
      body: { tags },
      schema: null,
      idempotent: true,
    });
  }

  // ---------- webhooks ----------

  /** Creates a webhook; Lever still sends nothing until a Super Admin toggles it on. Keep `signatureToken` encrypted. */
  async createWebhook(input: {
    url: string;
    event: WebhookEvent;
    conditions?: { origins?: string[] };
  }): Promise<{ id: string; signatureToken: string; webhook: Webhook }> {
    const webhook = await this.request("POST", "webhooks", {
      body: { url: input.url, event: input.event, ...(input.conditions ? { configuration: { conditions: input.conditions } } : {}) },
      schema: WebhookResponseSchema,
      idempotent: false,
    });
    const signatureToken = webhook.configuration?.signatureToken;
    if (!signatureToken) {
      throw new LeverApiError(502, "invalid_response", "Lever created the webhook but sent no signature token", {
        method: "POST",
        path: "webhooks",
        retryable: false,
      });
    }
    return { id: webhook.id, signatureToken, webhook };
  }

  async listWebhooks(): Promise<Webhook[]> {
    return this.all("webhooks", WebhookSchema);
  }

  /** True when deleted, false when Lever no longer had it. */
  async deleteWebhook(webhookId: string): Promise<boolean> {
    const result = await this.request("DELETE", `webhooks/${enc(webhookId)}`, { schema: null, idempotent: true, allow404: true });
    return result !== NOT_FOUND;
  }

  // ---------- plumbing ----------

  private withConfidentiality<P extends QueryParams>(params: P): P {
    return this.confidentialAccess && params.confidentiality === undefined ? { ...params, confidentiality: "all" } : params;
  }

  private async page<T extends z.ZodType>(path: string, item: T, query: QueryParams): Promise<Page<z.infer<T>>> {
    const body = await this.request("GET", path, { query, schema: listEnvelope(item), idempotent: true });
    const next = body.next ?? null;
    return { items: body.data, next, hasNext: body.hasNext ?? next !== null };
  }

  private async *iterate<T extends z.ZodType>(path: string, item: T, query: QueryParams): AsyncGenerator<z.infer<T>> {
    let offset: string | undefined = typeof query.offset === "string" ? query.offset : undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.page(path, item, { ...query, offset });
      yield* page.items;
      if (!page.hasNext || !page.next) return;
      if (seen.has(page.next)) {
        throw new LeverApiError(502, "invalid_response", `Lever repeated a pagination token for GET ${path}`, { method: "GET", path, retryable: false });
      }
      seen.add(page.next);
      offset = page.next;
    }
  }

  private async all<T extends z.ZodType>(path: string, item: T, query: QueryParams = {}): Promise<Array<z.infer<T>>> {
    const items: Array<z.infer<T>> = [];
    for await (const value of this.iterate(path, item, query)) items.push(value);
    return items;
  }

  private async download(path: string, fallbackName: string): Promise<Download> {
    const { bytes, headers } = (await this.request("GET", path, { schema: null, idempotent: true, binary: true, maxBytes: this.maxDownloadBytes })) as BinaryBody;
    return {
      bytes,
      contentType: headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream",
      fileName: fileNameFrom(headers.get("content-disposition"), fallbackName),
    };
  }

  private url(path: string, query: QueryParams = {}): URL {
    const url = new URL(path, this.apiBase);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async currentToken() {
    const expiresAt = this.token?.expiresAt;
    if (!this.token || (expiresAt && expiresAt.getTime() - Date.now() < EXPIRY_MARGIN_MS)) {
      this.token = await this.tokens.getAccessToken();
    }
    return this.token;
  }

  private request<S extends z.ZodType>(method: string, path: string, options: RequestOptions<S>): Promise<z.infer<S>>;
  private request(method: string, path: string, options: RequestOptions<null>): Promise<unknown>;
  private async request(method: string, path: string, options: RequestOptions<z.ZodType | null>): Promise<unknown> {
    const url = this.url(path, options.query);
    const started = Date.now();
    // One refresh per call: a second 401 after refreshing is Lever's answer, not an expired token.
    let refreshed = false;

    const attempt = async (): Promise<unknown> => {
      let response = await this.send(method, url, path, options);
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await discard(response);
        const stale = this.token?.tokenVersion;
        this.token = stale === undefined ? await this.tokens.getAccessToken() : await this.tokens.refreshAccessToken(stale);
        response = await this.send(method, url, path, options);
      }
      if (response.status === 404 && options.allow404) {
        await discard(response);
        return NOT_FOUND;
      }
      if (!response.ok) throw await this.errorFrom(response, method, path, options.idempotent);
      if (options.binary) {
        // Read inside the attempt so a body cut off mid-download is retried like any other failure.
        const bytes = await readCapped(response, { method, path, maxBytes: options.maxBytes ?? MAX_JSON_BYTES, timeoutMs: this.timeoutMs });
        return { bytes, headers: response.headers } satisfies BinaryBody;
      }
      if (options.schema === null || response.status === 204) {
        await discard(response);
        return undefined;
      }
      return this.parse(response, options.schema, method, path);
    };

    return pRetry(attempt, {
      retries: this.retry.retries,
      minTimeout: this.retry.minTimeoutMs,
      maxTimeout: this.retry.maxTimeoutMs,
      maxRetryTime: this.retry.maxRetryTimeMs,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof LeverApiError && error.details.retryable,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        if (!(error instanceof LeverApiError) || !error.details.retryable || retriesLeft === 0) return;
        log.info("Lever request failed, retrying", {
          connectionId: this.connectionId,
          method,
          path,
          status: error.status,
          leverError: error.code,
          attempt: attemptNumber,
        });
        const wait = error.details.retryAfterMs;
        if (wait !== undefined) {
          // Honour Retry-After (on top of the backoff), unless it would blow the time budget.
          if (Date.now() - started + wait > this.retry.maxRetryTimeMs) throw error;
          await sleep(wait);
        }
      },
    });
  }

  /** One request, following GET redirects to trusted hosts by hand so the bearer token goes along. */
  private async send(method: string, url: URL, path: string, options: RequestOptions<z.ZodType | null>): Promise<Response> {
    let target = url;
    for (let hop = 0; ; hop++) {
      const token = await this.currentToken();
      await this.limiter?.acquire();
      const headers: Record<string, string> = { authorization: `Bearer ${token.accessToken}`, accept: options.binary ? "*/*" : "application/json" };
      if (options.body !== undefined) headers["content-type"] = "application/json";
      let response: Response;
      try {
        response = await this.fetchImpl(target, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          // undici drops Authorization on cross-origin redirects, and writes must never be replayed
          // elsewhere, so redirects are handled below.
          redirect: "manual",
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        metrics().leverRequests.inc({ connection: this.connectionId ?? "none", status: "0" });
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        throw new LeverApiError(0, timedOut ? "timeout" : "network_error", timedOut ? `Lever did not answer within ${this.timeoutMs} ms` : "Could not reach Lever", {
          method,
          path,
          retryable: options.idempotent,
        });
      }
      metrics().leverRequests.inc({ connection: this.connectionId ?? "none", status: String(response.status) });
      if (response.status < 300 || response.status >= 400) return response;

      await discard(response);
      const location = response.headers.get("location");
      const next = location ? new URL(location, target) : undefined;
      if (method !== "GET" || !next || hop >= MAX_REDIRECTS || !this.trustedRedirect(next)) {
        throw new LeverApiError(response.status, "redirect", `Lever redirected ${method} ${path}; not followed`, { method, path, retryable: false });
      }
      target = next;
    }
  }

  /**
   * The bearer token goes along, so only Lever's API hosts themselves qualify: the configured one
   * and Lever's regional API hosts (an EU account's requests are redirected to api.eu.lever.co).
   * Any other *.lever.co host (job sites, customer subdomains, file hosts) never sees the token.
   */
  private trustedRedirect(to: URL): boolean {
    if (to.origin === this.apiBase.origin) return true;
    return to.protocol === "https:" && to.port === "" && LEVER_API_HOSTS.has(to.hostname);
  }

  private async errorFrom(response: Response, method: string, path: string, idempotent: boolean): Promise<LeverApiError> {
    let code = `http_${response.status}`;
    let message = `Lever answered ${response.status} to ${method} ${path}`;
    try {
      const body = await readCapped(response, { method, path, maxBytes: MAX_ERROR_BYTES, timeoutMs: this.timeoutMs });
      const parsed = LeverErrorBodySchema.safeParse(JSON.parse(new TextDecoder().decode(body)));
      if (parsed.success) {
        code = parsed.data.code ?? code;
        if (parsed.data.message) message = `Lever answered ${response.status} to ${method} ${path}: ${parsed.data.message}`;
      }
    } catch {
      /* not JSON: keep the generic message */
    }
    // 429 and 503 mean the request was not processed, so even writes are safe to resend;
    // other 5xx might have been applied, so only idempotent calls are retried.
    const retryable = response.status === 429 || response.status === 503 || (idempotent && [500, 502, 504].includes(response.status));
    return new LeverApiError(response.status, code, message, {
      method,
      path,
      retryable,
      retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
    });
  }

  private async parse(response: Response, schema: z.ZodType, method: string, path: string): Promise<unknown> {
    const body = await readCapped(response, { method, path, maxBytes: MAX_JSON_BYTES, timeoutMs: this.timeoutMs });
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new LeverApiError(502, "invalid_response", `Lever sent a body that is not JSON for ${method} ${path}`, { method, path, retryable: false });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      throw new LeverApiError(502, "invalid_response", `Lever sent an unexpected response for ${method} ${path} (${where}${issue?.message ?? "invalid"})`, {
        method,
        path,
        retryable: false,
      });
    }
    return parsed.data;
  }
}

const NOT_FOUND = Symbol("not found");

/**
 * Reads a body chunk by chunk and stops as soon as it is known to pass `maxBytes` (from
 * Content-Length, or from the bytes counted so far): applicants control résumé files, and reading a
 * 400 MB one whole would hold it all in memory. The same holds for any body, so JSON and error
 * bodies are capped too.
 */
async function readCapped(response: Response, what: { method: string; path: string; maxBytes: number; timeoutMs: number }): Promise<Uint8Array> {
  const { method, path, maxBytes, timeoutMs } = what;
  const tooLarge = () =>
    new LeverApiError(response.status, "too_large", `Lever's response to ${method} ${path} is larger than ${maxBytes} bytes; not read`, { method, path, retryable: false });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    stop(response.body);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const timedOut = () =>
    new LeverApiError(0, "timeout", `Lever's response to ${method} ${path} did not arrive within ${timeoutMs} ms`, { method, path, retryable: true });
  // The body's own deadline: not every fetch implementation lets the request's abort signal reach a
  // body being read, and a file that trickles in must not hold an import for ever.
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
      } catch (error) {
        if (late || (error instanceof Error && error.name === "TimeoutError")) throw timedOut();
        throw new LeverApiError(0, "network_error", `Lever's response to ${method} ${path} was cut off`, { method, path, retryable: true });
      }
      if (late) throw timedOut();
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

/** Reads a body we do not need so the connection can be reused (cancel() stalls under some fetch interceptors); a large one is stopped. */
async function discard(response: Response): Promise<void> {
  try {
    await readCapped(response, { method: "", path: "", maxBytes: MAX_ERROR_BYTES, timeoutMs: 10_000 });
  } catch {
    /* nothing to free */
  }
}

/** Stops a body we will not read; not awaited, because cancel() stalls under some fetch interceptors. */
function stop(body: ReadableStream | ReadableStreamDefaultReader | null): void {
  body?.cancel().catch(() => {
    /* already closed */
  });
}

const enc = encodeURIComponent;
