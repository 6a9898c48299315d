import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Pool } from "pg";
import { config, type Config } from "@/lib/config";
import { log } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { restrictToOwner } from "./data-dir";
import { withTenantGuard } from "./guard";

/**
 * One database per process: PGlite (embedded, one connection) when DATABASE_URL is unset, otherwise
 * PostgreSQL through a pg Pool. The raw handle is shared by Prisma, pg-boss and the migrator.
 */
export type Database =
  | { kind: "pglite"; pglite: PGlite; adapter: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> }
  | { kind: "postgres"; pool: Pool; adapter: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };

export async function openDatabase(db: Config["database"]): Promise<Database> {
  if (db.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { parseIntoClientConfig } = await import("pg-connection-string");
    const fields = parseIntoClientConfig(db.url);
    // Prisma keeps its own pool; pg-boss gets a smaller one.
    const adapter = new PrismaPg({ ...fields, max: db.poolSize });
    const pool = new Pool({ ...fields, max: Math.max(2, Math.ceil(db.poolSize / 2)) });
    // An idle client whose server connection ends (a restart, a failover) emits "error"; unheard, it
    // would crash the process. The pool replaces the client on the next checkout.
    pool.on("error", (error) => log.warn("idle database connection lost", { error: { name: error.name, message: error.message } }));
    return { kind: "postgres", pool, adapter, close: () => pool.end() };
  }
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  const onDisk = !db.dir.startsWith("memory://");
  if (onDisk) {
    const { tightened } = restrictToOwner(db.dir);
    if (tightened) log.warn("made the embedded database's files private to this user (directories 700, files 600)", { dir: db.dir, tightened });
  }
  // Postgres's default 128 MB of shared buffers lives in PGlite's WebAssembly memory, which never
  // shrinks: about 100 MB of the process's RSS. Its pages are a copy away (memory or the OS's file
  // cache), so 32 MB costs the embedded default next to nothing.
  const pglite = await PGlite.create(db.dir, { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"] });
  // PGlite sets the modes of the files it creates at initialisation and start itself (666 and 644),
  // whatever the umask; files it creates later follow the umask, and the 700 directory covers all.
  if (onDisk) restrictToOwner(db.dir);
  return { kind: "pglite", pglite, adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}

export function createPrisma(database: Database) {
  return withTenantGuard(new PrismaClient({ adapter: database.adapter }));
}

export type Prisma = ReturnType<typeof createPrisma>;

/**
 * A transaction of the app's client, for functions whose writes must commit with their caller's.
 * Prisma 7 gives a transaction client every member of the base client but `$connect`, `$disconnect`,
 * `$on` and `$extends` (and it keeps `$transaction`, which throws on PGlite), so `$connect?: never`
 * is what keeps the base client from passing for a transaction.
 */
export type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0] & { $connect?: never };

interface Runtime {
  database: Database;
  prisma: Prisma;
}

const globalForDb = globalThis as unknown as { __screeningDb?: Promise<Runtime> };

/**
 * The process-wide database. A failed start is not cached, so the next caller tries again.
 */
export function getRuntime(): Promise<Runtime> {
  if (!globalForDb.__screeningDb) {
    const starting = (async () => {
      const database = await openDatabase(config().database);
      return { database, prisma: createPrisma(database) };
    })();
    globalForDb.__screeningDb = starting;
    starting.catch(() => {
      if (globalForDb.__screeningDb === starting) globalForDb.__screeningDb = undefined;
    });
  }
  return globalForDb.__screeningDb;
}

export async function db(): Promise<Prisma> {
  return (await getRuntime()).prisma;
}

/** Lets tests run the app's code against a database they opened themselves. */
export function setRuntimeForTests(runtime: Runtime | undefined): void {
  globalForDb.__screeningDb = runtime ? Promise.resolve(runtime) : undefined;
}
