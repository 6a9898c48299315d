import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/definitions";
import { failure, settle, type Outcome } from "@/lib/jobs/work";
import { executeWriteBack } from "./execute";
import type { WriteBackJob } from "./record";

/** Candidates written at once: a backoff after Lever's 429 or 503 then holds up one candidate, not the batch. */
const CONCURRENCY = 4;

/**
 * Works the write-back queue. pg-boss waits a polling interval between fetches, so each fetch takes
 * a batch (about two seconds of a connection's Lever budget, which the shared rate limiter enforces).
 * One candidate's actions run in the order they were requested. A failure Lever may recover from
 * fails only its own job, which pg-boss retries with backoff; the last attempt marks the action
 * FAILED (shown with Retry on the candidate) instead of throwing.
 */
export async function workWriteBacks(boss: PgBoss, name: string = QUEUES.writeBack.name): Promise<string> {
  return boss.work<WriteBackJob>(name, { pollingIntervalSeconds: 1, batchSize: 20, includeMetadata: true }, async (jobs) => {
    // Each job is settled as soon as it is done, so a crash mid-batch never re-sends a finished one.
    const run = async (job: (typeof jobs)[number]) => {
      let outcome: Outcome = { ok: true };
      try {
        await executeWriteBack(job.data.actionId, { finalAttempt: job.retryCount >= job.retryLimit });
      } catch (error) {
        outcome = failure(error);
      }
      await settle(boss, name, job.id, outcome);
    };
    const lanes = [...(await byCandidate(jobs)).values()];
    const next = async (): Promise<void> => {
      for (let lane = lanes.shift(); lane; lane = lanes.shift()) for (const job of lane) await run(job);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, next));
  });
}

/** Jobs grouped by candidate, each group in the order the actions were created. */
async function byCandidate<J extends { data: WriteBackJob }>(jobs: J[]): Promise<Map<string, J[]>> {
  const prisma = await db();
  const actions = await prisma.writeBackAction.findMany({
    where: { id: { in: jobs.map((j) => j.data.actionId) } },
    select: { id: true, candidateId: true, createdAt: true },
  });
  const byId = new Map(actions.map((a) => [a.id, a]));
  const ordered = [...jobs].sort((a, b) => (byId.get(a.data.actionId)?.createdAt.getTime() ?? 0) - (byId.get(b.data.actionId)?.createdAt.getTime() ?? 0));
  const lanes = new Map<string, J[]>();
  for (const job of ordered) {
    // A job whose action is gone still runs (executeWriteBack skips it) in a lane of its own.
    const key = byId.get(job.data.actionId)?.candidateId ?? job.data.actionId;
    const lane = lanes.get(key) ?? [];
    lane.push(job);
    lanes.set(key, lane);
  }
  return lanes;
}
