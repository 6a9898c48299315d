import type PgBoss from "pg-boss";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { queueSetupLock } from "./boss";

/**
 * Every queue, its retry policy and where its failures go. Handlers are registered in
 * lib/worker/handlers.ts; producers only need the names and payload types.
 */
export const DEAD_LETTER_QUEUE = "dead-letter";

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  /** Cron (UTC) for periodic jobs; a function when the configuration sets it, read when the schedule is made. */
  cron?: string | (() => string);
  /**
   * The queue's name before the queues were named by purpose ("lever.webhook"): jobs still waiting
   * there after an upgrade are worked by the same handler, and its schedule is removed.
   */
  formerName?: string;
}

const standard = { retryLimit: 6, retryDelay: 5, retryBackoff: true };

/**
 * Expiry is how long a job may stay active before pg-boss takes it for dead and retries it, so it
 * is sized to each queue's real work (a fetched batch included): a worker that dies strands its jobs
 * for that long plus one maintenance pass (at most 20 s apart, lib/jobs/boss.ts), not a fixed quarter of an hour.
 * A handler still running past its expiry is retried elsewhere; every handler is idempotent.
 */
const seconds = (expireInSeconds: number) => ({ expireInSeconds });

/**
 * Seconds a fetched job stays leased without a renewal. While its worker lives the lease is renewed
 * every 10 s (lib/jobs/work.ts), so a pause of the event loop up to 20 s (a large résumé, a loaded
 * machine) does not hand a live worker's job to another one; a dead worker's job is retried this long
 * after the worker died, and the queue's expiry only bounds the handler itself.
 */
const LEASE_SECONDS = 30;

export const QUEUES = {
  // One webhook delivery: one candidacy and its résumé; the rate limiter waits at most a minute.
  webhookDelivery: { name: "ats.webhook", formerName: "lever.webhook", ...standard, ...seconds(90) },
  // A pass lists what changed since the last one: pages of candidacies for a busy account.
  reconcile: { name: "ats.reconcile", formerName: "lever.reconcile", ...standard, retryLimit: 2, ...seconds(10 * 60) },
  reconcileDue: { name: "ats.reconcile-due", formerName: "lever.reconcile-due", ...standard, retryLimit: 0, cron: "* * * * *", ...seconds(60) },
  syncReference: { name: "ats.sync-reference", formerName: "lever.sync-reference", ...standard, ...seconds(5 * 60) },
  syncReferenceDaily: { name: "ats.sync-reference-daily", formerName: "lever.sync-reference-daily", ...standard, retryLimit: 0, cron: "41 4 * * *", ...seconds(60) },
  // Every 4 hours: Greenhouse's refresh tokens die 24 hours after issue (its connections are refreshed after
  // 12 idle hours); Lever's allow 60 idle days, so for Lever the extra runs find nothing to do.
  refreshIdleTokens: { name: "ats.refresh-idle-tokens", formerName: "lever.refresh-idle-connections", ...standard, cron: "17 */4 * * *", ...seconds(10 * 60) },
  // A run holds a lease while it works, so a long import outliving the expiry is never worked twice.
  importsRun: { name: "imports.run", ...standard, retryLimit: 5, ...seconds(60 * 60) },
  importsWatchdog: { name: "imports.watchdog", ...standard, retryLimit: 0, cron: "* * * * *", ...seconds(60) },
  // One candidate against its job's current criteria; a no-op when nothing changed since the last
  // result. Ten per fetch: milliseconds each with the local engine, up to the LLM's timeout and its
  // retries when one screens, so a fetch may take minutes. An expiry that long stranded a dead
  // worker's screenings for 5 minutes; the lease retries them about a minute after the worker died.
  screeningRun: { name: "screening.run", ...standard, ...seconds(5 * 60) },
  // A batch of a job's candidates; the job enqueues the next batch itself, so each job's work is bounded.
  screeningJob: { name: "screening.job", ...standard, ...seconds(5 * 60) },
  // Notes, stage changes and rejections written to the ATS; each job is one recorded WriteBackAction,
  // twenty per fetch on four lanes: seconds of a connection's ATS budget.
  writeBack: { name: "ats.write-back", formerName: "lever.write-back", ...standard, ...seconds(90) },
  // A job's automation rules against one candidate's new result: a few queries, no ATS call.
  automationsEvaluate: { name: "automations.evaluate", ...standard, ...seconds(60) },
  // One rule (created or edited) against every screened candidate of its job.
  automationsEvaluateJob: { name: "automations.evaluate-job", ...standard, ...seconds(5 * 60) },
  // One suggestion of a rule that applies on its own, sent with startAfter = the end of its delay.
  automationsApply: { name: "automations.apply", ...standard, ...seconds(60) },
  // One outbox message to the SMTP server: five retries 10 s, 20 s, 40 s … apart (about five minutes in all), then it is marked failed.
  mailSend: { name: "mail.send", ...standard, retryLimit: 5, retryDelay: 10, ...seconds(2 * 60) },
  // Hourly: deletes candidates archived longer ago than their organization's retention period.
  retention: { name: "candidates.retention", ...standard, retryLimit: 2, cron: "23 * * * *", ...seconds(30 * 60) },
  // Daily at DIGEST_HOUR_UTC: queues each member's digest of unread notifications (outbox rows, a few queries each).
  digest: { name: "mail.digest", ...standard, retryLimit: 2, cron: () => `0 ${config().mail.digestHourUtc} * * *`, ...seconds(10 * 60) },
} as const satisfies Record<string, QueueDefinition>;

