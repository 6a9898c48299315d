import { audit } from "@/lib/audit";
import type { Prisma } from "@/lib/db/client";

/**
 * How screening treats candidates who asked for a human review: the screening jobs skip them (and say
 * why), and the job's progress does not count them as waiting to be screened, since no job will.
 */

/**
 * The screening job's answer for a candidate who asked for a human review and whose screening no
 * person confirmed: nothing is screened, and the skip is recorded with its reason.
 */
export async function skipForHumanReview(prisma: Prisma, candidate: { id: string; organizationId: string; jobId: string }): Promise<"human_review"> {
  await audit(prisma, {
    organizationId: candidate.organizationId,
    action: "screening.skipped",
    message: "Automatic screening skipped a candidate who asked for a human review",
    details: { candidateId: candidate.id, jobId: candidate.jobId, reason: "human_review_requested" },
  });
  return "human_review";
}

/** A job's candidates who asked for a human review: those never screened, and those screened with other criteria. */
export async function heldForHumanReview(prisma: Prisma, organizationId: string, jobId: string, currentHash: string): Promise<{ unscreened: number; stale: number }> {
  const held = { not: null };
  const [unscreened, stale] = await Promise.all([
    prisma.candidate.count({ where: { organizationId, jobId, humanReviewRequestedAt: held, screeningResults: { none: {} } } }),
    prisma.screeningResult.count({ where: { organizationId, criteriaHash: { not: currentHash }, candidate: { is: { jobId, humanReviewRequestedAt: held } } } }),
  ]);
  return { unscreened, stale };
}
