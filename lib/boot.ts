import { config } from "@/lib/config";
import { getRuntime } from "@/lib/db/client";
import { restrictToOwner } from "@/lib/db/data-dir";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO, seedDemo } from "@/lib/seed";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { registerHandlers } from "@/lib/worker/handlers";

/**
 * Runs once when the server starts (instrumentation.ts), not on the first request: PGlite's
 * WebAssembly takes seconds to boot. The embedded default migrates and seeds itself.
 */
export async function boot(): Promise<void> {
  const cfg = config();
  if (cfg.embedded) {
    // The generated secrets and the database live here; before anything else reads or writes them.
    const { tightened } = restrictToOwner(cfg.dataDir);
    if (tightened) log.warn("made the data directory private to this user (directories 700, files 600)", { dir: cfg.dataDir, tightened });
  }
  const { database, prisma } = await getRuntime();
  if (cfg.embedded) {
    const applied = await applyMigrations(database.adapter);
    if (applied.length) log.info("applied migrations", { applied });
    if (cfg.seedDemo && (await seedDemo(prisma)).created) {
      console.log(
        `\n  Demo organization "${DEMO.organization}" created.\n  Sign in at ${cfg.appUrl}/login as ${DEMO.admin} (owner) or ${DEMO.recruiter} (recruiter), password: ${DEMO.password}\n` +
          `  These demo users are for trying the product out: their password is published. Keep no real candidates\n` +
          `  in this demo; for real use run on PostgreSQL (README), where nothing is seeded, and sign up with your own account.\n`,
      );
    }
  }
  await startQueue(cfg.runWorkerInProcess ? { work: true, register: registerHandlers } : { work: false });
  log.info("server ready", { database: cfg.database.kind, lever: cfg.lever.environment, worker: cfg.runWorkerInProcess });

  const shutdown = async () => {
    await stopQueue().catch(() => undefined);
    await database.close().catch(() => undefined);
  };
  process.once("SIGTERM", () => void shutdown().then(() => process.exit(0)));
  process.once("SIGINT", () => void shutdown().then(() => process.exit(0)));
}