/**
 * The lease of a queue's jobs (by its name or former name): every queue whose expiry is more than
 * twice the lease has one. Without it a job whose worker died waited out its queue's expiry, ten
 * minutes for a reconcile pass.
 */
export function leaseOf(queue: string): number | undefined {
  const definition: QueueDefinition | undefined = Object.values(QUEUES).find((q: QueueDefinition) => q.name === queue || q.formerName === queue);
  if (!definition) return undefined;
  return definition.expireInSeconds > 2 * LEASE_SECONDS ? LEASE_SECONDS : undefined;
}

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

interface QueueSettings {
  name: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  deadLetter?: string;
}

function settingsOf(definitions: QueueDefinition[]): QueueSettings[] {
  return definitions.map((q) => ({
    name: q.name,
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelay,
    retryBackoff: q.retryBackoff,
    expireInSeconds: q.expireInSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  }));
}

type ExistingQueue = Pick<QueueSettings, "name" | "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds"> & { deadLetter: string | null };

function upToDate(existing: ExistingQueue | undefined, wanted: QueueSettings): boolean {
  return (
    !!existing &&
    existing.retryLimit === wanted.retryLimit &&
    existing.retryDelay === wanted.retryDelay &&
    existing.retryBackoff === wanted.retryBackoff &&
    existing.expireInSeconds === wanted.expireInSeconds &&
    (existing.deadLetter ?? undefined) === wanted.deadLetter
  );
}

/**
 * Creates missing queues and brings existing ones to their current settings (a release may add a
 * queue or change an expiry). pg-boss's create_queue creates a partition and foreign keys, and two
 * processes running it at once deadlock, so the set-up runs under one PostgreSQL advisory lock: any
 * number of processes may start together, one sets up and the others find it done. A process whose
 * queues already match takes no lock.
 */
export async function ensureQueues(boss: PgBoss, definitions: QueueDefinition[] = Object.values(QUEUES)): Promise<void> {
  const wanted = settingsOf(definitions);
  const current = async () => new Map(((await boss.getQueues()) as unknown as ExistingQueue[]).map((q) => [q.name, q]));
  const before = await current();
  if (before.has(DEAD_LETTER_QUEUE) && wanted.every((q) => upToDate(before.get(q.name), q))) return;
  const setUp = () =>
    queueSetupLock(boss)(async () => {
      const existing = await current();
      // Nobody consumes the dead letters: they are the list people read and retry from, kept a month.
      if (!existing.has(DEAD_LETTER_QUEUE)) await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retentionDays: 30 });
      for (const q of wanted) {
        const found = existing.get(q.name);
        if (!found) await boss.createQueue(q.name, { ...q });
        else if (!upToDate(found, q)) await boss.updateQueue(q.name, { ...q });
      }
    });
  // pg-boss's scheduler creates its own queue when a worker starts, outside this lock, and PostgreSQL
  // ends one of two queue creations that cross with "deadlock detected": the loser, which may be this
  // set-up, runs again (it re-reads what exists, so a second pass only finishes the work).
  for (let attempt = 1; ; attempt++) {
    try {
      return await setUp();
    } catch (error) {
      if ((error as { code?: unknown }).code !== DEADLOCK_DETECTED || attempt >= SETUP_ATTEMPTS) throw error;
      log.warn("queue set-up crossed another process's queue creation; setting up again", { attempt });
    }
  }
}

const DEADLOCK_DETECTED = "40P01";
const SETUP_ATTEMPTS = 5;

export async function ensureSchedules(boss: PgBoss, definitions: QueueDefinition[] = Object.values(QUEUES)): Promise<void> {
  for (const q of definitions) {
    if (!q.cron) continue;
    await boss.schedule(q.name, typeof q.cron === "function" ? q.cron() : q.cron, {}, { tz: "UTC" });
    // A schedule under the former name would keep filling a queue nobody works.
    if (q.formerName) await boss.unschedule(q.formerName);
  }
}

/**
 * The former queues that still exist in this database (created by an earlier release): the worker
 * drains them with the same handlers, so jobs waiting there at an upgrade are not stranded.
 */
export async function formerQueues(boss: PgBoss, definitions: QueueDefinition[] = Object.values(QUEUES)): Promise<Array<{ formerName: string; name: string }>> {
  const existing = new Set(((await boss.getQueues()) as unknown as Array<{ name: string }>).map((q) => q.name));
  return definitions.flatMap((q) => (q.formerName && !q.cron && existing.has(q.formerName) ? [{ formerName: q.formerName, name: q.name }] : []));
}
