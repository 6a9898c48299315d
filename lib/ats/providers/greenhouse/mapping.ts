import type { AtsCandidate, AtsJob, AtsRejectionReason, AtsStage, AtsUser, RequirementList } from "@/lib/ats/provider";
import { htmlToText, listItems } from "@/lib/html";
import type { Application, Candidate, Job, JobPost, RejectionReason, Stage, User } from "./schemas";

/** Greenhouse's shapes → the core's. Nothing outside this folder sees a job post or an application. */

const date = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? null : new Date(t);
};

/**
 * Job states in the core's words (the vocabulary the import picker filters on): an open job is
 * published, a draft is internal (not yet posted), a closed one closed.
 */
const STATES: Record<string, string> = { open: "published", draft: "internal", closed: "closed" };
export const GREENHOUSE_STATUS: Record<string, string> = { published: "open", internal: "draft", closed: "closed" };

/** Each `<ul>` of the post with the heading just before it: Greenhouse posts carry requirements as free HTML. */
function requirementListsOf(html: string): RequirementList[] {
  const lists: RequirementList[] = [];
  const pattern = /(?:<(h[1-6]|p|strong|b)\b[^>]*>([\s\S]*?)<\/\1>\s*)?<ul\b[^>]*>([\s\S]*?)<\/ul>/gi;
  for (const m of html.matchAll(pattern)) {
    const items = listItems(`<ul>${m[3] ?? ""}</ul>`);
    if (items.length) lists.push({ text: htmlToText(m[2] ?? ""), items });
  }
  return lists;
}

export function toAtsJob(job: Job, post: JobPost | undefined): AtsJob {
  const html = post?.content ?? null;
  return {
    externalId: String(job.id),
    title: job.name,
    team: null,
    department: job.department?.name ?? null,
    location: post?.location?.name ?? job.office?.name ?? null,
    commitment: job.employment_type ?? null,
    state: job.status ? (STATES[job.status] ?? job.status) : null,
    confidential: job.confidential === true,
    description: html ? htmlToText(html) : null,
    descriptionHtml: html,
    requirementLists: html ? requirementListsOf(html) : [],
    externalUrl: null,
    externalUpdatedAt: date(job.updated_at),
  };
}

/**
 * An application (the candidacy) with its person. Stages are keyed by name (see `toAtsStage`), so the
 * application's stage id is turned into its name with the job's stages.
 */
export function toAtsCandidate(app: Application, candidate: Candidate | undefined, stageNames: ReadonlyMap<number, string>): AtsCandidate {
  const name = [candidate?.first_name, candidate?.last_name].filter(Boolean).join(" ").trim();
  const headline = [candidate?.title, candidate?.company].filter(Boolean).join(" at ");
  const archivedAt = app.status === "active" ? null : (date(app.rejected_at) ?? date(app.updated_at) ?? new Date(0));
  return {
    externalId: String(app.id),
    jobExternalId: app.job_id == null ? null : String(app.job_id),
    externalApplicationId: String(app.id),
    externalPersonId: String(app.candidate_id),
    name: name || null,
    headline: headline || null,
    emails: (candidate?.email_addresses ?? []).map((e) => e.value),
    phones: (candidate?.phone_numbers ?? []).map((p) => p.value),
    location: null,
    links: [],
    answers: (app.answers ?? []).map((a) => ({ text: a.question, fields: [{ text: a.question, value: a.answer ?? "" }] })),
    externalStageId: app.stage_id == null ? null : (stageNames.get(app.stage_id) ?? null),
    archived: archivedAt ? { at: archivedAt, externalReasonId: app.rejection_reason_id == null ? null : String(app.rejection_reason_id) } : null,
    externalCreatedAt: date(app.created_at),
    externalUpdatedAt: date(app.updated_at),
    externalUrl: null,
  };
}

/**
 * Greenhouse's stages belong to a job; the core's are the account's. A stage is therefore named by its
 * name ("Phone Screen"), which the same pipeline uses on every job, and a move looks up that name in
 * the candidacy's own job.
 */
export function toAtsStages(stages: Stage[]): AtsStage[] {
  const byJob = new Map<number, Stage[]>();
  for (const s of stages) if (s.active !== false) byJob.set(s.job_id, [...(byJob.get(s.job_id) ?? []), s]);
  // Pipeline order across jobs of different lengths: a name's mean position from first (0) to last (1).
  const positions = new Map<string, number[]>();
  for (const jobStages of byJob.values()) {
    const ordered = [...jobStages].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    ordered.forEach((s, i) => positions.set(s.name, [...(positions.get(s.name) ?? []), ordered.length > 1 ? i / (ordered.length - 1) : 0]));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...positions.entries()]
    .sort((a, b) => mean(a[1]) - mean(b[1]) || a[0].localeCompare(b[0]))
    .map(([name]) => ({ externalId: name, text: name }));
}

/** Greenhouse has no "hired" reasons: every rejection reason rejects, whoever did the rejecting. */
export function toAtsRejectionReason(reason: RejectionReason): AtsRejectionReason {
  return { externalId: String(reason.id), text: reason.name, type: "non-hired", active: true };
}

export function toAtsUser(user: User): AtsUser {
  const name = user.name ?? [user.first_name, user.last_name].filter(Boolean).join(" ");
  return { externalId: String(user.id), name: name || String(user.id), active: user.disabled !== true };
}
