import type PgBoss from "pg-boss";
import { runRetention } from "@/lib/candidates/deletion";
import { db } from "@/lib/db/client";
import { markRunFailed, processImportRun, recoverStalledRuns } from "@/lib/imports/runs";
import { processDelivery } from "@/lib/imports/deliveries";
import { dueReconciles, reconcileConnection } from "@/lib/imports/reconcile";
import { syncStagesAndReasons } from "@/lib/imports/reference";
import { providers } from "@/lib/ats/registry";
import { sendUnlessUnfinished } from "@/lib/jobs/boss";
import { formerQueues, QUEUES } from "@/lib/jobs/definitions";
import { workEach } from "@/lib/jobs/work";
import { log } from "@/lib/log";
import { config } from "@/lib/config";
import { smtpTransport } from "@/lib/mail/deliver";
import { workMail } from "@/lib/mail/worker";
import { sendDigests } from "@/lib/notifications/digest";
import { applyDueSuggestion, evaluateRules, type EvaluateJob } from "@/lib/automations";
import { screenCandidate, screenJobBatch, type ScreenCandidateJob, type ScreenJobBatch } from "@/lib/screening/run";
import { workWriteBacks } from "@/lib/writeback/worker";

/**
 * The composition root of the background work: the one module that knows both the queues and the
 * domain modules their jobs call. Processes that work jobs (lib/boot.ts, `npm run worker`) hand
 * `registerHandlers` to `startQueue`; lib/jobs itself imports no domain module, so a module that
 * enqueues is not in a cycle with every handler.
 */

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
  // The queues whose jobs carry work (not a schedule's tick), by name: a former queue of the same
  // purpose is drained with the same handler (lib/jobs/definitions.ts formerName).
  const workers: Record<string, (queue: string) => Promise<unknown>> = {
    // pg-boss waits its polling interval (1 s) after each fetch, so one delivery per fetch capped a
    // worker at one webhook a second, below a busy account's arrival rate. A delivery mostly waits on
    // the ATS, and the connection's shared rate limit paces the calls, so several run side by side.
    [QUEUES.webhookDelivery.name]: (queue) =>
      one<{ deliveryId: string }>(
        boss,
        queue,
        async ({ deliveryId }) => {
          await processDelivery(deliveryId);
        },
        { batchSize: WEBHOOK_BATCH, concurrency: WEBHOOK_BATCH },
      ),
    [QUEUES.reconcile.name]: (queue) =>
      one<{ connectionId: string }>(boss, queue, async ({ connectionId }) => {
        const result = await reconcileConnection(connectionId);
        if (result.imported || result.failed) log.info("reconcile pass", { connectionId, ...result });
      }),
    [QUEUES.syncReference.name]: (queue) =>
      one<{ connectionId: string }>(boss, queue, async ({ connectionId }) => {
        const prisma = await db();
        const connection = await prisma.atsConnection.findUnique({ where: { id: connectionId } });
        if (connection?.status === "ACTIVE") await syncStagesAndReasons(connection);
      }),
    [QUEUES.writeBack.name]: (queue) => workWriteBacks(boss, queue),
  };
  for (const [queue, work] of Object.entries(workers)) await work(queue);
  for (const { formerName, name } of await formerQueues(boss)) await workers[name]?.(formerName);

  await one(boss, QUEUES.reconcileDue.name, async () => {
    for (const connectionId of await dueReconciles()) {
      await sendUnlessUnfinished(boss, QUEUES.reconcile.name, { connectionId }, connectionId);
    }
  });

  await one(boss, QUEUES.syncReferenceDaily.name, async () => {
    const prisma = await db();
    for (const c of await prisma.atsConnection.findMany({ where: { status: "ACTIVE" }, select: { id: true } })) {
      await sendUnlessUnfinished(boss, QUEUES.syncReference.name, { connectionId: c.id }, c.id);
    }
  });

  await one(boss, QUEUES.refreshIdleTokens.name, async () => {
    for (const provider of providers()) {
      const result = await provider.refreshIdleTokens(new Date());
      log.info("refreshed idle connections", { provider: provider.name, result });
    }
  });

  await one(boss, QUEUES.retention.name, async () => {
    const result = await runRetention(new Date());
    if (result.deleted) log.info("retention deleted archived candidates", result);
  });

  await one(boss, QUEUES.digest.name, async () => {
    const result = await sendDigests(new Date());
    if (result.sent) log.info("queued daily digests", result);
  });

  // Manual imports: a few runs at once (each is paced by its own connection's rate limit).
  for (let i = 0; i < 3; i++) {
    await workEach<{ runId: string }>(boss, QUEUES.importsRun.name, {}, async (job) => {
      try {
        await processImportRun(job.data.runId);
      } catch (error) {
        if (job.retryCount >= job.retryLimit) await markRunFailed(job.data.runId, error);
        throw error;
      }
    });
  }

  // Screening: a few candidates per fetch, each completed or failed on its own (the queue polls once a second).
  await workEach<ScreenCandidateJob>(boss, QUEUES.screeningRun.name, { batchSize: 10 }, async (job) => {
    await screenCandidate(await db(), job.data);
  });
  await one<ScreenJobBatch>(boss, QUEUES.screeningJob.name, async (batch) => {
    const { counts, next } = await screenJobBatch(await db(), batch);
    if (next) await boss.send(QUEUES.screeningJob.name, { ...batch, after: next });
    log.info("screened a batch of a job's candidates", { jobId: batch.jobId, ...counts });
  });

  // Automations: rules read new results, and suggestions of rules that apply on their own are applied at the end of their delay.
  await workEach<EvaluateJob>(boss, QUEUES.automationsEvaluate.name, { batchSize: 10 }, async (job) => {
    await evaluateRules(await db(), job.data);
  });
  await one<EvaluateJob>(boss, QUEUES.automationsEvaluateJob.name, async (job) => {
    const counts = await evaluateRules(await db(), job);
    log.info("evaluated an automation rule", { jobId: job.jobId, ruleId: job.ruleId, ...counts });
  });
  await one<{ suggestionId: string }>(boss, QUEUES.automationsApply.name, async ({ suggestionId }) => {
    const outcome = await applyDueSuggestion(suggestionId);
    // Started a moment early by the clocks of the database and this process: the retry comes after the time.
    if (outcome === "not_due") throw new Error("automation suggestion not due yet");
    if (outcome !== "skipped") log.info("automation suggestion due", { suggestionId, outcome });
  });

  // Email: the message's row says how it went (Settings → Sent email).
  await workMail(boss, QUEUES.mailSend.name, { transport: smtpTransport, from: config().mail.from });

  const recover = async () => {
    const resent = await recoverStalledRuns();
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
