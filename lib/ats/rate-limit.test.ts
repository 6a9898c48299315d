import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
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
    const a = new RateLimiter({ db: async () => testDb.prisma });
    const b = new RateLimiter({ db: async () => second });
    const options = { ratePerSec: 40, burst: 8 };
    const key = "conn-shared";
    const grants: number[] = [];
    const start = Date.now();
    const worker = async (limiter: RateLimiter) => {
      for (let i = 0; i < 12; i++) {
        await limiter.acquire(key, options);
        grants.push(Date.now());
      }
    };
    await Promise.all([worker(a), worker(b), worker(a), worker(b)]);
    expect(grants).toHaveLength(48);
    grants.sort((x, y) => x - y);
    grants.forEach((t, i) => {
      const allowed = options.burst + (options.ratePerSec * (t - start)) / 1000;
      // +1 for rounding between the database clock and ours.
      expect(i + 1).toBeLessThanOrEqual(Math.floor(allowed) + 1);
    });
    // And it did not starve: 48 grants at 40/s after a burst of 8 take about one second.
    expect(grants.at(-1)! - start).toBeLessThan(3_000);
  });

  it("a burst is granted at once, then callers are told how long to wait", async () => {
    const limiter = new RateLimiter({ db: async () => testDb.prisma });
    const options = { ratePerSec: 1, burst: 5 };
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(await limiter.tryAcquire("conn-burst", options));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThan(500);
    expect(waits[5]).toBeLessThanOrEqual(1_000);
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
