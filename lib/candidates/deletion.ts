import { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/guard";
import { fromZod, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";
import { recordDecisions } from "@/lib/decisions/record";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { AtsProvider } from "@/lib/generated/prisma/enums";

/**
 * Deleting a candidate's data: their candidacies (with the résumé text, application answers, results
 * and write-back payloads that hang off them), and every trace of their name or email in the
 * organization's activity, while the decision record stays: each result version loses its evidence
 * quotes and summary (verdicts, criteria, score and times remain, `anonymizedAt` says when), each
 * decision loses its link to the person, and one DATA_DELETED decision says that it happened.
 *
 * Idempotent: a second call for the same person finds nothing and records nothing, so a replayed
 * webhook or a retried job is harmless.
 */

export type DeletionReason = "ats" | "admin" | "retention";

const REASON_TEXT: Record<DeletionReason, string> = {
  ats: "the candidate was deleted in the ATS",
  admin: "an admin deleted the candidate's data",
  retention: "the organization's retention period passed",
};

/** What stands in for the person in messages that named them. */
export const DELETED_NAME = "a deleted candidate";

export interface DeletionRequest {
  organizationId: string;
  /** The app's candidate rows to delete. */
  candidateIds?: string[];
  /** Or the ATS's ids: the candidacy (and with `samePerson`, every candidacy of that person). */
  provider?: AtsProvider;
  externalCandidateIds?: string[];
  externalPersonId?: string | null;
  /** Also delete the person's other candidacies in the organization (a deletion in the ATS removes the person). */
  samePerson: boolean;
  reason: DeletionReason;
  actorUserId: string | null;
  /** For the activity log of a connection. */
  connectionId?: string | null;
  now?: Date;
}

export interface DeletionOutcome {
  /** Candidacies deleted. */
  deleted: number;
  /** Result versions anonymized. */
  anonymized: number;
}

interface Doomed {
  id: string;
  jobId: string;
  provider: AtsProvider;
  externalId: string;
  externalPersonId: string | null;
  name: string;
  emails: string[];
}

const DOOMED_SELECT = { id: true, jobId: true, provider: true, externalId: true, externalPersonId: true, name: true, emails: true } as const;

async function findDoomed(tx: Tx, r: DeletionRequest): Promise<Doomed[]> {
  const or: object[] = [];
  if (r.candidateIds?.length) or.push({ id: { in: r.candidateIds } });
  if (r.provider && r.externalCandidateIds?.length) or.push({ provider: r.provider, externalId: { in: r.externalCandidateIds } });
  if (r.provider && r.samePerson && r.externalPersonId) or.push({ provider: r.provider, externalPersonId: r.externalPersonId });
  if (or.length === 0) return [];
  const found = await tx.candidate.findMany({ where: { organizationId: r.organizationId, OR: or }, select: DOOMED_SELECT });
  if (!r.samePerson) return found;
  // The person behind a candidacy named by id: their other candidacies go too.
  const people = [...new Set(found.filter((c) => c.externalPersonId).map((c) => `${c.provider}\u0000${c.externalPersonId}`))];
  if (people.length === 0) return found;
  const more = await tx.candidate.findMany({
    where: {
      organizationId: r.organizationId,
      id: { notIn: found.map((c) => c.id) },
      OR: people.map((p) => {
        const [provider, externalPersonId] = p.split("\u0000") as [AtsProvider, string];
        return { provider, externalPersonId };
      }),
    },
    select: DOOMED_SELECT,
  });
  return [...found, ...more];
}

/** Strings that name the person: their full name and emails (short fragments would hit other people). */
function needlesOf(doomed: Doomed[]): string[] {
  const all = doomed.flatMap((c) => [c.name, ...c.emails]).map((s) => s.trim()).filter((s) => s.length >= 3);
  return [...new Set(all)];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function redactText(text: string, needles: string[]): string {
  let out = text;
  for (const n of needles) out = out.replace(new RegExp(escapeRegExp(n), "gi"), DELETED_NAME);
  return out;
}

/** A JSON value with every string that names the person redacted, and free-text notes dropped. */
function redactJson(value: unknown, needles: string[]): unknown {
  if (typeof value === "string") return redactText(value, needles);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, needles));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "note" && key !== "name" && key !== "email")
        .map(([key, v]) => [key, redactJson(v, needles)]),
    );
  }
  return value;
}

