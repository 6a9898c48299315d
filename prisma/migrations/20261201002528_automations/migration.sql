-- Automations: per-job rules on screening results, and the suggestions a person confirms or dismisses.
-- CreateEnum
CREATE TYPE "AutomationMode" AS ENUM ('SUGGEST', 'AUTO_AFTER_DELAY');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISMISSED', 'APPLIED', 'CANCELLED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "AutomationRule" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "condition" JSONB NOT NULL,
    "action" TEXT NOT NULL,
    "stageId" TEXT,
    "archiveReasonId" TEXT,
    "mode" "AutomationMode" NOT NULL DEFAULT 'SUGGEST',
    "delayMinutes" INTEGER,
    "maxStageId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutomationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationSuggestion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "resultVersionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "stageId" TEXT,
    "archiveReasonId" TEXT,
    "trigger" JSONB NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "applyAfter" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutomationSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AutomationRule_organizationId_jobId_idx" ON "AutomationRule"("organizationId", "jobId");

-- CreateIndex
CREATE INDEX "AutomationSuggestion_organizationId_status_createdAt_idx" ON "AutomationSuggestion"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationSuggestion_organizationId_jobId_status_idx" ON "AutomationSuggestion"("organizationId", "jobId", "status");

-- CreateIndex
CREATE INDEX "AutomationSuggestion_candidateId_status_idx" ON "AutomationSuggestion"("candidateId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationSuggestion_ruleId_candidateId_resultVersionId_key" ON "AutomationSuggestion"("ruleId", "candidateId", "resultVersionId");

-- AddForeignKey
ALTER TABLE "AutomationRule" ADD CONSTRAINT "AutomationRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRule" ADD CONSTRAINT "AutomationRule_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationSuggestion" ADD CONSTRAINT "AutomationSuggestion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationSuggestion" ADD CONSTRAINT "AutomationSuggestion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AutomationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationSuggestion" ADD CONSTRAINT "AutomationSuggestion_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
