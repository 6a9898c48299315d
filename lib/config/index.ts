import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once; a missing or malformed variable stops the
 * process with a message naming it. With no environment at all the product runs on its embedded
 * defaults: PGlite under .data/, the Lever simulator, and locally generated secrets.
 */

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes"].includes(v)));

const intIn = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: "expected a number" }).int().min(min).max(max).default(fallback);

const keyList = z
  .string()
  .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]+)*$/, {
    message: "expected comma-separated keyId:base64Key pairs (32-byte keys)",
  });

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The key and every résumé travel to this endpoint: https, except to a model served on this machine. */
const llmBaseUrl = z
  .url({ message: "expected the endpoint's base URL, e.g. https://api.openai.com/v1" })
  .refine(
    (value) => {
      // zod runs this check even after the URL check failed; that failure already names the problem.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
    },
    { message: "must be an https:// URL (http:// only for localhost, 127.0.0.1 or [::1]): the API key and résumés are sent to it" },
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url({ message: "expected an absolute URL such as https://screening.example.com" }).default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "expected a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_POOL_SIZE: intIn(1, 100, 10),
  DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, { message: "expected at least 32 characters" }).optional(),
  ENCRYPTION_KEYS: keyList.optional(),
  ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  LEVER_ENV: z.enum(["simulator", "sandbox", "production"]).default("simulator"),
  LEVER_CLIENT_ID: z.string().min(1).optional(),
  LEVER_CLIENT_SECRET: z.string().min(1).optional(),
  LEVER_SIM_URL: z.url().default("http://localhost:4010"),
  LEVER_SIM_PORT: intIn(1, 65535, 4010),
  LEVER_START_SIMULATOR: bool(true),
  LEVER_USE_PKCE: bool(true),
  LEVER_PROMPT_CONSENT: bool(true),
  LEVER_CONFIDENTIAL_ACCESS: bool(true),
  // The budget drawn from Lever's 10/s, burst 20, with headroom: requests reach Lever some
  // milliseconds after they leave the bucket, and uneven latency bunches them up there.
  LEVER_RATE_PER_SEC: intIn(1, 100, 9),
  LEVER_RATE_BURST: intIn(1, 200, 15),
  GREENHOUSE_ENV: z.enum(["simulator", "production"]).default("simulator"),
  GREENHOUSE_CLIENT_ID: z.string().min(1).optional(),
  GREENHOUSE_CLIENT_SECRET: z.string().min(1).optional(),
  GREENHOUSE_SIM_URL: z.url().default("http://localhost:4020"),
  GREENHOUSE_SIM_PORT: intIn(1, 65535, 4020),
  GREENHOUSE_START_SIMULATOR: bool(true),
  // Greenhouse counts 50 requests per rolling 10 s per account and client; 4/s with a burst of 8 keeps
  // clear of it even when a burst lands at the end of one window and the refill at the start of the next.
  GREENHOUSE_RATE_PER_SEC: intIn(1, 100, 4),
  GREENHOUSE_RATE_BURST: intIn(1, 200, 8),
  WEBHOOK_MAX_AGE_SECONDS: intIn(60, 30 * 24 * 3600, 3 * 24 * 3600),
  WEBHOOK_MAX_BODY_BYTES: intIn(1024, 10 * 1024 * 1024, 64 * 1024),
  RESUME_MAX_BYTES: intIn(64 * 1024, 100 * 1024 * 1024, 10 * 1024 * 1024),
  RESUME_MAX_INFLATED_BYTES: intIn(1024 * 1024, 200 * 1024 * 1024, 20 * 1024 * 1024),
  RESUME_MAX_PAGES: intIn(1, 1000, 30),
  RESUME_PARSE_TIMEOUT_MS: intIn(1000, 120_000, 15_000),
  RESUME_PARSE_MAX_HEAP_MB: intIn(64, 4096, 256),
  RESUME_PARSE_THREADS: intIn(1, 16, 1),
  RUN_WORKER_IN_PROCESS: bool(true),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Company SSO"),
  SCREENING_LLM_BASE_URL: llmBaseUrl.optional(),
  SCREENING_LLM_API_KEY: z.string().min(1).optional(),
  SCREENING_LLM_MODEL: z.string().min(1).optional(),
  SCREENING_LLM_CONCURRENCY: intIn(1, 64, 4),
  // smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465; unset keeps mail in the outbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, { message: "expected smtp://user:password@host:port or smtps://user:password@host:port" })
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  DIGEST_HOUR_UTC: intIn(0, 23, 7),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface Config {
  env: Env["NODE_ENV"];
  appUrl: string;
  logLevel: Env["LOG_LEVEL"];
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dir: string };
  dataDir: string;
  embedded: boolean;
  authSecret: string;
  encryption: { currentKeyId: string; keys: EncryptionKey[] };
  lever: {
    environment: Env["LEVER_ENV"];
    clientId: string;
    clientSecret: string;
    authorizeUrl: string;
    tokenUrl: string;
    apiBase: string;
    audience: string;
    usePkce: boolean;
    promptConsent: boolean;
    confidentialAccess: boolean;
    ratePerSec: number;
    burst: number;
    simulator: { url: string; port: number; startWithApp: boolean };
  };
  greenhouse: {
    environment: Env["GREENHOUSE_ENV"];
    clientId: string;
    clientSecret: string;
    authorizeUrl: string;
    tokenUrl: string;
    apiBase: string;
    ratePerSec: number;
    burst: number;
    simulator: { url: string; port: number; startWithApp: boolean };
  };
  webhooks: { maxAgeSeconds: number; maxBodyBytes: number };
  /** Limits on applicants' résumé files: download size, inflated size, pages, and the parser's time and heap. */
  resumes: { maxBytes: number; maxInflatedBytes: number; maxPages: number; parseTimeoutMs: number; parseMaxHeapMb: number; parseThreads: number };
  runWorkerInProcess: boolean;
  seedDemo: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /** smtpUrl null: messages are kept in the outbox (Settings → Sent email) and not sent. */
  mail: { smtpUrl: string | null; from: string; digestHourUtc: number };
  /** null: the local engine screens. */
  screeningLlm: { baseUrl: string; apiKey: string; model: string; maxConcurrency: number } | null;
}

