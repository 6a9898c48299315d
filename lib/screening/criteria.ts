import { audit } from "@/lib/audit";
import { recordDecisions } from "@/lib/decisions/record";
import { jobOr404 } from "@/lib/auth/job-access";
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { db, type Prisma } from "@/lib/db/client";
import { badRequest, fromZod } from "@/lib/errors";
import { draftCriteriaFromJob, type JobLike } from "./draft";
import { checkCriterion, MAX_KEPT_REASON } from "./criteria-checks";
import { criteriaHash } from "./hash";
import { MAX_SHORT_LABEL } from "./short-label";
import type { CriterionInput } from "./types";

/**
 * A job's screening criteria: drafted from the Lever posting when the job is first imported, then
 * edited by recruiters as one ordered list. Every read and write is scoped to the organization.
 */

export const MAX_CRITERIA = 40;
export const MAX_CRITERION_TEXT = 300;

const KINDS = ["REQUIRED", "PREFERRED", "NEUTRAL"] as const;
const WEIGHTS = ["LOW", "MEDIUM", "HIGH"] as const;

// Messages are about one row; lib/errors puts the row's number as shown in the editor before them.
const CriterionSchema = z.object({
  id: z.string({ error: "Reload the page: this criterion's id is not valid" }).optional(),
  text: z
    .string({ error: "Write the criterion" })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(2, { error: "Write the criterion in at least 2 characters" })
        .max(MAX_CRITERION_TEXT, { error: `Keep the criterion under ${MAX_CRITERION_TEXT} characters` }),
    ),
  kind: z.enum(KINDS, { error: "Choose Required, Preferred or Neutral" }),
  weight: z.enum(WEIGHTS, { error: "Choose a weight: Low, Medium or High" }),
  keptReason: z
    .string({ error: "Write the reason for keeping this criterion as text" })
    .max(MAX_KEPT_REASON, { error: `Keep the reason under ${MAX_KEPT_REASON} characters` })
    .nullish()
    .transform((s) => s?.replace(/\s+/g, " ").trim() || null),
  // Empty means "derive it from the text" (see short-label.ts).
  shortLabel: z
    .string({ error: "Write the short label as text" })
    .nullish()
    .transform((s) => s?.replace(/\s+/g, " ").trim() || null)
    .pipe(z.string().max(MAX_SHORT_LABEL, { error: `Keep the short label under ${MAX_SHORT_LABEL + 1} characters` }).nullable()),
});

export const CriteriaListSchema = z.object({
  criteria: z
    .array(CriterionSchema, { error: "Send the criteria as a list" })
    .max(MAX_CRITERIA, { error: `A job can have at most ${MAX_CRITERIA} criteria` }),
});
export type CriteriaList = z.infer<typeof CriteriaListSchema>;

export interface CriterionView extends CriterionInput {
  position: number;
  source: string | null;
  /** Why a criterion on a protected attribute was kept (see criteria-checks.ts). */
  keptReason: string | null;
  /** The recruiter's column label; null when it is derived from the text. */
  shortLabel: string | null;
}

const requireJob = (_prisma: Prisma, organizationId: string, jobId: string) => jobOr404({ organizationId }, jobId, { id: true });

export async function jobCriteria(prisma: Prisma, organizationId: string, jobId: string): Promise<CriterionView[]> {
  return prisma.screeningCriterion.findMany({
    where: { organizationId, jobId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, text: true, kind: true, weight: true, position: true, source: true, keptReason: true, shortLabel: true },
  });
}

export async function listCriteria(org: OrgContext, jobId: string): Promise<{ criteria: CriterionView[]; criteriaHash: string }> {
  const prisma = await db();
  await requireJob(prisma, org.organizationId, jobId);
  const criteria = await jobCriteria(prisma, org.organizationId, jobId);
  return { criteria, criteriaHash: criteriaHash(criteria) };
}

