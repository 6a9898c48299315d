-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "pageDoneIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
