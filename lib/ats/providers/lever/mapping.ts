import type { AtsCandidate, AtsJob, AtsRejectionReason, AtsStage, AtsUser, RequirementList } from "@/lib/ats/provider";
import { htmlToText, listItems } from "@/lib/html";
import type { Application, ArchiveReason, Opportunity, Posting, Stage, User } from "./schemas";

/** Lever's shapes → the core's. Nothing outside this folder sees a posting or an opportunity. */

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));
const date = (ms: number | null | undefined) => (typeof ms === "number" ? new Date(ms) : null);

export function toAtsJob(posting: Posting): AtsJob {
  const c = posting.categories;
  const content = posting.content;
  const requirementLists: RequirementList[] = (content?.lists ?? []).map((l) => ({ text: l.text ?? "", items: listItems(l.content ?? "") }));
  return {
    externalId: posting.id,
    title: posting.text,
    team: c?.team ?? null,
    department: c?.department ?? null,
    location: c?.location ?? null,
    commitment: c?.commitment ?? null,
    state: posting.state ?? null,
    confidential: posting.confidentiality === "confidential",
    description: content?.description ?? (content?.descriptionHtml ? htmlToText(content.descriptionHtml) : null),
    descriptionHtml: content?.descriptionHtml ?? null,
    requirementLists,
    externalUrl: posting.urls?.show ?? null,
    externalUpdatedAt: date(posting.updatedAt),
  };
}

/** The application of this opportunity to the given posting (an opportunity can hold several), else its first. */
export function applicationFor(opportunity: Opportunity, postingId?: string | null): Application | undefined {
  const apps = opportunity.applications.filter((a): a is Application => typeof a !== "string");
  return (postingId ? apps.find((a) => a.posting === postingId) : undefined) ?? apps[0];
}

function answersOf(app: Application | undefined) {
  return (app?.customQuestions ?? []).map((q) => ({
    text: q.text ?? "",
    fields: q.fields.map((f) => ({ text: f.text ?? "", value: typeof f.value === "string" ? f.value : JSON.stringify(f.value ?? null) })),
  }));
}

/** An opportunity as a candidacy for `postingId` (or for the posting of its first application). */
export function toAtsCandidate(opportunity: Opportunity, postingId?: string | null): AtsCandidate {
  const app = applicationFor(opportunity, postingId);
  return {
    externalId: opportunity.id,
    jobExternalId: app?.posting ?? null,
    externalApplicationId: app?.id ?? null,
    externalPersonId: idOf(opportunity.contact),
    name: opportunity.name ?? app?.name ?? null,
    headline: opportunity.headline ?? null,
    emails: opportunity.emails.length ? opportunity.emails : app?.email ? [app.email] : [],
    phones: opportunity.phones.map((p) => p.value),
    location: opportunity.location ?? null,
    links: [...new Set([...opportunity.links, ...(app?.links ?? [])])],
    answers: answersOf(app),
    externalStageId: idOf(opportunity.stage),
    archived: opportunity.archived?.archivedAt ? { at: new Date(opportunity.archived.archivedAt), externalReasonId: opportunity.archived.reason ?? null } : null,
    externalCreatedAt: date(opportunity.createdAt),
    externalUpdatedAt: date(opportunity.updatedAt),
    externalUrl: opportunity.urls?.show ?? null,
  };
}

export const toAtsStage = (s: Stage): AtsStage => ({ externalId: s.id, text: s.text });

export const toAtsRejectionReason = (r: ArchiveReason): AtsRejectionReason => ({
  externalId: r.id,
  text: r.text,
  type: r.type === "hired" ? "hired" : "non-hired",
  active: r.status !== "inactive",
});

export const toAtsUser = (u: User): AtsUser => ({ externalId: u.id, name: u.name ?? u.email ?? u.id, active: !u.deactivatedAt });
