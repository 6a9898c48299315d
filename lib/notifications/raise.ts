import { randomUUID } from "node:crypto";
import { visibleJobs } from "@/lib/auth/job-access";
import { isAdminRole } from "@/lib/auth/roles";
import type { Prisma, Tx } from "@/lib/db/client";
import type { NotificationKind, WriteBackKind } from "@/lib/generated/prisma/enums";

/**
 * Raising notifications from the code paths where things happen: a new applicant on a followed job
 * (in the transaction that creates the candidate), an import run that ended, a write-back that failed
 * for good (in the transaction that marks it FAILED). Nobody hears of a job they may not see.
 */

type Client = Prisma | Tx;

export interface NotificationInput {
  organizationId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  jobId?: string | null;
  candidateId?: string | null;
  /** The event, unique per member: raising it again notifies nobody. */
  dedupeKey: string;
  /**
   * Events with this key add to the member's unread notification of the same key, whose title then
   * becomes the new count followed by `titleAfterCount`; it no longer names one candidate.
   */
  coalesce?: { key: string; titleAfterCount: string; body: string | null; link: string | null };
}

/** Notifies each member once; returns how many notifications were created or added to. */
export async function raise(client: Client, userIds: string[], input: NotificationInput): Promise<number> {
  if (userIds.length === 0) return 0;
  const { organizationId, kind, title, dedupeKey, coalesce } = input;
  const body = input.body ?? null;
  const link = input.link ?? null;
  const jobId = input.jobId ?? null;
  const candidateId = input.candidateId ?? null;
  if (!coalesce) {
    const { count } = await client.notification.createMany({
      data: userIds.map((userId) => ({ organizationId, userId, kind, title, body, link, jobId, candidateId, dedupeKey })),
      skipDuplicates: true,
    });
    return count;
  }
  let raised = 0;
  // Stored as Prisma stores DateTime: UTC without a zone, whatever the session's time zone.
  const now = new Date().toISOString();
  for (const userId of userIds) {
    // One statement, so two events at once cannot both start a notification: the second one's insert
    // meets the first's unread row on the coalescing key and adds to it.
    raised += await client.$executeRaw`
      INSERT INTO "Notification" ("id", "organizationId", "userId", "kind", "title", "body", "link", "jobId", "candidateId", "dedupeKey", "coalesceKey", "lastEventAt", "createdAt")
      SELECT ${randomUUID().replaceAll("-", "")}, ${organizationId}, ${userId}, ${kind}::"NotificationKind", ${title}::text, ${body}::text, ${link}::text,
             ${jobId}::text, ${candidateId}::text, ${dedupeKey}::text, ${coalesce.key}::text,
             (${now}::timestamptz AT TIME ZONE 'UTC'), (${now}::timestamptz AT TIME ZONE 'UTC')
      WHERE NOT EXISTS (SELECT 1 FROM "Notification" WHERE "organizationId" = ${organizationId} AND "userId" = ${userId} AND "dedupeKey" = ${dedupeKey})
      ON CONFLICT ("organizationId", "userId", "coalesceKey") DO UPDATE SET
        "count" = "Notification"."count" + 1,
        "title" = ("Notification"."count" + 1)::text || ${coalesce.titleAfterCount}::text,
        "body" = ${coalesce.body}::text,
        "link" = ${coalesce.link}::text,
        "candidateId" = NULL,
        "lastEventAt" = (${now}::timestamptz AT TIME ZONE 'UTC')`;
  }
  return raised;
}

/** The members among `userIds` who may see the job (`visibleJobs`); anyone not a member is left out. */
export async function membersWhoSee(client: Client, organizationId: string, jobId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const members = await client.membership.findMany({ where: { organizationId, userId: { in: userIds } }, select: { userId: true, role: true } });
  const seeing: string[] = [];
  for (const m of members) {
    const visible = await client.job.count({ where: { id: jobId, ...visibleJobs({ organizationId, userId: m.userId, role: m.role }) } });
    if (visible > 0) seeing.push(m.userId);
  }
  return seeing;
}

const candidatePath = (jobId: string, candidateId: string) => `/jobs/${jobId}/candidates/${candidateId}`;

