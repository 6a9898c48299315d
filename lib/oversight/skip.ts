import type { Prisma } from "@/lib/db/client";

/**
 * The screening job's answer for a candidate who asked for a human review and whose screening no
 * person confirmed: nothing is screened, and the skip is recorded with its reason.
 */
export async function skipForHumanReview(prisma: Prisma, candidate: { id: string; organizationId: string; jobId: string }): Promise<"human_review"> {
  await prisma.auditLog.create({
    data: {
      organizationId: candidate.organizationId,
      action: "screening.skipped",
      message: "Automatic screening skipped a candidate who asked for a human review",
      details: { candidateId: candidate.id, jobId: candidate.jobId, reason: "human_review_requested" },
    },
  });
  return "human_review";
}
