import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCandidateAction, candidateActionOptions } from "@/lib/writeback";
import { startWriteBackBed, type WriteBackBed } from "./writeback-bed";

/**
 * After an organization switches ATS, candidates imported from the earlier one stay in the app. A
 * change to them is the app's own: nothing is written to the connected ATS, where they do not exist.
 */
describe("write-back skips candidates from another ATS", () => {
  let w: WriteBackBed;
  const prisma = () => w.bed.db.prisma;
  let n = 0;
  const key = () => `other-ats-${++n}-${Date.now()}`;

  beforeAll(async () => {
    w = await startWriteBackBed(2);
    await prisma().candidate.update({ where: { id: w.candidates[0]!.id }, data: { provider: "GREENHOUSE" } });
  });
  afterAll(async () => {
    await w.close();
  });

  it("rejects both in the app, queues a write-back for the Lever candidate only", async () => {
    const reason = await prisma().archiveReason.findFirstOrThrow({ where: { organizationId: w.org.organizationId, type: "non-hired", active: true } });
    const ids = w.candidates.map((c) => c.id);
    const outcome = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: reason.id, candidateIds: ids, idempotencyKey: key() });
    expect(outcome).toMatchObject({ changed: 2, queued: 1 });
    const actions = await prisma().writeBackAction.findMany({ where: { organizationId: w.org.organizationId, kind: "ARCHIVE" } });
    expect(actions.map((a) => a.candidateId)).toEqual([w.candidates[1]!.id]);
    const rows = await prisma().candidate.findMany({ where: { id: { in: ids } }, select: { archivedAt: true } });
    expect(rows.every((r) => r.archivedAt !== null)).toBe(true);
  });

  it("offers the connected ATS's stages and rejection reasons only", async () => {
    const connection = await prisma().atsConnection.findFirstOrThrow({ where: { organizationId: w.org.organizationId } });
    const base = { organizationId: w.org.organizationId, connectionId: connection.id, provider: "GREENHOUSE" as const };
    await prisma().stage.create({ data: { ...base, externalId: "gh-stage-1", text: "Greenhouse-only stage" } });
    await prisma().archiveReason.create({ data: { ...base, externalId: "gh-reason-1", text: "Greenhouse-only reason", type: "non-hired", active: true } });
    const options = await candidateActionOptions(w.org);
    expect(options.stages.length).toBeGreaterThan(0);
    expect(options.stages.map((s) => s.text)).not.toContain("Greenhouse-only stage");
    expect(options.archiveReasons.map((r) => r.text)).not.toContain("Greenhouse-only reason");
  });
});
