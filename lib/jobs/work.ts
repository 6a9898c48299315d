import type PgBoss from "pg-boss";
import { backoffMs, isDatabaseUnavailable } from "@/lib/db/outage";
import { log } from "@/lib/log";
import { renewLease, strictDb } from "./boss";
import { leaseOf } from "./definitions";

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
 * Keeps a fetched batch's unsettled jobs leased while this process works them: renewed at once (a
 * job fetched moments ago still carries its queue's long expiry) and then every third of the lease,
 * so a worker that dies leaves them to be retried a lease after its last renewal. A renewal the
 * database refuses (an outage) is logged; the next one tries again.
 */
function holdLease(boss: PgBoss, queue: string, unsettled: Set<string>, seconds: number): { renewed: Promise<void>; release: () => void } {
  const renew = () =>
    renewLease(boss, queue, [...unsettled], seconds).catch((error: unknown) => log.warn("could not renew the lease of jobs in hand", { queue, error }));
  const timer = setInterval(() => void renew(), (seconds * 1000) / 3);
  timer.unref();
  return { renewed: renew(), release: () => clearInterval(timer) };
}

/**
 * Works a queue one job at a time (or `concurrency` at once within a fetched batch), completing or
 * failing each job as soon as its handler returns: a crash or a database restart in the middle of a
 * batch leaves only the unfinished jobs to be retried. A handler that throws fails its own job,
 * which pg-boss retries with the queue's backoff. A queue with a lease (`leaseSeconds`, by default
 * its definition's) keeps its jobs in hand leased, so a dead worker's jobs are retried a lease after
 * it died rather than the queue's expiry after they were fetched.
 */
export function workEach<T extends object>(
  boss: PgBoss,
  queue: string,
  options: { batchSize?: number; pollingIntervalSeconds?: number; concurrency?: number; leaseSeconds?: number; sleep?: Sleep },
  handler: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
): Promise<string> {
  const { concurrency = 1, sleep: wait = sleep, leaseSeconds = leaseOf(queue), ...workOptions } = options;
  return boss.work<T>(queue, { pollingIntervalSeconds: 1, ...workOptions, includeMetadata: true }, async (jobs) => {
    const pending = [...jobs];
    const unsettled = new Set(jobs.map((job) => job.id));
    const lease = leaseSeconds ? holdLease(boss, queue, unsettled, leaseSeconds) : undefined;
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
        unsettled.delete(job.id);
      }
    };
    try {
      await lease?.renewed;
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
    } finally {
      lease?.release();
    }
  });
}
