import type PgBoss from "pg-boss";
import { QUEUES } from "@/lib/jobs/definitions";
import { executeWriteBack } from "./execute";
import type { WriteBackJob } from "./record";

/**
 * Works the write-back queue. pg-boss waits a polling interval between fetches, so each fetch takes
 * a batch (about two seconds of a connection's Lever budget) and runs it in order. A failure Lever
 * may recover from fails only its own job, which pg-boss retries with backoff; the last attempt marks
 * the action FAILED (shown with Retry on the candidate) instead of throwing.
 */
export async function workWriteBacks(boss: PgBoss): Promise<string> {
  const name = QUEUES.leverWriteBack.name;
  return boss.work<WriteBackJob>(name, { pollingIntervalSeconds: 1, batchSize: 20, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      try {
        await executeWriteBack(job.data.actionId, { finalAttempt: job.retryCount >= job.retryLimit });
      } catch (error) {
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : "write-back failed" });
      }
    }
  });
}
