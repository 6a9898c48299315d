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

export async function enqueue(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return (await queue()).send(name, data, options);
}
