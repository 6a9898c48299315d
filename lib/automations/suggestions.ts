import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { visibleCandidates } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { recordDecisions } from "@/lib/decisions/record";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { Prisma as P } from "@/lib/generated/prisma/client";
import { applyCandidateAction } from "@/lib/writeback";
import type { Trigger } from "./condition";
import { CANDIDATE_STATE, candidateState, jobContext, outcomeFor, withdrawApplications, type RuleShape } from "./evaluate";

export const MAX_SUGGESTIONS_PER_REQUEST = 100;

const id = z.string().min(1).max(50).regex(/^[\w-]+$/, "That is not a valid suggestion id");
const ids = z
  .array(id, { error: "Select at least one suggestion" })
  .min(1, "Select at least one suggestion")
  .max(MAX_SUGGESTIONS_PER_REQUEST, `Select at most ${MAX_SUGGESTIONS_PER_REQUEST} suggestions at a time`);

export const ConfirmInput = z
  .object({
    suggestionIds: ids,
    /** The person saw that a candidate is at a late stage or hired, and confirms anyway. */
    confirmLate: z.boolean().optional(),
  })
  .strict();
export const DecideInput = z.object({ suggestionIds: ids }).strict();

export interface SuggestionView {
  id: string;
  jobId: string;
  jobTitle: string;
  candidateId: string;
  candidateName: string;
  ruleId: string;
  ruleName: string;
  action: "advance" | "reject";
  actionText: string;
  trigger: Trigger;
  /** When the rule applies on its own: the time it will, unless cancelled. */
  applyAfter: Date | null;
  createdAt: Date;
}

// A candidate rejected or hired since (by hand, or through another suggestion) has nothing left to decide.
const pendingWhere = (org: OrgContext, jobId?: string): P.AutomationSuggestionWhereInput => ({
  organizationId: org.organizationId,
  status: "PENDING",
  ...(jobId ? { jobId } : {}),
  candidate: { is: { ...visibleCandidates(org), archivedAt: null } },
});

/** The Needs decision count: pending suggestions on candidates this member may see. */
export async function pendingCount(org: OrgContext, jobId?: string): Promise<number> {
  return (await db()).automationSuggestion.count({ where: pendingWhere(org, jobId) });
}

/** The Needs decision queue, oldest first (a job's, or every job's the member may see). */
export async function listPending(org: OrgContext, options: { jobId?: string; take?: number } = {}): Promise<SuggestionView[]> {
  const prisma = await db();
  const rows = await prisma.automationSuggestion.findMany({
    where: pendingWhere(org, options.jobId),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.take ?? 200,
    select: {
      id: true,
      jobId: true,
      candidateId: true,
      ruleId: true,
      action: true,
      stageId: true,
      archiveReasonId: true,
      trigger: true,
      applyAfter: true,
      createdAt: true,
      rule: { select: { name: true, job: { select: { title: true } } } },
      candidate: { select: { name: true } },
    },
  });
  const [stages, reasons] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId: org.organizationId, id: { in: rows.flatMap((r) => (r.stageId ? [r.stageId] : [])) } }, select: { id: true, text: true } }),
    prisma.archiveReason.findMany({ where: { organizationId: org.organizationId, id: { in: rows.flatMap((r) => (r.archiveReasonId ? [r.archiveReasonId] : [])) } }, select: { id: true, text: true } }),
  ]);
  const stage = new Map(stages.map((s) => [s.id, s.text] as const));
  const reason = new Map(reasons.map((s) => [s.id, s.text] as const));
  return rows.map((r) => ({
    id: r.id,
    jobId: r.jobId,
    jobTitle: r.rule.job.title,
    candidateId: r.candidateId,
    candidateName: r.candidate.name,
    ruleId: r.ruleId,
    ruleName: r.rule.name,
    action: r.action as "advance" | "reject",
    actionText: r.action === "advance" ? `Advance to ${stage.get(r.stageId ?? "") ?? "a removed stage"}` : `Reject: ${reason.get(r.archiveReasonId ?? "") ?? "a removed reason"}`,
    trigger: r.trigger as unknown as Trigger,
    applyAfter: r.applyAfter,
    createdAt: r.createdAt,
  }));
}

/** The member's suggestions by id; any id they may not see (another organization's, a hidden job's) is a 404 for all. */
async function ownSuggestions(org: OrgContext, suggestionIds: string[]) {
  const prisma = await db();
  const unique = [...new Set(suggestionIds)];
  const rows = await prisma.automationSuggestion.findMany({
    where: { organizationId: org.organizationId, id: { in: unique }, candidate: { is: visibleCandidates(org) } },
    select: { id: true, status: true, ruleId: true, candidateId: true, jobId: true, action: true, stageId: true, archiveReasonId: true, rule: { select: { name: true } }, candidate: { select: { name: true, archivedAt: true } } },
  });
  if (rows.length !== unique.length) throw notFound(unique.length === 1 ? "Suggestion not found" : "Some of the selected suggestions were not found");
  return rows;
}

type Own = Awaited<ReturnType<typeof ownSuggestions>>[number];

