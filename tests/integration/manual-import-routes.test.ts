import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as cancelRoute } from "@/app/api/imports/[runId]/cancel/route";
import { GET as runRoute } from "@/app/api/imports/[runId]/route";
import { POST as referenceRoute } from "@/app/api/imports/reference/route";
import { GET as latestRoute, POST as startRoute } from "@/app/api/jobs/[jobId]/imports/route";
import { POST as syncRoute } from "@/app/api/jobs/[jobId]/sync/route";
import { POST as importRoute } from "@/app/api/jobs/import/route";
import { GET as postingsRoute } from "@/app/api/jobs/ats-postings/route";
import type { OrgContext } from "@/lib/auth/guard";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { startQueue, stopQueue } from "@/lib/jobs/queue";

// The session is the only source of the organization: tests choose who is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Params = Record<string, string>;
// Every route's params type accepts Promise<never>; the test passes the params it means.
type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const call = async (handler: Route, url: string, init: { method?: string; body?: unknown; raw?: string } = {}, params: Params = {}) => {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const method = init.method ?? (body ? "POST" : "GET");
  // As the app's pages send them: every state-changing request is JSON.
  const res = await handler(new NextRequest(`http://localhost${url}`, { method, body, headers: method !== "GET" ? { "content-type": "application/json" } : {} }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
};

describe("import routes: tenant isolation, roles and bad input", () => {
  let bed: LeverTestBed;
  let alpha: OrgContext & { admin: string };
  let beta: OrgContext;
  let postingIds: string[];
  let alphaJobId: string;
  let alphaRunId: string;

  async function member(organizationId: string, email: string, role: "ADMIN" | "RECRUITER") {
    const user = await bed.db.prisma.user.create({ data: { email, name: email } });
    await bed.db.prisma.membership.create({ data: { organizationId, userId: user.id, role } });
    return user.id;
  }
  const as = (userId: string) => {
    session.userId = userId;
  };

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 20, rateLimit: false });
    await startQueue({ work: false });
    const a = await createConnection(bed.db, await authorizeWithSim(bed.sim, 0));
    const b = await createConnection(bed.db, await authorizeWithSim(bed.sim, 1));
    const recruiter = await member(a.organizationId, "recruiter@alpha.test", "RECRUITER");
    alpha = { userId: recruiter, userEmail: "recruiter@alpha.test", organizationId: a.organizationId, organizationName: "Alpha", role: "RECRUITER", admin: await member(a.organizationId, "admin@alpha.test", "ADMIN") };
    const betaUser = await member(b.organizationId, "recruiter@beta.test", "RECRUITER");
    beta = { userId: betaUser, userEmail: "recruiter@beta.test", organizationId: b.organizationId, organizationName: "Beta", role: "RECRUITER" };

    as(alpha.userId);
    const page = await call(postingsRoute, "/api/jobs/ats-postings");
    postingIds = (page.json.items as { id: string }[]).map((p) => p.id);
    const imported = await call(importRoute, "/api/jobs/import", { body: { postingIds: postingIds.slice(0, 2) } });
    expect(imported.status).toBe(200);
    alphaJobId = (imported.json.imported as { jobId: string }[])[0]!.jobId;
    const run = await call(startRoute, `/api/jobs/${alphaJobId}/imports`, { body: { includeArchived: false } }, { jobId: alphaJobId });
    expect(run.status).toBe(202);
    alphaRunId = run.json.id as string;
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });

  it("signed out: 401", async () => {
    session.userId = null;
    expect((await call(postingsRoute, "/api/jobs/ats-postings")).status).toBe(401);
    expect((await call(runRoute, `/api/imports/${alphaRunId}`, {}, { runId: alphaRunId })).status).toBe(401);
  });

  it("another organization's job and run ids are 404 and nothing changes", async () => {
    as(beta.userId);
    const runsBefore = await bed.db.prisma.importRun.count({ where: { organizationId: alpha.organizationId } });
    const attempts = [
      await call(runRoute, `/api/imports/${alphaRunId}`, {}, { runId: alphaRunId }),
      await call(cancelRoute, `/api/imports/${alphaRunId}/cancel`, { method: "POST" }, { runId: alphaRunId }),
      await call(startRoute, `/api/jobs/${alphaJobId}/imports`, { body: {} }, { jobId: alphaJobId }),
      await call(latestRoute, `/api/jobs/${alphaJobId}/imports`, {}, { jobId: alphaJobId }),
      await call(syncRoute, `/api/jobs/${alphaJobId}/sync`, { method: "POST" }, { jobId: alphaJobId }),
    ];
    for (const a of attempts) expect(a).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    const run = await bed.db.prisma.importRun.findUniqueOrThrow({ where: { id: alphaRunId } });
    expect(run.cancelRequested).toBe(false);
    expect(await bed.db.prisma.importRun.count({ where: { organizationId: alpha.organizationId } })).toBe(runsBefore);
    expect(await bed.db.prisma.importRun.count({ where: { organizationId: beta.organizationId } })).toBe(0);
    // Beta's picker shows Beta's Lever account, and Alpha's job is not marked imported there.
    const page = await call(postingsRoute, "/api/jobs/ats-postings");
    expect((page.json.items as { id: string; imported: boolean }[]).every((p) => !postingIds.includes(p.id) && !p.imported)).toBe(true);
  });

  it("the members of the organization see and cancel its runs", async () => {
    as(alpha.userId);
    expect(await call(latestRoute, `/api/jobs/${alphaJobId}/imports`, {}, { jobId: alphaJobId })).toMatchObject({ status: 200, json: { run: { id: alphaRunId } } });
    as(alpha.admin);
    expect(await call(runRoute, `/api/imports/${alphaRunId}`, {}, { runId: alphaRunId })).toMatchObject({ status: 200, json: { id: alphaRunId, status: "QUEUED" } });
    expect(await call(cancelRoute, `/api/imports/${alphaRunId}/cancel`, { method: "POST" }, { runId: alphaRunId })).toMatchObject({ status: 200, json: { status: "CANCELLED" } });
  });

  it("bad input is a 400 that says what is wrong, and changes nothing", async () => {
    as(alpha.userId);
    const jobsBefore = await bed.db.prisma.job.count({ where: { organizationId: alpha.organizationId } });
    const runsBefore = await bed.db.prisma.importRun.count({ where: { organizationId: alpha.organizationId } });
    const cases: Array<[Awaited<ReturnType<typeof call>>, RegExp]> = [
      [await call(postingsRoute, "/api/jobs/ats-postings?state=draft"), /^Choose published, internal or closed postings\.$/],
      [await call(postingsRoute, `/api/jobs/ats-postings?q=${"x".repeat(300)}`), /200 characters/],
      [await call(postingsRoute, "/api/jobs/ats-postings?offset=made-up-token"), /no longer available/],
      [await call(importRoute, "/api/jobs/import", { body: { postingIds: [] } }), /^Choose at least one posting\.$/],
      [await call(importRoute, "/api/jobs/import", { body: { postingIds: ["../etc"] } }), /^That is not an id from your ATS\.$/],
      [await call(importRoute, "/api/jobs/import", { raw: "{not json" }), /must be JSON/],
      [await call(importRoute, "/api/jobs/import", { body: { postingIds: Array.from({ length: 51 }, (_, i) => `p${i}`) } }), /at most 50/],
      [await call(startRoute, `/api/jobs/${alphaJobId}/imports`, { body: { includeArchived: "yes" } }, { jobId: alphaJobId }), /^Choose whether to include archived applicants\.$/],
      [await call(startRoute, `/api/jobs/${alphaJobId}/imports`, { raw: "[1," }, { jobId: alphaJobId }), /must be JSON/],
    ];
    for (const [res, message] of cases) {
      expect(res.status).toBe(400);
      expect(res.json.error?.message).toMatch(message);
    }
    expect(await bed.db.prisma.job.count({ where: { organizationId: alpha.organizationId } })).toBe(jobsBefore);
    expect(await bed.db.prisma.importRun.count({ where: { organizationId: alpha.organizationId } })).toBe(runsBefore);
  });

  it("ids that cannot exist are 404, and a posting Lever does not have is reported, not imported", async () => {
    as(alpha.userId);
    expect((await call(runRoute, "/api/imports/nope", {}, { runId: "nope" })).status).toBe(404);
    expect((await call(syncRoute, "/api/jobs/x/sync", { method: "POST" }, { jobId: "x" })).status).toBe(404);
    const res = await call(importRoute, "/api/jobs/import", { body: { postingIds: ["does-not-exist"] } });
    expect(res).toMatchObject({ status: 200, json: { imported: [], failed: [{ postingId: "does-not-exist", message: expect.stringMatching(/not found in Lever/) }] } });
  });

  it("re-syncing a job re-reads its posting from Lever", async () => {
    as(alpha.userId);
    await bed.db.prisma.job.update({ where: { id: alphaJobId }, data: { title: "Stale title" } });
    const res = await call(syncRoute, `/api/jobs/${alphaJobId}/sync`, { method: "POST" }, { jobId: alphaJobId });
    expect(res.status).toBe(200);
    expect(res.json.title).not.toBe("Stale title");
  });

  it("refreshing stages and reasons is for admins", async () => {
    as(alpha.userId);
    expect((await call(referenceRoute, "/api/imports/reference", { method: "POST" })).status).toBe(403);
    as(alpha.admin);
    const res = await call(referenceRoute, "/api/imports/reference", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.json.stages).toBeGreaterThan(0);
    expect(await bed.db.prisma.archiveReason.count({ where: { organizationId: alpha.organizationId, active: true, type: "non-hired" } })).toBeGreaterThan(0);
    expect(await bed.db.prisma.archiveReason.count({ where: { organizationId: beta.organizationId } })).toBe(0);
  });

  it("without a Lever connection the picker says where to connect", async () => {
    const org = await bed.db.prisma.organization.create({ data: { name: "Gamma", slug: "gamma-imports" } });
    as(await member(org.id, "recruiter@gamma.test", "RECRUITER"));
    const res = await call(postingsRoute, "/api/jobs/ats-postings");
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toMatch(/Settings → ATS/);
  });
});
