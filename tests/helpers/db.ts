import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { createPrisma, openDatabase, setRuntimeForTests, type Database, type Prisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

export interface TestDatabase {
  database: Database;
  prisma: Prisma;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the server named by TEST_DATABASE_URL (dropped on close). It also becomes the app's runtime, so
 * code under test that calls db() uses it.
 */
export async function createTestDatabase(options: { pgliteDir?: string } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `test_${randomBytes(6).toString("hex")}`;
    const admin = new Pool({ connectionString: serverUrl, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ kind: "pglite", dir: options.pgliteDir ?? "memory://" });
  }
  await applyMigrations(database.adapter);
  const prisma = createPrisma(database);
  setRuntimeForTests({ database, prisma });
  return {
    database,
    prisma,
    async close() {
      setRuntimeForTests(undefined);
      await prisma.$disconnect();
      await database.close();
      await drop?.();
    },
  };
}