export class ConfigError extends Error {}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

/** Secrets the embedded default generates once and keeps beside its database. */
function localSecrets(dataDir: string): { authSecret: string; keyId: string; key: string } {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = { authSecret: randomBytes(32).toString("base64url"), keyId: "local1", key: randomBytes(32).toString("base64") };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secrets;
}

function parseKeys(list: string): EncryptionKey[] {
  return list.split(",").map((pair) => {
    const [id, b64] = pair.split(":") as [string, string];
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new ConfigError(`ENCRYPTION_KEYS: key "${id}" must decode to 32 bytes, got ${key.length}`);
    return { id, key };
  });
}

const LEVER_HOSTS = {
  sandbox: {
    authorizeUrl: "https://sandbox-lever.auth0.com/authorize",
    tokenUrl: "https://sandbox-lever.auth0.com/oauth/token",
    audience: "https://api.sandbox.lever.co/v1/",
    apiBase: "https://api.sandbox.lever.co/v1",
  },
  production: {
    authorizeUrl: "https://auth.lever.co/authorize",
    tokenUrl: "https://auth.lever.co/oauth/token",
    audience: "https://api.lever.co/v1/",
    apiBase: "https://api.lever.co/v1",
  },
} as const;

const GREENHOUSE_HOSTS = {
  production: {
    authorizeUrl: "https://auth.greenhouse.io/authorize",
    tokenUrl: "https://auth.greenhouse.io/token",
    apiBase: "https://harvest.greenhouse.io/v3",
  },
} as const;