const actionInput = (s: Pick<Own, "id" | "action" | "stageId" | "archiveReasonId" | "candidateId" | "jobId">, key: string, confirmLate?: boolean) =>
  s.action === "advance"
    ? { action: "advance" as const, stageId: s.stageId ?? "", candidateIds: [s.candidateId], jobId: s.jobId, idempotencyKey: key }
    : { action: "archive" as const, archiveReasonId: s.archiveReasonId ?? "", candidateIds: [s.candidateId], jobId: s.jobId, idempotencyKey: key, ...(confirmLate ? { confirmLate } : {}) };

const STATUS_WORDS: Record<string, string> = {
  CONFIRMED: "was already confirmed",
  DISMISSED: "was dismissed",
  APPLIED: "was already applied",
  CANCELLED: "was cancelled",
  SUPERSEDED: "was replaced by a newer screening or a rule change",
};

/**
 * Once one suggestion is acted on, the candidate's other pending ones (other rules, or this one's
 * queued application) were made for a candidate who has since moved: they leave the queue.
 */
async function settleOthers(s: { id: string; candidateId: string }, now: Date): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const others = await tx.automationSuggestion.findMany({ where: { candidateId: s.candidateId, status: "PENDING", id: { not: s.id } }, select: { id: true } });
    await tx.automationSuggestion.updateMany({
      where: { id: { in: others.map((o) => o.id) }, status: "PENDING" },
      data: { status: "SUPERSEDED", decidedAt: now, note: "The candidate was acted on through another suggestion" },
    });
    await withdrawApplications(tx, [s.id, ...others.map((o) => o.id)]);
  });
}

export interface DecideOutcome {
  done: number;
  /** Suggestions that were not decided, each with the reason in plain words. */
  problems: Array<{ suggestionId: string; candidateName: string; message: string }>;
}

/**
 * Confirms suggestions: each becomes the candidate action it suggests, through the one path that
 * changes a candidate and writes to the ATS (so the late-stage warning and "Update stages" hold), with
 * the rule and the confirming person in the record. A suggestion is claimed before it is applied, so
 * two people confirming at once apply it once; if the action is refused it goes back to pending.
 * One suggestion refused is answered with its error (409 for a late stage, which `confirmLate` passes).
 */
export async function confirmSuggestions(org: OrgContext, raw: unknown, clock: { now?: Date } = {}): Promise<DecideOutcome> {
  const input = ConfirmInput.parse(raw);
  const now = clock.now ?? new Date();
  const prisma = await db();
  const rows = await ownSuggestions(org, input.suggestionIds);
  const outcome: DecideOutcome = { done: 0, problems: [] };
  for (const s of rows) {
    if (s.status === "PENDING" && s.candidate.archivedAt) {
      await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: now, note: "The candidate was rejected or hired since" } });
      outcome.problems.push({ suggestionId: s.id, candidateName: s.candidate.name, message: "The candidate was rejected or hired since: nothing was changed." });
      continue;
    }
    const claimed = await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "PENDING" }, data: { status: "CONFIRMED", decidedById: org.userId, decidedAt: now } });
    if (claimed.count === 0) {
      const status = (await prisma.automationSuggestion.findUnique({ where: { id: s.id }, select: { status: true } }))?.status ?? s.status;
      outcome.problems.push({ suggestionId: s.id, candidateName: s.candidate.name, message: `This suggestion ${STATUS_WORDS[status] ?? "is no longer pending"}.` });
      continue;
    }
    try {
      await applyCandidateAction(org, actionInput(s, `suggestion-${s.id}`, input.confirmLate), { now, origin: { ruleId: s.ruleId, ruleName: s.rule.name, suggestionId: s.id } });
      await settleOthers(s, now);
      outcome.done++;
    } catch (error) {
      await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "CONFIRMED" }, data: { status: "PENDING", decidedById: null, decidedAt: null } });
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (rows.length === 1) throw error;
      outcome.problems.push({ suggestionId: s.id, candidateName: s.candidate.name, message: error.message });
    }
  }
  if (rows.length === 1 && outcome.problems.length === 1) throw conflict(outcome.problems[0]!.message);
  return outcome;
}

/** Dismisses suggestions: nothing changes for the candidate or in the ATS; the record keeps who said no to which rule. */
export async function dismissSuggestions(org: OrgContext, raw: unknown, clock: { now?: Date } = {}): Promise<DecideOutcome> {
  return endPending(org, DecideInput.parse(raw).suggestionIds, "DISMISSED", clock.now ?? new Date());
}

/**
 * Cancels the automatic application of suggestions still within their delay: each ends as CANCELLED
 * and its queued application is withdrawn, so nothing reaches the ATS. Once applied, 409.
 */
export async function cancelSuggestions(org: OrgContext, raw: unknown, clock: { now?: Date } = {}): Promise<DecideOutcome> {
  return endPending(org, DecideInput.parse(raw).suggestionIds, "CANCELLED", clock.now ?? new Date());
}

