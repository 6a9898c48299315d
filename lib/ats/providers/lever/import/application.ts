import { db } from "@/lib/db/client";
import type { ImportSource } from "@/lib/generated/prisma/enums";
import { LeverClient } from "../client";
import type { Priority } from "@/lib/ats/rate-limit";
import type { Opportunity } from "../schemas";
import { postingIdOf, upsertCandidate } from "./candidates";
import { upsertJob } from "./jobs";

export interface ConnectionForImport {
  id: string;
  organizationId: string;
  settings: { autoGenerateJobs: boolean; autoImportCandidates: boolean } | null;
}

export type ImportOutcome =
  | { kind: "imported"; candidateId: string; jobId: string; candidateCreated: boolean; jobCreated: boolean; message: string }
  | { kind: "skipped"; message: string };

/**
 * The one import of a Lever application, shared by the webhook, the reconcile and manual imports.
 * Automatic paths (webhook, reconcile) follow the connection's settings; a manual import of a job's
 * applicants always imports. Unique keys on Lever ids make every path idempotent.
 */
export async function importApplication(
  connection: ConnectionForImport,
  opportunityId: string,
  via: ImportSource,
  options: { priority?: Priority; client?: LeverClient; opportunity?: Opportunity } = {},
): Promise<ImportOutcome> {
  const prisma = await db();
  const client = options.client ?? LeverClient.forConnection(connection.id, { priority: options.priority ?? "high" });
  const automatic = via === "WEBHOOK" || via === "RECONCILE";
  // Lists already return expanded opportunities; a webhook only has the id.
  const opportunity = options.opportunity ?? (await client.getOpportunity(opportunityId));
  const postingId = postingIdOf(opportunity);
  if (!postingId) return { kind: "skipped", message: `Opportunity ${opportunityId} has no application to a posting` };

  let job = await prisma.job.findUnique({
    where: { organizationId_provider_externalId: { organizationId: connection.organizationId, provider: "LEVER" as const, externalId: postingId } },
    select: { id: true, title: true },
  });
  let jobCreated = false;
  if (!job) {
    if (!automatic || !connection.settings?.autoGenerateJobs) {
      return { kind: "skipped", message: `Skipped ${opportunity.name ?? opportunityId}: posting ${postingId} is not imported and auto-generate jobs is off` };
    }
    const posting = await client.getPosting(postingId);
    const result = await upsertJob(prisma, { organizationId: connection.organizationId, connectionId: connection.id }, posting, "AUTO_GENERATED");
    job = result.job;
    jobCreated = result.created;
  } else if (automatic && !connection.settings?.autoImportCandidates) {
    return { kind: "skipped", message: `Skipped ${opportunity.name ?? opportunityId} for ${job.title}: auto-import candidates is off` };
  }

  const { candidateId, created } = await upsertCandidate(
    prisma,
    client,
    { organizationId: connection.organizationId, connectionId: connection.id, jobId: job.id },
    opportunity,
    postingId,
    via,
  );
  const name = opportunity.name ?? "a candidate";
  return {
    kind: "imported",
    candidateId,
    jobId: job.id,
    candidateCreated: created,
    jobCreated,
    message: `${created ? "Imported" : "Updated"} ${name} for ${job.title}${jobCreated ? " (job created automatically)" : ""}`,
  };
}
