-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "humanReviewNote" TEXT,
ADD COLUMN     "humanReviewRequestedAt" TIMESTAMP(3),
ADD COLUMN     "humanReviewRequestedById" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "candidateNotice" TEXT;
