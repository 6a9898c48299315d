import type { AtsCandidate, AtsJob, AtsResume, AtsSession, Priority, ProviderColumn } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { db, type Prisma } from "@/lib/db/client";
import type { ImportSource } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { announceNewApplicant } from "@/lib/notifications/raise";
import { draftCriteriaForNewJob } from "@/lib/screening/criteria";
import { screenAfterImport } from "@/lib/screening/run";

/**
 * The one import of a candidacy from any ATS, shared by the webhook, the reconcile and manual
 * imports, and the one import of a job. Unique keys on (organization, provider, external id) make
 * every path idempotent: they converge on one row.
 */

export interface ConnectionForImport {
  id: string;
  organizationId: string;
  provider: ProviderColumn;
  settings: { autoGenerateJobs: boolean; autoImportCandidates: boolean } | null;
}

export type ImportOutcome =
  | { kind: "imported"; candidateId: string; jobId: string; candidateCreated: boolean; jobCreated: boolean; message: string }
  | { kind: "skipped"; message: string; waitingFor?: WaitingPosting };

/** The posting an application arrived for that is not imported: the Jobs page offers to import it. */
export interface WaitingPosting {
  jobExternalId: string;
  /** Null when the ATS could not say, or the posting is confidential (its title is not shown to everyone). */
  title: string | null;
}

function jobFields(job: AtsJob) {
  return {
    title: job.title,
    team: job.team,
    department: job.department,
    location: job.location,
    commitment: job.commitment,
    state: job.state,
    confidential: job.confidential,
    description: job.description,
    descriptionHtml: job.descriptionHtml,
    requirementLists: job.requirementLists as unknown as object[],
    externalUrl: job.externalUrl,
    externalUpdatedAt: job.externalUpdatedAt,
    syncedAt: new Date(),
  };
}

/**
 * Creates or refreshes the job for an ATS job, keyed on (organization, provider, external id), so
 * repeated imports and concurrent webhooks converge on one row. `created` tells whether this call made it.
 */
export async function upsertJob(
  prisma: Prisma,
  target: { organizationId: string; connectionId: string; provider: ProviderColumn },
  job: AtsJob,
  via: ImportSource,
  importedById?: string | null,
): Promise<{ job: { id: string; title: string }; created: boolean }> {
  const fields = jobFields(job);
  const where = { organizationId_provider_externalId: { organizationId: target.organizationId, provider: target.provider, externalId: job.externalId } };
  const existing = await prisma.job.findUnique({ where, select: { id: true } });
  const row = await prisma.job.upsert({
    where,
    update: { ...fields, connectionId: target.connectionId },
    create: {
      ...fields,
      organizationId: target.organizationId,
      connectionId: target.connectionId,
      provider: target.provider,
      externalId: job.externalId,
      importedVia: via,
      importedById: importedById ?? null,
    },
    select: { id: true, title: true },
  });
  // Criteria are drafted once, when the job first arrives by any path; later syncs leave the recruiters' edits alone.
  if (!existing) await draftCriteriaForNewJob(prisma, { organizationId: target.organizationId, jobId: row.id }, job);
  // Whoever brings a job in follows it, so its new applicants reach them without a step to remember.
  if (!existing && importedById) {
    await prisma.jobFollow.createMany({ data: [{ organizationId: target.organizationId, jobId: row.id, userId: importedById }], skipDuplicates: true });
  }
  return { job: row, created: !existing };
}

/** The app's stage and rejection reason rows for the ATS's ids (null when not mirrored yet). */
async function localStageAndReason(prisma: Prisma, organizationId: string, provider: ProviderColumn, candidate: Pick<AtsCandidate, "externalStageId" | "archived">) {
  const reasonId = candidate.archived?.externalReasonId ?? null;
  const [stage, reason] = await Promise.all([
    candidate.externalStageId
      ? prisma.stage.findUnique({ where: { organizationId_provider_externalId: { organizationId, provider, externalId: candidate.externalStageId } }, select: { id: true } })
      : null,
    reasonId ? prisma.archiveReason.findUnique({ where: { organizationId_provider_externalId: { organizationId, provider, externalId: reasonId } }, select: { id: true } }) : null,
  ]);
  return {
    externalStageId: candidate.externalStageId,
    stageId: stage?.id ?? null,
    archivedAt: candidate.archived?.at ?? null,
    externalArchiveReasonId: reasonId,
    archiveReasonId: reason?.id ?? null,
  };
}

/**
 * Creates or updates the candidate for an ATS candidacy, keyed on (organization, provider, external id):
 * a webhook, the reconcile and a manual import of the same person converge on one row.
 */
