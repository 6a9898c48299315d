import { http } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIM_URL } from "@/lib/ats/providers/lever/test-helpers";
import { applyCandidateAction, executeWriteBack, listWriteBacks, requestResultNote, retryWriteBack } from "@/lib/writeback";
import { archivesOf, clientWithoutRetries, drain, noteOf, notesOf, screen, stageChangesOf, startWriteBackBed, type WriteBackBed } from "./writeback-bed";
import { LeverSession } from "@/lib/ats/providers/lever";

/**
 * Write-back to Lever against the simulator (through msw) and a real database: notes, stage changes
 * and archives recorded as actions, run by the write-back queue's worker through the shared rate
 * limiter, exactly once per candidate even when Lever answers 429/503 or loses an answer.
 */
describe("write-back to Lever", () => {
  let w: WriteBackBed;
  const prisma = () => w.bed.db.prisma;
  let key = 0;
  const nextKey = () => `test-key-${++key}-${Date.now()}`;
  const setFlags = (flags: { postResults?: boolean; updateStages?: boolean }) =>
    prisma().integrationSettings.update({ where: { connectionId: w.connectionId }, data: flags });

  beforeAll(async () => {
    w = await startWriteBackBed(31);
  });
  afterAll(async () => {
    await w.close();
  });
  beforeEach(async () => {
    w.bed.sim.clearFaults();
    await setFlags({ postResults: true, updateStages: true });
  });

  it("under injected 429 and 503, every candidate ends with exactly one note and one stage change, through the queue", { timeout: 180_000 }, async () => {
    const batch = w.candidates.slice(0, 20);
    for (const c of batch) await screen(w, c.id, 40 + (batch.indexOf(c) % 60));
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId }, orderBy: { position: "desc" } });
    const outcome = await applyCandidateAction(w.org, { action: "advance", stageId: stage.id, candidateIds: batch.map((c) => c.id), idempotencyKey: nextKey() });
    expect(outcome).toMatchObject({ requested: 20, changed: 20, queued: 20, writeBack: "queued", repeated: false });

    w.bed.sim.setFaults([{ status: 503, rate: 0.15 }, { status: 429, rate: 0.15 }]);
    await drain(w);
    const faulted = Object.values(w.bed.sim.state().requests).reduce((n, byStatus) => n + (byStatus["503"] ?? 0) + (byStatus["429"] ?? 0), 0);
    expect(faulted).toBeGreaterThan(0);

    for (const c of batch) {
      const notes = notesOf(w, c.externalId);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.performAs).toBe(w.actingUserId);
      expect(notes[0]!.value).toContain(`/jobs/${w.jobId}/candidates/${c.id}`);
      const result = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: c.id } });
      expect(result.externalNoteId).toBe(notes[0]!.id);
      const changes = stageChangesOf(w, c.externalId);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ toStageId: stage.externalId, performAs: w.actingUserId });
    }
    const actions = await prisma().writeBackAction.findMany({ where: { candidateId: { in: batch.map((c) => c.id) } } });
    expect(actions).toHaveLength(40);
    expect(actions.every((a) => a.status === "SUCCEEDED" && a.completedAt)).toBe(true);
    expect(actions.filter((a) => a.kind === "NOTE").every((a) => a.externalNoteId)).toBe(true);
  });

  it("re-screening replaces the candidate's note (PUT) instead of adding one; the same result is never posted twice", async () => {
    const c = w.candidates[0]!;
    const before = notesOf(w, c.externalId);
    expect(before).toHaveLength(1);
    const result = await screen(w, c.id, 91, "criteria-v2");
    // The screening job running twice for the same result asks once.
    const row = await prisma().candidate.findUniqueOrThrow({ where: { id: c.id } });
    await prisma().$transaction((tx) => requestResultNote(tx, { organizationId: w.org.organizationId, candidateId: c.id, resultId: result.id, note: noteOf(result, row) }));
    expect(await prisma().writeBackAction.count({ where: { candidateId: c.id, kind: "NOTE", status: "PENDING" } })).toBe(1);
    await drain(w);

    const after = notesOf(w, c.externalId);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.value).toContain("Screening score: 91/100");
    expect(after[0]!.score).toBe(4);
    const latest = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "NOTE" }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ status: "SUCCEEDED", externalNoteId: before[0]!.id, externalResponse: { action: "updated" } });
  });

  it("a note POST whose answer was lost is found on retry and not posted again", async () => {
    const c = w.candidates[25]!;
    // Lever creates the note but the answer never arrives: the app sees a 500.
    let lost = 0;
    w.bed.server.use(
      http.post(`${SIM_URL}/v1/opportunities/:id/notes`, async ({ request }) => {
        await w.bed.sim.handle(request);
        lost++;
        return Response.json({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error" }, { status: 500 });
      }, { once: true }),
    );
    await screen(w, c.id, 55);
    const action = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "NOTE" } });
    await expect(executeWriteBack(action.id, { finalAttempt: false })).rejects.toThrow(/500/);
    expect(lost).toBe(1);
    expect(notesOf(w, c.externalId)).toHaveLength(1);
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "PENDING", attempts: 1 });

    expect(await executeWriteBack(action.id, { finalAttempt: false })).toBe("succeeded");
    const notes = notesOf(w, c.externalId);
    expect(notes).toHaveLength(1);
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, externalNoteId: notes[0]!.id });
    // Done is done: running it again changes nothing.
    expect(await executeWriteBack(action.id, { finalAttempt: false })).toBe("skipped");
  });

  it("with Post results off, nothing is recorded or written to Lever", async () => {
    await setFlags({ postResults: false });
    const c = w.candidates[26]!;
    await screen(w, c.id, 80);
    await drain(w);
    expect(await prisma().writeBackAction.count({ where: { candidateId: c.id } })).toBe(0);
    expect(notesOf(w, c.externalId)).toHaveLength(0);
  });

  it("with Update stages off, advance and reject change the app's copy and write nothing to Lever", async () => {
    await setFlags({ updateStages: false });
    const [a, b] = [w.candidates[27]!, w.candidates[28]!];
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId }, orderBy: { position: "asc" } });
    const reason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true } });
    expect(await applyCandidateAction(w.org, { action: "advance", stageId: stage.id, candidateIds: [a.id], idempotencyKey: nextKey() })).toMatchObject({ changed: 1, queued: 0, writeBack: "off" });
    expect(await applyCandidateAction(w.org, { action: "archive", archiveReasonId: reason.id, candidateIds: [b.id], idempotencyKey: nextKey() })).toMatchObject({ changed: 1, queued: 0, writeBack: "off" });
    await drain(w);
    expect(await prisma().candidate.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ stageId: stage.id, externalStageId: stage.externalId });
    expect(await prisma().candidate.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ archiveReasonId: reason.id, externalArchiveReasonId: reason.externalId, archivedAt: expect.any(Date) });
    expect(await prisma().writeBackAction.count({ where: { candidateId: { in: [a.id, b.id] } } })).toBe(0);
    expect(stageChangesOf(w, a.externalId)).toHaveLength(0);
    expect(archivesOf(w, b.externalId)).toHaveLength(0);
  });

  it("a repeated request (double-click) archives once; candidates already there are not written again", async () => {
    const ids = w.candidates.slice(20, 24).map((c) => c.id);
    const reason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true }, orderBy: { text: "asc" } });
    const input = { action: "archive", archiveReasonId: reason.id, candidateIds: ids, idempotencyKey: nextKey() };
    const [first, second] = await Promise.all([applyCandidateAction(w.org, input), applyCandidateAction(w.org, input)]);
    expect(first.changed + second.changed).toBe(4);
    // A new request for the same change finds nothing to do.
    expect(await applyCandidateAction(w.org, { ...input, idempotencyKey: nextKey() })).toMatchObject({ changed: 0, unchanged: 4, queued: 0 });
    await drain(w);
    expect(await prisma().writeBackAction.count({ where: { candidateId: { in: ids }, kind: "ARCHIVE" } })).toBe(4);
    for (const c of w.candidates.slice(20, 24)) expect(archivesOf(w, c.externalId).map((a) => a.reason)).toEqual([reason.externalId]);
  });

  it("a stage change replaced by a later one is not sent when it runs late, so Lever ends where the app is", async () => {
    const c = w.candidates[24]!;
    const [first, second] = await prisma().stage.findMany({ where: { organizationId: w.org.organizationId }, orderBy: { position: "asc" }, skip: 2, take: 2 });
    await applyCandidateAction(w.org, { action: "advance", stageId: first!.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    await applyCandidateAction(w.org, { action: "advance", stageId: second!.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    const [older, newer] = await prisma().writeBackAction.findMany({ where: { candidateId: c.id, kind: "STAGE_CHANGE" }, orderBy: { createdAt: "asc" } });
    // The older one failed once and its retry comes after the newer one.
    expect(await executeWriteBack(newer!.id, { finalAttempt: false })).toBe("succeeded");
    expect(await executeWriteBack(older!.id, { finalAttempt: false })).toBe("skipped");
    expect(stageChangesOf(w, c.externalId).map((s) => s.toStageId)).toEqual([second!.externalId]);
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: older!.id } })).toMatchObject({ status: "SUCCEEDED", externalResponse: { skipped: "superseded" } });
  });

  it("advancing twice in a row ends in the second stage even when Lever's webhook for the first resets the app's copy in between", async () => {
    const c = w.candidates[30]!;
    const [first, second] = await prisma().stage.findMany({ where: { organizationId: w.org.organizationId }, orderBy: { position: "asc" }, skip: 2, take: 2 });
    await applyCandidateAction(w.org, { action: "advance", stageId: first!.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    const older = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "STAGE_CHANGE" } });
    expect(await executeWriteBack(older.id, { finalAttempt: false })).toBe("succeeded");
    await applyCandidateAction(w.org, { action: "advance", stageId: second!.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    // Lever's candidateStageChange for the first write arrives now, and the app's copy follows Lever.
    await prisma().candidate.update({ where: { id: c.id }, data: { stageId: first!.id, externalStageId: first!.externalId } });
    const newer = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "STAGE_CHANGE", id: { not: older.id } } });
    expect(await executeWriteBack(newer.id, { finalAttempt: false })).toBe("succeeded");
    expect(stageChangesOf(w, c.externalId).map((s) => s.toStageId)).toEqual([first!.externalId, second!.externalId]);
  });

  it("an action that keeps failing is FAILED with Lever's error, shown in the history, and succeeds when retried after the faults clear", async () => {
    const c = w.candidates[29]!;
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId }, orderBy: { position: "asc" }, skip: 1 });
    await applyCandidateAction(w.org, { action: "advance", stageId: stage.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    const action = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "STAGE_CHANGE" } });
    w.bed.sim.setFaults({ status: 503, rate: 1 });
    const client = clientWithoutRetries(w.connectionId);
    await expect(executeWriteBack(action.id, { finalAttempt: false, session: new LeverSession(client) })).rejects.toThrow(/503/);
    expect(await executeWriteBack(action.id, { finalAttempt: true, session: new LeverSession(client) })).toBe("failed");
    const failed = await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, externalResponse: { ok: false, status: 503 } });
    expect(failed.lastError).toMatch(/Lever answered 503 to PUT .*stage/);
    expect(stageChangesOf(w, c.externalId)).toHaveLength(0);

    const [entry] = await listWriteBacks(w.org, c.id);
    expect(entry).toMatchObject({ id: action.id, kind: "STAGE_CHANGE", summary: `Moved to ${stage.text}`, status: "FAILED", requestedBy: "recruiter" });

    w.bed.sim.clearFaults();
    expect(await retryWriteBack(w.org, action.id)).toEqual({ id: action.id, status: "PENDING" });
    await drain(w);
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastError: null });
    expect(stageChangesOf(w, c.externalId).map((s) => s.toStageId)).toEqual([stage.externalId]);
  });

  it("after Lever is disconnected and the same account reconnected, Retry sends a failed action through the new connection", async () => {
    const c = w.candidates[27]!;
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId }, orderBy: { position: "desc" } });
    await applyCandidateAction(w.org, { action: "advance", stageId: stage.id, candidateIds: [c.id], idempotencyKey: nextKey() });
    const action = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: c.id, kind: "STAGE_CHANGE" }, orderBy: { createdAt: "desc" } });

    const old = await prisma().atsConnection.update({ where: { id: w.connectionId }, data: { status: "DISCONNECTED", accountClaim: null, disconnectedAt: new Date() } });
    expect(await executeWriteBack(action.id, { finalAttempt: false })).toBe("failed");
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "FAILED", lastError: "Lever is disconnected" });
    await expect(retryWriteBack(w.org, action.id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/Reconnect the same Lever account/) });

    // Reconnecting makes a new connection row holding the same account's tokens.
    const reconnected = await prisma().atsConnection.create({
      data: {
        organizationId: old.organizationId,
        environment: old.environment,
        externalAccountId: old.externalAccountId,
        accountClaim: `simulator:${old.externalAccountId}:again`,
        accessTokenEnc: old.accessTokenEnc,
        refreshTokenEnc: old.refreshTokenEnc,
        tokenKeyId: old.tokenKeyId,
        accessTokenExpiresAt: old.accessTokenExpiresAt,
        tokenVersion: old.tokenVersion,
        actingUserExternalId: old.actingUserExternalId,
      },
    });
    expect(await retryWriteBack(w.org, action.id)).toEqual({ id: action.id, status: "PENDING" });
    expect((await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).connectionId).toBe(reconnected.id);
    await drain(w);
    expect(await prisma().writeBackAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "SUCCEEDED", lastError: null });
    expect(stageChangesOf(w, c.externalId).map((s) => s.toStageId)).toEqual([stage.externalId]);
  });
});
