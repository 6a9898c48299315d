import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { bossDb, createBoss, sendUnlessUnfinished } from "./boss";
import { ensureQueues, leaseOf, QUEUES, type QueueDefinition } from "./definitions";
import { workEach } from "./work";
import { startWhenDatabaseAnswers } from "./worker";

const restarting = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const startingUp = () => Object.assign(new Error("the database system is starting up"), { code: "57P03" });

/**
 * The app's pg-boss handle with a switch: `down(n)` makes the next n statements fail as during a
 * PostgreSQL restart, and pg-boss's own completion of a whole fetched batch (what its fetch loop
 * sends without awaiting) always fails, as when the restart begins right after the batch's work.
 */
function flakyDb(inner: PgBoss.Db, batchSize: number) {
  let failuresLeft = 0;
  let batchSettlementRefused!: () => void;
  const refused = new Promise<void>((resolve) => (batchSettlementRefused = resolve));
  const db: PgBoss.Db = {
    async executeSql(text, values) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw restarting();
      }
      const ids = values?.[1];
      if (Array.isArray(ids) && ids.length === batchSize && /state = 'completed'|state < 'completed'/.test(text)) {
        batchSettlementRefused();
        throw startingUp();
      }
      return inner.executeSql(text, values);
    },
  };
  return { db, down: (n: number) => (failuresLeft = n), refused };
}

/**
 * Jobs every one of which the first fetch can take: a job is fetched once its start_after is before
 * the database's now(), and three sent within the same instant as the fetch would otherwise come
 * as two batches, which the batch-settlement check above never sees.
 */
function sendNow(boss: PgBoss, queue: string, ns: number[]): Promise<string[]> {
  const startAfter = new Date(Date.now() - 60_000);
  return Promise.all(ns.map((n) => boss.send(queue, { n }, { startAfter }) as Promise<string>));
}

async function states(boss: PgBoss, queue: string, ids: string[]) {
  return Promise.all(ids.map(async (id) => (await boss.getJobById(queue, id))?.state));
}

// Each test waits for pg-boss's own fetch and batch settlement; on an embedded database in a CI
// machine loaded by the other test files that can take longer than the default 30 s.
describe("working a queue through a database restart", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  async function queueWithFlakyDb(name: string) {
    const flaky = flakyDb(bossDb(t.database), 3);
    const boss = createBoss(t.database, { schedule: false, supervise: false, db: flaky.db });
    await boss.start();
    const q: QueueDefinition = { name, retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 60 };
    await ensureQueues(boss, [q]);
    return { flaky, boss };
  }

  it("settles each job of a batch as it finishes, waits out the restart, and survives the queue's own unawaited completion", async () => {
    const name = `test.restart-${randomBytes(3).toString("hex")}`;
    const { flaky, boss } = await queueWithFlakyDb(name);
    const ids = await sendNow(boss, name, [1, 2, 3]);
    const handled: number[] = [];
    const waits: number[] = [];
    await workEach<{ n: number }>(boss, name, { batchSize: 3, sleep: async (ms) => void waits.push(ms) }, async (job) => {
      handled.push(job.data.n);
      // The restart begins as the second job finishes: its completion fails twice, then goes through.
      if (job.data.n === 2) flaky.down(2);
    });
    await flaky.refused;
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    expect(handled.sort()).toEqual([1, 2, 3]);
    expect(waits).toEqual([1000, 2000]);
    expect(await states(boss, name, ids)).toEqual(["completed", "completed", "completed"]);
  });

  it("fails only the job whose handler threw; the rest of its batch completes", async () => {
    const name = `test.partial-${randomBytes(3).toString("hex")}`;
    const { flaky, boss } = await queueWithFlakyDb(name);
    const ids = await sendNow(boss, name, [1, 2, 3]);
    await workEach<{ n: number }>(boss, name, { batchSize: 3 }, async (job) => {
      if (job.data.n === 2) throw new Error("Lever answered 500");
    });
    await flaky.refused;
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    expect(await states(boss, name, ids)).toEqual(["completed", "retry", "completed"]);
  });
});

