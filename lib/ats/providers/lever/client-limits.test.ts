import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { leverTokenManager } from "./tokens";
import { config } from "@/lib/config";
import { createPrisma } from "@/lib/db/client";
import { LeverClient } from "./client";
import { RateLimiter } from "@/lib/ats/rate-limit";
import { virtualTime } from "@/tests/helpers/virtual-time";
import { authorizeWithSim, createConnection, requestCount, SIM_URL, startLeverTestBed, type LeverTestBed } from "./test-helpers";

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

/** Limiters on the simulator's clock, frozen so that only the virtual time moves it. */
const simTime = () => virtualTime({ now: () => bed.sim.now(), advance: (ms) => bed.sim.advanceClock(ms) });

const budget = () => ({ ratePerSec: config().lever.ratePerSec, burst: config().lever.burst });

/** Sends one request per arrival time (ms after the first), in order, on the simulator's clock; returns the 429s. */
async function deliver(arrivals: number[]): Promise<number> {
  const { accessToken } = await authorizeWithSim(bed.sim);
  const base = bed.sim.now();
  let refused = 0;
  for (const arrival of [...arrivals].sort((x, y) => x - y)) {
    if (base + arrival > bed.sim.now()) bed.sim.advanceClock(base + arrival - bed.sim.now());
    const response = await bed.sim.handle(new Request(`${SIM_URL}/v1/stages`, { headers: { authorization: `Bearer ${accessToken}` } }));
    if (response.status === 429) refused += 1;
  }
  return refused;
}

function client(connectionId: string, limiter?: RateLimiter) {
  const tokens = leverTokenManager();
  return new LeverClient({
    apiBase: config().lever.apiBase,
    connectionId,
    retry: { retries: 8, minTimeoutMs: 50, maxTimeoutMs: 400, maxRetryTimeMs: 20_000 },
    tokens: {
      getAccessToken: () => tokens.getAccessToken(connectionId),
      refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale),
    },
    limiter: limiter && { acquire: (signal) => limiter.acquire(connectionId, { ...budget(), signal }) },
  });
}

describe("LeverClient under Lever's rate limit", () => {
  it("two processes sharing the Postgres limiter never trip Lever's 429", async () => {
    bed.sim.freezeClock(true);
    const time = simTime();
    const start = bed.sim.now();
    const granted: number[] = [];
    const processes = [bed.db.prisma, secondProcessDb].map((prisma) => new RateLimiter({ db: async () => prisma, clock: time.clock }));
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        time.run(async () => {
          await processes[i % 2]!.acquire("shared-connection", budget());
          granted.push(bed.sim.now() - start);
        }),
      ),
    );
    expect(granted).toHaveLength(60);
    // Lever sees each request when the limiter let it go, on the same clock.
    expect(await deliver(granted)).toBe(0);
  });

  it("the default budget leaves headroom for a burst that reaches Lever late", async () => {
    bed.sim.freezeClock(true);
    const time = simTime();
    const limiter = new RateLimiter({ db: async () => bed.db.prisma, clock: time.clock });
    const { burst } = budget();
    // When the limiter lets requests go: a whole burst at once, then one per 1/rate seconds.
    const start = bed.sim.now();
    const granted: number[] = [];
    for (let i = 0; i < burst + 15; i++) {
      await time.run(() => limiter.acquire("headroom", budget()));
      granted.push(bed.sim.now() - start);
    }
    // The first burst meets a slow moment of the network and reaches Lever 500 ms late, together
    // with the requests that left on time.
    expect(await deliver(granted.map((t, i) => (i < burst ? t + 500 : t)))).toBe(0);
    expect(budget()).toEqual({ ratePerSec: 9, burst: 15 });
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
