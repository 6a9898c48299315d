import type { Prisma } from "@/lib/db/client";
import type { ImportSource } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { extractResumeText } from "@/lib/resumes/extract";
import { screenAfterImport } from "@/lib/screening/run";
import { LeverApiError, type LeverClient } from "../client";
import type { Application, Opportunity, Resume } from "../schemas";

export interface CandidateTarget {
  organizationId: string;
  connectionId: string;
  jobId: string;
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/** The application of this opportunity to the given posting (an opportunity can hold several). */
export function applicationFor(opportunity: Opportunity, postingId?: string): Application | undefined {
  const apps = opportunity.applications.filter((a): a is Application => typeof a !== "string");
  return apps.find((a) => a.posting === postingId) ?? apps[0];
}

export function postingIdOf(opportunity: Opportunity): string | null {
  return applicationFor(opportunity)?.posting ?? null;
}

function answersOf(app: Application | undefined) {
  return (app?.customQuestions ?? []).map((q) => ({
    text: q.text ?? "",
    fields: q.fields.map((f) => ({ text: f.text ?? "", value: typeof f.value === "string" ? f.value : JSON.stringify(f.value ?? null) })),
  }));
}

interface ResumeData {
  resumeText: string | null;
  resumeFileName: string | null;
  resumeStatus: string;
  parsedPositions: object[];
  parsedSchools: object[];
}

/**
 * The newest résumé: parsed data from Lever, text from the file. A file Lever cannot process, or one
 * refused for its size or content, is recorded on the candidate (`resumeStatus`), not fatal: the
 * candidate is imported and screened on Lever's parsed data and the application.
 */
export async function fetchResume(client: LeverClient, opportunityId: string): Promise<ResumeData> {
  const resumes = await client.resumes(opportunityId);
  const latest: Resume | undefined = [...resumes].sort((a, b) => (b.file?.uploadedAt ?? b.createdAt ?? 0) - (a.file?.uploadedAt ?? a.createdAt ?? 0))[0];
  if (!latest) return { resumeText: null, resumeFileName: null, resumeStatus: "none", parsedPositions: [], parsedSchools: [] };
  const parsed = {
    parsedPositions: (latest.parsedData?.positions ?? []) as object[],
    parsedSchools: (latest.parsedData?.schools ?? []) as object[],
  };
  const fileName = latest.file?.name ?? null;
  try {
    const file = await client.downloadResume(opportunityId, latest.id);
    const extracted = await extractResumeText(file.bytes, { contentType: file.contentType, fileName: file.fileName ?? fileName });
    return { resumeText: extracted.text, resumeFileName: fileName, resumeStatus: extracted.status, ...parsed };
  } catch (error) {
    if (error instanceof LeverApiError && error.code === "too_large") {
      return { resumeText: null, resumeFileName: fileName, resumeStatus: "too_large", ...parsed };
    }
    if (error instanceof LeverApiError && (error.status === 422 || error.status === 404)) {
      return { resumeText: null, resumeFileName: fileName, resumeStatus: error.status === 422 ? "unprocessable" : "missing", ...parsed };
    }
    throw error;
  }
}

/**
 * Creates or updates the candidate for a Lever opportunity, keyed on (organization, opportunity id):
 * a webhook, the reconcile and a manual import of the same person converge on one row.
 */
export async function upsertCandidate(
  prisma: Prisma,
  client: LeverClient,
  target: CandidateTarget,
  opportunity: Opportunity,
  postingId: string,
  via: ImportSource,
): Promise<{ candidateId: string; created: boolean }> {
  const app = applicationFor(opportunity, postingId);
  const resume = await fetchResume(client, opportunity.id);
  const leverStageId = idOf(opportunity.stage);
  const [stage, reason] = await Promise.all([
    leverStageId ? prisma.stage.findUnique({ where: { organizationId_leverStageId: { organizationId: target.organizationId, leverStageId } } }) : null,
    opportunity.archived?.reason
      ? prisma.archiveReason.findUnique({
          where: { organizationId_leverArchiveReasonId: { organizationId: target.organizationId, leverArchiveReasonId: opportunity.archived.reason } },
        })
      : null,
  ]);
  const fields = {
    jobId: target.jobId,
    leverApplicationId: app?.id ?? null,
    leverContactId: idOf(opportunity.contact),
    name: opportunity.name ?? app?.name ?? "Unnamed candidate",
    headline: opportunity.headline ?? null,
    emails: opportunity.emails.length ? opportunity.emails : app?.email ? [app.email] : [],
    phones: opportunity.phones.map((p) => p.value),
    location: opportunity.location ?? null,
    links: [...new Set([...opportunity.links, ...(app?.links ?? [])])],
    applicationAnswers: answersOf(app),
    ...resume,
    leverStageId,
    stageId: stage?.id ?? null,
    archivedAt: opportunity.archived?.archivedAt ? new Date(opportunity.archived.archivedAt) : null,
    leverArchiveReasonId: opportunity.archived?.reason ?? null,
    archiveReasonId: reason?.id ?? null,
    leverCreatedAt: opportunity.createdAt ? new Date(opportunity.createdAt) : null,
    leverUpdatedAt: opportunity.updatedAt ? new Date(opportunity.updatedAt) : null,
    leverUrl: opportunity.urls?.show ?? null,
  };
  const where = { organizationId_leverOpportunityId: { organizationId: target.organizationId, leverOpportunityId: opportunity.id } };
  const existing = await prisma.candidate.findUnique({ where, select: { id: true } });
  // Lists as `set`: a bare list's values went into Prisma's query-plan cache key, so every candidate's
  // upsert compiled and cached a plan of its own (a thousand kept, tens of MB, none reused).
  const lists = { emails: { set: fields.emails }, phones: { set: fields.phones }, links: { set: fields.links } };
  const candidate = await prisma.candidate.upsert({
    where,
    update: { ...fields, ...lists },
    create: { ...fields, ...lists, organizationId: target.organizationId, leverOpportunityId: opportunity.id, importedVia: via },
    select: { id: true },
  });
  await screenAfterImport(prisma, { organizationId: target.organizationId, jobId: target.jobId, candidateId: candidate.id }, fields);
  if (resume.resumeStatus !== "parsed") log.info("candidate imported without résumé text", { candidateId: candidate.id, status: resume.resumeStatus });
  return { candidateId: candidate.id, created: !existing };
}
