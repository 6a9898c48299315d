-- The daily digest of unread notifications: each member's choice, and when their last one was queued.
-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "digestEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestSentAt" TIMESTAMP(3);
