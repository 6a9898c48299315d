import PgBoss from "pg-boss";
// pg-boss's own SQL for completing and failing jobs, to recognise the calls its fetch loop makes.
import plans from "pg-boss/src/plans.js";
import type { Database } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/outage";
import { log } from "@/lib/log";

/**
 * pg-boss over the app's own database handle: PGlite through `exec`/`query` (its `query` refuses
 * several statements in one call), PostgreSQL through the shared pg Pool.
 */
export function bossDb(database: Database): PgBoss.Db {
  if (database.kind === "postgres") {
    return { executeSql: (text, values) => database.pool.query(text, values) };
  }
  const { pglite } = database;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const r = await pglite.query(text, values);
        return { rows: r.rows as unknown[] };
      }
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as unknown[] };
    },
  };
}

const SCHEMA = "pgboss";
const OWN_COMPLETION = new Set<string>([plans.completeJobs(SCHEMA), plans.failJobsById(SCHEMA)]);

/**
 * pg-boss 10 completes or fails each fetched batch without awaiting the call, so when the database
 * restarts at that moment the rejection is unhandled and ends the process. Our handlers settle every
 * job themselves (lib/jobs/work.ts, through the strict handle), so what pg-boss's own call would
 * change is already done; when the database is unavailable that call is logged and counted as
 * changing nothing, and a job it missed is picked up again when its expiry passes.
 */
function tolerateOwnCompletion(db: PgBoss.Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      try {
        return await db.executeSql(text, values);
      } catch (error) {
        if (!OWN_COMPLETION.has(text) || !isDatabaseUnavailable(error)) throw error;
        log.warn("database unavailable while the queue settled a batch; its jobs are retried after their expiry", {
          queue: values?.[0],
          error,
        });
        return { rows: [{ count: "0" }] };
      }
    },
  };
}

const strictDbs = new WeakMap<PgBoss, PgBoss.Db>();
const setupLocks = new WeakMap<PgBoss, SetupLock>();

/** Runs `fn` while this process holds the queue set-up lock. */
export type SetupLock = (fn: () => Promise<void>) => Promise<void>;

const SETUP_LOCK = "SELECT pg_advisory_lock(hashtext('screening.queue-setup'))";
const SETUP_UNLOCK = "SELECT pg_advisory_unlock(hashtext('screening.queue-setup'))";

/**
 * A session-level advisory lock held on one pooled connection for the whole set-up, while the set-up
 * itself runs on the others. PGlite is one connection in one process, so it needs none.
 */
function setupLock(database: Database): SetupLock {
  if (database.kind !== "postgres") return (fn) => fn();
  return async (fn) => {
    const client = await database.pool.connect();
    let unlocked = false;
    try {
      await client.query(SETUP_LOCK);
      try {
        await fn();
      } finally {
        await client.query(SETUP_UNLOCK);
        unlocked = true;
      }
    } finally {
      // A connection that may still hold the lock is ended (which frees it), not returned to the pool.
      client.release(!unlocked);
    }
  };
}

export function queueSetupLock(boss: PgBoss): SetupLock {
  return setupLocks.get(boss) ?? ((fn) => fn());
}

/** The handle that reports every error, for callers that await the result and retry themselves. */
export function strictDb(boss: PgBoss): PgBoss.Db | undefined {
  return strictDbs.get(boss);
}

/**
 * Renews the lease of fetched jobs still active: each expires `seconds` after now instead of its
 * queue's expiry counted from its start. pg-boss 10 has no heartbeat of its own; its maintenance
 * pass retries a job once `started_on + expire_in` is past, so the lease is written there.
 */
export async function renewLease(boss: PgBoss, queue: string, jobIds: string[], seconds: number): Promise<void> {
  const db = strictDb(boss);
  if (!db || jobIds.length === 0) return;
  await db.executeSql(
    `UPDATE ${SCHEMA}.job SET expire_in = (now() - started_on) + $3 * interval '1 second'
     WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
    [queue, jobIds, seconds],
  );
}

/**
 * Sends a job unless one with the same key is still waiting, being retried or being worked. pg-boss's
 * singleton key alone does not stop a standard queue from taking another, so a periodic trigger
 * (a reconcile due every minute) would start a second pass of the same work while the first runs.
 */
export async function sendUnlessUnfinished(boss: PgBoss, queue: string, data: object, singletonKey: string): Promise<string | null> {
  const db = strictDb(boss);
  if (db) {
    const open = await db.executeSql(
      `SELECT 1 FROM ${SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry', 'active') LIMIT 1`,
      [queue, singletonKey],
    );
    if (open.rows.length > 0) return null;
  }
  return boss.send(queue, data, { singletonKey });
}

export function createBoss(
  database: Database,
  options: { schedule?: boolean; supervise?: boolean; db?: PgBoss.Db } = {},
): PgBoss {
  const db = options.db ?? bossDb(database);
  const boss = new PgBoss({
    db: tolerateOwnCompletion(db),
    schema: SCHEMA,
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
    // Expired jobs are found by the maintenance pass, so a dead worker's job is retried soon after
    // its (short) expiry. One process runs a pass when the last one is older than the interval, and
    // each checks on its own timer, so passes can be up to two intervals apart: at 30 s a webhook
    // stranded by a killed worker took 132 s (90 s expiry, bench:scale); at 10 s a pass is cheap
    // (expire, archive and drop find nothing most of the time) and that bound stays under 2 minutes.
    maintenanceIntervalSeconds: 10,
    // Keep finished jobs a week so failures can be looked at and retried from the UI.
    deleteAfterDays: 7,
    archiveCompletedAfterSeconds: 3600,
  });
  strictDbs.set(boss, db);
  setupLocks.set(boss, setupLock(database));
  return boss;
}
