import type PgBoss from "pg-boss";
import { backoffMs, isDatabaseUnavailable } from "@/lib/db/outage";
import { log } from "@/lib/log";
import { strictDb } from "./boss";

export type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until the database answers: waits 1 s, 2 s, 4 s … (at most 30 s) after each
 * "database unavailable" error and rethrows any other error.
 */
export async function untilDatabaseAnswers<T>(attempt: () => Promise<T>, wait: Sleep = sleep, what = "database call"): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const ms = backoffMs(n);
      log.warn(`database unavailable; retrying the ${what}`, { attempt: n, retryInMs: ms, error });
      await wait(ms);
    }
  }
}

export type Outcome = { ok: true } | { ok: false; message: string };

/** Completes or fails one job now, waiting out a database outage, so nothing done is redone. */
export async function settle(boss: PgBoss, queue: string, jobId: string, outcome: Outcome, wait: Sleep = sleep): Promise<void> {
  const db = strictDb(boss);
  // The output argument is needed: at run time a third argument is always the output, whatever the
  // typings' three-argument form says, and the options would be ignored.
  await untilDatabaseAnswers(
    () => (outcome.ok ? boss.complete(queue, jobId, {}, { db }) : boss.fail(queue, jobId, { message: outcome.message }, { db })),
    wait,
    outcome.ok ? "completion of a job" : "failure of a job",
  );
}

export function failure(error: unknown): Outcome {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Works a queue one job at a time (or `concurrency` at once within a fetched batch), completing or
 * failing each job as soon as its handler returns: a crash or a database restart in the middle of a
 * batch leaves only the unfinished jobs to be retried. A handler that throws fails its own job,
 * which pg-boss retries with the queue's backoff.
 */
export function workEach<T extends object>(
  boss: PgBoss,
  queue: string,
  options: { batchSize?: number; pollingIntervalSeconds?: number; concurrency?: number; sleep?: Sleep },
  handler: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
): Promise<string> {
  const { concurrency = 1, sleep: wait = sleep, ...workOptions } = options;
  return boss.work<T>(queue, { pollingIntervalSeconds: 1, ...workOptions, includeMetadata: true }, async (jobs) => {
    const pending = [...jobs];
    const lane = async () => {
      for (let job = pending.shift(); job; job = pending.shift()) {
        let outcome: Outcome;
        try {
          await handler(job);
          outcome = { ok: true };
        } catch (error) {
          log.warn("job failed; the queue retries it with backoff", { queue, jobId: job.id, retryCount: job.retryCount, error });
          outcome = failure(error);
        }
        await settle(boss, queue, job.id, outcome, wait);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
  });
}