describe("a fetched batch", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it("is worked side by side up to the concurrency, not one job after another", async () => {
    const boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
    const name = `test.side-by-side-${randomBytes(3).toString("hex")}`;
    await ensureQueues(boss, [{ name, retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 }]);
    const ids = await sendNow(boss, name, [1, 2, 3, 4]);
    // Each job waits until all four have started: that only ends if they run at the same time.
    let started = 0;
    let allStarted!: () => void;
    const together = new Promise<void>((resolve) => (allStarted = resolve));
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    let completed = 0;
    await workEach<{ n: number }>(boss, name, { batchSize: 4, concurrency: 4 }, async () => {
      if (++started === 4) allStarted();
      await together;
      if (++completed === 4) done();
    });
    await finished;
    await boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 });
    expect(await states(boss, name, ids)).toEqual(["completed", "completed", "completed", "completed"]);
  });
});

describe("a leased queue", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
  });
  afterAll(async () => {
    // Graceful: the released handlers' completions must reach the database before it is closed, or
    // pg-boss's unawaited completion meets an ended pool after the file is done.
    await boss.stop({ graceful: true, close: false, wait: true, timeout: 20_000 });
    await t.close();
  });

  const sql = (text: string, values: unknown[] = []) => bossDb(t.database).executeSql(text, values);

  /**
   * Moves the jobs' start `seconds` into the past and runs pg-boss's expiry check in one call, so a
   * renewal cannot land in between: what the maintenance pass does that long after the fetch.
   */
  async function expireAfter(ids: string[], seconds: number) {
    const list = ids.map((id) => `'${id}'`).join(",");
    await sql(
      `UPDATE pgboss.job SET started_on = started_on - interval '${seconds} seconds' WHERE id IN (${list});
       UPDATE pgboss.job SET state = 'retry' WHERE state = 'active' AND (started_on + expire_in) < now() AND id IN (${list})`,
    );
  }

  /** A queue whose expiry is 10 minutes, worked in batches of two; the handler waits until released. */
  async function workHeld(leaseSeconds: number) {
    const name = `test.lease-${randomBytes(3).toString("hex")}`;
    await ensureQueues(boss, [{ name, retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 }]);
    const ids = await sendNow(boss, name, [1, 2]);
    let started!: () => void;
    const inHand = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await workEach<{ n: number }>(boss, name, { batchSize: 2, leaseSeconds }, async () => {
      started();
      await released;
    });
    await inHand;
    return { name, ids, release };
  }

  it("retries a dead worker's jobs, the one in hand and the one waiting in its batch, a lease after the last renewal instead of the queue's expiry", async () => {
    const { name, ids, release } = await workHeld(30);
    await expireAfter(ids, 31);
    expect(await states(boss, name, ids)).toEqual(["retry", "retry"]);
    release();
  });

  it("keeps renewing the lease while the worker lives, so its jobs are not retried elsewhere", { timeout: 30_000 }, async () => {
    const { name, ids, release } = await workHeld(3);
    // The start moves past the queue's 10-minute expiry: only a renewal since then keeps the jobs in hand.
    await sql(`UPDATE pgboss.job SET started_on = started_on - interval '700 seconds' WHERE id = ANY($1::uuid[])`, [ids]);
    const leaseLeft = async () =>
      (await sql(`SELECT EXTRACT(epoch FROM started_on + expire_in - now())::float AS s FROM pgboss.job WHERE id = ANY($1::uuid[])`, [ids])).rows as Array<{ s: number }>;
    while ((await leaseLeft()).some((r) => r.s < 0)) await new Promise((resolve) => setTimeout(resolve, 200));
    await expireAfter(ids, 0);
    expect(await states(boss, name, ids)).toEqual(["active", "active"]);
    release();
  });

  it("every queue whose expiry is over a minute is leased for well under the 2 minutes a stranded job may take", () => {
    // A reconcile pass whose completion a PostgreSQL restart lost waited out its 10-minute expiry (bench:scale).
    for (const q of [QUEUES.screeningRun, QUEUES.screeningJob, QUEUES.reconcile, QUEUES.webhookDelivery, QUEUES.writeBack, QUEUES.importsRun]) {
      expect(leaseOf(q.name)).toBeLessThanOrEqual(30);
      expect(q.expireInSeconds).toBeGreaterThan(leaseOf(q.name)!);
    }
    // Under a minute the expiry itself is short enough, and renewing would cost more than it saves.
    expect(leaseOf(QUEUES.reconcileDue.name)).toBeUndefined();
    expect(leaseOf(QUEUES.reconcile.formerName)).toBe(leaseOf(QUEUES.reconcile.name));
  });

  it("a periodic trigger sends no second job while one with the same key waits, is retried or is worked", async () => {
    const name = `test.once-${randomBytes(3).toString("hex")}`;
    await ensureQueues(boss, [{ name, retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 }]);
    const first = await sendUnlessUnfinished(boss, name, { connectionId: "c1" }, "c1");
    expect(first).toEqual(expect.any(String));
    expect(await sendUnlessUnfinished(boss, name, { connectionId: "c1" }, "c1")).toBeNull();
    // Another key is another piece of work.
    const other = await sendUnlessUnfinished(boss, name, { connectionId: "c2" }, "c2");
    expect(other).toEqual(expect.any(String));
    const [fetched] = (await boss.fetch(name, { batchSize: 2 })) ?? [];
    expect(fetched).toBeDefined();
    expect(await sendUnlessUnfinished(boss, name, { connectionId: "c1" }, "c1")).toBeNull();
    await boss.fail(name, first!, { message: "the database restarted" });
    expect(await states(boss, name, [first!])).toEqual(["retry"]);
    expect(await sendUnlessUnfinished(boss, name, { connectionId: "c1" }, "c1")).toBeNull();
    await boss.cancel(name, [first!, other!]);
    expect(await sendUnlessUnfinished(boss, name, { connectionId: "c1" }, "c1")).toEqual(expect.any(String));
  });
});

