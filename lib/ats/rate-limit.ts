import { db as defaultDb, type Prisma } from "@/lib/db/client";
import { Prisma as Sql } from "@/lib/generated/prisma/client";

/**
 * Lever allows 10 requests/s with bursts of 20 per token, and every process that uses a
 * connection's token draws from that one budget. The bucket therefore lives in Postgres: one
 * `RateLimitBucket` row per key, refilled lazily from the time elapsed since it was last drawn from
 * and taken from in a single atomic upsert, so concurrent processes never over-draw it.
 * Time is the database's clock, which every process shares (tests may hand in another clock).
 */

export type Priority = "high" | "low";

export interface AcquireOptions {
  ratePerSec: number;
  burst: number;
  /** Low-priority callers (bulk imports) leave `reserve` tokens for high-priority work (webhooks). */
  priority?: Priority;
  /** Tokens low priority must leave in the bucket. Default: a quarter of the burst, at most 5. */
  reserve?: number;
  /** Give up (throw) after waiting this long in total. Default 60 s. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

export class RateLimitTimeoutError extends Error {
  override readonly name = "RateLimitTimeoutError";
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });

export function defaultReserve(burst: number): number {
  return Math.max(0, Math.min(5, Math.floor(burst / 4), burst - 1));
}

/** A clock for the bucket and its waits; without one, the database's now() and real time. */
export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class RateLimiter {
  private readonly db: () => Promise<Prisma>;
  private readonly clock: LimiterClock | undefined;

  constructor(options: { db?: () => Promise<Prisma>; clock?: LimiterClock } = {}) {
    this.db = options.db ?? defaultDb;
    this.clock = options.clock;
  }

  /**
   * Takes one token, or reports how long until one is available for this priority.
   * Returns 0 when a token was taken.
   */
  async tryAcquire(key: string, options: Pick<AcquireOptions, "ratePerSec" | "burst" | "priority" | "reserve">): Promise<number> {
    const { ratePerSec: rate, burst } = options;
    const reserve = options.priority === "low" ? Math.min(options.reserve ?? defaultReserve(burst), burst - 1) : 0;
    // Tokens that must be available before taking one.
    const need = 1 + reserve;
    const prisma = await this.db();
    const now = this.clock ? Sql.sql`(${new Date(this.clock.now()).toISOString()}::timestamptz AT TIME ZONE 'UTC')` : Sql.sql`(now() AT TIME ZONE 'UTC')`;
    // A new key starts with a full bucket. On conflict the row is locked, refilled by elapsed time
    // (capped at burst) and drawn from only if the WHERE holds; otherwise it is left untouched and
    // nothing is returned.
    const taken = await prisma.$queryRaw<Array<{ tokens: number }>>`
      INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "updatedAt")
      VALUES (${key}, ${burst - 1}::double precision, ${now})
      ON CONFLICT ("key") DO UPDATE
         SET "tokens" = LEAST(${burst}::double precision,
                              b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - b."updatedAt"))) * ${rate}::double precision) - 1,
             "updatedAt" = GREATEST(b."updatedAt", ${now})
       WHERE LEAST(${burst}::double precision,
                   b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - b."updatedAt"))) * ${rate}::double precision) >= ${need}::double precision
      RETURNING b."tokens"`;
    if (taken.length > 0) return 0;

    const [state] = await prisma.$queryRaw<Array<{ available: number }>>`
      SELECT LEAST(${burst}::double precision,
                   "tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - "updatedAt"))) * ${rate}::double precision)::double precision AS "available"
        FROM "RateLimitBucket" WHERE "key" = ${key}`;
    const available = Number(state?.available ?? 0);
    return Math.max(1, Math.ceil(((need - available) / rate) * 1000));
  }

  /** Waits until a token is taken. Waiters add a little jitter so they do not all retry at once. */
  async acquire(key: string, options: AcquireOptions): Promise<void> {
    const now = () => this.clock?.now() ?? Date.now();
    const deadline = now() + (options.maxWaitMs ?? 60_000);
    for (;;) {
      options.signal?.throwIfAborted();
      const waitMs = await this.tryAcquire(key, options);
      if (waitMs === 0) return;
      if (now() + waitMs > deadline) {
        throw new RateLimitTimeoutError(`Rate limit for ${key} did not free up within ${options.maxWaitMs ?? 60_000} ms`);
      }
      // A given clock is the tests' deterministic one; real processes add jitter.
      if (this.clock) await this.clock.sleep(waitMs, options.signal);
      else await sleep(waitMs + Math.random() * Math.min(50, waitMs), options.signal);
    }
  }
}

const defaultLimiter = new RateLimiter();

export const acquire = (key: string, options: AcquireOptions) => defaultLimiter.acquire(key, options);
