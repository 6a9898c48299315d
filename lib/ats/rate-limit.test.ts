import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { manualTime, virtualTime } from "@/tests/helpers/virtual-time";
import { RateLimiter, RateLimitTimeoutError } from "./rate-limit";

let testDb: TestDatabase;
let second: ReturnType<typeof createPrisma>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Two clients on one database stand in for two processes sharing the bucket.
  second = createPrisma(testDb.database);
});

afterAll(async () => {
  await second?.$disconnect();
  await testDb?.close();
});

describe("RateLimiter (Postgres token bucket)", () => {
  it("two limiter instances together never exceed burst + rate × elapsed", async () => {
    // Time is the test's own: a loaded machine can neither let extra requests through nor slow them.
    const time = virtualTime(manualTime());
    const a = new RateLimiter({ db: async () => testDb.prisma, clock: time.clock });
    const b = new RateLimiter({ db: async () => second, clock: time.clock });
    const options = { ratePerSec: 40, burst: 8 };
    const key = "conn-shared";
    const grants: number[] = [];
    const start = time.clock.now();
    const worker = (limiter: RateLimiter) =>
      time.run(async () => {
        for (let i = 0; i < 12; i++) {
          await limiter.acquire(key, options);
          grants.push(time.clock.now());
        }
      });
    await Promise.all([worker(a), worker(b), worker(a), worker(b)]);
    expect(grants).toHaveLength(48);
    grants.forEach((t, i) => {
      const allowed = options.burst + (options.ratePerSec * (t - start)) / 1000;
      expect(i + 1).toBeLessThanOrEqual(Math.floor(allowed));
    });
    // And it did not starve: after a burst of 8, the other 40 at 40/s take one second.
    expect(grants.at(-1)! - start).toBeLessThanOrEqual(1_000);
  });

  it("a burst is granted at once, then callers are told how long to wait", async () => {
    const limiter = new RateLimiter({ db: async () => testDb.prisma, clock: virtualTime(manualTime()).clock });
    const options = { ratePerSec: 1, burst: 5 };
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(await limiter.tryAcquire("conn-burst", options));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1_000]);
  });

  it("low priority leaves a reserve that high priority can still use", async () => {
    const limiter = new RateLimiter({ db: async () => testDb.prisma });
    const base = { ratePerSec: 0.01, burst: 10, reserve: 3 };
    let low = 0;
    for (let i = 0; i < 10; i++) if ((await limiter.tryAcquire("conn-prio", { ...base, priority: "low" })) === 0) low++;
    expect(low).toBe(7);
    let high = 0;
    for (let i = 0; i < 5; i++) if ((await limiter.tryAcquire("conn-prio", { ...base, priority: "high" })) === 0) high++;
    expect(high).toBe(3);
  });

  it("keys are independent, and acquire gives up after maxWaitMs", async () => {
    const limiter = new RateLimiter({ db: async () => testDb.prisma });
    const options = { ratePerSec: 0.01, burst: 1, maxWaitMs: 50 };
    await limiter.acquire("conn-x", options);
    await limiter.acquire("conn-y", options);
    await expect(limiter.acquire("conn-x", options)).rejects.toBeInstanceOf(RateLimitTimeoutError);
  });
});
