import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createBoss } from "./boss";
import { DEAD_LETTER_QUEUE, ensureQueues, type QueueDefinition } from "./definitions";
import { insertJobForRowsSql } from "./enqueue";

const backoff: QueueDefinition = { name: "test.rows-backoff", retryLimit: 6, retryDelay: 5, retryBackoff: true, expireInSeconds: 90 };
const plain: QueueDefinition = { name: "test.rows-plain", retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 600 };

/**
 * The one-statement insert used by webhook intake must give a job exactly what pg-boss's own send
 * gives it from the queue's policy (expiry, retries, backoff, dead letter, retention), or a webhook's
 * job would expire or retry differently from every other job of its queue.
 */
describe("jobs inserted with their rows in one statement", () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss, [backoff, plain]);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    await t.close();
  });

  type Row = { name: string; data: unknown; singleton_key: string | null; dead_letter: string | null; expire_in: string; retry_limit: number; retry_delay: number; retry_backoff: boolean; policy: string; keep_days: number };
  const read = async (id: string) =>
    (
      await t.prisma.$queryRawUnsafe<Row[]>(
        `SELECT name, data, singleton_key, dead_letter, expire_in::text, retry_limit, retry_delay, retry_backoff, policy::text, round(extract(epoch FROM keep_until - start_after) / 86400)::int AS keep_days FROM pgboss.job WHERE id = $1::uuid`,
        id,
      )
    )[0]!;

  for (const q of [backoff, plain]) {
    it(`takes the policy of ${q.name} as pg-boss's send does`, async () => {
      const sent = await read((await boss.send(q.name, { deliveryId: "by-send" }, { singletonKey: "by-send" }))!);
      await t.prisma.$executeRawUnsafe(`WITH rows AS (SELECT 'by-sql'::text AS id) ${insertJobForRowsSql("rows", q.name, "deliveryId")}`);
      const id = (await t.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM pgboss.job WHERE singleton_key = 'by-sql' AND name = $1`, q.name))[0]!.id;
      const inserted = await read(id);
      expect(inserted).toEqual({ ...sent, data: { deliveryId: "by-sql" }, singleton_key: "by-sql" });
      expect(inserted.dead_letter).toBe(DEAD_LETTER_QUEUE);
    });
  }

  it("inserts nothing for an empty source, and refuses names that are not plain identifiers", async () => {
    const before = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, plain.name);
    await t.prisma.$executeRawUnsafe(`WITH rows AS (SELECT 'x'::text AS id WHERE false) ${insertJobForRowsSql("rows", plain.name, "deliveryId")}`);
    const after = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, plain.name);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(() => insertJobForRowsSql("rows; DROP TABLE x", plain.name, "id")).toThrow();
    expect(() => insertJobForRowsSql("rows", "x'; --", "id")).toThrow();
  });
});