/** Verdicts without their evidence quotes (what the résumé said): the verdict labels stay. */
function withoutEvidence(verdicts: unknown): unknown {
  if (!Array.isArray(verdicts)) return [];
  return verdicts.map((v) => {
    if (!v || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).filter(([key]) => key !== "evidence"));
  });
}

async function deleteInTx(tx: Tx, r: DeletionRequest, now: Date): Promise<DeletionOutcome> {
  const doomed = await findDoomed(tx, r);
  if (doomed.length === 0) return { deleted: 0, anonymized: 0 };
  const ids = doomed.map((c) => c.id);
  const externalIds = doomed.map((c) => c.externalId);
  const needles = needlesOf(doomed);
  const { organizationId } = r;

  const versions = await tx.screeningResultVersion.findMany({ where: { organizationId, candidateId: { in: ids } }, select: { id: true, verdicts: true } });
  for (const v of versions) {
    await tx.screeningResultVersion.update({
      where: { id: v.id },
      data: { summary: "", verdicts: withoutEvidence(v.verdicts) as object, anonymizedAt: now, candidateId: null },
    });
  }

  const decisions = await tx.decision.findMany({ where: { organizationId, candidateId: { in: ids } }, select: { id: true, details: true } });
  for (const d of decisions) {
    await tx.decision.update({
      where: { id: d.id },
      data: { candidateId: null, details: d.details == null ? undefined : (redactJson(d.details, needles) as object) },
    });
  }

  // The activity log: entries about these candidacies (by the app's id or the ATS's) and any message
  // that names the person keep what happened, not who it happened to.
  const logs = await tx.auditLog.findMany({
    where: {
      organizationId,
      OR: [
        ...[...ids, ...externalIds].map((id) => ({ details: { path: ["candidateId"], equals: id } })),
        ...needles.map((n) => ({ message: { contains: n, mode: "insensitive" as const } })),
      ],
    },
    select: { id: true, message: true, details: true },
  });
  for (const l of logs) {
    await tx.auditLog.update({
      where: { id: l.id },
      data: { message: redactText(l.message, needles), details: l.details == null ? undefined : (redactJson(l.details, needles) as object) },
    });
  }

  const deliveries = await tx.webhookDelivery.findMany({
    where: { organizationId, OR: [{ externalCandidateId: { in: externalIds } }, ...needles.map((n) => ({ outcome: { contains: n, mode: "insensitive" as const } }))] },
    select: { id: true, outcome: true, lastError: true },
  });
  for (const d of deliveries) {
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: { outcome: d.outcome == null ? null : redactText(d.outcome, needles), lastError: d.lastError == null ? null : redactText(d.lastError, needles) },
    });
  }

  // The rows themselves; results and write-back actions go with them (ON DELETE CASCADE).
  await tx.candidate.deleteMany({ where: { organizationId, id: { in: ids } } });

  const jobIds = [...new Set(doomed.map((c) => c.jobId))];
  await recordDecisions(tx, [
    {
      organizationId,
      jobId: jobIds.length === 1 ? jobIds[0]! : null,
      kind: "DATA_DELETED",
      actorUserId: r.actorUserId,
      details: { reason: r.reason, candidacies: doomed.length, resultVersions: versions.length, jobIds },
    },
  ]);
  await audit(tx, {
    organizationId,
    actorUserId: r.actorUserId,
    connectionId: r.connectionId ?? null,
    action: "candidate.data_deleted",
    message: `Deleted the data of a candidate (${doomed.length === 1 ? "1 candidacy" : `${doomed.length} candidacies`}) because ${REASON_TEXT[r.reason]}; the anonymized decision record is kept`,
    details: { reason: r.reason, candidacies: doomed.length, resultVersions: versions.length },
  });
  return { deleted: doomed.length, anonymized: versions.length };
}

