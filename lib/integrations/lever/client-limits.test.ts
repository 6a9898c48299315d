import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { createPrisma } from "@/lib/db/client";
import { LeverClient } from "./client";
import { RateLimiter, withHeadroom } from "./rate-limit";
import { authorizeWithSim, createConnection, requestCount, startLeverTestBed, type LeverTestBed } from "./test-helpers";
import { TokenManager } from "./tokens";

/** Against the simulator's own rate limit (10/s, burst 20, with Retry-After). */
let bed: LeverTestBed;
let secondProcessDb: ReturnType<typeof createPrisma>;

beforeAll(async () => {
  bed = await startLeverTestBed({ rateLimit: { ratePerSec: 10, burst: 20, retryAfter: true } });
  secondProcessDb = createPrisma(bed.db.database);
});
afterAll(async () => {
  await secondProcessDb?.$disconnect();
  await bed?.close();
});
beforeEach(() => bed.sim.reset());

function client(connectionId: string, limiter?: RateLimiter) {
  const tokens = new TokenManager();
  return new LeverClient({
    apiBase: config().lever.apiBase,
    connectionId,
    retry: { retries: 8, minTimeoutMs: 50, maxTimeoutMs: 400, maxRetryTimeMs: 20_000 },
    tokens: {
      getAccessToken: () => tokens.getAccessToken(connectionId),
      refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale),
    },
    limiter: limiter && { acquire: (signal) => limiter.acquire(connectionId, { ...withHeadroom({ ratePerSec: 10, burst: 20 }), signal }) },
  });
}

describe("LeverClient under Lever's rate limit", () => {
  it("two processes sharing the Postgres limiter never trip Lever's 429", async () => {
    const { connectionId } = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    const a = client(connectionId, new RateLimiter({ db: async () => bed.db.prisma }));
    const b = client(connectionId, new RateLimiter({ db: async () => secondProcessDb }));
    const calls = Array.from({ length: 36 }, (_, i) => (i % 2 ? a : b).stages());
    await Promise.all(calls);
    expect(requestCount(bed.sim, "GET /v1/stages", "200")).toBe(36);
    // Without the shared limiter 36 simultaneous calls meet 16+ 429s (burst 20); with it, at most a
    // stray one when a loaded machine delivers two requests late and together.
    expect(requestCount(bed.sim, "GET /v1/stages", "429")).toBeLessThanOrEqual(2);
  });

  it("without the limiter, a burst gets 429s from Lever and every call still succeeds", async () => {
    const { connectionId } = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    const c = client(connectionId);
    const results = await Promise.all(Array.from({ length: 28 }, () => c.stages()));
    expect(results.every((r) => r.length > 0)).toBe(true);
    expect(requestCount(bed.sim, "GET /v1/stages", "429")).toBeGreaterThan(0);
    expect(requestCount(bed.sim, "GET /v1/stages", "200")).toBe(28);
  });
});