async function endPending(org: OrgContext, suggestionIds: string[], status: "DISMISSED" | "CANCELLED", now: Date): Promise<DecideOutcome> {
  const prisma = await db();
  const rows = await ownSuggestions(org, suggestionIds);
  const outcome: DecideOutcome = { done: 0, problems: [] };
  for (const s of rows) {
    const ended = await prisma.$transaction(async (tx) => {
      const changed = await tx.automationSuggestion.updateMany({
        where: { id: s.id, status: "PENDING", ...(status === "CANCELLED" ? { applyAfter: { not: null } } : {}) },
        data: { status, decidedById: org.userId, decidedAt: now },
      });
      if (changed.count === 0) return false;
      await withdrawApplications(tx, [s.id]);
      await recordDecisions(tx, [
        {
          organizationId: org.organizationId,
          candidateId: s.candidateId,
          kind: "SUGGESTION_DISMISSED",
          actorUserId: org.userId,
          ruleId: s.ruleId,
          suggestionId: s.id,
          details: { rule: s.rule.name, action: s.action, ...(status === "CANCELLED" ? { cancelledBeforeApplying: true } : {}) },
        },
      ]);
      return true;
    });
    if (ended) outcome.done++;
    else {
      const current = await prisma.automationSuggestion.findUnique({ where: { id: s.id }, select: { status: true, applyAfter: true } });
      const message = current?.status === "PENDING" ? "This suggestion does not apply on its own: dismiss it instead." : `This suggestion ${STATUS_WORDS[current?.status ?? ""] ?? "is no longer pending"}.`;
      outcome.problems.push({ suggestionId: s.id, candidateName: s.candidate.name, message });
    }
  }
  if (rows.length === 1 && outcome.problems.length === 1) throw conflict(outcome.problems[0]!.message);
  return outcome;
}

export type ApplyOutcome = "applied" | "skipped" | "not_due" | "suggest_only" | "ineligible";

/**
 * The worker's half of a rule that applies on its own: at the end of the delay, a suggestion still
 * pending is checked again against the candidate as they are now (asked for a human review since, hired,
 * moved past the rule's stage, re-screened) and applied with no person, the rule named in the record.
 * A rule switched to suggesting, or off, leaves it for a person. Safe to run twice: the claim and the
 * action's idempotency key apply it once.
 */
export async function applyDueSuggestion(suggestionId: string, clock: { now?: Date } = {}): Promise<ApplyOutcome> {
  const now = clock.now ?? new Date();
  const prisma = await db();
  const s = await prisma.automationSuggestion.findUnique({
    where: { id: suggestionId },
    select: {
      id: true,
      organizationId: true,
      jobId: true,
      ruleId: true,
      candidateId: true,
      resultVersionId: true,
      status: true,
      applyAfter: true,
      action: true,
      stageId: true,
      archiveReasonId: true,
      rule: { select: { name: true, enabled: true, deletedAt: true, mode: true, condition: true, action: true, stageId: true, archiveReasonId: true, delayMinutes: true, maxStageId: true, createdById: true } },
      organization: { select: { name: true } },
    },
  });
  if (!s || !s.applyAfter) return "skipped";
  const resumed = s.status === "APPLIED" && (await prisma.decision.count({ where: { suggestionId: s.id } })) === 0;
  if (s.status !== "PENDING" && !resumed) return "skipped";
  if (now.getTime() < s.applyAfter.getTime()) return "not_due";
  if (!resumed) {
    if (!s.rule.enabled || s.rule.deletedAt || s.rule.mode !== "AUTO_AFTER_DELAY") {
      await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "PENDING" }, data: { applyAfter: null } });
      return "suggest_only";
    }
    const row = await prisma.candidate.findFirst({ where: { id: s.candidateId, organizationId: s.organizationId }, select: CANDIDATE_STATE });
    const rule: RuleShape = { id: s.ruleId, ...s.rule };
    const current = row ? outcomeFor(rule, candidateState(row), await jobContext(prisma, s.organizationId, s.jobId)) : { suggest: false as const, why: "The candidate was removed" };
    const why = !current.suggest ? current.why : current.versionId !== s.resultVersionId ? "A newer screening result replaced it" : null;
    if (why) {
      await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: now, note: why } });
      return "ineligible";
    }
    const claimed = await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "PENDING" }, data: { status: "APPLIED", decidedAt: now } });
    if (claimed.count === 0) return "skipped";
  }
  // The app acts for the organization on the standing instruction of the admin who set the rule up;
  // the record names no person (actorUserId null) and the write-back no requester.
  const system: OrgContext = { userId: s.rule.createdById, userEmail: "", organizationId: s.organizationId, organizationName: s.organization.name, role: "ADMIN" };
  try {
    await applyCandidateAction(system, actionInput(s, `automation-${s.id}`), { now, origin: { ruleId: s.ruleId, ruleName: s.rule.name, suggestionId: s.id, automatic: true } });
    await settleOthers(s, now);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    await prisma.automationSuggestion.updateMany({ where: { id: s.id, status: "APPLIED" }, data: { status: "SUPERSEDED", note: `Not applied: ${error.message}` } });
    return "ineligible";
  }
  return "applied";
}
