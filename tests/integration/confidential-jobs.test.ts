import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as actionsRoute } from "@/app/api/candidates/actions/route";
import { GET as candidateScreenStatusRoute, POST as candidateScreenRoute } from "@/app/api/candidates/[candidateId]/screen/route";
import { POST as cancelRoute } from "@/app/api/imports/[runId]/cancel/route";
import { GET as runRoute } from "@/app/api/imports/[runId]/route";
import { GET as criteriaRoute, PUT as criteriaPutRoute } from "@/app/api/jobs/[jobId]/criteria/route";
import { GET as latestRoute, POST as startRoute } from "@/app/api/jobs/[jobId]/imports/route";
import { GET as jobScreenStatusRoute, POST as jobScreenRoute } from "@/app/api/jobs/[jobId]/screen/route";
import { POST as syncRoute } from "@/app/api/jobs/[jobId]/sync/route";
import { POST as importRoute } from "@/app/api/jobs/import/route";
import { GET as postingsRoute } from "@/app/api/jobs/ats-postings/route";
import { POST as retryRoute } from "@/app/api/writebacks/[id]/retry/route";
import type { OrgContext } from "@/lib/auth/guard";
import { grantJobAccess, jobAccessMembers, requireCandidateAccess, revokeJobAccess } from "@/lib/auth/job-access";
import type { Role } from "@/lib/generated/prisma/enums";
import { getJobForOrg, listJobs } from "@/lib/imports/jobs";
import { processImportRun } from "@/lib/imports/runs";
import { importCandidate } from "@/lib/imports/candidates";
import { syncStagesAndReasons } from "@/lib/imports/reference";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { listWriteBacks } from "@/lib/writeback";

