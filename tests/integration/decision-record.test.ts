import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenCandidate } from "@/lib/screening/run";
import { applyCandidateAction, restoreCandidate, undoCandidateAction } from "@/lib/writeback";
import { connectOrg, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

/**
 * The decision record: every screening result is kept as a numbered version that later screenings
 * never change, and each person's action is linked to the version the candidate had when they acted.
 */
describe("the decision record", () => {
  let w: WriteBackBed;
  let beta: Awaited<ReturnType<typeof connectOrg>>;
  const prisma = () => w.bed.db.prisma;
  const candidate = () => w.candidates[0]!;
  let n = 0;
  const key = () => `record-key-${++n}-${Date.now()}`;

  async function setCriteria(texts: string[]) {
    await prisma().screeningCriterion.deleteMany({ where: { organizationId: w.org.organizationId, jobId: w.jobId } });
    await prisma().screeningCriterion.createMany({
      data: texts.map((text, position) => ({ organizationId: w.org.organizationId, jobId: w.jobId, text, kind: "REQUIRED" as const, weight: "HIGH" as const, position })),
    });
  }
  const versions = () => prisma().screeningResultVersion.findMany({ where: { candidateId: candidate().id }, orderBy: { version: "asc" } });

  beforeAll(async () => {
    w = await startWriteBackBed(3);
    beta = await connectOrg(w.bed, 1, 2, "recruiter@beta-record.test");
    await prisma().candidate.update({
      where: { id: candidate().id },
      data: { resumeText: "Senior Backend Engineer, Northwind (2016 – present): 9 years of Python building payment APIs." },
    });
  });
  afterAll(async () => {
    await w.close();
  });

  it("each screening with other criteria adds a version; the earlier one is kept as it was", async () => {
    await setCriteria(["5+ years of Python"]);
    expect(await screenCandidate(prisma(), { organizationId: w.org.organizationId, candidateId: candidate().id })).toBe("screened");
    const [first] = await versions();
    expect(first).toMatchObject({ version: 1, jobId: w.jobId, organizationId: w.org.organizationId, anonymizedAt: null });
    expect(first!.criteria).toEqual([expect.objectContaining({ text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH" })]);

    await setCriteria(["5+ years of Python", "Experience with Kubernetes"]);
    expect(await screenCandidate(prisma(), { organizationId: w.org.organizationId, candidateId: candidate().id })).toBe("screened");
    // Unchanged input and criteria: no new version.
    expect(await screenCandidate(prisma(), { organizationId: w.org.organizationId, candidateId: candidate().id })).toBe("unchanged");

    const all = await versions();
    expect(all.map((v) => v.version)).toEqual([1, 2]);
    expect(all[0]).toEqual(first);
    expect((all[1]!.verdicts as unknown[]).length).toBe(2);
    const result = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: candidate().id } });
    expect(result.versionId).toBe(all[1]!.id);
    expect(all[1]!.inputHash).toBe(result.inputHash);
  });

  it("reject, undo and restore are recorded against the version the candidate had, with who did it", async () => {
    const reason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true } });
    const latest = (await versions()).at(-1)!;
    const now = new Date();
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: reason.id, candidateIds: [candidate().id], idempotencyKey: key(), undo: true }, { now });
    await undoCandidateAction(w.org, { batchId: outcome.undo!.batchId }, { now });
    await applyCandidateAction(w.org, { action: "archive", archiveReasonId: reason.id, candidateIds: [candidate().id], idempotencyKey: key() });
    await restoreCandidate(w.org, candidate().id, { idempotencyKey: key() });

    const decisions = await prisma().decision.findMany({ where: { candidateId: candidate().id }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => d.kind)).toEqual(["REJECT", "UNDO", "REJECT", "RESTORE"]);
    expect(decisions.every((d) => d.resultVersionId === latest.id && d.actorUserId === w.org.userId && d.jobId === w.jobId)).toBe(true);
    expect(decisions[0]!.details).toMatchObject({ action: "reject", reason: reason.text });
    const rejectAction = await prisma().writeBackAction.findFirstOrThrow({ where: { id: decisions[2]!.writeBackActionId! } });
    expect(rejectAction).toMatchObject({ kind: "ARCHIVE", candidateId: candidate().id });
  });

  it("another organization's action on this candidate records nothing", async () => {
    const before = await prisma().decision.count({ where: { candidateId: candidate().id } });
    const reason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: beta.org.organizationId, type: "non-hired", active: true } });
    await expect(
      applyCandidateAction(beta.org, { action: "archive", archiveReasonId: reason.id, candidateIds: [candidate().id], idempotencyKey: key() }),
    ).rejects.toThrow("Candidate not found");
    expect(await prisma().decision.count({ where: { candidateId: candidate().id } })).toBe(before);
  });
});
