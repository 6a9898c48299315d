-- CreateTable
CREATE TABLE "JobAccess" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobAccess_organizationId_userId_idx" ON "JobAccess"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "JobAccess_jobId_userId_key" ON "JobAccess"("jobId", "userId");

-- AddForeignKey
ALTER TABLE "JobAccess" ADD CONSTRAINT "JobAccess_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAccess" ADD CONSTRAINT "JobAccess_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAccess" ADD CONSTRAINT "JobAccess_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;