export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${formatIssues(parsed.error)}`);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const embedded = !e.DATABASE_URL;

  let authSecret = e.AUTH_SECRET;
  let keys = e.ENCRYPTION_KEYS ? parseKeys(e.ENCRYPTION_KEYS) : undefined;
  let currentKeyId = e.ENCRYPTION_KEY_ID ?? keys?.[0]?.id;
  if (!authSecret || !keys) {
    if (!embedded) {
      const missing = [!authSecret && "AUTH_SECRET", !keys && "ENCRYPTION_KEYS"].filter(Boolean).join(" and ");
      throw new ConfigError(`Invalid configuration:\n  ${missing}: required when DATABASE_URL is set (see .env.example)`);
    }
    const local = localSecrets(dataDir);
    authSecret ??= local.authSecret;
    if (!keys) {
      keys = [{ id: local.keyId, key: Buffer.from(local.key, "base64") }];
      currentKeyId = local.keyId;
    }
  }
  if (!keys.some((k) => k.id === currentKeyId)) {
    throw new ConfigError(`Invalid configuration:\n  ENCRYPTION_KEY_ID: "${currentKeyId}" is not one of ENCRYPTION_KEYS`);
  }

  const simUrl = e.LEVER_SIM_URL.replace(/\/$/, "");
  let lever: Pick<Config["lever"], "authorizeUrl" | "tokenUrl" | "audience" | "apiBase" | "clientId" | "clientSecret">;
  if (e.LEVER_ENV === "simulator") {
    lever = {
      authorizeUrl: `${simUrl}/authorize`,
      tokenUrl: `${simUrl}/oauth/token`,
      audience: `${simUrl}/v1/`,
      apiBase: `${simUrl}/v1`,
      clientId: e.LEVER_CLIENT_ID ?? "lever-sim-client",
      clientSecret: e.LEVER_CLIENT_SECRET ?? "lever-sim-secret",
    };
  } else {
    if (!e.LEVER_CLIENT_ID || !e.LEVER_CLIENT_SECRET) {
      throw new ConfigError(
        `Invalid configuration:\n  LEVER_CLIENT_ID and LEVER_CLIENT_SECRET: required when LEVER_ENV=${e.LEVER_ENV} (the ${e.LEVER_ENV} partner app's credentials)`,
      );
    }
    lever = { ...LEVER_HOSTS[e.LEVER_ENV], clientId: e.LEVER_CLIENT_ID, clientSecret: e.LEVER_CLIENT_SECRET };
  }

  const greenhouseSimUrl = e.GREENHOUSE_SIM_URL.replace(/\/$/, "");
  let greenhouse: Pick<Config["greenhouse"], "authorizeUrl" | "tokenUrl" | "apiBase" | "clientId" | "clientSecret">;
  if (e.GREENHOUSE_ENV === "simulator") {
    greenhouse = {
      authorizeUrl: `${greenhouseSimUrl}/authorize`,
      tokenUrl: `${greenhouseSimUrl}/token`,
      apiBase: `${greenhouseSimUrl}/v3`,
      clientId: e.GREENHOUSE_CLIENT_ID ?? "greenhouse-sim-client",
      clientSecret: e.GREENHOUSE_CLIENT_SECRET ?? "greenhouse-sim-secret",
    };
  } else {
    if (!e.GREENHOUSE_CLIENT_ID || !e.GREENHOUSE_CLIENT_SECRET) {
      throw new ConfigError(
        `Invalid configuration:\n  GREENHOUSE_CLIENT_ID and GREENHOUSE_CLIENT_SECRET: required when GREENHOUSE_ENV=${e.GREENHOUSE_ENV} (the partner app's credentials)`,
      );
    }
    greenhouse = { ...GREENHOUSE_HOSTS[e.GREENHOUSE_ENV], clientId: e.GREENHOUSE_CLIENT_ID, clientSecret: e.GREENHOUSE_CLIENT_SECRET };
  }

  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new ConfigError("Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three or none");
  }

  const screeningLlm = screeningLlmOf(e);

  return {
    env: e.NODE_ENV,
    appUrl: e.APP_URL.replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dir: path.resolve(e.PGLITE_DIR ?? path.join(dataDir, "pglite")) },
    dataDir,
    embedded,
    authSecret,
    encryption: { currentKeyId: currentKeyId!, keys },
    lever: {
      environment: e.LEVER_ENV,
      ...lever,
      usePkce: e.LEVER_USE_PKCE,
      promptConsent: e.LEVER_PROMPT_CONSENT,
      confidentialAccess: e.LEVER_CONFIDENTIAL_ACCESS,
      ratePerSec: e.LEVER_RATE_PER_SEC,
      burst: e.LEVER_RATE_BURST,
      simulator: { url: simUrl, port: e.LEVER_SIM_PORT, startWithApp: e.LEVER_ENV === "simulator" && e.LEVER_START_SIMULATOR },
    },
    greenhouse: {
      environment: e.GREENHOUSE_ENV,
      ...greenhouse,
      ratePerSec: e.GREENHOUSE_RATE_PER_SEC,
      burst: e.GREENHOUSE_RATE_BURST,
      simulator: { url: greenhouseSimUrl, port: e.GREENHOUSE_SIM_PORT, startWithApp: e.GREENHOUSE_ENV === "simulator" && e.GREENHOUSE_START_SIMULATOR },
    },
    webhooks: { maxAgeSeconds: e.WEBHOOK_MAX_AGE_SECONDS, maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES },
    resumes: {
      maxBytes: e.RESUME_MAX_BYTES,
      maxInflatedBytes: e.RESUME_MAX_INFLATED_BYTES,
      maxPages: e.RESUME_MAX_PAGES,
      parseTimeoutMs: e.RESUME_PARSE_TIMEOUT_MS,
      parseMaxHeapMb: e.RESUME_PARSE_MAX_HEAP_MB,
      parseThreads: e.RESUME_PARSE_THREADS,
    },
    runWorkerInProcess: e.RUN_WORKER_IN_PROCESS,
    seedDemo: embedded,
    oidc: e.OIDC_ISSUER
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, name: e.OIDC_NAME }
      : null,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM ?? `Screening <no-reply@${new URL(e.APP_URL).hostname}>`, digestHourUtc: e.DIGEST_HOUR_UTC },
    screeningLlm,
  };
}

