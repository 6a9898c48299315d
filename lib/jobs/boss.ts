import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";

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

export function createBoss(database: Database, options: { schedule?: boolean; supervise?: boolean } = {}): PgBoss {
  return new PgBoss({
    db: bossDb(database),
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
    // Keep finished jobs a week so failures can be looked at and retried from the UI.
    deleteAfterDays: 7,
    archiveCompletedAfterSeconds: 3600,
  });
}
