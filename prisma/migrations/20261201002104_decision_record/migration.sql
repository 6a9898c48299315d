-- The decision record: screening results kept as versions, and people's actions linked to them.
-- AlterTable
ALTER TABLE "ScreeningResult" ADD COLUMN     "versionId" TEXT;

-- CreateTable
CREATE TABLE "ScreeningResultVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "candidateId" TEXT,
    "jobId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "engine" TEXT NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "verdicts" JSONB NOT NULL,
    "criteria" JSONB NOT NULL,
    "criteriaHash" TEXT NOT NULL,
    "inputHash" TEXT NOT NULL,
    "requiredTier" INTEGER NOT NULL,
    "needsReview" INTEGER NOT NULL,
    "screenedAt" TIMESTAMP(3) NOT NULL,
    "anonymizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningResultVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "candidateId" TEXT,
    "jobId" TEXT,
    "resultVersionId" TEXT,
    "kind" TEXT NOT NULL,
    "actorUserId" TEXT,
    "ruleId" TEXT,
    "suggestionId" TEXT,
    "writeBackActionId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScreeningResultVersion_organizationId_screenedAt_idx" ON "ScreeningResultVersion"("organizationId", "screenedAt");

-- CreateIndex
CREATE INDEX "ScreeningResultVersion_organizationId_jobId_screenedAt_idx" ON "ScreeningResultVersion"("organizationId", "jobId", "screenedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningResultVersion_candidateId_version_key" ON "ScreeningResultVersion"("candidateId", "version");

-- CreateIndex
CREATE INDEX "Decision_organizationId_createdAt_idx" ON "Decision"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_organizationId_jobId_createdAt_idx" ON "Decision"("organizationId", "jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_candidateId_createdAt_idx" ON "Decision"("candidateId", "createdAt");

-- AddForeignKey
ALTER TABLE "ScreeningResultVersion" ADD CONSTRAINT "ScreeningResultVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResultVersion" ADD CONSTRAINT "ScreeningResultVersion_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_resultVersionId_fkey" FOREIGN KEY ("resultVersionId") REFERENCES "ScreeningResultVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Results made before versions were kept become version 1 of their candidate, so every current result has its record.
INSERT INTO "ScreeningResultVersion" ("id", "organizationId", "candidateId", "jobId", "version", "engine", "engineVersion", "score", "summary", "verdicts", "criteria", "criteriaHash", "inputHash", "requiredTier", "needsReview", "screenedAt")
SELECT 'v1' || r."id", r."organizationId", r."candidateId", c."jobId", 1, r."engine", r."engine", r."score", r."summary", r."verdicts",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', v->>'criterionId', 'text', v->>'text', 'kind', v->>'kind', 'weight', v->>'weight')) FROM jsonb_array_elements(r."verdicts") v), '[]'::jsonb),
       r."criteriaHash", r."inputHash", r."requiredTier", r."needsReview", r."screenedAt"
FROM "ScreeningResult" r JOIN "Candidate" c ON c."id" = r."candidateId";
UPDATE "ScreeningResult" SET "versionId" = 'v1' || "id";