// The session is the only source of the organization: tests choose who is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Result = { status: number; json: Record<string, unknown> & { error?: { code: string; message: string } } };
const call = async (handler: Route, url: string, init: { method?: string; body?: unknown } = {}, params: Record<string, string> = {}): Promise<Result> => {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const res = await handler(new NextRequest(`http://localhost${url}`, { method: init.method ?? (body ? "POST" : "GET"), body, headers: (init.method ?? (body ? "POST" : "GET")) !== "GET" ? { "content-type": "application/json" } : {} }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Result["json"] };
};

/**
 * Confidential jobs: Lever limits a confidential posting and its applicants to named people, and so
 * does the app. Admins see them; other members only once an admin grants access; everyone else gets
 * the 404 another organization gets.
 */
describe("confidential jobs", () => {
  let bed: LeverTestBed;
  let connectionId: string;
  let admin: OrgContext;
  let recruiter: OrgContext;
  let betaAdmin: OrgContext;
  let confPostingId: string;
  let confJobId: string;
  let openJobId: string;
  let confCandidates: string[];
  let openCandidate: string;
  let confRunId: string;
  let failedActionId: string;
  const prisma = () => bed.db.prisma;
  const as = (user: OrgContext | null) => {
    session.userId = user?.userId ?? null;
  };

  async function member(organizationId: string, email: string, role: Role): Promise<OrgContext> {
    const user = await prisma().user.create({ data: { email, name: email.split("@")[0] } });
    await prisma().membership.create({ data: { organizationId, userId: user.id, role } });
    return { userId: user.id, userEmail: email, organizationId, organizationName: "Org", role };
  }

  /** Every route that names the confidential job, one of its candidates, its import run or a write-back. */
  const everyRoute = (candidateId = confCandidates[0]!) => [
    () => call(latestRoute, `/api/jobs/${confJobId}/imports`, {}, { jobId: confJobId }),
    () => call(startRoute, `/api/jobs/${confJobId}/imports`, { body: { includeArchived: true } }, { jobId: confJobId }),
    () => call(syncRoute, `/api/jobs/${confJobId}/sync`, { method: "POST" }, { jobId: confJobId }),
    () => call(criteriaRoute, `/api/jobs/${confJobId}/criteria`, {}, { jobId: confJobId }),
    () => call(criteriaPutRoute, `/api/jobs/${confJobId}/criteria`, { method: "PUT", body: { criteria: [{ text: "Ten years of lean manufacturing", kind: "REQUIRED", weight: "HIGH" }] } }, { jobId: confJobId }),
    () => call(jobScreenRoute, `/api/jobs/${confJobId}/screen`, { method: "POST" }, { jobId: confJobId }),
    () => call(jobScreenStatusRoute, `/api/jobs/${confJobId}/screen`, {}, { jobId: confJobId }),
    () => call(candidateScreenRoute, `/api/candidates/${candidateId}/screen`, { method: "POST" }, { candidateId }),
    () => call(candidateScreenStatusRoute, `/api/candidates/${candidateId}/screen`, {}, { candidateId }),
    () => call(runRoute, `/api/imports/${confRunId}`, {}, { runId: confRunId }),
    () => call(cancelRoute, `/api/imports/${confRunId}/cancel`, { method: "POST" }, { runId: confRunId }),
    () => call(retryRoute, `/api/writebacks/${failedActionId}/retry`, { method: "POST" }, { id: failedActionId }),
  ];
  const advance = async (candidateIds: string[]) => {
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: admin.organizationId }, orderBy: { position: "desc" } });
    return call(actionsRoute, "/api/candidates/actions", { body: { action: "advance", stageId: stage.id, candidateIds, idempotencyKey: `key-${Math.random().toString(36).slice(2)}` } });
  };
  const snapshot = async () => ({
    job: await prisma().job.findUniqueOrThrow({ where: { id: confJobId }, select: { title: true, syncedAt: true } }),
    criteria: await prisma().screeningCriterion.findMany({ where: { jobId: confJobId }, orderBy: { id: "asc" }, select: { id: true, text: true } }),
    candidates: await prisma().candidate.findMany({ where: { jobId: confJobId }, orderBy: { id: "asc" }, select: { id: true, stageId: true } }),
    runs: await prisma().importRun.findMany({ where: { jobId: confJobId }, orderBy: { id: "asc" }, select: { id: true, status: true, cancelRequested: true } }),
    action: await prisma().writeBackAction.findUniqueOrThrow({ where: { id: failedActionId }, select: { status: true } }),
  });
  const expectHidden = async (user: OrgContext) => {
    as(user);
    const before = await snapshot();
    for (const attempt of everyRoute()) {
      const res = await attempt();
      expect(res.status, JSON.stringify(res.json)).toBe(404);
      expect(res.json.error?.code).toBe("not_found");
    }
    // One of the job's candidates among visible ones: the whole action is refused, nothing moves.
    expect((await advance([confCandidates[1]!])).status).toBe(404);
    expect((await advance([openCandidate, confCandidates[1]!])).status).toBe(404);
    expect(await snapshot()).toEqual(before);

    // The pages' loaders: the job page, the candidate page and its Lever updates.
    await expect(getJobForOrg(user, confJobId)).rejects.toMatchObject({ status: 404 });
    await expect(requireCandidateAccess(user, confCandidates[0]!)).rejects.toMatchObject({ status: 404 });
    await expect(listWriteBacks(user, confCandidates[0]!)).rejects.toMatchObject({ status: 404 });
    // Lists and the picker.
    expect((await listJobs(user)).map((j) => j.id)).not.toContain(confJobId);
    const picker = await call(postingsRoute, "/api/jobs/ats-postings?state=published&state=internal&state=closed");
    expect(picker.status).toBe(200);
    expect((picker.json.items as { id: string; confidential: boolean }[]).some((p) => p.id === confPostingId || p.confidential)).toBe(false);
    // Importing it by hand is answered as for a posting Lever does not have.
    const imported = await call(importRoute, "/api/jobs/import", { body: { postingIds: [confPostingId] } });
    expect(imported).toMatchObject({ status: 200, json: { imported: [], failed: [{ postingId: confPostingId, message: `Posting ${confPostingId} was not found in Lever` }] } });
  };

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 80, rateLimit: false });
    await startQueue({ work: false });
    const alpha = await createConnection(bed.db, await authorizeWithSim(bed.sim, 0));
    connectionId = alpha.connectionId;
    await syncStagesAndReasons({ id: connectionId, organizationId: alpha.organizationId });
    admin = await member(alpha.organizationId, "admin@alpha.test", "ADMIN");
    recruiter = await member(alpha.organizationId, "recruiter@alpha.test", "RECRUITER");
    const beta = await createConnection(bed.db, await authorizeWithSim(bed.sim, 1));
    betaAdmin = await member(beta.organizationId, "admin@beta.test", "OWNER");

    // The admin sees the confidential posting in the picker and imports it with its applicants.
    as(admin);
    const picker = await call(postingsRoute, "/api/jobs/ats-postings");
    const items = picker.json.items as { id: string; confidential: boolean }[];
    confPostingId = items.find((p) => p.confidential)!.id;
    const openPostingId = items.find((p) => !p.confidential)!.id;
    const imported = await call(importRoute, "/api/jobs/import", { body: { postingIds: [confPostingId, openPostingId] } });
    const jobs = imported.json.imported as { postingId: string; jobId: string }[];
    confJobId = jobs.find((j) => j.postingId === confPostingId)!.jobId;
    openJobId = jobs.find((j) => j.postingId === openPostingId)!.jobId;
    expect(await prisma().job.findUniqueOrThrow({ where: { id: confJobId }, select: { confidential: true } })).toEqual({ confidential: true });
    for (const jobId of [confJobId, openJobId]) {
      const run = await call(startRoute, `/api/jobs/${jobId}/imports`, { body: { includeArchived: true } }, { jobId });
      expect(run.status).toBe(202);
      expect(await processImportRun(run.json.id as string)).toBe("succeeded");
      if (jobId === confJobId) confRunId = run.json.id as string;
    }
    confCandidates = (await prisma().candidate.findMany({ where: { jobId: confJobId }, orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);
    expect(confCandidates.length).toBeGreaterThanOrEqual(2);
    openCandidate = (await prisma().candidate.findFirstOrThrow({ where: { jobId: openJobId } })).id;
    const failed = await prisma().writeBackAction.create({
      data: { organizationId: admin.organizationId, connectionId, candidateId: confCandidates[0]!, kind: "NOTE", payload: {}, idempotencyKey: "conf-note-1", status: "FAILED", lastError: "Lever answered 500" },
    });
    failedActionId = failed.id;
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });

  it("the Job row records Lever's confidentiality; admins see the job, its candidates and its posting", async () => {
    as(admin);
    expect((await listJobs(admin)).map((j) => j.id)).toEqual(expect.arrayContaining([confJobId, openJobId]));
    expect((await call(criteriaRoute, `/api/jobs/${confJobId}/criteria`, {}, { jobId: confJobId })).status).toBe(200);
    expect((await call(candidateScreenStatusRoute, `/api/candidates/${confCandidates[0]}/screen`, {}, { candidateId: confCandidates[0]! })).status).toBe(200);
    await expect(requireCandidateAccess(admin, confCandidates[0]!)).resolves.toMatchObject({ jobId: confJobId });
  });

  it("a recruiter without access gets 404 on every route, loader, list and the picker, and nothing changes", async () => {
    await expectHidden(recruiter);
    // The job that is not confidential stays open to them.
    as(recruiter);
    expect((await listJobs(recruiter)).map((j) => j.id)).toContain(openJobId);
    expect((await call(criteriaRoute, `/api/jobs/${openJobId}/criteria`, {}, { jobId: openJobId })).status).toBe(200);
    expect((await advance([openCandidate])).status).toBe(200);
  });

  it("the 404 is the one another organization's admin gets for the same ids", async () => {
    as(recruiter);
    const mine = await Promise.all(everyRoute().map((attempt) => attempt()));
    as(betaAdmin);
    const theirs = await Promise.all(everyRoute().map((attempt) => attempt()));
    expect(mine).toEqual(theirs);
    await expect(getJobForOrg(betaAdmin, confJobId)).rejects.toMatchObject({ status: 404 });
    expect((await listJobs(betaAdmin)).map((j) => j.id)).not.toContain(confJobId);
  });

  it("once an admin grants access the recruiter sees and works on the job; revoking takes it away again", async () => {
    await expect(grantJobAccess(admin, { jobId: confJobId, userId: recruiter.userId })).resolves.toEqual({ granted: true });
    await expect(grantJobAccess(admin, { jobId: confJobId, userId: recruiter.userId })).resolves.toEqual({ granted: false });
    expect(await jobAccessMembers(admin, confJobId)).toEqual([expect.objectContaining({ userId: recruiter.userId, granted: true })]);

    as(recruiter);
    expect((await listJobs(recruiter)).map((j) => j.id)).toContain(confJobId);
    await expect(getJobForOrg(recruiter, confJobId)).resolves.toMatchObject({ id: confJobId });
    await expect(listWriteBacks(recruiter, confCandidates[0]!)).resolves.toHaveLength(1);
    const picker = await call(postingsRoute, "/api/jobs/ats-postings");
    expect((picker.json.items as { id: string; imported: boolean; jobId: string }[]).find((p) => p.id === confPostingId)).toMatchObject({ imported: true, jobId: confJobId });
    for (const [i, attempt] of everyRoute().entries()) {
      const res = await attempt();
      expect(res.status, `route ${i}: ${JSON.stringify(res.json)}`).toBeLessThan(400);
    }
    expect((await advance([confCandidates[1]!, openCandidate])).status).toBe(200);
    const reimport = await call(importRoute, "/api/jobs/import", { body: { postingIds: [confPostingId] } });
    expect(reimport.json).toMatchObject({ imported: [{ jobId: confJobId }], failed: [] });

    await expect(revokeJobAccess(admin, { jobId: confJobId, userId: recruiter.userId })).resolves.toEqual({ revoked: true });
    await expect(revokeJobAccess(admin, { jobId: confJobId, userId: recruiter.userId })).resolves.toEqual({ revoked: false });
    await expectHidden(recruiter);

    const audit = await prisma().auditLog.findMany({ where: { organizationId: admin.organizationId, action: { startsWith: "job.access" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId, a.message])).toEqual([
      ["job.access_granted", admin.userId, expect.stringContaining("gave recruiter@alpha.test access to")],
      ["job.access_revoked", admin.userId, expect.stringContaining("removed recruiter@alpha.test's access to")],
    ]);
  });

  it("only the organization's admins grant access, to its own members who are not admins", async () => {
    const other = await member(admin.organizationId, "recruiter2@alpha.test", "RECRUITER");
    await expect(grantJobAccess(recruiter, { jobId: confJobId, userId: other.userId })).rejects.toMatchObject({ status: 403 });
    await expect(jobAccessMembers(recruiter, confJobId)).rejects.toMatchObject({ status: 403 });
    await expect(grantJobAccess(betaAdmin, { jobId: confJobId, userId: other.userId })).rejects.toMatchObject({ status: 404, message: "Job not found" });
    await expect(revokeJobAccess(betaAdmin, { jobId: confJobId, userId: other.userId })).rejects.toMatchObject({ status: 404 });
    await expect(grantJobAccess(admin, { jobId: confJobId, userId: betaAdmin.userId })).rejects.toMatchObject({ status: 404, message: "Member not found" });
    await expect(grantJobAccess(admin, { jobId: confJobId, userId: admin.userId })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/admin and already sees every job/) });
    await expect(grantJobAccess(admin, { jobId: confJobId })).rejects.toMatchObject({ status: 400, message: "Choose the member." });
    expect(await prisma().jobAccess.count({ where: { jobId: confJobId } })).toBe(0);

    // Removing someone from the organization removes their grants with them.
    await grantJobAccess(admin, { jobId: confJobId, userId: other.userId });
    await prisma().membership.delete({ where: { organizationId_userId: { organizationId: admin.organizationId, userId: other.userId } } });
    expect(await prisma().jobAccess.count({ where: { jobId: confJobId } })).toBe(0);
  });

  it("a webhook still imports a confidential applicant, seen only by admins and granted members", async () => {
    const added = await bed.sim.addApplication({ postingId: confPostingId, name: "Ada Lovelace" });
    const outcome = await importCandidate(
      { id: connectionId, organizationId: admin.organizationId, provider: "LEVER", settings: { autoGenerateJobs: false, autoImportCandidates: true } },
      added.opportunityId,
      "WEBHOOK",
    );
    expect(outcome).toMatchObject({ kind: "imported", jobId: confJobId });
    const candidateId = (outcome as { candidateId: string }).candidateId;
    await expect(requireCandidateAccess(admin, candidateId)).resolves.toMatchObject({ id: candidateId });
    await expect(requireCandidateAccess(recruiter, candidateId)).rejects.toMatchObject({ status: 404 });
    await grantJobAccess(admin, { jobId: confJobId, userId: recruiter.userId });
    await expect(requireCandidateAccess(recruiter, candidateId)).resolves.toMatchObject({ id: candidateId });
  });
});
