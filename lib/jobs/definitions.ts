import type PgBoss from "pg-boss";

/**
 * Every queue, its retry policy and where its failures go. Handlers are registered in
 * lib/jobs/handlers.ts; producers only need the names and payload types.
 */
export const DEAD_LETTER_QUEUE = "dead-letter";

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** Cron (UTC) for periodic jobs. */
  cron?: string;
}

const standard = { retryLimit: 6, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 };

export const QUEUES = {
  leverWebhook: { name: "lever.webhook", ...standard },
  leverReconcile: { name: "lever.reconcile", ...standard, retryLimit: 2 },
  leverReconcileDue: { name: "lever.reconcile-due", ...standard, retryLimit: 0, cron: "* * * * *" },
  leverSyncReference: { name: "lever.sync-reference", ...standard },
  leverSyncReferenceDaily: { name: "lever.sync-reference-daily", ...standard, retryLimit: 0, cron: "41 4 * * *" },
  leverRefreshIdle: { name: "lever.refresh-idle-connections", ...standard, cron: "17 3 * * *" },
  // A run holds a lease while it works, so a long import outliving the expiry is never worked twice.
  importsRun: { name: "imports.run", ...standard, retryLimit: 5, expireInSeconds: 60 * 60 },
  importsWatchdog: { name: "imports.watchdog", ...standard, retryLimit: 0, cron: "* * * * *" },
  // One candidate against its job's current criteria; a no-op when nothing changed since the last result.
  screeningRun: { name: "screening.run", ...standard },
  // A batch of a job's candidates; the job enqueues the next batch itself, so each job's work is bounded.
  screeningJob: { name: "screening.job", ...standard },
  // Notes, stage changes and archives written to Lever; each job is one recorded WriteBackAction.
  leverWriteBack: { name: "lever.write-back", ...standard },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

export async function ensureQueues(boss: PgBoss, definitions: QueueDefinition[] = Object.values(QUEUES)): Promise<void> {
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retentionDays: 30 });
  for (const q of definitions) {
    await boss.createQueue(q.name, {
      name: q.name,
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelay,
      retryBackoff: q.retryBackoff,
      expireInSeconds: q.expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  }
}

export async function ensureSchedules(boss: PgBoss, definitions: QueueDefinition[] = Object.values(QUEUES)): Promise<void> {
  for (const q of definitions) if (q.cron) await boss.schedule(q.name, q.cron, {}, { tz: "UTC" });
}
