import { audit } from "@/lib/audit";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, forbidden, fromZod, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOwnId } from "@/lib/ids";
import type { OrgContext } from "./context";
import { isAdminRole } from "./roles";

/**
 * Confidential jobs. Lever limits a confidential posting and its candidates to named people; here a
 * confidential job is seen by the organization's owners and admins and by the members an admin
 * granted access (JobAccess). Everyone else gets exactly what another organization gets: 404.
 *
 * Every read of a job or candidate for a signed-in member goes through `visibleJobs` /
 * `visibleCandidates` (lists, the picker) or `requireJobAccess` / `requireCandidateAccess` (one id);
 * `withOrganization` runs the latter for any route whose params name a job or a candidate.
 * Workers (webhooks, reconcile, screening, write-back) act for the organization and are not limited.
 */

export type Viewer = Pick<OrgContext, "organizationId" | "userId" | "role">;

/** The jobs this member may see, as a where clause. */
export function visibleJobs(viewer: Viewer): Prisma.JobWhereInput {
  if (isAdminRole(viewer.role)) return { organizationId: viewer.organizationId };
  return {
    organizationId: viewer.organizationId,
    OR: [{ confidential: false }, { access: { some: { organizationId: viewer.organizationId, userId: viewer.userId } } }],
  };
}

/** The candidates this member may see: those of the jobs they may see. */
export function visibleCandidates(viewer: Viewer): Prisma.CandidateWhereInput {
  if (isAdminRole(viewer.role)) return { organizationId: viewer.organizationId };
  return { organizationId: viewer.organizationId, job: { is: visibleJobs(viewer) } };
}

/**
 * The one "job or 404": the job by id with the fields in `select`, when `scope` may see it. A member
 * (a Viewer) sees the jobs `visibleJobs` allows; `{ organizationId }` alone is for code that runs after
 * a route's guard already checked the member (or for the organization's own background work).
 * Another organization's job, a confidential one not given, and an id that is not ours are all 404.
 */
export async function jobOr404<S extends Prisma.JobSelect>(scope: Viewer | { organizationId: string }, jobId: string, select: S): Promise<Prisma.JobGetPayload<{ select: S }>> {
  const prisma = await db();
  const where = "role" in scope ? visibleJobs(scope) : { organizationId: scope.organizationId };
  const job = isOwnId(jobId) ? await prisma.job.findFirst({ where: { id: jobId, ...where }, select }) : null;
  if (!job) throw notFound("Job not found");
  return job as Prisma.JobGetPayload<{ select: S }>;
}

export async function requireJobAccess(viewer: Viewer, jobId: string): Promise<{ id: string }> {
  return jobOr404(viewer, jobId, { id: true });
}

export async function requireCandidateAccess(viewer: Viewer, candidateId: string): Promise<{ id: string; jobId: string }> {
  const prisma = await db();
  const candidate = isOwnId(candidateId)
    ? await prisma.candidate.findFirst({ where: { id: candidateId, ...visibleCandidates(viewer) }, select: { id: true, jobId: true } })
    : null;
  if (!candidate) throw notFound("Candidate not found");
  return candidate;
}

/** The check `withOrganization` runs on a route's params before its handler sees them. */
export async function requireRouteAccess(viewer: Viewer, params: unknown): Promise<void> {
  if (!params || typeof params !== "object") return;
  const { jobId, candidateId } = params as { jobId?: unknown; candidateId?: unknown };
  if (typeof jobId === "string") await requireJobAccess(viewer, jobId);
  if (typeof candidateId === "string") await requireCandidateAccess(viewer, candidateId);
}

// ---------- the job page's Access panel ----------

export interface JobAccessMember {
  userId: string;
  name: string;
  email: string;
  granted: boolean;
  grantedAt: Date | null;
}

function requireAdmin(org: OrgContext, action: string) {
  if (!isAdminRole(org.role)) throw forbidden(`Only organization owners and admins can ${action}. Ask an admin of ${org.organizationName}.`);
}

/** The members who are not admins, each with whether they may see the job (admins always may). */
export async function jobAccessMembers(org: OrgContext, jobId: string): Promise<JobAccessMember[]> {
  requireAdmin(org, "manage access to confidential jobs");
  const job = await requireJobAccess(org, jobId);
  const prisma = await db();
  const members = await prisma.membership.findMany({
    where: { organizationId: org.organizationId, role: "RECRUITER" },
    select: { userId: true, user: { select: { name: true, email: true } }, jobAccess: { where: { jobId: job.id }, select: { createdAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({
    userId: m.userId,
    name: m.user.name ?? m.user.email,
    email: m.user.email,
    granted: m.jobAccess.length > 0,
    grantedAt: m.jobAccess[0]?.createdAt ?? null,
  }));
}

export const JobAccessInput = z.object({
  jobId: z.string({ error: "Choose the job" }).min(1, { error: "Choose the job" }).max(50, { error: "That job does not exist" }),
  userId: z.string({ error: "Choose the member" }).min(1, { error: "Choose the member" }).max(50, { error: "That member does not exist" }),
});

async function resolveGrant(org: OrgContext, input: unknown, action: string) {
  requireAdmin(org, action);
  const parsed = JobAccessInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const job = await jobOr404(org, parsed.data.jobId, { id: true, title: true });
  const member = isOwnId(parsed.data.userId)
    ? await prisma.membership.findFirst({
        where: { organizationId: org.organizationId, userId: parsed.data.userId },
        select: { userId: true, role: true, user: { select: { email: true } } },
      })
    : null;
  if (!member) throw notFound("Member not found");
  return { prisma, job, member };
}

/** Lets a member see a confidential job and its candidates. Granting twice changes nothing. */
export async function grantJobAccess(org: OrgContext, input: unknown): Promise<{ granted: boolean }> {
  const { prisma, job, member } = await resolveGrant(org, input, "grant access to confidential jobs");
  if (isAdminRole(member.role)) throw badRequest(`${member.user.email} is an admin and already sees every job`);
  const existing = await prisma.jobAccess.findUnique({ where: { jobId_userId: { jobId: job.id, userId: member.userId } }, select: { id: true } });
  if (existing) return { granted: false };
  await prisma.$transaction(async (tx) => {
    await tx.jobAccess.create({ data: { organizationId: org.organizationId, jobId: job.id, userId: member.userId, grantedById: org.userId } });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "job.access_granted",
      message: `${org.userEmail} gave ${member.user.email} access to ${job.title}`,
      details: { jobId: job.id, userId: member.userId },
    });
  });
  return { granted: true };
}

/** Takes a member's access to a confidential job away. Revoking what was not granted changes nothing. */
export async function revokeJobAccess(org: OrgContext, input: unknown): Promise<{ revoked: boolean }> {
  const { prisma, job, member } = await resolveGrant(org, input, "revoke access to confidential jobs");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.jobAccess.deleteMany({ where: { organizationId: org.organizationId, jobId: job.id, userId: member.userId } });
    if (count === 0) return { revoked: false };
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "job.access_revoked",
      message: `${org.userEmail} removed ${member.user.email}'s access to ${job.title}`,
      details: { jobId: job.id, userId: member.userId },
    });
    return { revoked: true };
  });
}
