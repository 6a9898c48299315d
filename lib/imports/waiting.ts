import { db } from "@/lib/db/client";
import type { WaitingPosting } from "./candidates";

export interface WaitingJob {
  jobExternalId: string;
  title: string | null;
  applicants: number;
}

/** How far back the prompt looks: older applications have likely been handled in the ATS. */
const LOOKBACK_DAYS = 90;
const MAX_ENTRIES = 5000;

/**
 * Applications that arrived by webhook for postings the organization has not imported. Each was
 * skipped and recorded in the activity log (`webhook.skipped` with `waitingFor`); a posting imported
 * since is no longer waiting. Counted by distinct candidacy, so a redelivery does not count twice.
 */
export async function applicantsWaiting(organizationId: string): Promise<{ total: number; jobs: WaitingJob[] }> {
  const prisma = await db();
  const since = new Date(Date.now() - LOOKBACK_DAYS * 24 * 60 * 60 * 1000);
  const entries = await prisma.auditLog.findMany({
    where: { organizationId, action: "webhook.skipped", createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_ENTRIES,
    select: { details: true },
  });
  const byJob = new Map<string, { title: string | null; candidates: Set<string> }>();
  for (const { details } of entries) {
    const d = details as { candidateId?: unknown; waitingFor?: Partial<WaitingPosting> } | null;
    const jobExternalId = d?.waitingFor?.jobExternalId;
    if (typeof jobExternalId !== "string" || typeof d?.candidateId !== "string") continue;
    const job = byJob.get(jobExternalId) ?? { title: null, candidates: new Set<string>() };
    job.title ??= typeof d.waitingFor?.title === "string" ? d.waitingFor.title : null;
    job.candidates.add(d.candidateId);
    byJob.set(jobExternalId, job);
  }
  if (byJob.size === 0) return { total: 0, jobs: [] };
  const imported = await prisma.job.findMany({ where: { organizationId, externalId: { in: [...byJob.keys()] } }, select: { externalId: true } });
  for (const j of imported) byJob.delete(j.externalId);
  const jobs = [...byJob].map(([jobExternalId, j]) => ({ jobExternalId, title: j.title, applicants: j.candidates.size })).sort((a, b) => b.applicants - a.applicants);
  return { total: jobs.reduce((n, j) => n + j.applicants, 0), jobs };
}