/** Deletes the person's data in one transaction (see the module comment). */
export async function deleteCandidateData(request: DeletionRequest, prisma?: Prisma): Promise<DeletionOutcome> {
  const client = prisma ?? (await db());
  const now = request.now ?? new Date();
  return client.$transaction((tx) => deleteInTx(tx, request, now), { timeout: 60_000 });
}

const RETENTION_BATCH = 100;

/**
 * The retention job: in each organization with a retention period, deletes the candidates archived
 * longer ago than that (only those: the person's other, active candidacies stay). `now` is injected
 * so tests drive the clock.
 */
export async function runRetention(now: Date = new Date(), prisma?: Prisma): Promise<{ organizations: number; deleted: number }> {
  const client = prisma ?? (await db());
  const orgs = await client.organization.findMany({ where: { retentionDays: { not: null } }, select: { id: true, retentionDays: true } });
  let deleted = 0;
  for (const org of orgs) {
    const cutoff = new Date(now.getTime() - org.retentionDays! * 86_400_000);
    for (;;) {
      const due = await client.candidate.findMany({
        where: { organizationId: org.id, archivedAt: { lt: cutoff } },
        select: { id: true },
        orderBy: { archivedAt: "asc" },
        take: RETENTION_BATCH,
      });
      if (due.length === 0) break;
      for (const c of due) {
        deleted += (await deleteCandidateData({ organizationId: org.id, candidateIds: [c.id], samePerson: false, reason: "retention", actorUserId: null, now }, client)).deleted;
      }
      if (due.length < RETENTION_BATCH) break;
    }
  }
  return { organizations: orgs.length, deleted };
}

const DeleteInput = z.object({ confirm: z.literal(true, { error: "Confirm the deletion: send {\"confirm\": true}" }) });

/** What the confirm dialog names before an admin deletes a candidate's data. */
export async function deletionPreview(organizationId: string, candidateId: string): Promise<{ candidacies: number; jobs: string[] }> {
  const prisma = await db();
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({ where: { id: candidateId, organizationId }, select: { id: true, provider: true, externalPersonId: true } })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  const rows = await prisma.candidate.findMany({
    where: {
      organizationId,
      OR: [{ id: candidate.id }, ...(candidate.externalPersonId ? [{ provider: candidate.provider, externalPersonId: candidate.externalPersonId }] : [])],
    },
    select: { job: { select: { title: true } } },
  });
  return { candidacies: rows.length, jobs: [...new Set(rows.map((r) => r.job.title))] };
}

/** The candidate page's "Delete candidate data" (admins): this person's candidacies in the organization. */
export async function deleteCandidateByAdmin(org: OrgContext, candidateId: string, input: unknown): Promise<DeletionOutcome> {
  const parsed = DeleteInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const candidate = isOwnId(candidateId) ? await prisma.candidate.findFirst({ where: { id: candidateId, organizationId: org.organizationId }, select: { id: true } }) : null;
  if (!candidate) throw notFound("Candidate not found");
  return deleteCandidateData({ organizationId: org.organizationId, candidateIds: [candidate.id], samePerson: true, reason: "admin", actorUserId: org.userId });
}

const RetentionInput = z.object({
  days: z
    .number({ error: "Enter the number of days as a whole number, or turn retention off" })
    .int({ error: "Enter the number of days as a whole number" })
    .min(7, { error: "Keep archived candidates at least 7 days" })
    .max(3650, { error: "Enter at most 3650 days (10 years)" })
    .nullable(),
});

/** The organization's retention period: `{days: N}` deletes candidates archived more than N days ago; `{days: null}` turns it off. */
export async function saveRetention(org: OrgContext, input: unknown): Promise<{ days: number | null }> {
  const parsed = RetentionInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { days } = parsed.data;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: org.organizationId }, data: { retentionDays: days } });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "settings.retention_updated",
      message: days === null ? `${org.userEmail} turned the retention period off` : `${org.userEmail} set the retention period to ${days} days after archiving`,
      details: { days },
    });
  });
  return { days };
}

export async function retentionOf(organizationId: string): Promise<{ days: number | null }> {
  const row = await (await db()).organization.findUniqueOrThrow({ where: { id: organizationId }, select: { retentionDays: true } });
  return { days: row.retentionDays };
}
