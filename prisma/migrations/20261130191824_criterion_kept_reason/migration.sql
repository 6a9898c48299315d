-- AlterTable
ALTER TABLE "ScreeningCriterion" ADD COLUMN     "keptReason" TEXT;
