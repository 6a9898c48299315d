import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as overrideRoute } from "@/app/api/candidates/[candidateId]/override/route";
import { GET as recordRoute } from "@/app/api/candidates/[candidateId]/record/route";
import type { OrgContext } from "@/lib/auth/guard";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { candidateRecord } from "@/lib/oversight/explanation";
import { currentOverrides } from "@/lib/oversight/override";
import { requestCandidateRescreen, setHumanReview } from "@/lib/oversight/human-review";
import { replaceCriteria } from "@/lib/screening/criteria";
import { screenCandidate } from "@/lib/screening/run";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const post = async (candidateId: string, body: unknown) => {
  const res = await overrideRoute(
    new NextRequest(`http://localhost/api/candidates/${candidateId}/override`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", origin: "http://localhost" } }),
    { params: Promise.resolve({ candidateId }) },
  );
  return { status: res.status, json: (await res.json()) as Json };
};

const getRecord = async (candidateId: string) => {
  const res = await recordRoute(new NextRequest(`http://localhost/api/candidates/${candidateId}/record`), { params: Promise.resolve({ candidateId }) });
  return { status: res.status, json: (await res.json()) as Json, disposition: res.headers.get("content-disposition") };
};

const RESUME = "Backend Engineer, Northwind (2016 – present): 9 years of Python building payment APIs.";

/** The human actions that are not write-backs: criteria edits, overrides of a verdict, human-review requests. */
describe("people's actions in the decision record", () => {
  let t: TestDatabase;
  let alpha: OrgContext;
  let beta: OrgContext;
  let jobId: string;
  let candidateId: string;
  let unscreened: string;
  const as = (u: OrgContext) => (session.userId = u.userId);
  const decisions = (where: object = {}) => t.prisma.decision.findMany({ where: { organizationId: alpha.organizationId, ...where }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    t = await createTestDatabase();
    await startQueue({ work: false });
    alpha = await makeOrg(t.prisma, "Alpha", "ADMIN");
    beta = await makeOrg(t.prisma, "Beta", "ADMIN");
    jobId = (await t.prisma.job.create({ data: { organizationId: alpha.organizationId, provider: "LEVER", externalId: "post-1", title: "Backend Engineer", importedVia: "MANUAL" } })).id;
    const make = (name: string, opp: string) =>
      t.prisma.candidate.create({ data: { organizationId: alpha.organizationId, jobId, provider: "LEVER", externalId: opp, name, resumeText: RESUME, importedVia: "MANUAL" } });
    candidateId = (await make("Ada Quinn", "opp-1")).id;
    unscreened = (await make("Bob Marsh", "opp-2")).id;
  });
  afterAll(async () => {
    await stopQueue();
    await t.close();
  });

  it("saving criteria records what changed, with the reason kept for a protected attribute", async () => {
    await replaceCriteria(alpha, jobId, { criteria: [{ text: "5+ years of Python", kind: "PREFERRED", weight: "HIGH" }] });
    const first = await t.prisma.screeningCriterion.findFirstOrThrow({ where: { jobId } });
    await replaceCriteria(alpha, jobId, {
      criteria: [
        { id: first.id, text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH" },
        { text: "Native English speaker", kind: "PREFERRED", weight: "LOW", keptReason: "Client-facing role writing English contracts daily" },
      ],
    });
    // Saving the same list again changes nothing and records nothing.
    const again = await t.prisma.screeningCriterion.findMany({ where: { jobId }, orderBy: { position: "asc" } });
    await replaceCriteria(alpha, jobId, { criteria: again.map(({ id, text, kind, weight, keptReason }) => ({ id, text, kind, weight, keptReason })) });

    const edits = await decisions({ kind: "CRITERIA_EDIT" });
    expect(edits).toHaveLength(2);
    expect(edits.every((d) => d.jobId === jobId && d.actorUserId === alpha.userId && d.candidateId === null)).toBe(true);
    expect(edits[0]!.details).toMatchObject({ added: [{ text: "5+ years of Python", kind: "PREFERRED" }], removed: [], changed: [] });
    expect(edits[1]!.details).toMatchObject({
      added: [{ text: "Native English speaker" }],
      changed: [{ text: "5+ years of Python", from: { kind: "PREFERRED" }, to: { kind: "REQUIRED" } }],
      keptProtected: [{ text: "Native English speaker", reason: "Client-facing role writing English contracts daily" }],
    });
  });

  it("a refused save (protected attribute without a reason) records nothing", async () => {
    const before = (await decisions({ kind: "CRITERIA_EDIT" })).length;
    await expect(replaceCriteria(alpha, jobId, { criteria: [{ text: "Under 35", kind: "REQUIRED", weight: "HIGH" }] })).rejects.toMatchObject({ status: 400 });
    expect(await decisions({ kind: "CRITERIA_EDIT" })).toHaveLength(before);
  });

  it("a person's verdict is an OVERRIDE linked to the version; the AI's version is unchanged", async () => {
    expect(await screenCandidate(t.prisma, { organizationId: alpha.organizationId, candidateId })).toBe("screened");
    const version = await t.prisma.screeningResultVersion.findFirstOrThrow({ where: { candidateId } });
    const verdict = (version.verdicts as Array<{ criterionId: string; verdict: string }>)[0]!;
    as(alpha);
    const res = await post(candidateId, { criterionId: verdict.criterionId, verdict: "NOT_MET", reason: "  The Python years were  mostly scripting, not APIs " });
    expect(res.status).toBe(201);
    expect(res.json.override).toMatchObject({ verdict: "NOT_MET", aiVerdict: verdict.verdict, reason: "The Python years were mostly scripting, not APIs" });

    const [override] = await decisions({ kind: "OVERRIDE" });
    expect(override).toMatchObject({ candidateId, jobId, resultVersionId: version.id, actorUserId: alpha.userId });
    expect(await t.prisma.screeningResultVersion.findUniqueOrThrow({ where: { id: version.id } })).toEqual(version);
    expect((await currentOverrides(alpha.organizationId, candidateId)).get(verdict.criterionId)).toMatchObject({ verdict: "NOT_MET" });
  });

  it("an override without a reason, with an unknown verdict or criterion, or before screening changes nothing", async () => {
    as(alpha);
    const version = await t.prisma.screeningResultVersion.findFirstOrThrow({ where: { candidateId } });
    const criterionId = (version.verdicts as Array<{ criterionId: string }>)[0]!.criterionId;
    const before = (await decisions({ kind: "OVERRIDE" })).length;
    const short = await post(candidateId, { criterionId, verdict: "MET", reason: "no" });
    expect(short.status).toBe(400);
    expect(short.json.error?.message).toContain("Write why you judge it differently");
    expect((await post(candidateId, { criterionId, verdict: "MAYBE", reason: "A long enough reason here" })).status).toBe(400);
    expect((await post(candidateId, { criterionId: "not-a-criterion", verdict: "MET", reason: "A long enough reason here" })).status).toBe(404);
    expect((await post(unscreened, { criterionId, verdict: "MET", reason: "A long enough reason here" })).status).toBe(409);
    as(beta);
    expect((await post(candidateId, { criterionId, verdict: "MET", reason: "A long enough reason here" })).status).toBe(404);
    expect(await decisions({ kind: "OVERRIDE" })).toHaveLength(before);
  });

  it("a human-review request and its clearing are recorded against the candidate", async () => {
    await setHumanReview(alpha, candidateId, { requested: true, note: "Asked by email" });
    await setHumanReview(alpha, candidateId, { requested: true, note: "Asked by email" });
    // Unconfirmed, the re-screen is refused and recorded as nothing; confirmed, it is a RESCREEN saying so.
    await expect(requestCandidateRescreen(alpha, candidateId, {})).rejects.toMatchObject({ status: 409 });
    await requestCandidateRescreen(alpha, candidateId, { confirmHumanReview: true });
    await setHumanReview(alpha, candidateId, { requested: false });
    const rows = await decisions({ candidateId, kind: { in: ["HUMAN_REVIEW_REQUESTED", "HUMAN_REVIEW_CLEARED", "RESCREEN"] } });
    expect(rows.map((d) => d.kind)).toEqual(["HUMAN_REVIEW_REQUESTED", "RESCREEN", "HUMAN_REVIEW_CLEARED"]);
    expect(rows[0]!.details).toEqual({ note: "Asked by email" });
    expect(rows[1]!.details).toEqual({ confirmedHumanReview: true });
    await expect(setHumanReview(beta, candidateId, { requested: true })).rejects.toMatchObject({ status: 404 });
  });

  it("the Explanation's record holds every version and every decision, oldest first", async () => {
    await t.prisma.screeningCriterion.updateMany({ where: { jobId, text: "Native English speaker" }, data: { kind: "REQUIRED" } });
    expect(await screenCandidate(t.prisma, { organizationId: alpha.organizationId, candidateId })).toBe("screened");
    const record = await candidateRecord(alpha, candidateId, jobId);
    expect(record.candidate).toMatchObject({ id: candidateId, name: "Ada Quinn", jobTitle: "Backend Engineer" });
    expect(record.entries.map((e) => (e.type === "version" ? `v${e.version}` : e.kind))).toEqual(["v1", "OVERRIDE", "HUMAN_REVIEW_REQUESTED", "RESCREEN", "HUMAN_REVIEW_CLEARED", "v2"]);
    const times = record.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [v1, override] = record.entries;
    expect(v1).toMatchObject({ type: "version", engine: expect.any(String), engineVersion: expect.any(String), inputHash: expect.any(String) });
    expect(override).toMatchObject({ type: "decision", actor: "Alpha ADMIN", resultVersion: 1, details: { verdict: "NOT_MET" } });
    // The override was about version 1: once re-screened it no longer shows as the current one.
    expect((await currentOverrides(alpha.organizationId, candidateId)).size).toBe(0);
    // The candidate under another job's URL is not found.
    const otherJob = await t.prisma.job.create({ data: { organizationId: alpha.organizationId, provider: "LEVER", externalId: "post-2", title: "Other", importedVia: "MANUAL" } });
    await expect(candidateRecord(alpha, candidateId, otherJob.id)).rejects.toMatchObject({ status: 404 });
  });

  it("the JSON export is the same record; another organization and a member without access to a confidential job get 404", async () => {
    as(alpha);
    const res = await getRecord(candidateId);
    expect(res.status).toBe(200);
    expect(res.disposition).toContain("attachment");
    expect((res.json.entries as Array<{ type: string }>).map((e) => e.type)).toEqual(["version", "decision", "decision", "decision", "decision", "version"]);
    expect(JSON.stringify(res.json)).not.toContain("payment APIs building");
    as(beta);
    expect((await getRecord(candidateId)).status).toBe(404);
    const recruiter = await t.prisma.user.create({ data: { email: "rita@alpha.test", name: "Rita" } });
    await t.prisma.membership.create({ data: { organizationId: alpha.organizationId, userId: recruiter.id, role: "RECRUITER" } });
    await t.prisma.job.update({ where: { id: jobId }, data: { confidential: true } });
    session.userId = recruiter.id;
    expect((await getRecord(candidateId)).status).toBe(404);
    await t.prisma.job.update({ where: { id: jobId }, data: { confidential: false } });
    expect((await getRecord(candidateId)).status).toBe(200);
  });
});
