import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma's own schema engine, as WebAssembly, driven through a driver adapter. It keeps Prisma's
 * migrations folder format and `_prisma_migrations` table, so `prisma migrate deploy` (native engine)
 * reads the same history wherever it is available.
 */

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const FILTERS = { externalTables: [], externalEnums: [] };

let enginesModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

async function loadEngineModule() {
  enginesModule ??= (async () => {
    const dir = path.join(ROOT, "node_modules", "@prisma", "schema-engine-wasm");
    // Node 20 cannot import .wasm modules, so instantiate the wasm-bindgen glue by hand.
    const bg = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ path.join(dir, "schema_engine_bg.js"));
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg as typeof import("@prisma/schema-engine-wasm");
  })();
  return enginesModule;
}

export function readSchema(): string {
  return readFileSync(SCHEMA_PATH, "utf8");
}

export function migrationsList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

async function withEngine<T>(adapter: SqlMigrationAwareDriverAdapterFactory, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, readSchema()]] }, () => undefined, bound);
  try {
    return await fn(engine);
  } catch (error) {
    // The engine only says "External error id#N"; the driver's own error is kept in the registry.
    const id = /External error id#(\d+)/.exec(String((error as Error)?.message))?.[1];
    const cause = id ? bound.errorRegistry.consumeError(Number(id)) : undefined;
    if (cause) throw new Error(`${(error as Error).message.split("\n")[0]}: ${String((cause.error as Error)?.message ?? cause.error)}`, { cause: cause.error });
    throw error;
  } finally {
    engine.free();
  }
}

/** Applies pending migrations; returns the names applied. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(adapter, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: FILTERS });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the migrations folder to schema.prisma; empty when they agree. */
export async function pendingSchemaSql(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withEngine(adapter, async (engine) => {
    const list = migrationsList();
    const from = list.migrationDirectories.length ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readSchema() }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    } as Parameters<SchemaEngine["diff"]>[0]);
    const sql = (result.stdout ?? "").trim();
    return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
  });
}

export async function writeMigration(name: string, sql: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
