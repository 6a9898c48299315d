import { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { jobOr404 } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { fromZod } from "@/lib/errors";

/** Following a job: its new applicants are announced under the member's bell. */

export const FollowInput = z.object({ following: z.boolean({ error: "Send following: true to follow the job or false to stop" }) }).strict();

export async function isFollowing(org: OrgContext, jobId: string): Promise<boolean> {
  const prisma = await db();
  return (await prisma.jobFollow.count({ where: { organizationId: org.organizationId, jobId, userId: org.userId } })) > 0;
}

/** Follows or unfollows a job the member may see; doing it twice changes nothing. */
export async function setFollowing(org: OrgContext, jobId: string, input: unknown): Promise<{ following: boolean }> {
  const parsed = FollowInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const job = await jobOr404(org, jobId, { id: true });
  const prisma = await db();
  if (parsed.data.following) {
    await prisma.jobFollow.createMany({ data: [{ organizationId: org.organizationId, jobId: job.id, userId: org.userId }], skipDuplicates: true });
  } else {
    await prisma.jobFollow.deleteMany({ where: { organizationId: org.organizationId, jobId: job.id, userId: org.userId } });
  }
  return { following: parsed.data.following };
}
