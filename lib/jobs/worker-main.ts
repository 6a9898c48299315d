/**
 * `npm run worker`: a separate worker process (PostgreSQL deployments). It runs every job handler
 * and the schedules; stop it with SIGTERM and it finishes the jobs in hand first.
 */
import { config } from "@/lib/config";
import { getRuntime } from "@/lib/db/client";
import { log } from "@/lib/log";
import { startQueue, stopQueue } from "./queue";

async function main() {
  const cfg = config();
  if (cfg.database.kind === "pglite") {
    throw new Error("npm run worker needs DATABASE_URL: the embedded database is single-process, and npm start already runs the worker in-process.");
  }
  await getRuntime();
  await startQueue({ work: true });
  log.info("worker started");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("worker stopping", { signal });
    await stopQueue();
    const { database } = await getRuntime();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
