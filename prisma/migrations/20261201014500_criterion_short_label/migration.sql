-- AlterTable
ALTER TABLE "ScreeningCriterion" ADD COLUMN     "shortLabel" TEXT;
