/**
 * `npm run worker`: a separate worker process (PostgreSQL deployments). It runs every job handler
 * and the schedules; stop it with SIGTERM and it finishes the jobs in hand first. A database restart
 * does not stop it: start-up waits for the database, and the queue reconnects on its own.
 */
import { config } from "@/lib/config";
import { getRuntime } from "@/lib/db/client";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { abortableSleep, keepWorkingAfterUnhandledRejection, startWhenDatabaseAnswers } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { registerHandlers } from "./handlers";

async function main() {
  const cfg = config();
  if (cfg.database.kind === "pglite") {
    throw new Error("npm run worker needs DATABASE_URL: the embedded database is single-process, and npm start already runs the worker in-process.");
  }
  process.on("unhandledRejection", keepWorkingAfterUnhandledRejection);
  const stopping = new AbortController();
  const stop = async (signal: string) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    log.info("worker stopping", { signal });
    await stopQueue().catch((error: unknown) => log.warn("queue did not stop cleanly", { error }));
    const { database } = await getRuntime();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  const started = await startWhenDatabaseAnswers(() => startQueue({ work: true, register: registerHandlers }), { signal: stopping.signal, sleep: abortableSleep });
  if (started) log.info("worker started");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
