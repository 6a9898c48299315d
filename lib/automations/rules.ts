import { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { isAdminRole } from "@/lib/auth/roles";
import { jobOr404, visibleCandidates } from "@/lib/auth/job-access";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { jobCriteria } from "@/lib/screening/criteria";
import { Condition, describeCondition } from "./condition";
import { CANDIDATE_STATE, candidateState, jobContext, outcomeFor, withdrawApplications, type RuleShape } from "./evaluate";

export const MAX_RULES_PER_JOB = 20;
/** A delay shorter than this leaves nobody the time to look; longer than a week, nobody remembers it. */
export const MIN_DELAY_MINUTES = 5;
export const MAX_DELAY_MINUTES = 7 * 24 * 60;

const id = (message: string) => z.string({ error: message }).min(1, message).max(50).regex(/^[\w-]+$/, message);

export const RuleInput = z
  .object({
    name: z.string({ error: "Name the rule" }).trim().min(1, "Name the rule").max(100, "Keep the name under 100 characters"),
    condition: Condition,
    action: z.enum(["advance", "reject"], { error: "Choose whether the rule advances or rejects" }),
    stageId: id("Choose the stage to advance to").nullish(),
    archiveReasonId: id("Choose a rejection reason").nullish(),
    mode: z.enum(["SUGGEST", "AUTO_AFTER_DELAY"], { error: "Choose whether the rule suggests or applies on its own" }).default("SUGGEST"),
    delayMinutes: z
      .number({ error: "Enter the delay in minutes" })
      .int("Enter the delay in whole minutes")
      .min(MIN_DELAY_MINUTES, `The delay is at least ${MIN_DELAY_MINUTES} minutes, so someone can cancel`)
      .max(MAX_DELAY_MINUTES, "The delay is at most a week")
      .nullish(),
    maxStageId: id("Choose a stage").nullish(),
    enabled: z.boolean({ error: "Say whether the rule is on" }).default(true),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.action === "advance" && !r.stageId) ctx.addIssue({ code: "custom", message: "Choose the stage to advance to", path: ["stageId"] });
    if (r.action === "reject" && !r.archiveReasonId) ctx.addIssue({ code: "custom", message: "Choose a rejection reason", path: ["archiveReasonId"] });
    if (r.mode === "AUTO_AFTER_DELAY" && !r.delayMinutes) ctx.addIssue({ code: "custom", message: "Enter how many minutes to wait before applying", path: ["delayMinutes"] });
  });
export type RuleInput = z.infer<typeof RuleInput>;

/** A non-admin may still switch off a rule that applies on its own: stopping automation is always allowed. */
export const RulePatch = z.object({ enabled: z.literal(false) }).strict();

export interface RuleView {
  id: string;
  name: string;
  condition: Condition;
  conditionText: string[];
  action: "advance" | "reject";
  actionText: string;
  stageId: string | null;
  archiveReasonId: string | null;
  mode: "SUGGEST" | "AUTO_AFTER_DELAY";
  delayMinutes: number | null;
  maxStageId: string | null;
  maxStageText: string | null;
  enabled: boolean;
  pending: number;
  updatedAt: Date;
}

/** Checks the ids the rule names against the organization's stages and reasons and the job's criteria. */
async function checkReferences(prisma: Prisma, organizationId: string, jobId: string, input: RuleInput): Promise<RuleInput> {
  if (input.action === "advance") {
    const stage = await prisma.stage.findFirst({ where: { organizationId, id: input.stageId! }, select: { id: true } });
    if (!stage) throw badRequest("Choose one of your stages", { stageId: ["Unknown stage"] });
  } else {
    const reason = await prisma.archiveReason.findFirst({ where: { organizationId, id: input.archiveReasonId! }, select: { type: true, active: true, text: true } });
    if (!reason) throw badRequest("Choose one of your rejection reasons", { archiveReasonId: ["Unknown rejection reason"] });
    if (reason.type !== "non-hired" || !reason.active) throw badRequest(`"${reason.text}" cannot be used to reject: choose an active rejection reason`, { archiveReasonId: ["Not a usable rejection reason"] });
  }
  if (input.maxStageId && !(await prisma.stage.findFirst({ where: { organizationId, id: input.maxStageId }, select: { id: true } }))) {
    throw badRequest("Choose one of your stages as the last stage the rule acts on", { maxStageId: ["Unknown stage"] });
  }
  const named = input.condition.clauses.flatMap((c) => (c.type === "criterion" ? [c.criterionId] : []));
  if (named.length) {
    const criteria = new Set((await jobCriteria(prisma, organizationId, jobId)).map((c) => c.id));
    if (named.some((n) => !criteria.has(n))) throw badRequest("A condition names a criterion this job does not have: choose one of its criteria", { condition: ["Unknown criterion"] });
  }
  return {
    ...input,
    stageId: input.action === "advance" ? input.stageId : null,
    archiveReasonId: input.action === "reject" ? input.archiveReasonId : null,
    delayMinutes: input.mode === "AUTO_AFTER_DELAY" ? input.delayMinutes : null,
  };
}

