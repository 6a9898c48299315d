import type { Prisma } from "@/lib/db/client";
import type { ImportSource } from "@/lib/generated/prisma/enums";
import { draftCriteriaForNewJob } from "@/lib/screening/criteria";
import type { Posting } from "../schemas";
import { htmlToText, listItems } from "./html";

export interface RequirementList {
  text: string;
  items: string[];
}

export function postingToJobFields(posting: Posting) {
  const c = posting.categories;
  const content = posting.content;
  const requirementLists: RequirementList[] = (content?.lists ?? []).map((l) => ({ text: l.text ?? "", items: listItems(l.content) }));
  return {
    title: posting.text,
    team: c?.team ?? null,
    department: c?.department ?? null,
    location: c?.location ?? null,
    commitment: c?.commitment ?? null,
    state: posting.state ?? null,
    confidential: posting.confidentiality === "confidential",
    description: content?.description ?? (content?.descriptionHtml ? htmlToText(content.descriptionHtml) : null),
    descriptionHtml: content?.descriptionHtml ?? null,
    requirementLists: requirementLists as unknown as object[],
    externalUrl: posting.urls?.show ?? null,
    externalUpdatedAt: posting.updatedAt ? new Date(posting.updatedAt) : null,
    syncedAt: new Date(),
  };
}

/**
 * Creates or refreshes the job for a Lever posting, keyed on (organization, posting id), so repeated
 * imports and concurrent webhooks converge on one row. `created` tells whether this call made it.
 */
export async function upsertJob(
  prisma: Prisma,
  target: { organizationId: string; connectionId: string },
  posting: Posting,
  via: ImportSource,
  importedById?: string | null,
): Promise<{ job: { id: string; title: string }; created: boolean }> {
  const fields = postingToJobFields(posting);
  const where = { organizationId_provider_externalId: { organizationId: target.organizationId, provider: "LEVER" as const, externalId: posting.id } };
  const existing = await prisma.job.findUnique({ where, select: { id: true } });
  const job = await prisma.job.upsert({
    where,
    update: { ...fields, connectionId: target.connectionId },
    create: { ...fields, organizationId: target.organizationId, connectionId: target.connectionId, provider: "LEVER", externalId: posting.id, importedVia: via, importedById: importedById ?? null },
    select: { id: true, title: true },
  });
  // Criteria are drafted once, when the job first arrives by any path; later syncs leave the recruiters' edits alone.
  if (!existing) await draftCriteriaForNewJob(prisma, { organizationId: target.organizationId, jobId: job.id }, posting);
  return { job, created: !existing };
}
