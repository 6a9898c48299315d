-- Candidate data lifecycle (retention period, the person named by a deletion webhook) and results written as ATS forms.
-- CreateEnum
CREATE TYPE "ResultFormat" AS ENUM ('NOTE', 'FORM');

-- AlterTable
ALTER TABLE "AtsConnection" ADD COLUMN     "resultTemplateExternalId" TEXT,
ADD COLUMN     "resultTemplateFields" JSONB;

-- AlterTable
ALTER TABLE "IntegrationSettings" ADD COLUMN     "resultFormat" "ResultFormat" NOT NULL DEFAULT 'NOTE';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "retentionDays" INTEGER;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "externalPersonId" TEXT;
