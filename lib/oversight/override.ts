import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { conflict, fromZod, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";
import type { StoredVerdict } from "@/lib/screening/run";
import { VERDICTS, type Verdict } from "@/lib/screening/types";
import { recordDecisions } from "@/lib/decisions/record";

/**
 * A person's own verdict on one criterion of a candidate's current result (EU AI Act article 14: a
 * person can disregard or override the AI's output). It is a Decision of kind OVERRIDE linked to the
 * result version it disagrees with; the version itself is never changed, so the record keeps both
 * what the AI said and what the person judged, side by side.
 */

export const MIN_OVERRIDE_REASON = 10;
export const MAX_OVERRIDE_REASON = 500;

const OverrideInput = z.object({
  criterionId: z.string({ error: "Choose the criterion" }).min(1, { error: "Choose the criterion" }).max(50, { error: "That criterion is not in this result" }),
  verdict: z.enum(VERDICTS as [Verdict, ...Verdict[]], { error: "Choose Met, Partly met, Not met or Needs review" }),
  reason: z
    .string({ error: "Write why you judge it differently" })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(MIN_OVERRIDE_REASON, { error: `Write why you judge it differently, in at least ${MIN_OVERRIDE_REASON} characters` })
        .max(MAX_OVERRIDE_REASON, { error: `Keep the reason under ${MAX_OVERRIDE_REASON} characters` }),
    ),
});

export interface OverrideView {
  criterionId: string;
  verdict: Verdict;
  aiVerdict: Verdict;
  reason: string;
  by: string | null;
  at: Date;
}

/** Records the person's verdict on one criterion of the candidate's current result version. */
export async function overrideVerdict(org: OrgContext, candidateId: string, input: unknown): Promise<{ override: OverrideView }> {
  const parsed = OverrideInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({ where: { id: candidateId, organizationId: org.organizationId }, select: { id: true, name: true, jobId: true } })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  const result = await prisma.screeningResult.findFirst({ where: { organizationId: org.organizationId, candidateId: candidate.id }, select: { versionId: true, verdicts: true } });
  if (!result?.versionId) throw conflict(`${candidate.name} has no screening result to override yet. Screen them first.`);
  const verdicts = (Array.isArray(result.verdicts) ? result.verdicts : []) as unknown as StoredVerdict[];
  const ai = verdicts.find((v) => v.criterionId === parsed.data.criterionId);
  if (!ai) throw notFound("That criterion is not in this candidate's result. Reload the page.");
  const { verdict, reason } = parsed.data;
  await prisma.$transaction(async (tx) => {
    await recordDecisions(tx, [
      {
        organizationId: org.organizationId,
        candidateId: candidate.id,
        jobId: candidate.jobId,
        kind: "OVERRIDE",
        actorUserId: org.userId,
        details: { criterionId: ai.criterionId, criterion: ai.text, aiVerdict: ai.verdict, verdict, reason },
      },
    ]);
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "screening.verdict_overridden",
      message: `${org.userEmail} judged “${ai.text}” as ${verdict} for ${candidate.name} (the AI said ${ai.verdict}) because: ${reason}`,
      details: { candidateId: candidate.id, jobId: candidate.jobId, criterionId: ai.criterionId },
    });
  });
  const overrides = await currentOverrides(org.organizationId, candidate.id);
  return { override: overrides.get(ai.criterionId)! };
}

/**
 * The latest override of each criterion on the candidate's current result version, by criterion id;
 * overrides of an earlier version no longer apply once the candidate was screened again.
 */
export async function currentOverrides(organizationId: string, candidateId: string): Promise<Map<string, OverrideView>> {
  const prisma = await db();
  const result = await prisma.screeningResult.findFirst({ where: { organizationId, candidateId }, select: { versionId: true } });
  if (!result?.versionId) return new Map();
  const rows = await prisma.decision.findMany({
    where: { organizationId, candidateId, kind: "OVERRIDE", resultVersionId: result.versionId },
    orderBy: { createdAt: "asc" },
    select: { details: true, actorUserId: true, createdAt: true },
  });
  const names = await userNames(organizationId, rows.map((r) => r.actorUserId));
  const out = new Map<string, OverrideView>();
  for (const r of rows) {
    const d = r.details as { criterionId: string; verdict: Verdict; aiVerdict: Verdict; reason: string };
    out.set(d.criterionId, { criterionId: d.criterionId, verdict: d.verdict, aiVerdict: d.aiVerdict, reason: d.reason, by: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null, at: r.createdAt });
  }
  return out;
}

/** Display names of the organization's members among these user ids (someone who left shows as unknown). */
export async function userNames(organizationId: string, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const users = await (await db()).user.findMany({
    where: { id: { in: wanted }, memberships: { some: { organizationId } } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.name ?? u.email] as const));
}
