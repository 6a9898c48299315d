import type PgBoss from "pg-boss";
import { queue } from "./queue";

/** The slice of a Prisma transaction client pg-boss needs to write its job row inside it. */
interface RawSqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * Sends a job with the caller's transaction, so the job exists if and only if the caller's rows do
 * (a webhook is answered 2xx only once both are durable).
 */
export async function enqueueInTransaction(tx: RawSqlClient, name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await queue();
  return boss.send(name, data, { ...options, db: inTransaction(tx) });
}

/**
 * Several jobs of one queue in one statement, with the caller's transaction (each retries on its own).
 * With `startAfter` no worker takes them before that time.
 */
export async function enqueueManyInTransaction(tx: RawSqlClient, name: string, data: object[], options: { startAfter?: Date } = {}): Promise<void> {
  if (data.length === 0) return;
  const boss = await queue();
  await boss.insert(
    data.map((d) => ({ name, data: d, ...(options.startAfter ? { startAfter: options.startAfter } : {}) })),
    { db: inTransaction(tx) },
  );
}

const inTransaction = (tx: RawSqlClient): PgBoss.Db => ({ executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) });

/**
 * The SQL that inserts one job of `queue` for each row of `source` (a CTE with a text column `id`),
 * with data `{ [key]: id }` and the id as singleton key, taking the queue's policy as pg-boss's own
 * insert does (plans.js insertJob of pg-boss 10). It lets a caller record a row and its job in one
 * statement, one round trip, where `enqueueInTransaction` needs an interactive transaction.
 */
export function insertJobForRowsSql(source: string, queue: string, key: string): string {
  if (!/^[a-z_]+$/.test(source) || !/^[a-zA-Z]+$/.test(key) || !/^[a-z.-]+$/.test(queue)) throw new Error("insertJobForRowsSql: unexpected name");
  return `
    INSERT INTO pgboss.job (id, name, data, priority, start_after, singleton_key, dead_letter, expire_in, keep_until, retry_limit, retry_delay, retry_backoff, policy)
    SELECT gen_random_uuid(), q.name, jsonb_build_object('${key}', s.id), 0, now(), s.id, q.dead_letter,
           COALESCE(q.expire_seconds * interval '1s', interval '15 minutes'),
           now() + COALESCE((q.retention_minutes * 60)::text, '14 days')::interval,
           COALESCE(q.retry_limit, 2),
           CASE WHEN COALESCE(q.retry_backoff, false) THEN GREATEST(COALESCE(q.retry_delay, 0), 1) ELSE COALESCE(q.retry_delay, 0) END,
           COALESCE(q.retry_backoff, false), q.policy
      FROM ${source} s JOIN pgboss.queue q ON q.name = '${queue}'
    ON CONFLICT DO NOTHING`;
}

export async function enqueue(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return (await queue()).send(name, data, options);
}
