-- AlterTable
ALTER TABLE "ScreeningResult" ADD COLUMN     "inputHash" TEXT NOT NULL DEFAULT '';