/**
 * Replaces the job's criteria with the given ordered list: items with an id update that criterion,
 * items without one are added, criteria left out are removed. Ids must be this job's own; a
 * duplicate or unknown id is refused with nothing changed. A criterion on a protected attribute (or a
 * proxy for one) is refused unless it comes with a reason; the reason is stored on the criterion and
 * in the audit entry, and dropped once the wording no longer needs one.
 */
export async function replaceCriteria(org: OrgContext, jobId: string, input: unknown): Promise<{ criteria: CriterionView[]; criteriaHash: string; changed: boolean }> {
  const parsed = CriteriaListSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  await requireJob(prisma, org.organizationId, jobId);
  const wanted = parsed.data.criteria;
  const ids = wanted.flatMap((c) => (c.id ? [c.id] : []));
  // Rows are named by their number as the editor shows them (from 1).
  const row = (i: number) => `Criterion ${i + 1}`;
  const duplicate = wanted.findIndex((c, i) => c.id && wanted.findIndex((d) => d.id === c.id) !== i);
  if (duplicate >= 0) {
    const first = wanted.findIndex((d) => d.id === wanted[duplicate]!.id);
    throw badRequest(`${row(duplicate)} appears twice in the list (also as criterion ${first + 1}). Reload the page and edit again.`, {
      [`criteria.${duplicate}.text`]: [`Also listed as criterion ${first + 1}`],
    });
  }
  const texts = wanted.map((c) => c.text.toLowerCase());
  const repeated = wanted.findIndex((c, i) => texts.indexOf(c.text.toLowerCase()) !== i);
  if (repeated >= 0) {
    const first = texts.indexOf(texts[repeated]!);
    throw badRequest(`Criteria ${first + 1} and ${repeated + 1} are the same ("${wanted[repeated]!.text}"): merge them or remove one.`, {
      [`criteria.${repeated}.text`]: [`Same as criterion ${first + 1}`],
    });
  }
  const kept = keptProtected(wanted);

  const before = await jobCriteria(prisma, org.organizationId, jobId);
  const known = new Set(before.map((c) => c.id));
  const unknown = wanted.findIndex((c) => c.id && !known.has(c.id));
  if (unknown >= 0) {
    throw badRequest(`${row(unknown)} is no longer one of this job's criteria (someone may have removed it). Reload the page and edit again.`, {
      [`criteria.${unknown}.text`]: ["No longer one of this job's criteria"],
    });
  }

  await prisma.$transaction(async (tx) => {
    const keep = new Set(ids);
    const removed = before.filter((c) => !keep.has(c.id)).map((c) => c.id);
    if (removed.length) await tx.screeningCriterion.deleteMany({ where: { organizationId: org.organizationId, jobId, id: { in: removed } } });
    for (const [position, c] of wanted.entries()) {
      const data = { text: c.text, kind: c.kind, weight: c.weight, position, keptReason: kept.get(position)?.reason ?? null, shortLabel: c.shortLabel };
      if (c.id) await tx.screeningCriterion.updateMany({ where: { organizationId: org.organizationId, jobId, id: c.id }, data });
      else await tx.screeningCriterion.create({ data: { ...data, organizationId: org.organizationId, jobId, source: "recruiter" } });
    }
    const changes = criteriaChanges(before, wanted);
    if (changes.added.length || changes.removed.length || changes.changed.length || changes.reordered) {
      await recordDecisions(tx, [
        {
          organizationId: org.organizationId,
          jobId,
          kind: "CRITERIA_EDIT",
          actorUserId: org.userId,
          details: { ...changes, count: wanted.length, ...(kept.size ? { keptProtected: [...kept.values()] } : {}) },
        },
      ]);
    }
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "criteria.updated",
      message:
        `${org.userEmail} edited the screening criteria of a job (${wanted.length} criteria)` +
        (kept.size ? `, keeping ${[...kept.values()].map((k) => `“${k.text}” (${k.attribute}) because: ${k.reason}`).join("; ")}` : ""),
      details: { jobId, ...(kept.size ? { keptProtected: [...kept.values()] } : {}) },
    });
  });
  const criteria = await jobCriteria(prisma, org.organizationId, jobId);
  const hash = criteriaHash(criteria);
  return { criteria, criteriaHash: hash, changed: hash !== criteriaHash(before) };
}

