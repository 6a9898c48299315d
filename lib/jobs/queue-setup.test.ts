import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { openDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { bossDb, createBoss } from "./boss";
import { DEAD_LETTER_QUEUE, ensureQueues, QUEUES, type QueueDefinition } from "./definitions";

const q = (name: string, expireInSeconds: number): QueueDefinition => ({ name, retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds });

describe("queue set-up", () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    await t.close();
  });

  it("a release that adds a queue creates it, and one that changes a queue's expiry updates the existing queue", async () => {
    await ensureQueues(boss, [q("test.a", 600)]);
    await ensureQueues(boss, [q("test.a", 30), q("test.b", 45)]);
    const queues = new Map((await boss.getQueues()).map((x) => [x.name, x]));
    expect(queues.get("test.a")?.expireInSeconds).toBe(30);
    expect(queues.get("test.b")?.expireInSeconds).toBe(45);
    expect(queues.get("test.b")?.deadLetter).toBe(DEAD_LETTER_QUEUE);
  });

  /** The boss, with createQueue of `queue` failing the first time with `error` (as PostgreSQL ends a crossed creation). */
  function crossing(queue: string, error: Error & { code: string }) {
    const calls = { failed: 0 };
    const wrapped = new Proxy(boss, {
      get(target, prop) {
        if (prop === "createQueue") {
          return async (name: string, options: PgBoss.Queue) => {
            if (name === queue && calls.failed === 0) {
              calls.failed++;
              throw error;
            }
            return target.createQueue(name, options);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { wrapped, calls };
  }

  it("a set-up that PostgreSQL ends with a deadlock (pg-boss's scheduler created its queue at the same moment) runs again and creates every queue", async () => {
    const { wrapped, calls } = crossing("test.crossed", Object.assign(new Error("deadlock detected"), { code: "40P01" }));
    await ensureQueues(wrapped, [q("test.crossed", 60), q("test.after", 60)]);
    expect(calls.failed).toBe(1);
    const names = (await boss.getQueues()).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["test.crossed", "test.after"]));
  });

  it("any other error of the set-up is not retried", async () => {
    const { wrapped } = crossing("test.broken", Object.assign(new Error('relation "pgboss.queue" does not exist'), { code: "42P01" }));
    await expect(ensureQueues(wrapped, [q("test.broken", 60)])).rejects.toThrow("does not exist");
    expect((await boss.getQueues()).map((x) => x.name)).not.toContain("test.broken");
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("queue set-up from many processes on PostgreSQL", () => {
  let admin: Pool;
  let url: string;
  let name: string;
  const opened: Database[] = [];
  beforeAll(async () => {
    admin = new Pool({ connectionString: serverUrl, max: 2 });
    name = `test_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    for (const d of opened) await d.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  async function processBoss() {
    const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
    opened.push(database);
    return createBoss(database, { schedule: false, supervise: false });
  }

  it("waits for the set-up lock, so only one process creates queues at a time", async () => {
    const boss = await processBoss();
    await boss.start();
    const holder = await admin.connect();
    // The lock as another process holds it while it sets up (same database, same key).
    const other = new Pool({ connectionString: url, max: 1 });
    const otherClient = await other.connect();
    await otherClient.query("SELECT pg_advisory_lock(hashtext('screening.queue-setup'))");
    const setup = ensureQueues(boss, [q("test.locked", 60)]);
    const waiting = (async () => {
      for (;;) {
        const { rows } = await holder.query(
          "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = $1",
          [name],
        );
        if (rows[0].n > 0) return "waiting";
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const first = await Promise.race([waiting, setup.then(() => "done")]);
    const { rows } = await otherClient.query("SELECT count(*)::int AS n FROM pgboss.queue WHERE name = 'test.locked'");
    expect(first).toBe("waiting");
    expect(rows[0].n).toBe(0);
    await otherClient.query("SELECT pg_advisory_unlock(hashtext('screening.queue-setup'))");
    await setup;
    const after = await otherClient.query("SELECT count(*)::int AS n FROM pgboss.queue WHERE name = 'test.locked'");
    expect(after.rows[0].n).toBe(1);
    otherClient.release();
    holder.release();
    await other.end();
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
  });

  it("six processes starting together on a database with no queues yet all set up every queue", async () => {
    const bosses = await Promise.all(Array.from({ length: 6 }, processBoss));
    await Promise.all(
      bosses.map(async (b) => {
        await b.start();
        await ensureQueues(b);
      }),
    );
    const names = (await bosses[0]!.getQueues()).map((x) => x.name).sort();
    expect(names).toEqual([DEAD_LETTER_QUEUE, ...Object.values(QUEUES).map((x) => x.name), "test.locked"].sort());
    await Promise.all(bosses.map((b) => b.stop({ graceful: false, close: false, wait: true, timeout: 1000 })));
  });
});

describe("job expiry", () => {
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

  it("a webhook's or a write-back's job is taken for dead within two minutes, not a quarter of an hour", async () => {
    for (const queue of [QUEUES.webhookDelivery.name, QUEUES.writeBack.name, QUEUES.reconcileDue.name, QUEUES.importsWatchdog.name]) {
      const id = (await boss.send(queue, {}))!;
      const { rows } = await bossDb(t.database).executeSql("SELECT EXTRACT(epoch FROM expire_in)::int AS s FROM pgboss.job WHERE id = $1", [id]);
      expect((rows as { s: number }[])[0]?.s, queue).toBeLessThanOrEqual(120);
    }
  });
});