function requireAdminForAuto(org: OrgContext, mode: string) {
  if (mode === "AUTO_AFTER_DELAY" && !isAdminRole(org.role)) {
    throw forbidden(`Only organization owners and admins can let a rule apply on its own. Ask an admin of ${org.organizationName}, or let the rule suggest.`);
  }
}

const RULE_FIELDS = { name: true, condition: true, action: true, stageId: true, archiveReasonId: true, mode: true, delayMinutes: true, maxStageId: true, enabled: true } as const;

export async function listRules(org: OrgContext, jobId: string): Promise<RuleView[]> {
  await jobOr404(org, jobId, { id: true });
  const prisma = await db();
  const organizationId = org.organizationId;
  const [rules, stages, reasons, criteria, pending] = await Promise.all([
    prisma.automationRule.findMany({ where: { organizationId, jobId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, updatedAt: true, ...RULE_FIELDS } }),
    prisma.stage.findMany({ where: { organizationId }, select: { id: true, text: true } }),
    prisma.archiveReason.findMany({ where: { organizationId }, select: { id: true, text: true } }),
    jobCriteria(prisma, organizationId, jobId),
    prisma.automationSuggestion.groupBy({ by: ["ruleId"], where: { organizationId, jobId, status: "PENDING" }, _count: { _all: true } }),
  ]);
  const stage = new Map(stages.map((s) => [s.id, s.text] as const));
  const reason = new Map(reasons.map((r) => [r.id, r.text] as const));
  const criterion = new Map(criteria.map((c) => [c.id, c.text] as const));
  const pendingOf = new Map(pending.map((p) => [p.ruleId, p._count._all] as const));
  return rules.map((r) => {
    const condition = Condition.safeParse(r.condition);
    const clauses = condition.success ? condition.data : { clauses: [] };
    return {
      id: r.id,
      name: r.name,
      condition: clauses,
      conditionText: describeCondition(clauses, (c) => criterion.get(c)),
      action: r.action as "advance" | "reject",
      actionText: r.action === "advance" ? `Advance to ${stage.get(r.stageId ?? "") ?? "a removed stage"}` : `Reject: ${reason.get(r.archiveReasonId ?? "") ?? "a removed reason"}`,
      stageId: r.stageId,
      archiveReasonId: r.archiveReasonId,
      mode: r.mode,
      delayMinutes: r.delayMinutes,
      maxStageId: r.maxStageId,
      maxStageText: r.maxStageId ? (stage.get(r.maxStageId) ?? null) : null,
      enabled: r.enabled,
      pending: pendingOf.get(r.id) ?? 0,
      updatedAt: r.updatedAt,
    };
  });
}

/** A rule and its evaluation against the job's current results, committed together. */
export async function createRule(org: OrgContext, jobId: string, raw: unknown): Promise<{ id: string }> {
  const parsed = RuleInput.parse(raw);
  requireAdminForAuto(org, parsed.mode);
  await jobOr404(org, jobId, { id: true });
  const prisma = await db();
  const organizationId = org.organizationId;
  const input = await checkReferences(prisma, organizationId, jobId, parsed);
  if ((await prisma.automationRule.count({ where: { organizationId, jobId, deletedAt: null } })) >= MAX_RULES_PER_JOB) {
    throw badRequest(`A job has at most ${MAX_RULES_PER_JOB} rules: remove one first`);
  }
  return prisma.$transaction(async (tx) => {
    const rule = await tx.automationRule.create({ data: { organizationId, jobId, ...input, condition: input.condition as object, createdById: org.userId }, select: { id: true } });
    await enqueueInTransaction(tx, QUEUES.automationsEvaluateJob.name, { organizationId, jobId, ruleId: rule.id });
    await audit(tx, { organizationId, actorUserId: org.userId, action: "automation.created", message: `Created automation "${input.name}"`, details: { ruleId: rule.id, jobId, mode: input.mode } });
    return rule;
  });
}

async function ruleOr404(org: OrgContext, jobId: string, ruleId: string) {
  await jobOr404(org, jobId, { id: true });
  const prisma = await db();
  const rule = isOwnId(ruleId) ? await prisma.automationRule.findFirst({ where: { id: ruleId, organizationId: org.organizationId, jobId, deletedAt: null }, select: { id: true, mode: true, name: true } }) : null;
  if (!rule) throw notFound("Rule not found");
  return rule;
}

