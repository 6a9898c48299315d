import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues, QUEUES } from "@/lib/jobs/definitions";
import { registerHandlers } from "./handlers";

describe("the worker's queues", () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    await t.close();
  });

  it("webhook deliveries are fetched several at a time: one per fetch capped a worker at one a second", async () => {
    const work = vi.spyOn(boss, "work");
    await registerHandlers(boss);
    const webhook = work.mock.calls.find(([name]) => name === QUEUES.leverWebhook.name);
    const options = webhook?.[1] as PgBoss.WorkOptions;
    expect(options.batchSize).toBeGreaterThanOrEqual(5);
    expect(options.pollingIntervalSeconds).toBeLessThanOrEqual(1);
  });
});
