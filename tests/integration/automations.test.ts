import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import {
  applyDueSuggestion,
  cancelSuggestions,
  confirmSuggestions,
  createRule,
  deleteRule,
  dismissSuggestions,
  evaluateRules,
  listPending,
  pendingCount,
  previewRule,
  updateRule,
} from "@/lib/automations";
import { recordResultVersion } from "@/lib/decisions/record";
import { toAppError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/definitions";
import { jobCriteria } from "@/lib/screening/criteria";
import { criteriaHash } from "@/lib/screening/hash";
import { screenCandidate } from "@/lib/screening/run";
import { archivesOf, connectOrg, drain, member, stageChangesOf, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

type V = "MET" | "PARTLY_MET" | "NOT_MET" | "UNKNOWN";

/**
 * Automations against the Lever simulator (through msw) and the real write-back queue: rules suggest,
 * people confirm or dismiss, and a rule that applies on its own waits for its delay, which can be
 * cancelled. Time is the clock handed to the functions (and the queue's startAfter), never a sleep.
 */
describe("automations with a person in the loop", () => {
  let w: WriteBackBed;
  let admin: OrgContext;
  let beta: Awaited<ReturnType<typeof connectOrg>>;
  const prisma = () => w.bed.db.prisma;
  const c = (i: number) => w.candidates[i]!;
  let criteria: Array<{ id: string; text: string; kind: string; weight: string }>;
  let hash: string;
  let reasonId: string;
  const stageNamed = (text: string) => prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId, text } });

  /** Stores a result with these verdicts on R1, R2 (required) and P1 (preferred), as a new version, as the screening job does. */
  async function screened(candidateId: string, [r1, r2, p1]: [V, V, V], score: number) {
    const verdicts = criteria.map((k, i) => ({ criterionId: k.id, text: k.text, kind: k.kind, weight: k.weight, verdict: [r1, r2, p1][i], evidence: [] }));
    const data = { engine: "local", score, requiredTier: 0, needsReview: 0, summary: `score ${score}`, verdicts, criteriaHash: hash, inputHash: `input-${Math.random()}`, screenedAt: new Date() };
    await prisma().$transaction(async (tx) => {
      const result = await tx.screeningResult.upsert({ where: { candidateId }, create: { organizationId: w.org.organizationId, candidateId, ...data }, update: data });
      await recordResultVersion(tx, { ...data, organizationId: w.org.organizationId, candidateId, jobId: w.jobId, resultId: result.id, engineVersion: "test", criteria });
    });
  }
  const evaluate = (candidateIds?: string[], now = new Date()) => evaluateRules(prisma(), { organizationId: w.org.organizationId, jobId: w.jobId, ...(candidateIds ? { candidateIds } : {}) }, now);
  const suggestionsOf = (candidateId: string) => prisma().automationSuggestion.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } });
  const pendingOf = async (candidateId: string) => (await suggestionsOf(candidateId)).filter((s) => s.status === "PENDING");
  const rejectRule = (extra: Record<string, unknown> = {}) => ({
    name: "Missing a requirement",
    condition: { clauses: [{ type: "any_required_not_met" }] },
    action: "reject",
    archiveReasonId: reasonId,
    ...extra,
  });
  const messageOf = (e: unknown) => toAppError(e)?.message;

  beforeAll(async () => {
    w = await startWriteBackBed(22);
    admin = await member(w.bed, w.org.organizationId, "admin@alpha-automations.test", "ADMIN");
    beta = await connectOrg(w.bed, 1, 2, "recruiter@beta-automations.test");
    await prisma().screeningCriterion.deleteMany({ where: { jobId: w.jobId } });
    for (const [position, [text, kind, weight]] of [
      ["Five years of TypeScript", "REQUIRED", "HIGH"],
      ["Works in English", "REQUIRED", "MEDIUM"],
      ["Kubernetes", "PREFERRED", "LOW"],
    ].entries()) {
      await prisma().screeningCriterion.create({ data: { organizationId: w.org.organizationId, jobId: w.jobId, text: text!, kind: kind as "REQUIRED", weight: weight as "HIGH", position } });
    }
    criteria = (await jobCriteria(prisma(), w.org.organizationId, w.jobId)).map((k) => ({ id: k.id, text: k.text, kind: k.kind, weight: k.weight }));
    hash = criteriaHash(await jobCriteria(prisma(), w.org.organizationId, w.jobId));
    reasonId = (await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true }, orderBy: { text: "asc" } })).id;
    const applied = await stageNamed("New applicant");
    await prisma().candidate.updateMany({ where: { organizationId: w.org.organizationId }, data: { stageId: applied.id, externalStageId: applied.externalId } });
  });
  afterAll(async () => {
    await w.close();
  });

  it("a reject rule suggests only for candidates missing a required criterion; nothing reaches Lever until a person confirms, then once, with the rule in the record; dismiss writes nothing", async () => {
    await screened(c(0).id, ["NOT_MET", "MET", "MET"], 40);
    await screened(c(1).id, ["MET", "MET", "MET"], 100);
    await screened(c(2).id, ["MET", "NOT_MET", "NOT_MET"], 50);
    // Not met on one requirement, unknown on the other: a person must look first.
    await screened(c(3).id, ["NOT_MET", "UNKNOWN", "MET"], 10);

    expect(await previewRule(w.org, w.jobId, rejectRule())).toMatchObject({ matching: 2, screened: 4 });
    const rule = await createRule(w.org, w.jobId, rejectRule());
    expect(await evaluate()).toMatchObject({ created: 2 });
    const pending = await listPending(w.org, { jobId: w.jobId });
    expect(pending.map((p) => p.candidateId).sort()).toEqual([c(0).id, c(2).id].sort());
    expect(pending[0]).toMatchObject({ ruleName: "Missing a requirement", action: "reject", applyAfter: null });
    expect(pending.find((p) => p.candidateId === c(0).id)!.trigger.verdicts).toEqual([{ text: "Five years of TypeScript", kind: "REQUIRED", verdict: "NOT_MET" }]);
    expect(await pendingCount(w.org)).toBe(2);
    // Evaluating again adds nothing.
    expect(await evaluate()).toMatchObject({ created: 0, kept: 2 });

    await drain(w);
    for (const i of [0, 1, 2, 3]) expect(archivesOf(w, c(i).externalId)).toEqual([]);
    expect(await prisma().candidate.count({ where: { id: { in: [0, 1, 2, 3].map((i) => c(i).id) }, archivedAt: { not: null } } })).toBe(0);

    const first = pending.find((p) => p.candidateId === c(0).id)!;
    expect(await confirmSuggestions(w.org, { suggestionIds: [first.id] })).toEqual({ done: 1, problems: [] });
    await drain(w);
    expect(archivesOf(w, c(0).externalId)).toHaveLength(1);
    const decisions = await prisma().decision.findMany({ where: { candidateId: c(0).id } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ kind: "SUGGESTION_CONFIRMED", ruleId: rule.id, suggestionId: first.id, actorUserId: w.org.userId, details: { action: "reject", rule: "Missing a requirement" } });
    expect(decisions[0]!.resultVersionId).not.toBeNull();
    expect(decisions[0]!.writeBackActionId).not.toBeNull();
    // A second confirmation (another person, a double-click) sends nothing more.
    await expect(confirmSuggestions(admin, { suggestionIds: [first.id] })).rejects.toMatchObject({ status: 409, message: "This suggestion was already confirmed." });
    await drain(w);
    expect(archivesOf(w, c(0).externalId)).toHaveLength(1);

    const second = pending.find((p) => p.candidateId === c(2).id)!;
    expect(await dismissSuggestions(w.org, { suggestionIds: [second.id] })).toEqual({ done: 1, problems: [] });
    await drain(w);
    expect(archivesOf(w, c(2).externalId)).toEqual([]);
    expect((await prisma().candidate.findUniqueOrThrow({ where: { id: c(2).id } })).archivedAt).toBeNull();
    expect(await prisma().decision.findFirst({ where: { candidateId: c(2).id } })).toMatchObject({ kind: "SUGGESTION_DISMISSED", ruleId: rule.id, suggestionId: second.id, actorUserId: w.org.userId });
    expect(await pendingCount(w.org)).toBe(0);
    await deleteRule(w.org, w.jobId, rule.id);
  });

  it("an advance rule confirmed in bulk moves each candidate once; a re-screen that no longer matches supersedes the pending suggestion", async () => {
    const rule = await createRule(w.org, w.jobId, {
      name: "Strong match",
      condition: { clauses: [{ type: "all_required_met" }, { type: "score_at_least", value: 80 }] },
      action: "advance",
      stageId: (await stageNamed("Phone interview")).id,
    });
    await screened(c(4).id, ["MET", "MET", "MET"], 100);
    await screened(c(5).id, ["MET", "MET", "NOT_MET"], 83);
    await screened(c(6).id, ["MET", "MET", "MET"], 100);
    await screened(c(7).id, ["MET", "MET", "NOT_MET"], 79);
    await evaluate([4, 5, 6, 7].map((i) => c(i).id));
    expect((await pendingOf(c(7).id))).toEqual([]);
    const [s6] = await pendingOf(c(6).id);
    // Re-screened: a requirement is now not met, so the suggestion made from the older result is gone.
    await screened(c(6).id, ["MET", "NOT_MET", "MET"], 60);
    await evaluate([c(6).id]);
    expect((await prisma().automationSuggestion.findUniqueOrThrow({ where: { id: s6!.id } })).status).toBe("SUPERSEDED");
    expect(await pendingOf(c(6).id)).toEqual([]);

    const ids = [...(await pendingOf(c(4).id)), ...(await pendingOf(c(5).id))].map((s) => s.id);
    expect(await confirmSuggestions(w.org, { suggestionIds: ids })).toEqual({ done: 2, problems: [] });
    await drain(w);
    for (const i of [4, 5]) expect(stageChangesOf(w, c(i).externalId)).toHaveLength(1);
    expect(stageChangesOf(w, c(6).externalId)).toEqual([]);
    await deleteRule(w.org, w.jobId, rule.id);
  });

  it("only admins let a rule apply on its own; within the delay it can be cancelled and sends nothing; past it, it applies once with no person in the record", async () => {
    await expect(createRule(w.org, w.jobId, rejectRule({ mode: "AUTO_AFTER_DELAY", delayMinutes: 30 }))).rejects.toMatchObject({ status: 403 });
    const rule = await createRule(admin, w.jobId, rejectRule({ name: "Auto reject", mode: "AUTO_AFTER_DELAY", delayMinutes: 30 }));
    // A recruiter cannot turn it into something else, but can switch it off (tested below with another rule).
    await expect(updateRule(w.org, w.jobId, rule.id, rejectRule({ mode: "SUGGEST" }))).rejects.toMatchObject({ status: 403 });

    await screened(c(8).id, ["NOT_MET", "MET", "MET"], 40);
    await screened(c(9).id, ["NOT_MET", "MET", "MET"], 40);
    const t0 = new Date();
    await evaluate([c(8).id, c(9).id], t0);
    const [cancelled] = await pendingOf(c(8).id);
    const [applies] = await pendingOf(c(9).id);
    const due = t0.getTime() + 30 * 60_000;
    expect(cancelled!.applyAfter!.getTime()).toBe(due);
    const jobsOf = (id: string) =>
      prisma().$queryRawUnsafe<Array<{ start_after: Date }>>(`SELECT start_after FROM pgboss.job WHERE name = $1 AND data->>'suggestionId' = $2`, QUEUES.automationsApply.name, id);
    expect((await jobsOf(applies!.id)).map((j) => j.start_after.getTime())).toEqual([due]);
    expect((await listPending(w.org)).find((p) => p.id === applies!.id)!.applyAfter!.getTime()).toBe(due);

    // Cancelled by a recruiter within the delay: its queued job is withdrawn, and even if it ran, nothing would be sent.
    expect(await cancelSuggestions(w.org, { suggestionIds: [cancelled!.id] }, { now: new Date(due - 60_000) })).toEqual({ done: 1, problems: [] });
    expect(await jobsOf(cancelled!.id)).toEqual([]);
    expect(await applyDueSuggestion(cancelled!.id, { now: new Date(due + 60_000) })).toBe("skipped");
    await drain(w);
    expect(archivesOf(w, c(8).externalId)).toEqual([]);
    expect(await prisma().decision.findFirst({ where: { suggestionId: cancelled!.id } })).toMatchObject({ kind: "SUGGESTION_DISMISSED", actorUserId: w.org.userId, details: { cancelledBeforeApplying: true } });

    // Not before its time; then once, by the app.
    expect(await applyDueSuggestion(applies!.id, { now: new Date(due - 1) })).toBe("not_due");
    expect(await applyDueSuggestion(applies!.id, { now: new Date(due) })).toBe("applied");
    expect(await applyDueSuggestion(applies!.id, { now: new Date(due + 1000) })).toBe("skipped");
    await drain(w);
    expect(archivesOf(w, c(9).externalId)).toHaveLength(1);
    const decision = await prisma().decision.findFirstOrThrow({ where: { suggestionId: applies!.id } });
    expect(decision).toMatchObject({ kind: "AUTO_APPLIED", actorUserId: null, ruleId: rule.id, details: { rule: "Auto reject" } });
    expect((await prisma().writeBackAction.findUniqueOrThrow({ where: { id: decision.writeBackActionId! } })).requestedById).toBeNull();
    await expect(cancelSuggestions(w.org, { suggestionIds: [applies!.id] })).rejects.toMatchObject({ status: 409, message: "This suggestion was already applied." });
    await deleteRule(admin, w.jobId, rule.id);
  });

  it("never for hired candidates, those who asked for a human review, verdicts that need review, late stages or past the rule's last stage; one who asks for review during the delay is left alone", async () => {
    const rule = await createRule(admin, w.jobId, rejectRule({ name: "Guarded", mode: "AUTO_AFTER_DELAY", delayMinutes: 30, maxStageId: (await stageNamed("Recruiter screen")).id }));
    const [hired, review, unknown, late, past, ok, later] = [10, 11, 12, 13, 14, 15, 16].map(c);
    const hiredReason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "hired" } });
    await prisma().candidate.update({ where: { id: hired!.id }, data: { archivedAt: new Date(), archiveReasonId: hiredReason.id, externalArchiveReasonId: hiredReason.externalId } });
    await prisma().candidate.update({ where: { id: review!.id }, data: { humanReviewRequestedAt: new Date() } });
    const offer = await stageNamed("Offer");
    await prisma().candidate.update({ where: { id: late!.id }, data: { stageId: offer.id, externalStageId: offer.externalId } });
    const phone = await stageNamed("Phone interview");
    await prisma().candidate.update({ where: { id: past!.id }, data: { stageId: phone.id, externalStageId: phone.externalId } });
    for (const x of [hired, review, late, past, ok, later]) await screened(x!.id, ["NOT_MET", "MET", "MET"], 40);
    await screened(unknown!.id, ["UNKNOWN", "NOT_MET", "MET"], 20);

    const t0 = new Date();
    await evaluate(undefined, t0);
    for (const x of [hired, review, unknown, late, past]) expect(await pendingOf(x!.id)).toEqual([]);
    expect(await pendingOf(ok!.id)).toHaveLength(1);
    const [waiting] = await pendingOf(later!.id);
    // Asked for a human review while the rule waited: the app does not act.
    await prisma().candidate.update({ where: { id: later!.id }, data: { humanReviewRequestedAt: new Date() } });
    expect(await applyDueSuggestion(waiting!.id, { now: new Date(t0.getTime() + 31 * 60_000) })).toBe("ineligible");
    expect((await prisma().automationSuggestion.findUniqueOrThrow({ where: { id: waiting!.id } })).note).toBe("The candidate asked for a human review");

    // A recruiter may switch off a rule that applies on its own: what was waiting then never applies.
    await updateRule(w.org, w.jobId, rule.id, { enabled: false });
    const [okSuggestion] = await suggestionsOf(ok!.id);
    expect(okSuggestion!.note).toBe("The rule was switched off");
    expect(okSuggestion!.status).toBe("SUPERSEDED");
    expect(await applyDueSuggestion(okSuggestion!.id, { now: new Date(t0.getTime() + 31 * 60_000) })).toBe("skipped");
    await drain(w);
    for (const x of [hired, review, unknown, late, past, ok, later]) expect(archivesOf(w, x!.externalId)).toEqual([]);
  });

  it("another organization's suggestions and rules are 404 and stay as they were; bad input is refused in plain words and saves nothing", async () => {
    await screened(c(17).id, ["NOT_MET", "MET", "MET"], 40);
    const rule = await createRule(w.org, w.jobId, rejectRule({ name: "Tenant check" }));
    await evaluate([c(17).id]);
    const [s] = await pendingOf(c(17).id);
    for (const act of [confirmSuggestions, dismissSuggestions, cancelSuggestions]) {
      await expect(act(beta.org, { suggestionIds: [s!.id] })).rejects.toMatchObject({ status: 404 });
      await expect(act(beta.org, { suggestionIds: [s!.id, "nosuchsuggestion01"] })).rejects.toMatchObject({ status: 404 });
    }
    expect((await prisma().automationSuggestion.findUniqueOrThrow({ where: { id: s!.id } })).status).toBe("PENDING");
    expect(await listPending(beta.org)).toEqual([]);
    expect(await pendingCount(beta.org)).toBe(0);
    await expect(updateRule(beta.org, w.jobId, rule.id, { enabled: false })).rejects.toMatchObject({ status: 404 });
    await expect(updateRule(beta.org, beta.jobId, rule.id, { enabled: false })).rejects.toMatchObject({ status: 404 });
    await expect(createRule(beta.org, w.jobId, rejectRule())).rejects.toMatchObject({ status: 404 });
    // Beta's own job with alpha's rejection reason: not one of beta's.
    const betaAdmin = await member(w.bed, beta.org.organizationId, "admin@beta-automations.test", "ADMIN");
    await expect(createRule(betaAdmin, beta.jobId, rejectRule())).rejects.toMatchObject({ status: 400, message: "Choose one of your rejection reasons" });

    const before = await prisma().automationRule.count({ where: { organizationId: w.org.organizationId } });
    await expect(confirmSuggestions(w.org, { suggestionIds: [] })).rejects.toSatisfy((e) => /Select at least one suggestion/.test(messageOf(e) ?? ""));
    await expect(createRule(w.org, w.jobId, {})).rejects.toSatisfy((e) => /Name the rule/.test(messageOf(e) ?? ""));
    await expect(createRule(w.org, w.jobId, rejectRule({ archiveReasonId: undefined }))).rejects.toSatisfy((e) => /Choose a rejection reason/.test(messageOf(e) ?? ""));
    await expect(createRule(w.org, w.jobId, rejectRule({ condition: { clauses: [{ type: "all_required_met" }, { type: "any_required_not_met" }] } }))).rejects.toSatisfy((e) =>
      /cannot both meet every required criterion and miss one/.test(messageOf(e) ?? ""),
    );
    await expect(createRule(admin, w.jobId, rejectRule({ mode: "AUTO_AFTER_DELAY", delayMinutes: 1 }))).rejects.toSatisfy((e) => /at least 5 minutes/.test(messageOf(e) ?? ""));
    await expect(createRule(w.org, w.jobId, rejectRule({ condition: { clauses: [{ type: "criterion", criterionId: "nosuchcriterion1", verdict: "NOT_MET" }] } }))).rejects.toMatchObject({ status: 400 });
    expect(await prisma().automationRule.count({ where: { organizationId: w.org.organizationId } })).toBe(before);
    await deleteRule(w.org, w.jobId, rule.id);
    expect((await prisma().automationSuggestion.findUniqueOrThrow({ where: { id: s!.id } })).status).toBe("SUPERSEDED");
  });

  it("an edited rule's waiting suggestions take its new action; a candidate moved to a late stage since needs the person to confirm twice", async () => {
    const rule = await createRule(w.org, w.jobId, rejectRule({ name: "Edited" }));
    await screened(c(19).id, ["NOT_MET", "MET", "MET"], 40);
    await screened(c(20).id, ["NOT_MET", "MET", "MET"], 40);
    await evaluate([c(19).id, c(20).id]);
    const other = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true, id: { not: reasonId } } });
    await updateRule(w.org, w.jobId, rule.id, rejectRule({ name: "Edited", archiveReasonId: other.id }));
    await evaluateRules(prisma(), { organizationId: w.org.organizationId, jobId: w.jobId, ruleId: rule.id });
    const [late] = await pendingOf(c(19).id);
    expect(late).toMatchObject({ archiveReasonId: other.id });
    expect((await listPending(w.org)).find((p) => p.id === late!.id)!.actionText).toBe(`Reject: ${other.text}`);

    const offer = await stageNamed("Offer");
    await prisma().candidate.update({ where: { id: c(19).id }, data: { stageId: offer.id, externalStageId: offer.externalId } });
    await expect(confirmSuggestions(w.org, { suggestionIds: [late!.id] })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/late stage or hired: confirm/) });
    expect((await prisma().automationSuggestion.findUniqueOrThrow({ where: { id: late!.id } })).status).toBe("PENDING");
    // In bulk, the late one is named and left pending; the others are confirmed.
    const [plain] = await pendingOf(c(20).id);
    // Rejected by hand meanwhile: the queue no longer lists it, and confirming it changes nothing.
    await screened(c(21).id, ["NOT_MET", "MET", "MET"], 40);
    await evaluate([c(21).id]);
    const [byHand] = await pendingOf(c(21).id);
    await prisma().candidate.update({ where: { id: c(21).id }, data: { archivedAt: new Date(), archiveReasonId: reasonId } });
    expect((await listPending(w.org)).map((p) => p.id)).not.toContain(byHand!.id);
    await expect(confirmSuggestions(w.org, { suggestionIds: [byHand!.id] })).rejects.toMatchObject({ status: 409, message: "The candidate was rejected or hired since: nothing was changed." });
    const bulk = await confirmSuggestions(w.org, { suggestionIds: [late!.id, plain!.id] });
    expect(bulk.done).toBe(1);
    expect(bulk.problems).toEqual([{ suggestionId: late!.id, candidateName: expect.any(String), message: expect.stringMatching(/late stage or hired/) }]);
    expect(await confirmSuggestions(w.org, { suggestionIds: [late!.id], confirmLate: true })).toEqual({ done: 1, problems: [] });
    await drain(w);
    for (const i of [19, 20]) expect(archivesOf(w, c(i).externalId).map((a) => a.reason)).toEqual([other.externalId]);
    expect(archivesOf(w, c(21).externalId)).toEqual([]);
    await deleteRule(w.org, w.jobId, rule.id);
  });

  it("a stored screening result queues the job's rules for that candidate, with the result; a job without rules queues nothing", async () => {
    await createRule(w.org, w.jobId, rejectRule({ name: "Hook" }));
    const evaluations = (candidateId: string) =>
      prisma().$queryRawUnsafe<unknown[]>(`SELECT id FROM pgboss.job WHERE name = $1 AND data->'candidateIds' ? $2`, QUEUES.automationsEvaluate.name, candidateId);
    expect(await screenCandidate(prisma(), { organizationId: w.org.organizationId, candidateId: c(18).id })).toBe("screened");
    expect(await evaluations(c(18).id)).toHaveLength(1);
    const other = beta.candidates[0]!;
    await prisma().screeningCriterion.create({ data: { organizationId: beta.org.organizationId, jobId: beta.jobId, text: "Go", kind: "REQUIRED", weight: "HIGH", position: 0 } });
    expect(await screenCandidate(prisma(), { organizationId: beta.org.organizationId, candidateId: other.id })).toBe("screened");
    expect(await evaluations(other.id)).toEqual([]);
  });
});
