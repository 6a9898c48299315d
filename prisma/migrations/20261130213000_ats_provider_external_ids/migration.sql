-- The schema speaks of the ATS instead of Lever: every imported row keeps its provider and its id
-- there. Columns are renamed (never dropped and re-added), so every existing row keeps its data, and the
-- rows that exist today all came from Lever.

ALTER TYPE "LeverEnvironment" RENAME TO "AtsEnvironment";

-- AtsConnection
ALTER TABLE "AtsConnection" RENAME COLUMN "leverAccountId" TO "externalAccountId";
ALTER TABLE "AtsConnection" RENAME COLUMN "leverAccountName" TO "accountName";
ALTER TABLE "AtsConnection" RENAME COLUMN "actingLeverUserId" TO "actingUserExternalId";
ALTER TABLE "AtsConnection" RENAME COLUMN "actingLeverUserName" TO "actingUserName";
ALTER INDEX "AtsConnection_environment_leverAccountId_idx" RENAME TO "AtsConnection_environment_externalAccountId_idx";
-- The claim names the provider too, so account ids of two different ATSs never collide.
UPDATE "AtsConnection" SET "accountClaim" = lower("provider"::text) || ':' || "accountClaim" WHERE "accountClaim" IS NOT NULL;

-- Job
ALTER TABLE "Job" ADD COLUMN "provider" "AtsProvider" NOT NULL DEFAULT 'LEVER';
ALTER TABLE "Job" ALTER COLUMN "provider" DROP DEFAULT;
ALTER TABLE "Job" RENAME COLUMN "leverPostingId" TO "externalId";
ALTER TABLE "Job" RENAME COLUMN "leverUrl" TO "externalUrl";
ALTER TABLE "Job" RENAME COLUMN "leverUpdatedAt" TO "externalUpdatedAt";
DROP INDEX "Job_organizationId_leverPostingId_key";
CREATE UNIQUE INDEX "Job_organizationId_provider_externalId_key" ON "Job"("organizationId", "provider", "externalId");

-- Candidate
ALTER TABLE "Candidate" ADD COLUMN "provider" "AtsProvider" NOT NULL DEFAULT 'LEVER';
ALTER TABLE "Candidate" ALTER COLUMN "provider" DROP DEFAULT;
ALTER TABLE "Candidate" RENAME COLUMN "leverOpportunityId" TO "externalId";
ALTER TABLE "Candidate" RENAME COLUMN "leverApplicationId" TO "externalApplicationId";
ALTER TABLE "Candidate" RENAME COLUMN "leverContactId" TO "externalPersonId";
ALTER TABLE "Candidate" RENAME COLUMN "leverStageId" TO "externalStageId";
ALTER TABLE "Candidate" RENAME COLUMN "leverArchiveReasonId" TO "externalArchiveReasonId";
ALTER TABLE "Candidate" RENAME COLUMN "leverCreatedAt" TO "externalCreatedAt";
ALTER TABLE "Candidate" RENAME COLUMN "leverUpdatedAt" TO "externalUpdatedAt";
ALTER TABLE "Candidate" RENAME COLUMN "leverUrl" TO "externalUrl";
DROP INDEX "Candidate_organizationId_leverOpportunityId_key";
CREATE UNIQUE INDEX "Candidate_organizationId_provider_externalId_key" ON "Candidate"("organizationId", "provider", "externalId");

-- Stage
ALTER TABLE "Stage" ADD COLUMN "provider" "AtsProvider" NOT NULL DEFAULT 'LEVER';
ALTER TABLE "Stage" ALTER COLUMN "provider" DROP DEFAULT;
ALTER TABLE "Stage" RENAME COLUMN "leverStageId" TO "externalId";
DROP INDEX "Stage_organizationId_leverStageId_key";
CREATE UNIQUE INDEX "Stage_organizationId_provider_externalId_key" ON "Stage"("organizationId", "provider", "externalId");

-- ArchiveReason
ALTER TABLE "ArchiveReason" ADD COLUMN "provider" "AtsProvider" NOT NULL DEFAULT 'LEVER';
ALTER TABLE "ArchiveReason" ALTER COLUMN "provider" DROP DEFAULT;
ALTER TABLE "ArchiveReason" RENAME COLUMN "leverArchiveReasonId" TO "externalId";
DROP INDEX "ArchiveReason_organizationId_leverArchiveReasonId_key";
CREATE UNIQUE INDEX "ArchiveReason_organizationId_provider_externalId_key" ON "ArchiveReason"("organizationId", "provider", "externalId");

-- WebhookSubscription
ALTER TABLE "WebhookSubscription" RENAME COLUMN "leverWebhookId" TO "externalId";
ALTER INDEX "WebhookSubscription_connectionId_leverWebhookId_key" RENAME TO "WebhookSubscription_connectionId_externalId_key";

-- WebhookDelivery
ALTER TABLE "WebhookDelivery" RENAME COLUMN "leverOpportunityId" TO "externalCandidateId";
ALTER TABLE "WebhookDelivery" RENAME COLUMN "leverApplicationId" TO "externalApplicationId";

-- ScreeningResult
ALTER TABLE "ScreeningResult" RENAME COLUMN "leverNoteId" TO "externalNoteId";

-- WriteBackAction, and the ATS ids inside its payloads
ALTER TABLE "WriteBackAction" RENAME COLUMN "leverNoteId" TO "externalNoteId";
ALTER TABLE "WriteBackAction" RENAME COLUMN "leverResponse" TO "externalResponse";
UPDATE "WriteBackAction" SET "payload" = ("payload" - 'leverStageId') || jsonb_build_object('externalStageId', "payload"->'leverStageId')
  WHERE jsonb_typeof("payload") = 'object' AND "payload" ? 'leverStageId';
UPDATE "WriteBackAction" SET "payload" = ("payload" - 'leverArchiveReasonId') || jsonb_build_object('externalArchiveReasonId', "payload"->'leverArchiveReasonId')
  WHERE jsonb_typeof("payload") = 'object' AND "payload" ? 'leverArchiveReasonId';