describe("worker start-up", () => {
  it("tries again with growing waits until the database answers", async () => {
    let calls = 0;
    const waits: number[] = [];
    const started = await startWhenDatabaseAnswers(
      async () => {
        calls += 1;
        if (calls <= 3) throw startingUp();
        return "running";
      },
      { signal: new AbortController().signal, sleep: async (ms) => void waits.push(ms) },
    );
    expect(started).toBe("running");
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it("stops trying when a signal arrives, and does not retry an error a person must fix", async () => {
    const stop = new AbortController();
    const started = await startWhenDatabaseAnswers(
      async () => {
        throw startingUp();
      },
      { signal: stop.signal, sleep: async () => stop.abort() },
    );
    expect(started).toBeUndefined();
    const wrongPassword = Object.assign(new Error('password authentication failed for user "screening"'), { code: "28P01" });
    await expect(
      startWhenDatabaseAnswers(
        async () => {
          throw wrongPassword;
        },
        { signal: new AbortController().signal, sleep: async () => undefined },
      ),
    ).rejects.toThrow("password authentication failed");
  });

  it("npm run worker keeps waiting while the database is down and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/worker/main.ts"], {
      env: {
        ...process.env,
        // Port 1 refuses connections: a database that is not up yet.
        DATABASE_URL: "postgresql://screening:screening@127.0.0.1:1/screening",
        AUTH_SECRET: "x".repeat(40),
        ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const waiting = new Promise<boolean>((resolve) => {
      const seen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("database not answering")) resolve(true);
      };
      child.stdout.on("data", seen);
      child.stderr.on("data", seen);
      void exited.then(() => resolve(false));
    });
    expect(await waiting, output).toBe(true);
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
  });
});
