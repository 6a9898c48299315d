import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as humanReviewRoute } from "@/app/api/candidates/[candidateId]/human-review/route";
import { POST as screenCandidateRoute } from "@/app/api/candidates/[candidateId]/screen/route";
import { GET as getNoticeRoute, PUT as putNoticeRoute } from "@/app/api/settings/candidate-notice/route";
import type { OrgContext } from "@/lib/auth/guard";
import { QUEUES } from "@/lib/jobs/definitions";
import { queue, startQueue, stopQueue } from "@/lib/jobs/queue";
import { humanReviewIds } from "@/lib/oversight/human-review";
import { screeningOverview } from "@/lib/screening/results";
import { screenCandidate, screenJobBatch, type ScreenCandidateJob } from "@/lib/screening/run";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const call = async (handler: Route, url: string, init: { method?: string; body?: unknown } = {}, params: Record<string, string> = {}) => {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const res = await handler(new NextRequest(`http://localhost${url}`, { method: init.method ?? (body ? "POST" : "GET"), body, headers: body ? { "content-type": "application/json" } : {} }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Json };
};

const RESUME = "Ada Quinn — Backend Engineer\nBackend Engineer, Northwind (2016 – present): 9 years of Python building payment APIs.";

/** "Asked for human review" and the candidate notice: tenant-scoped, audited, and obeyed by the screening jobs. */
describe("human oversight", () => {
  let t: TestDatabase;
  let alpha: OrgContext;
  let alphaRecruiter: OrgContext;
  let beta: OrgContext;
  let jobId: string;
  let flagged: string;
  let other: string;
  const as = (u: OrgContext) => (session.userId = u.userId);
  const review = (candidateId: string, body: unknown) => call(humanReviewRoute, `/api/candidates/${candidateId}/human-review`, { method: "PUT", body }, { candidateId });

  beforeAll(async () => {
    t = await createTestDatabase();
    await startQueue({ work: false });
    alpha = await makeOrg(t.prisma, "Alpha", "ADMIN");
    beta = await makeOrg(t.prisma, "Beta", "ADMIN");
    const recruiter = await t.prisma.user.create({ data: { email: "rita@alpha.test", name: "Rita Recruiter" } });
    await t.prisma.membership.create({ data: { organizationId: alpha.organizationId, userId: recruiter.id, role: "RECRUITER" } });
    alphaRecruiter = { ...alpha, userId: recruiter.id, userEmail: recruiter.email, role: "RECRUITER" };
    jobId = (await t.prisma.job.create({ data: { organizationId: alpha.organizationId, provider: "LEVER", externalId: "post-1", title: "Backend Engineer", importedVia: "MANUAL" } })).id;
    await t.prisma.screeningCriterion.create({ data: { organizationId: alpha.organizationId, jobId, text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH", position: 0 } });
    const candidate = (name: string, opp: string) =>
      t.prisma.candidate.create({ data: { organizationId: alpha.organizationId, jobId, provider: "LEVER", externalId: opp, name, resumeText: RESUME, importedVia: "MANUAL" } });
    flagged = (await candidate("Ada Quinn", "opp-1")).id;
    other = (await candidate("Bob Marsh", "opp-2")).id;
  });
  afterAll(async () => {
    await stopQueue();
    await t.close();
  });

  it("a recruiter marks a candidate as asking for human review; who and when are in the audit log", async () => {
    as(alphaRecruiter);
    const before = Date.now();
    const res = await review(flagged, { requested: true, note: "Asked by email on 30 Nov" });
    expect(res.status).toBe(200);
    expect(res.json.humanReview).toMatchObject({ requestedBy: "Rita Recruiter", note: "Asked by email on 30 Nov" });
    const row = await t.prisma.candidate.findUniqueOrThrow({ where: { id: flagged } });
    expect(row.humanReviewRequestedById).toBe(alphaRecruiter.userId);
    expect(row.humanReviewRequestedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { organizationId: alpha.organizationId, action: "candidate.human_review_requested" } });
    expect(audit.actorUserId).toBe(alphaRecruiter.userId);
    expect(audit.message).toContain("rita@alpha.test marked Ada Quinn");
    expect(audit.details).toMatchObject({ candidateId: flagged });
    expect(await humanReviewIds(alpha.organizationId, [flagged, other])).toEqual(new Set([flagged]));
  });

  it("bad input is a 400 that says what is wrong", async () => {
    as(alphaRecruiter);
    const res = await review(other, { requested: "yes" });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toBe("Choose whether the candidate asked for a review by a person.");
  });

  it("another organization's member gets 404 for the candidate and changes nothing", async () => {
    as(beta);
    expect((await review(other, { requested: true })).status).toBe(404);
    expect((await review(flagged, { requested: false })).status).toBe(404);
    expect((await call(screenCandidateRoute, `/api/candidates/${flagged}/screen`, { body: { confirmHumanReview: true } }, { candidateId: flagged })).status).toBe(404);
    expect(await humanReviewIds(beta.organizationId, [flagged, other])).toEqual(new Set());
    const rows = await t.prisma.candidate.findMany({ where: { jobId }, orderBy: { name: "asc" }, select: { humanReviewRequestedAt: true } });
    expect(rows.map((r) => r.humanReviewRequestedAt !== null)).toEqual([true, false]);
  });

  it("the screening job skips a flagged candidate and records why; the others are screened", async () => {
    const { counts } = await screenJobBatch(t.prisma, { organizationId: alpha.organizationId, jobId });
    expect(counts).toMatchObject({ screened: 1, human_review: 1 });
    expect(await t.prisma.screeningResult.findUnique({ where: { candidateId: flagged } })).toBeNull();
    expect(await t.prisma.screeningResult.findUnique({ where: { candidateId: other } })).not.toBeNull();
    expect(await screenCandidate(t.prisma, { organizationId: alpha.organizationId, candidateId: flagged })).toBe("human_review");
    const skips = await t.prisma.auditLog.findMany({ where: { organizationId: alpha.organizationId, action: "screening.skipped" } });
    expect(skips).toHaveLength(2);
    expect(skips[0]!.details).toMatchObject({ candidateId: flagged, reason: "human_review_requested" });
    // No job will screen them, so the job's progress does not wait for them.
    expect(await screeningOverview(alpha.organizationId, jobId)).toMatchObject({ total: 2, screened: 1, unscreened: 0, stale: 0 });
  });

  it("a manual Re-screen of a flagged candidate asks for confirmation; once confirmed it screens them and records who", async () => {
    as(alphaRecruiter);
    const boss = await queue();
    const refused = await call(screenCandidateRoute, `/api/candidates/${flagged}/screen`, { body: {} }, { candidateId: flagged });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "human_review_requested", message: "Ada Quinn asked for a human review, so they are not screened automatically. Confirm to screen them anyway." });
    expect(await boss.fetch(QUEUES.screeningRun.name, { batchSize: 10 })).toEqual([]);

    const confirmed = await call(screenCandidateRoute, `/api/candidates/${flagged}/screen`, { body: { confirmHumanReview: true } }, { candidateId: flagged });
    expect(confirmed.status).toBe(202);
    const jobs = await boss.fetch<ScreenCandidateJob>(QUEUES.screeningRun.name, { batchSize: 10 });
    expect(jobs.map((j) => j.data)).toEqual([{ organizationId: alpha.organizationId, candidateId: flagged, humanReviewConfirmedBy: alphaRecruiter.userId }]);
    expect(await screenCandidate(t.prisma, jobs[0]!.data)).toBe("screened");
    await boss.complete(QUEUES.screeningRun.name, jobs.map((j) => j.id));
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { organizationId: alpha.organizationId, action: "screening.human_review_overridden" } });
    expect(audit.actorUserId).toBe(alphaRecruiter.userId);
  });

  it("after a criteria change a flagged candidate's result is not counted as waiting; clearing the request lets automatic screening apply again", async () => {
    as(alphaRecruiter);
    await t.prisma.screeningCriterion.updateMany({ where: { organizationId: alpha.organizationId, jobId }, data: { text: "4+ years of Python" } });
    expect(await screeningOverview(alpha.organizationId, jobId)).toMatchObject({ screened: 2, stale: 1, unscreened: 0 });
    const res = await review(flagged, { requested: false });
    expect(res.json.humanReview).toBeNull();
    expect(await t.prisma.auditLog.count({ where: { organizationId: alpha.organizationId, action: "candidate.human_review_cleared" } })).toBe(1);
    expect(await screeningOverview(alpha.organizationId, jobId)).toMatchObject({ stale: 2 });
    expect(await screenCandidate(t.prisma, { organizationId: alpha.organizationId, candidateId: flagged })).toBe("screened");
  });

  it("the candidate notice is per organization: the default names the organization, an admin's edit stays in it", async () => {
    as(alpha);
    const initial = await call(getNoticeRoute, "/api/settings/candidate-notice");
    expect(initial.json).toMatchObject({ isDefault: true });
    expect(initial.json.text).toMatch(/^Alpha uses an automated screening tool/);
    expect(initial.json.text).toMatch(/a person reviews every application and makes every decision/);
    expect(initial.json.text).toMatch(/reviewed by a person only/);

    const text = "Alpha uses software to help read applications. People decide. To opt out, email jobs@alpha.test.";
    const saved = await call(putNoticeRoute, "/api/settings/candidate-notice", { method: "PUT", body: { text } });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ text, isDefault: false });
    expect(await t.prisma.auditLog.count({ where: { organizationId: alpha.organizationId, action: "notice.updated", actorUserId: alpha.userId } })).toBe(1);

    as(beta);
    const other = await call(getNoticeRoute, "/api/settings/candidate-notice");
    expect(other.json).toMatchObject({ isDefault: true });
    expect(other.json.text).toMatch(/^Beta uses an automated screening tool/);

    as(alpha);
    expect((await call(getNoticeRoute, "/api/settings/candidate-notice")).json.text).toBe(text);
  });

  it("only admins edit the notice, and a notice too short to inform anyone is a 400", async () => {
    as(alphaRecruiter);
    const refused = await call(putNoticeRoute, "/api/settings/candidate-notice", { method: "PUT", body: { text: null } });
    expect(refused.status).toBe(403);
    as(alpha);
    const short = await call(putNoticeRoute, "/api/settings/candidate-notice", { method: "PUT", body: { text: "We use AI." } });
    expect(short.status).toBe(400);
    expect(short.json.error?.message).toMatch(/^The notice is too short/);
    const reset = await call(putNoticeRoute, "/api/settings/candidate-notice", { method: "PUT", body: { text: null } });
    expect(reset.json).toMatchObject({ isDefault: true });
  });
});
