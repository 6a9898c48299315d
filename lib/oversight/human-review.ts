import { audit } from "@/lib/audit";
import { recordDecisions } from "@/lib/decisions/record";
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, conflict, fromZod, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/definitions";
import { jobCriteria } from "@/lib/screening/criteria";
import { requestCandidateScreening, type ScreenCandidateJob } from "@/lib/screening/run";

/**
 * Candidates who asked for a human review. A recruiter marks them (who and when go to the audit log);
 * from then on no screening job scores them: every automatic run skips them and records why, and a
 * person's Re-screen goes ahead only once it is confirmed.
 */

export const MAX_REVIEW_NOTE = 300;

/** The error code the candidate page's Re-screen recognizes to ask for confirmation. */
export const HUMAN_REVIEW_CONFIRM = "human_review_requested";

const HumanReviewInput = z.object({
  requested: z.boolean({ error: "Choose whether the candidate asked for a review by a person" }),
  note: z
    .string({ error: "Write the note as text" })
    .max(MAX_REVIEW_NOTE, { error: `Keep the note under ${MAX_REVIEW_NOTE} characters` })
    .nullish()
    .transform((s) => s?.replace(/\s+/g, " ").trim() || null),
});

export interface HumanReviewView {
  requestedAt: Date;
  requestedBy: string | null;
  note: string | null;
}

async function ownCandidate(prisma: Prisma, organizationId: string, candidateId: string) {
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({
        where: { id: candidateId, organizationId },
        select: { id: true, name: true, jobId: true, humanReviewRequestedAt: true, humanReviewRequestedById: true, humanReviewNote: true },
      })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  return candidate;
}

/** Marks or clears "asked for human review" on one of the organization's candidates. */
export async function setHumanReview(org: OrgContext, candidateId: string, input: unknown): Promise<{ humanReview: HumanReviewView | null }> {
  const parsed = HumanReviewInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const candidate = await ownCandidate(prisma, org.organizationId, candidateId);
  const { requested, note } = parsed.data;
  // Marking twice keeps the first request's time: that is when the candidate asked.
  const unchanged = requested ? candidate.humanReviewRequestedAt !== null && candidate.humanReviewNote === note : candidate.humanReviewRequestedAt === null;
  if (!unchanged) {
    const data = requested
      ? { humanReviewRequestedAt: candidate.humanReviewRequestedAt ?? new Date(), humanReviewRequestedById: candidate.humanReviewRequestedById ?? org.userId, humanReviewNote: note }
      : { humanReviewRequestedAt: null, humanReviewRequestedById: null, humanReviewNote: null };
    await prisma.$transaction(async (tx) => {
      await tx.candidate.updateMany({ where: { id: candidate.id, organizationId: org.organizationId }, data });
      await recordDecisions(tx, [
        {
          organizationId: org.organizationId,
          candidateId: candidate.id,
          jobId: candidate.jobId,
          kind: requested ? "HUMAN_REVIEW_REQUESTED" : "HUMAN_REVIEW_CLEARED",
          actorUserId: org.userId,
          details: note ? { note } : {},
        },
      ]);
      await audit(tx, {
        organizationId: org.organizationId,
        actorUserId: org.userId,
        action: requested ? "candidate.human_review_requested" : "candidate.human_review_cleared",
        message: requested
          ? `${org.userEmail} marked ${candidate.name} as having asked for a human review${note ? ` (${note})` : ""}: automatic screening is off for this candidate`
          : `${org.userEmail} cleared ${candidate.name}'s request for a human review: automatic screening applies again`,
        details: { candidateId: candidate.id, jobId: candidate.jobId, ...(note ? { note } : {}) },
      });
    });
  }
  return { humanReview: await humanReviewOf(org.organizationId, candidate.id) };
}

/** The candidate's request, with the name of the person who recorded it; null when there is none. */
export async function humanReviewOf(organizationId: string, candidateId: string): Promise<HumanReviewView | null> {
  const prisma = await db();
  const candidate = await ownCandidate(prisma, organizationId, candidateId);
  if (!candidate.humanReviewRequestedAt) return null;
  const by = candidate.humanReviewRequestedById
    ? await prisma.user.findFirst({
        where: { id: candidate.humanReviewRequestedById, memberships: { some: { organizationId } } },
        select: { name: true, email: true },
      })
    : null;
  return { requestedAt: candidate.humanReviewRequestedAt, requestedBy: by ? (by.name ?? by.email) : null, note: candidate.humanReviewNote };
}

/** Which of these candidates asked for a human review (for badges on a list). */
export async function humanReviewIds(organizationId: string, candidateIds: string[]): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const rows = await (await db()).candidate.findMany({
    where: { organizationId, id: { in: candidateIds }, humanReviewRequestedAt: { not: null } },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * The candidate page's Re-screen. For a candidate who asked for a human review it needs
 * `{confirmHumanReview: true}`: without it the answer is a 409 the page turns into a question; with it
 * the screening runs once, recorded with the person who confirmed it.
 */
export async function requestCandidateRescreen(org: OrgContext, candidateId: string, input: unknown): Promise<{ queued: boolean }> {
  const parsed = z.object({ confirmHumanReview: z.boolean({ error: "Confirm whether to screen a candidate who asked for a review by a person" }).optional() }).safeParse(input ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const candidate = await ownCandidate(prisma, org.organizationId, candidateId);
  if (!candidate.humanReviewRequestedAt) return requestCandidateScreening(org, candidate.id);
  if (!parsed.data.confirmHumanReview) {
    throw new AppError(409, HUMAN_REVIEW_CONFIRM, `${candidate.name} asked for a human review, so they are not screened automatically. Confirm to screen them anyway.`);
  }
  if ((await jobCriteria(prisma, org.organizationId, candidate.jobId)).length === 0) throw conflict("This job has no screening criteria yet. Add criteria first, then screen.");
  await enqueue(QUEUES.screeningRun.name, { organizationId: org.organizationId, candidateId: candidate.id, humanReviewConfirmedBy: org.userId } satisfies ScreenCandidateJob);
  await prisma.$transaction((tx) =>
    recordDecisions(tx, [{ organizationId: org.organizationId, candidateId: candidate.id, jobId: candidate.jobId, kind: "RESCREEN", actorUserId: org.userId, details: { confirmedHumanReview: true } }]),
  );
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    action: "screening.human_review_overridden",
    message: `${org.userEmail} confirmed screening ${candidate.name}, who asked for a human review`,
    details: { candidateId: candidate.id, jobId: candidate.jobId },
  });
  return { queued: true };
}
