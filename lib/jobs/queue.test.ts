import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createBoss } from "./boss";
import { DEAD_LETTER_QUEUE, ensureQueues, type QueueDefinition } from "./definitions";

const flaky: QueueDefinition = { name: "test.flaky", retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 };
const broken: QueueDefinition = { name: "test.broken", retryLimit: 1, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 };

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("job queue (pg-boss on the app database)", () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: true });
    await boss.start();
    await ensureQueues(boss, [flaky, broken]);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true, timeout: 2000 });
    await t.close();
  });

  it("retries a failing job until it succeeds", async () => {
    let calls = 0;
    await boss.work(flaky.name, { pollingIntervalSeconds: 0.5 }, async () => {
      calls += 1;
      if (calls < 3) throw new Error(`attempt ${calls} failed`);
    });
    const id = (await boss.send(flaky.name, { n: 1 }))!;
    const job = await waitFor(async () => {
      const j = await boss.getJobById(flaky.name, id, { includeArchive: true });
      return j?.state === "completed" ? j : undefined;
    });
    expect(job.retryCount).toBe(2);
    expect(calls).toBe(3);
  });

  it("moves a job that keeps failing to the dead-letter queue with its payload", async () => {
    await boss.work(broken.name, { pollingIntervalSeconds: 0.5 }, async () => {
      throw new Error("always fails");
    });
    await boss.send(broken.name, { candidate: "c1" });
    const dead = await waitFor(async () => {
      const [j] = await boss.fetch<{ candidate: string }>(DEAD_LETTER_QUEUE);
      return j;
    });
    expect(dead.data).toEqual({ candidate: "c1" });
  });
});
