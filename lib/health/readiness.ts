import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { getRuntime } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/outage";
import { DEAD_LETTER_QUEUE, QUEUES } from "@/lib/jobs/definitions";
import { log } from "@/lib/log";

export interface Check {
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; queue: Check };
}

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

function migrationsOnDisk(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
}

/**
 * Whether this process can serve traffic: the database answers, every migration in the release is
 * applied, and the job queue's schema and queues exist (a web process only enqueues, so nothing
 * is taken from the queue here). Details name what is missing, never connection strings.
 */
export async function checkReadiness(migrationsDir = MIGRATIONS_DIR): Promise<Readiness> {
  const down: Readiness = {
    ready: false,
    checks: { database: { ok: false, detail: "unreachable" }, migrations: { ok: false, detail: "unknown" }, queue: { ok: false, detail: "unknown" } },
  };
  let prisma;
  try {
    prisma = (await getRuntime()).prisma;
    await prisma.$queryRaw`SELECT 1`;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) log.warn("readiness: database check failed", { error });
    return down;
  }

  let migrations: Check;
  try {
    const applied = await prisma.$queryRaw<Array<{ name: string }>>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((r) => r.name));
    const pending = migrationsOnDisk(migrationsDir).filter((name) => !done.has(name)).sort();
    migrations = pending.length ? { ok: false, detail: `pending: ${pending.join(", ")}` } : { ok: true };
  } catch {
    migrations = { ok: false, detail: "no migrations applied" };
  }

  let queue: Check;
  try {
    const wanted = [DEAD_LETTER_QUEUE, ...Object.values(QUEUES).map((q) => q.name)];
    const rows = await prisma.$queryRaw<Array<{ name: string }>>`SELECT name FROM pgboss.queue WHERE name = ANY(${wanted})`;
    const found = new Set(rows.map((r) => r.name));
    const missing = wanted.filter((name) => !found.has(name));
    queue = missing.length ? { ok: false, detail: `queues not set up: ${missing.join(", ")}` } : { ok: true };
  } catch {
    queue = { ok: false, detail: "queue schema missing" };
  }

  return { ready: migrations.ok && queue.ok, checks: { database: { ok: true }, migrations, queue } };
}
