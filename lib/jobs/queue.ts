import type PgBoss from "pg-boss";
import { getRuntime } from "@/lib/db/client";
import { log } from "@/lib/log";
import { createBoss } from "./boss";
import { ensureQueues, ensureSchedules } from "./definitions";

interface QueueRuntime {
  boss: PgBoss;
  working: boolean;
}

/**
 * Binds each queue to its handler. The process's entry point hands it in (lib/worker/handlers.ts), so
 * the queue, and every module that enqueues through it, imports no module the handlers call.
 */
export type RegisterHandlers = (boss: PgBoss) => Promise<void>;

const g = globalThis as unknown as { __screeningQueue?: Promise<QueueRuntime> };

/**
 * The process-wide pg-boss. `work: true` also runs the handlers (the embedded default does both in
 * the web process; at scale `npm run worker` processes do the work and web processes only send).
 */
export function startQueue(options: { work: false } | { work: true; register: RegisterHandlers }): Promise<QueueRuntime> {
  if (!g.__screeningQueue) {
    const starting = (async () => {
      const { database } = await getRuntime();
      const boss = createBoss(database, { schedule: options.work, supervise: options.work });
      boss.on("error", (error) => log.error("queue error", { error }));
      try {
        await boss.start();
        await ensureQueues(boss);
        if (options.work) {
          await ensureSchedules(boss);
          await options.register(boss);
        }
      } catch (error) {
        // A start that failed half-way (the database went away) must not leave timers polling.
        await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 }).catch(() => undefined);
        throw error;
      }
      return { boss, working: options.work };
    })();
    g.__screeningQueue = starting;
    starting.catch(() => {
      if (g.__screeningQueue === starting) g.__screeningQueue = undefined;
    });
  }
  return g.__screeningQueue;
}

export async function queue(): Promise<PgBoss> {
  return (await startQueue({ work: false })).boss;
}

export async function stopQueue(): Promise<void> {
  const running = g.__screeningQueue;
  g.__screeningQueue = undefined;
  if (running) await (await running).boss.stop({ graceful: true, wait: true, timeout: 20_000 });
}
