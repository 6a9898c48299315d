-- Restoring a rejected candidate is written to the ATS as its own kind of action.
ALTER TYPE "WriteBackKind" ADD VALUE 'UNARCHIVE';

-- CreateTable
CREATE TABLE "CandidateActionBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "WriteBackKind" NOT NULL,
    "previous" JSONB NOT NULL,
    "undoUntil" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateActionBatch_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "WriteBackAction" ADD COLUMN "batchId" TEXT;

-- CreateIndex
CREATE INDEX "CandidateActionBatch_organizationId_createdAt_idx" ON "CandidateActionBatch"("organizationId", "createdAt");
CREATE INDEX "WriteBackAction_batchId_idx" ON "WriteBackAction"("batchId");

-- AddForeignKey
ALTER TABLE "CandidateActionBatch" ADD CONSTRAINT "CandidateActionBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WriteBackAction" ADD CONSTRAINT "WriteBackAction_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CandidateActionBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