type CriterionFields = { text: string; kind: string; weight: string };

/**
 * What a save changed, for the decision record: criteria added and removed by their wording, and the
 * fields of the kept ones that differ (an auditor reads "Python became required", not two lists).
 */
export function criteriaChanges(before: Array<CriterionFields & { id: string }>, after: Array<CriterionFields & { id?: string }>) {
  const old = new Map(before.map((c) => [c.id, c] as const));
  const keptIds = new Set(after.flatMap((c) => (c.id ? [c.id] : [])));
  const changed: Array<{ text: string; from: Partial<CriterionFields>; to: Partial<CriterionFields> }> = [];
  for (const c of after) {
    const was = c.id ? old.get(c.id) : undefined;
    if (!was) continue;
    const from: Partial<CriterionFields> = {};
    const to: Partial<CriterionFields> = {};
    for (const field of ["text", "kind", "weight"] as const) {
      if (was[field] !== c[field]) {
        from[field] = was[field];
        to[field] = c[field];
      }
    }
    if (Object.keys(to).length) changed.push({ text: c.text, from, to });
  }
  const order = (list: Array<{ id?: string }>) => list.flatMap((c) => (c.id && keptIds.has(c.id) && old.has(c.id) ? [c.id] : [])).join();
  return {
    added: after.filter((c) => !c.id).map(({ text, kind, weight }) => ({ text, kind, weight })),
    removed: before.filter((c) => !keptIds.has(c.id)).map(({ text, kind, weight }) => ({ text, kind, weight })),
    changed,
    reordered: order(before) !== order(after),
  };
}

/**
 * The criteria on a protected attribute, by position, with their reasons; throws a 400 naming the
 * first one (numbered as the editor numbers its rows) that has no usable reason.
 */
function keptProtected(wanted: CriteriaList["criteria"]): Map<number, { row: number; text: string; attribute: string; reason: string }> {
  const kept = new Map<number, { row: number; text: string; attribute: string; reason: string }>();
  for (const [i, c] of wanted.entries()) {
    const check = checkCriterion(c.text, c.keptReason);
    if (!check.protected) continue;
    if (check.needsReason) {
      const why = check.reasonTooShort ? "The reason given is too short to explain it" : "Give a reason to keep it, or remove it";
      const message = `Criterion ${i + 1} (“${c.text}”) refers to ${check.protected.attribute}, a protected attribute${check.protected.proxy ? " (through a proxy)" : ""}. ${why}.`;
      throw badRequest(message, { [`criteria.${i}.keptReason`]: [check.protected.message] });
    }
    kept.set(i, { row: i + 1, text: c.text, attribute: check.protected.attribute, reason: c.keptReason! });
  }
  return kept;
}

/**
 * Drafts criteria for a newly imported job from its posting. The job row is locked first, so two
 * imports of the same posting racing (a webhook and a manual import) draft once.
 */
export async function draftCriteriaForNewJob(prisma: Prisma, target: { organizationId: string; jobId: string }, job: JobLike): Promise<number> {
  const drafts = draftCriteriaFromJob(job);
  if (drafts.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${target.jobId} AND "organizationId" = ${target.organizationId} FOR UPDATE`;
    if ((await tx.screeningCriterion.count({ where: { organizationId: target.organizationId, jobId: target.jobId } })) > 0) return 0;
    await tx.screeningCriterion.createMany({
      data: drafts.slice(0, MAX_CRITERIA).map((d, position) => ({
        organizationId: target.organizationId,
        jobId: target.jobId,
        text: d.text.slice(0, MAX_CRITERION_TEXT),
        kind: d.kind,
        weight: d.weight,
        position,
        source: d.source,
      })),
    });
    return Math.min(drafts.length, MAX_CRITERIA);
  });
}
