import { backoffMs, isDatabaseUnavailable } from "@/lib/db/outage";
import { log } from "@/lib/log";
import type { Sleep } from "./work";

/**
 * Calls `start` until it succeeds, waiting 1 s, 2 s, 4 s … (at most 30 s) after each failure that
 * means the database is not answering yet (a worker started while PostgreSQL restarts, or before it
 * is up). Any other error is thrown: a wrong password or a missing migration needs a person.
 * Resolves undefined when `signal` aborts first.
 */
export async function startWhenDatabaseAnswers<T>(
  start: () => Promise<T>,
  options: { signal: AbortSignal; sleep: (ms: number, signal: AbortSignal) => Promise<void> },
): Promise<T | undefined> {
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const ms = backoffMs(attempt);
      log.warn("database not answering; the worker tries to start again", { attempt, retryInMs: ms, error });
      await options.sleep(ms, options.signal);
    }
  }
  return undefined;
}

/** A sleep that ends early when the signal aborts (a SIGTERM during start-up). */
export const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * The worker process's last line of defence: a rejection nobody awaited (a library's background
 * call while the database restarts) is logged and the worker keeps running. Its jobs expire and are
 * retried; only a signal stops a worker.
 */
export function keepWorkingAfterUnhandledRejection(reason: unknown): void {
  if (isDatabaseUnavailable(reason)) log.warn("database unavailable in a background call; the worker keeps running", { error: reason });
  else log.error("unhandled rejection; the worker keeps running", { error: reason });
}

export type { Sleep };