type ScreeningLlmEnv = Pick<Env, "SCREENING_LLM_BASE_URL" | "SCREENING_LLM_API_KEY" | "SCREENING_LLM_MODEL" | "SCREENING_LLM_CONCURRENCY">;

function screeningLlmOf(e: ScreeningLlmEnv): Config["screeningLlm"] {
  if (Boolean(e.SCREENING_LLM_BASE_URL) !== Boolean(e.SCREENING_LLM_MODEL)) {
    throw new ConfigError("Invalid configuration:\n  SCREENING_LLM_BASE_URL and SCREENING_LLM_MODEL: set both (LLM screening) or neither (local engine)");
  }
  return e.SCREENING_LLM_BASE_URL && e.SCREENING_LLM_MODEL
    ? { baseUrl: e.SCREENING_LLM_BASE_URL, apiKey: e.SCREENING_LLM_API_KEY ?? "", model: e.SCREENING_LLM_MODEL, maxConcurrency: e.SCREENING_LLM_CONCURRENCY }
    : null;
}

const ScreeningLlmEnvSchema = EnvSchema.pick({ SCREENING_LLM_BASE_URL: true, SCREENING_LLM_API_KEY: true, SCREENING_LLM_MODEL: true, SCREENING_LLM_CONCURRENCY: true });

/**
 * The SCREENING_LLM_* variables alone, for tools that screen without running the app (the evaluation
 * harness): same rules and messages as at start-up, without needing the app's other variables.
 */
export function screeningLlmFromEnv(source: Readonly<Record<string, string | undefined>>): Config["screeningLlm"] {
  const parsed = ScreeningLlmEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${formatIssues(parsed.error)}`);
  return screeningLlmOf(parsed.data);
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that need a different environment in the same process. */
export function resetConfigForTests(): void {
  cached = undefined;
}
