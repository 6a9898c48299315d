import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyCandidateAction, executeWriteBack, restoreCandidate, undoCandidateAction, UNDO_WINDOW_MS } from "@/lib/writeback";
import { archivesOf, connectOrg, drain, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

/**
 * Bulk reject with an Undo window, and Restore, against the Lever simulator (through msw) and the
 * real queue. Time is the clock handed to the actions: a rejection made "11 seconds ago" is past its
 * window, one made now is within it.
 */
describe("reject with Undo, and Restore", () => {
  let w: WriteBackBed;
  let beta: Awaited<ReturnType<typeof connectOrg>>;
  const prisma = () => w.bed.db.prisma;
  let n = 0;
  const key = () => `undo-key-${++n}-${Date.now()}`;
  const reason = () => prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true }, orderBy: { text: "asc" } });
  const stageNamed = (text: string) => prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId, text } });
  const state = (ids: string[]) =>
    prisma().candidate.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, stageId: true, externalStageId: true, archivedAt: true, archiveReasonId: true, externalArchiveReasonId: true } });
  const jobsOf = async (actionIds: string[]) =>
    (await prisma().$queryRawUnsafe<Array<{ start_after: Date }>>(`SELECT start_after FROM pgboss.job WHERE name = 'ats.write-back' AND data->>'actionId' = ANY($1::text[])`, actionIds));

  beforeAll(async () => {
    w = await startWriteBackBed(14);
    beta = await connectOrg(w.bed, 1, 2, "recruiter@beta-undo.test");
    const screen = await stageNamed("Recruiter screen");
    await prisma().candidate.updateMany({ where: { organizationId: w.org.organizationId }, data: { stageId: screen.id, externalStageId: screen.externalId } });
  });
  afterAll(async () => {
    await w.close();
  });
  beforeEach(() => {
    w.bed.sim.clearFaults();
  });

  it("Undo within the window: Lever receives nothing and the candidates are back as they were", async () => {
    const ids = w.candidates.slice(0, 3).map((c) => c.id);
    // One of them was already rejected with another reason: Undo puts that back too.
    const other = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true }, orderBy: { text: "desc" } });
    const earlier = new Date("2026-01-02T03:04:05.000Z");
    await prisma().candidate.update({ where: { id: ids[2]! }, data: { archivedAt: earlier, archiveReasonId: other.id, externalArchiveReasonId: other.externalId } });
    const before = await state(ids);
    const good = await reason();

    const t0 = new Date();
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds: ids, idempotencyKey: key(), undo: true }, { now: t0 });
    expect(outcome).toMatchObject({ changed: 3, queued: 3, undo: { until: new Date(t0.getTime() + UNDO_WINDOW_MS).toISOString() } });
    expect((await state(ids)).every((c) => c.archiveReasonId === good.id && c.archivedAt)).toBe(true);
    // The queue holds the write-backs until the window ends.
    const actions = await prisma().writeBackAction.findMany({ where: { batchId: outcome.undo!.batchId } });
    expect(actions).toHaveLength(3);
    const jobs = await jobsOf(actions.map((a) => a.id));
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.start_after.getTime() === t0.getTime() + UNDO_WINDOW_MS)).toBe(true);

    const undone = await undoCandidateAction(w.org, { batchId: outcome.undo!.batchId }, { now: new Date(t0.getTime() + UNDO_WINDOW_MS - 1) });
    expect(undone).toEqual({ restored: 3, withdrawn: 3, repeated: false });
    expect(await state(ids)).toEqual(before);
    expect((await state(ids)).find((c) => c.id === ids[2])!.archivedAt).toEqual(earlier);

    // The window ends and the queue hands the jobs to the worker: nothing is left to send.
    for (const a of actions) expect(await executeWriteBack(a.id, { finalAttempt: false })).toBe("skipped");
    for (const c of w.candidates.slice(0, 3)) expect(archivesOf(w, c.externalId)).toEqual([]);
    // A second Undo (a double-click) does nothing more.
    expect(await undoCandidateAction(w.org, { batchId: outcome.undo!.batchId }, { now: new Date(t0.getTime() + 2000) })).toMatchObject({ repeated: true });
    expect(await state(ids)).toEqual(before);
  });

  it("without Undo, the window passes and Lever receives exactly one archive per candidate; a late Undo is refused with 409", async () => {
    const batch = w.candidates.slice(3, 6);
    const good = await reason();
    const past = new Date(Date.now() - UNDO_WINDOW_MS - 1000);
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds: batch.map((c) => c.id), idempotencyKey: key(), undo: true }, { now: past });
    expect(outcome.queued).toBe(3);
    await drain(w);
    for (const c of batch) {
      const archives = archivesOf(w, c.externalId);
      expect(archives).toHaveLength(1);
      expect(archives[0]).toMatchObject({ reason: good.externalId, performAs: w.actingUserId });
    }
    await expect(undoCandidateAction(w.org, { batchId: outcome.undo!.batchId })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^Too late to undo/) });
    expect((await state(batch.map((c) => c.id))).every((c) => c.archiveReasonId === good.id)).toBe(true);
  });

  it("Undo is refused (409) once the worker has claimed a write-back, even within the window", async () => {
    const c = w.candidates[6]!;
    const t0 = new Date();
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: (await reason()).id, candidateIds: [c.id], idempotencyKey: key(), undo: true }, { now: t0 });
    await prisma().writeBackAction.updateMany({ where: { batchId: outcome.undo!.batchId }, data: { status: "RUNNING", attempts: 1 } });
    await expect(undoCandidateAction(w.org, { batchId: outcome.undo!.batchId }, { now: new Date(t0.getTime() + 1000) })).rejects.toMatchObject({ status: 409 });
    expect(await prisma().writeBackAction.count({ where: { batchId: outcome.undo!.batchId } })).toBe(1);
    expect((await state([c.id]))[0]!.archivedAt).not.toBeNull();
    // Left as a finished write, so later drains of the queue do not wait for it.
    await prisma().writeBackAction.updateMany({ where: { batchId: outcome.undo!.batchId }, data: { status: "SUCCEEDED" } });
  });

  it("another organization's change is a 404 and stays undoable by its own organization; bad ids are a 400", async () => {
    const c = w.candidates[7]!;
    const t0 = new Date();
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: (await reason()).id, candidateIds: [c.id], idempotencyKey: key(), undo: true }, { now: t0 });
    await expect(undoCandidateAction(beta.org, { batchId: outcome.undo!.batchId }, { now: t0 })).rejects.toMatchObject({ status: 404 });
    await expect(undoCandidateAction(w.org, { batchId: "no such/id" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(undoCandidateAction(w.org, {})).rejects.toMatchObject({ name: "ZodError" });
    expect(await undoCandidateAction(w.org, { batchId: outcome.undo!.batchId }, { now: t0 })).toMatchObject({ restored: 1, withdrawn: 1 });
  });

  it("rejecting someone at Offer or hired needs an explicit confirmation; without it nothing changes (409)", async () => {
    const [late, hired, plain] = w.candidates.slice(8, 11);
    const offer = await stageNamed("Offer");
    await prisma().candidate.update({ where: { id: late!.id }, data: { stageId: offer.id, externalStageId: offer.externalId } });
    const hiredReason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "hired" } });
    await prisma().candidate.update({ where: { id: hired!.id }, data: { archivedAt: new Date(), archiveReasonId: hiredReason.id, externalArchiveReasonId: hiredReason.externalId } });
    const ids = [late!.id, hired!.id, plain!.id];
    const before = await state(ids);
    const good = await reason();

    for (const candidateIds of [ids, [late!.id], [hired!.id]]) {
      await expect(applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds, idempotencyKey: key(), undo: true })).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(/late stage or hired: confirm/),
      });
    }
    expect(await state(ids)).toEqual(before);
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds: ids, idempotencyKey: key(), undo: true, confirmLate: true });
    expect(outcome.changed).toBe(3);
    await undoCandidateAction(w.org, { batchId: outcome.undo!.batchId });
    expect(await state(ids)).toEqual(before);
  });

  it("Restore unarchives here and writes exactly one unarchive to Lever; a repeat, another organization or a candidate not rejected change nothing", async () => {
    const c = w.candidates[11]!;
    const past = new Date(Date.now() - UNDO_WINDOW_MS - 1000);
    await applyCandidateAction(w.org, { action: "archive", archiveReasonId: (await reason()).id, candidateIds: [c.id], idempotencyKey: key() }, { now: past });
    await drain(w);
    expect(archivesOf(w, c.externalId)).toHaveLength(1);

    await expect(restoreCandidate(beta.org, c.id, { idempotencyKey: key() })).rejects.toMatchObject({ status: 404 });
    const restoreKey = key();
    expect(await restoreCandidate(w.org, c.id, { idempotencyKey: restoreKey })).toEqual({ restored: true, queued: 1, writeBack: "queued", repeated: false });
    expect(await restoreCandidate(w.org, c.id, { idempotencyKey: restoreKey })).toMatchObject({ restored: false, repeated: true });
    expect((await state([c.id]))[0]).toMatchObject({ archivedAt: null, archiveReasonId: null, externalArchiveReasonId: null });
    await drain(w);
    const archives = archivesOf(w, c.externalId);
    expect(archives).toHaveLength(2);
    expect(archives[1]).toMatchObject({ reason: null, performAs: w.actingUserId });
    expect(w.bed.sim.context.world.accounts[0]!.opportunities.find((o) => o.id === c.externalId)!.archived).toBeNull();
    const action = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "UNARCHIVE" } });
    expect(action).toMatchObject({ status: "SUCCEEDED", externalResponse: { ok: true, action: "unreject" } });

    await expect(restoreCandidate(w.org, c.id, { idempotencyKey: key() })).rejects.toMatchObject({ status: 409, message: "This candidate is not rejected." });
    await expect(restoreCandidate(w.org, c.id, {})).rejects.toMatchObject({ name: "ZodError" });
    expect(archivesOf(w, c.externalId)).toHaveLength(2);
  });

  it("a rejection still waiting in its window is not sent once the candidate is restored", async () => {
    const c = w.candidates[12]!;
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: (await reason()).id, candidateIds: [c.id], idempotencyKey: key(), undo: true });
    await restoreCandidate(w.org, c.id, { idempotencyKey: key() });
    const [archive] = await prisma().writeBackAction.findMany({ where: { batchId: outcome.undo!.batchId } });
    expect(await executeWriteBack(archive!.id, { finalAttempt: false })).toBe("skipped");
    await drain(w);
    expect(archivesOf(w, c.externalId).map((a) => a.reason)).toEqual([null]);
  });
});
