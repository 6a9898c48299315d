import { visibleJobs, type Viewer } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isOwnId } from "./schemas";

/**
 * Reads behind the jobs pages, always scoped to the organization and to the jobs the member may see:
 * another organization's job, or a confidential one the member was not given, is a 404.
 */

export async function getJobForOrg(viewer: Viewer, jobId: string) {
  const prisma = await db();
  const job = isOwnId(jobId) ? await prisma.job.findFirst({ where: { id: jobId, ...visibleJobs(viewer) } }) : null;
  if (!job) throw notFound("Job not found");
  return job;
}

export async function listJobs(viewer: Viewer) {
  const { organizationId } = viewer;
  const prisma = await db();
  const [jobs, running, screened] = await Promise.all([
    prisma.job.findMany({
      where: visibleJobs(viewer),
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        title: true,
        team: true,
        location: true,
        commitment: true,
        state: true,
        confidential: true,
        importedVia: true,
        _count: { select: { candidates: true, criteria: true } },
      },
    }),
    prisma.importRun.findMany({ where: { organizationId, status: { in: ["QUEUED", "RUNNING"] } }, select: { jobId: true } }),
    prisma.candidate.groupBy({ by: ["jobId"], where: { organizationId, screeningResults: { some: {} } }, _count: { _all: true } }),
  ]);
  const importing = new Set(running.map((r) => r.jobId));
  const screenedByJob = new Map(screened.map((s) => [s.jobId, s._count._all]));
  return jobs.map((j) => ({
    ...j,
    candidates: j._count.candidates,
    criteria: j._count.criteria,
    screened: screenedByJob.get(j.id) ?? 0,
    importing: importing.has(j.id),
  }));
}