/** Pending suggestions of a rule that changed meaning: they no longer stand for what the rule says. */
async function supersedePending(tx: Tx, organizationId: string, ruleId: string, note: string) {
  const pending = await tx.automationSuggestion.findMany({ where: { organizationId, ruleId, status: "PENDING" }, select: { id: true } });
  await tx.automationSuggestion.updateMany({ where: { organizationId, ruleId, status: "PENDING" }, data: { status: "SUPERSEDED", decidedAt: new Date(), note } });
  await withdrawApplications(tx, pending.map((p) => p.id));
}

/**
 * Replaces a rule (the whole form), or with `{ enabled: false }` only switches it off. A rule that
 * applies on its own, before or after the edit, is an admin's to change; anyone may switch it off.
 */
export async function updateRule(org: OrgContext, jobId: string, ruleId: string, raw: unknown): Promise<{ id: string }> {
  const rule = await ruleOr404(org, jobId, ruleId);
  const prisma = await db();
  const organizationId = org.organizationId;
  const off = RulePatch.safeParse(raw);
  if (off.success) {
    await prisma.$transaction(async (tx) => {
      await tx.automationRule.update({ where: { id: rule.id }, data: { enabled: false, updatedById: org.userId } });
      await supersedePending(tx, organizationId, rule.id, "The rule was switched off");
      await audit(tx, { organizationId, actorUserId: org.userId, action: "automation.disabled", message: `Switched off automation "${rule.name}"`, details: { ruleId: rule.id, jobId } });
    });
    return { id: rule.id };
  }
  const parsed = RuleInput.parse(raw);
  requireAdminForAuto(org, rule.mode);
  requireAdminForAuto(org, parsed.mode);
  const input = await checkReferences(prisma, organizationId, jobId, parsed);
  await prisma.$transaction(async (tx) => {
    await tx.automationRule.update({ where: { id: rule.id }, data: { ...input, condition: input.condition as object, updatedById: org.userId } });
    if (!input.enabled) await supersedePending(tx, organizationId, rule.id, "The rule was switched off");
    else await enqueueInTransaction(tx, QUEUES.automationsEvaluateJob.name, { organizationId, jobId, ruleId: rule.id });
    await audit(tx, { organizationId, actorUserId: org.userId, action: "automation.updated", message: `Changed automation "${input.name}"`, details: { ruleId: rule.id, jobId, mode: input.mode, enabled: input.enabled } });
  });
  return { id: rule.id };
}

/** Removes a rule from the job; its decided suggestions and the decisions naming it are kept. */
export async function deleteRule(org: OrgContext, jobId: string, ruleId: string): Promise<{ id: string }> {
  const rule = await ruleOr404(org, jobId, ruleId);
  requireAdminForAuto(org, rule.mode);
  const prisma = await db();
  const organizationId = org.organizationId;
  await prisma.$transaction(async (tx) => {
    await tx.automationRule.update({ where: { id: rule.id }, data: { deletedAt: new Date(), enabled: false, updatedById: org.userId } });
    await supersedePending(tx, organizationId, rule.id, "The rule was removed");
    await audit(tx, { organizationId, actorUserId: org.userId, action: "automation.deleted", message: `Removed automation "${rule.name}"`, details: { ruleId: rule.id, jobId } });
  });
  return { id: rule.id };
}

/** What a draft rule would do now: how many of the job's current candidates it would suggest an action for. */
export async function previewRule(org: OrgContext, jobId: string, raw: unknown): Promise<{ matching: number; screened: number; names: string[] }> {
  const parsed = RuleInput.parse(raw);
  await jobOr404(org, jobId, { id: true });
  const prisma = await db();
  const input = await checkReferences(prisma, org.organizationId, jobId, parsed);
  const ctx = await jobContext(prisma, org.organizationId, jobId);
  const rule: RuleShape = { id: "preview", ...input, stageId: input.stageId ?? null, archiveReasonId: input.archiveReasonId ?? null, delayMinutes: input.delayMinutes ?? null, maxStageId: input.maxStageId ?? null };
  const rows = await prisma.candidate.findMany({
    where: { ...visibleCandidates(org), jobId, screeningResults: { some: {} } },
    select: { ...CANDIDATE_STATE, name: true },
    orderBy: { name: "asc" },
    take: 5000,
  });
  const matching = rows.filter((r) => outcomeFor(rule, candidateState(r), ctx).suggest);
  return { matching: matching.length, screened: rows.length, names: matching.slice(0, 5).map((r) => r.name) };
}