export async function upsertCandidate(
  prisma: Prisma,
  target: { organizationId: string; jobId: string; provider: ProviderColumn },
  candidate: AtsCandidate,
  resume: AtsResume,
  via: ImportSource,
): Promise<{ candidateId: string; created: boolean }> {
  const fields = {
    jobId: target.jobId,
    externalApplicationId: candidate.externalApplicationId,
    externalPersonId: candidate.externalPersonId,
    name: candidate.name ?? "Unnamed candidate",
    headline: candidate.headline,
    emails: candidate.emails,
    phones: candidate.phones,
    location: candidate.location,
    links: candidate.links,
    applicationAnswers: candidate.answers as unknown as object[],
    resumeText: resume.text,
    resumeFileName: resume.fileName,
    resumeStatus: resume.status,
    parsedPositions: resume.parsedPositions,
    parsedSchools: resume.parsedSchools,
    ...(await localStageAndReason(prisma, target.organizationId, target.provider, candidate)),
    externalCreatedAt: candidate.externalCreatedAt,
    externalUpdatedAt: candidate.externalUpdatedAt,
    externalUrl: candidate.externalUrl,
  };
  const where = { organizationId_provider_externalId: { organizationId: target.organizationId, provider: target.provider, externalId: candidate.externalId } };
  // The candidate and its follow-up (the screening's job, when one is due) commit together: an import
  // that stops in between leaves neither, and its retry does both.
  const { row, existing } = await prisma.$transaction(async (tx) => {
    const existing = await tx.candidate.findUnique({ where, select: { id: true } });
    // Lists as `set`: a bare list's values went into Prisma's query-plan cache key, so every candidate's
    // upsert compiled and cached a plan of its own (a thousand kept, tens of MB, none reused).
    const lists = { emails: { set: fields.emails }, phones: { set: fields.phones }, links: { set: fields.links } };
    const row = await tx.candidate.upsert({
      where,
      update: { ...fields, ...lists },
      create: { ...fields, ...lists, organizationId: target.organizationId, provider: target.provider, externalId: candidate.externalId, importedVia: via },
      select: { id: true },
    });
    await screenAfterImport(tx, { organizationId: target.organizationId, jobId: target.jobId, candidateId: row.id }, fields);
    // Someone who applied (a webhook, or the reconcile catching a missed one); a manual import is
    // announced once, as a whole, to the member who started it (lib/imports/runs.ts).
    if (!existing && (via === "WEBHOOK" || via === "RECONCILE")) await announceNewApplicant(tx, { organizationId: target.organizationId, jobId: target.jobId, candidateId: row.id });
    return { row, existing };
  });
  if (resume.status !== "parsed") log.info("candidate imported without résumé text", { candidateId: row.id, status: resume.status });
  return { candidateId: row.id, created: !existing };
}

/**
 * Imports one candidacy. Automatic paths (webhook, reconcile) follow the connection's settings; a
 * manual import of a job's applicants always imports.
 */
export async function importCandidate(
  connection: ConnectionForImport,
  externalId: string,
  via: ImportSource,
  options: { priority?: Priority; session?: AtsSession; candidate?: AtsCandidate } = {},
): Promise<ImportOutcome> {
  const prisma = await db();
  const provider = providerFor(connection.provider);
  const session = options.session ?? provider.session(connection, { priority: options.priority ?? "high" });
  const automatic = via === "WEBHOOK" || via === "RECONCILE";
  // Lists already return whole candidacies; a webhook only has the id.
  const candidate = options.candidate ?? (await session.getCandidate(externalId));
  const jobExternalId = candidate.jobExternalId;
  if (!jobExternalId) return { kind: "skipped", message: `Candidate ${candidate.name ?? externalId} has not applied to a job` };

  let job = await prisma.job.findUnique({
    where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: provider.column, externalId: jobExternalId } },
    select: { id: true, title: true },
  });
  let jobCreated = false;
  if (!job) {
    if (!automatic || !connection.settings?.autoGenerateJobs) {
      // A webhook brings one application at a time, so naming its posting costs one request; bulk paths keep the id.
      const posting = via === "WEBHOOK" ? await session.getJob(jobExternalId).catch(() => null) : null;
      const title = posting && !posting.confidential ? posting.title : null;
      return {
        kind: "skipped",
        message: `Skipped ${candidate.name ?? externalId}: ${title ? `“${title}”` : posting ? "a confidential posting" : `job ${jobExternalId}`} is not imported and auto-generate jobs is off`,
        waitingFor: { jobExternalId, title },
      };
    }
    const result = await upsertJob(prisma, { organizationId: connection.organizationId, connectionId: connection.id, provider: provider.column }, await session.getJob(jobExternalId), "AUTO_GENERATED");
    job = result.job;
    jobCreated = result.created;
  } else if (automatic && !connection.settings?.autoImportCandidates) {
    return { kind: "skipped", message: `Skipped ${candidate.name ?? externalId} for ${job.title}: auto-import candidates is off` };
  }

  const resume = await session.getResume(candidate.externalId);
  const { candidateId, created } = await upsertCandidate(prisma, { organizationId: connection.organizationId, jobId: job.id, provider: provider.column }, candidate, resume, via);
  const name = candidate.name ?? "a candidate";
  return {
    kind: "imported",
    candidateId,
    jobId: job.id,
    candidateCreated: created,
    jobCreated,
    message: `${created ? "Imported" : "Updated"} ${name} for ${job.title}${jobCreated ? " (job created automatically)" : ""}`,
  };
}

/** Keeps the app's copy of an imported candidate's stage and archive state in step with the ATS. */
export async function syncCandidateState(connection: ConnectionForImport, externalId: string, options: { session?: AtsSession } = {}): Promise<ImportOutcome> {
  const prisma = await db();
  const provider = providerFor(connection.provider);
  const row = await prisma.candidate.findUnique({
    where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: provider.column, externalId } },
  });
  if (!row) return { kind: "skipped", message: `Candidate ${externalId} is not imported` };
  const session = options.session ?? provider.session(connection);
  const candidate = await session.getCandidate(externalId);
  await prisma.candidate.update({
    where: { id: row.id },
    data: { ...(await localStageAndReason(prisma, connection.organizationId, provider.column, candidate)), externalUpdatedAt: candidate.externalUpdatedAt },
  });
  return { kind: "imported", candidateId: row.id, jobId: row.jobId, candidateCreated: false, jobCreated: false, message: `Updated ${row.name}'s stage from ${provider.label}` };
}