/** A candidate just created on a job: its followers hear of it, several arrivals as one "N new applicants". */
export async function announceNewApplicant(tx: Client, target: { organizationId: string; jobId: string; candidateId: string }): Promise<void> {
  const { organizationId, jobId, candidateId } = target;
  const follows = await tx.jobFollow.findMany({ where: { organizationId, jobId }, select: { userId: true } });
  if (follows.length === 0) return;
  const job = await tx.job.findFirst({ where: { id: jobId, organizationId }, select: { title: true } });
  if (!job) return;
  const users = await membersWhoSee(tx, organizationId, jobId, follows.map((f) => f.userId));
  await raise(tx, users, {
    organizationId,
    kind: "NEW_APPLICANTS",
    title: `New applicant on ${job.title}`,
    link: candidatePath(jobId, candidateId),
    jobId,
    candidateId,
    dedupeKey: `new-applicant:${candidateId}`,
    coalesce: { key: `new-applicants:${jobId}`, titleAfterCount: ` new applicants on ${job.title}`, body: null, link: `/jobs/${jobId}` },
  });
}

/** An applicant import that ended on its own (succeeded or failed) is told to the member who started it. */
export async function announceImportFinished(client: Client, runId: string): Promise<void> {
  const run = await client.importRun.findUnique({
    where: { id: runId },
    select: { organizationId: true, jobId: true, status: true, startedById: true, done: true, created: true, updated: true, failed: true, lastError: true, job: { select: { title: true } } },
  });
  if (!run?.startedById || !run.jobId || !run.job || (run.status !== "SUCCEEDED" && run.status !== "FAILED")) return;
  const users = await membersWhoSee(client, run.organizationId, run.jobId, [run.startedById]);
  const counts = [`${run.created} new`, `${run.updated} updated`, ...(run.failed ? [`${run.failed} failed`] : [])].join(", ");
  const applicants = `${run.done} applicant${run.done === 1 ? "" : "s"}`;
  await raise(client, users, {
    organizationId: run.organizationId,
    kind: "IMPORT_FINISHED",
    title: run.status === "SUCCEEDED" ? `Import finished: ${run.job.title}` : `Import failed: ${run.job.title}`,
    body: run.status === "SUCCEEDED" ? `${applicants}: ${counts}` : `${run.lastError ?? "The import stopped"} (${applicants} done)`,
    link: `/jobs/${run.jobId}`,
    jobId: run.jobId,
    dedupeKey: `import-run:${runId}`,
  });
}

/**
 * The ATS's refusals a recruiter can act on, in their words; the exact answer stays on the candidate
 * page's write-back history.
 */
function plainReason(status: number | null, atsLabel: string): string | null {
  if (status === 404) return `${atsLabel} no longer has this candidate: deleted or merged there.`;
  if (status === 401 || status === 403) return `${atsLabel} refused the app's access. An admin may need to reconnect ${atsLabel} in Settings → ATS.`;
  return null;
}

const writeBackWhat: Record<WriteBackKind, string> = {
  NOTE: "Screening result",
  STAGE_CHANGE: "Stage change",
  ARCHIVE: "Rejection",
  UNARCHIVE: "Restore",
};

/**
 * A write-back that failed for good: the member who decided hears of it; an automatic one (a
 * screening note, a rule applied on its own), or one whose author can no longer see the job, goes to
 * the organization's owners and admins. Several on one job while unread are one notification.
 */
export async function announceWriteBackFailure(
  tx: Client,
  action: { id: string; organizationId: string; kind: WriteBackKind; attempts: number; requestedById: string | null; lastError: string; candidate: { id: string; jobId: string } },
  ats: { label: string; status: number | null },
): Promise<void> {
  const atsLabel = ats.label;
  const { organizationId, candidate } = action;
  const job = await tx.job.findFirst({ where: { id: candidate.jobId, organizationId }, select: { title: true } });
  if (!job) return;
  let users = action.requestedById ? await membersWhoSee(tx, organizationId, candidate.jobId, [action.requestedById]) : [];
  if (users.length === 0) {
    const members = await tx.membership.findMany({ where: { organizationId }, select: { userId: true, role: true } });
    users = members.filter((m) => isAdminRole(m.role)).map((m) => m.userId);
  }
  await raise(tx, users, {
    organizationId,
    kind: "WRITEBACK_FAILED",
    title: `${writeBackWhat[action.kind]} not written to ${atsLabel}`,
    body: plainReason(ats.status, atsLabel) ?? action.lastError,
    link: candidatePath(candidate.jobId, candidate.id),
    jobId: candidate.jobId,
    candidateId: candidate.id,
    dedupeKey: `writeback-failed:${action.id}:${action.attempts}`,
    coalesce: {
      key: `writeback-failed:${candidate.jobId}`,
      titleAfterCount: ` updates not written to ${atsLabel} on ${job.title}`,
      body: "Each candidate's page shows what went wrong, with Retry.",
      link: `/jobs/${candidate.jobId}`,
    },
  });
}
