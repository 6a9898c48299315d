-- AlterEnum
ALTER TYPE "AtsProvider" ADD VALUE 'GREENHOUSE';
