import { z } from "zod";
import type { RequirementList } from "@/lib/ats/provider";
import { jobOr404, visibleJobs, type Viewer } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import type { Prisma as P } from "@/lib/generated/prisma/client";

/**
 * Reads behind the jobs pages, always scoped to the organization and to the jobs the member may see:
 * another organization's job, or a confidential one the member was not given, is a 404.
 */

export async function getJobForOrg(viewer: Viewer, jobId: string) {
  const prisma = await db();
  const { id } = await jobOr404(viewer, jobId, { id: true });
  return prisma.job.findUniqueOrThrow({ where: { id } });
}

export const JOB_SORTS = ["newest", "title", "applicants"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

/** The jobs list's search (title, team, department, location; every word must match) and sort. */
export const JobListInput = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  sort: z.enum(JOB_SORTS).catch("newest").default("newest"),
});
export type JobListInput = z.infer<typeof JobListInput>;

const JOB_ORDER: Record<JobSort, P.JobOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  applicants: [{ candidates: { _count: "desc" } }, { title: "asc" }, { id: "asc" }],
};

export async function countJobs(viewer: Viewer): Promise<number> {
  return (await db()).job.count({ where: visibleJobs(viewer) });
}

export async function listJobs(viewer: Viewer, options: Partial<JobListInput> = {}) {
  const { organizationId } = viewer;
  const prisma = await db();
  const words = (options.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const fields = ["title", "team", "department", "location"] as const;
  const where: P.JobWhereInput = {
    organizationId,
    ...(words.length ? { AND: words.map((w) => ({ OR: fields.map((f) => ({ [f]: { contains: w, mode: "insensitive" as const } })) })) } : {}),
  };
  const [jobs, running, screened] = await Promise.all([
    prisma.job.findMany({
      where: { AND: [visibleJobs(viewer), where] },
      orderBy: JOB_ORDER[options.sort ?? "newest"],
      select: {
        id: true,
        title: true,
        team: true,
        location: true,
        commitment: true,
        state: true,
        confidential: true,
        importedVia: true,
        provider: true,
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

const RequirementListsSchema = z.array(z.object({ text: z.string().catch(""), items: z.array(z.string()).catch([]) })).catch([]);

/** A job's stored requirement lists (Job.requirementLists, JSON) read through zod: anything else reads as none. */
export const requirementListsOf = (value: unknown): RequirementList[] => RequirementListsSchema.parse(value);

