import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { ScreenCandidateJob, ScreenJobBatch } from "@/lib/screening/run";
import { QUEUES } from "./definitions";
import { workEach } from "./work";

type Handler<T> = (data: T) => Promise<unknown>;

/** How often each working process looks for import runs whose lease lapsed (LEASE_MS in lib/imports/runs.ts). */
export const IMPORT_WATCHDOG_MS = 8_000;

/** Webhook deliveries a worker takes per fetch and works at once. */
export const WEBHOOK_BATCH = 5;

async function one<T extends object>(boss: PgBoss, name: string, handler: Handler<T>, options: { batchSize?: number; concurrency?: number } = {}) {
  await workEach<T>(boss, name, options, (job) => handler(job.data));
}

/**
 * Binds each queue to its handler. A handler that throws is retried with backoff, then moved to the
 * dead-letter queue, which nobody consumes: it is the list people read and retry from.
 */
export async function registerHandlers(boss: PgBoss): Promise<void> {
  const lever = {
    deliveries: () => import("@/lib/integrations/lever/import/deliveries"),
    reconcile: () => import("@/lib/integrations/lever/import/reconcile"),
    reference: () => import("@/lib/integrations/lever/import/reference"),
    tokens: () => import("@/lib/integrations/lever/tokens"),
  };

  // pg-boss waits its polling interval (1 s) after each fetch, so one delivery per fetch capped a
  // worker at one webhook a second, below a busy account's arrival rate. A delivery mostly waits on
  // Lever, and the connection's shared rate limit paces the calls, so several run side by side.
  await one<{ deliveryId: string }>(
    boss,
    QUEUES.leverWebhook.name,
    async ({ deliveryId }) => {
      await (await lever.deliveries()).processDelivery(deliveryId);
    },
    { batchSize: WEBHOOK_BATCH, concurrency: WEBHOOK_BATCH },
  );

  await one<{ connectionId: string }>(boss, QUEUES.leverReconcile.name, async ({ connectionId }) => {
    const result = await (await lever.reconcile()).reconcileConnection(connectionId);
    if (result.imported || result.failed) log.info("reconcile pass", { connectionId, ...result });
  });

  await one(boss, QUEUES.leverReconcileDue.name, async () => {
    for (const connectionId of await (await lever.reconcile()).dueReconciles()) {
      await boss.send(QUEUES.leverReconcile.name, { connectionId }, { singletonKey: connectionId });
    }
  });

  await one<{ connectionId: string }>(boss, QUEUES.leverSyncReference.name, async ({ connectionId }) => {
    const prisma = await db();
    const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId } });
    if (connection?.status === "ACTIVE") await (await lever.reference()).syncStagesAndReasons(connection);
  });

  await one(boss, QUEUES.leverSyncReferenceDaily.name, async () => {
    const prisma = await db();
    for (const c of await prisma.atsConnection.findMany({ where: { status: "ACTIVE" }, select: { id: true } })) {
      await boss.send(QUEUES.leverSyncReference.name, { connectionId: c.id }, { singletonKey: c.id });
    }
  });

  await one(boss, QUEUES.leverRefreshIdle.name, async () => {
    const result = await (await lever.tokens()).refreshIdleConnections(new Date());
    log.info("refreshed idle Lever connections", { result });
  });

  // Manual imports: a few runs at once (each is paced by its own connection's rate limit).
  const imports = () => import("@/lib/imports/runs");
  for (let i = 0; i < 3; i++) {
    await workEach<{ runId: string }>(boss, QUEUES.importsRun.name, {}, async (job) => {
      try {
        await (await imports()).processImportRun(job.data.runId);
      } catch (error) {
        if (job.retryCount >= job.retryLimit) await (await imports()).markRunFailed(job.data.runId, error);
        throw error;
      }
    });
  }
  await (await import("@/lib/writeback/worker")).workWriteBacks(boss);

  // Screening: a few candidates per fetch, each completed or failed on its own (the queue polls once a second).
  const screening = () => import("@/lib/screening/run");
  await workEach<ScreenCandidateJob>(boss, QUEUES.screeningRun.name, { batchSize: 10 }, async (job) => {
    await (await screening()).screenCandidate(await db(), job.data);
  });
  await one<ScreenJobBatch>(boss, QUEUES.screeningJob.name, async (batch) => {
    const { counts, next } = await (await screening()).screenJobBatch(await db(), batch);
    if (next) await boss.send(QUEUES.screeningJob.name, { ...batch, after: next });
    log.info("screened a batch of a job's candidates", { jobId: batch.jobId, ...counts });
  });

  const recover = async () => {
    const resent = await (await imports()).recoverStalledRuns();
    if (resent.length) log.info("resumed stalled import runs", { runs: resent });
  };
  await one(boss, QUEUES.importsWatchdog.name, recover);
  // The cron's minute is too coarse to take over a dead worker's run within about 30 s, so every
  // working process also looks every few seconds; the re-send's singleton key keeps it to one job.
  const watchdog = setInterval(() => {
    recover().catch((error: unknown) => log.warn("could not look for stalled import runs", { error }));
  }, IMPORT_WATCHDOG_MS);
  watchdog.unref();
  boss.once("stopped", () => clearInterval(watchdog));
}
