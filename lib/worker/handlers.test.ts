import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues, ensureSchedules, QUEUES } from "@/lib/jobs/definitions";
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
    const webhook = work.mock.calls.find(([name]) => name === QUEUES.webhookDelivery.name);
    const options = webhook?.[1] as PgBoss.WorkOptions;
    expect(options.batchSize).toBeGreaterThanOrEqual(5);
    expect(options.pollingIntervalSeconds).toBeLessThanOrEqual(1);
  });

  it("after the queues were named by purpose, a former queue left by an earlier release is worked by the same handler and its schedule is removed", async () => {
    // What a database of the earlier release holds: the former queues and a schedule. (No job is put
    // there: a worker would take it while the test database closes.)
    await boss.createQueue("lever.write-back", { name: "lever.write-back" });
    await boss.createQueue("lever.reconcile-due", { name: "lever.reconcile-due" });
    await boss.schedule("lever.reconcile-due", "* * * * *", {}, { tz: "UTC" });
    const work = vi.spyOn(boss, "work");
    await registerHandlers(boss);
    const worked = work.mock.calls.map(([name]) => name);
    expect(worked).toContain(QUEUES.writeBack.name);
    expect(worked).toContain("lever.write-back");
    // A former queue that does not exist here is not worked (pg-boss would refuse an unknown queue).
    expect(worked).not.toContain("lever.webhook");
    await ensureSchedules(boss);
    const schedules = (await boss.getSchedules()).map((x) => x.name);
    expect(schedules).toContain(QUEUES.reconcileDue.name);
    expect(schedules).not.toContain("lever.reconcile-due");
  });
});
