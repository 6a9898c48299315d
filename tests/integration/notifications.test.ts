import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as followRoute } from "@/app/api/jobs/[jobId]/follow/route";
import { POST as readRoute } from "@/app/api/notifications/read/route";
import { GET as listRoute } from "@/app/api/notifications/route";
import { GET as unreadRoute } from "@/app/api/notifications/unread/route";
import { AtsApiError } from "@/lib/ats/errors";
import type { AtsCandidate, AtsResume, AtsSession } from "@/lib/ats/provider";
import type { OrgContext } from "@/lib/auth/guard";
import type { Role } from "@/lib/generated/prisma/enums";
import { upsertCandidate, upsertJob } from "@/lib/imports/candidates";
import { markRunFailed, processImportRun } from "@/lib/imports/runs";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";
import { executeWriteBack } from "@/lib/writeback";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeConnection, makeOrg } from "../helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Result = { status: number; json: Record<string, unknown> & { error?: { code: string; message: string } } };
const call = async (handler: Route, url: string, init: { body?: unknown; contentType?: string } = {}, params: Record<string, string> = {}): Promise<Result> => {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = body ? { "content-type": init.contentType ?? "application/json", origin: "http://localhost" } : {};
  const res = await handler(new NextRequest(`http://localhost${url}`, { method: body ? "POST" : "GET", body, headers }), { params: Promise.resolve(params) as Promise<never> });
  return { status: res.status, json: (await res.json()) as Result["json"] };
};

const resume: AtsResume = { status: "none", text: null, fileName: null, parsedPositions: [], parsedSchools: [] };
let applicants = 0;
const applicant = (name: string): AtsCandidate => ({
  externalId: `opp-${++applicants}`,
  jobExternalId: "posting-1",
  externalApplicationId: null,
  externalPersonId: null,
  name,
  headline: null,
  emails: [],
  phones: [],
  location: null,
  links: [],
  answers: [],
  externalStageId: null,
  archived: null,
  externalCreatedAt: null,
  externalUpdatedAt: null,
  externalUrl: null,
});

/**
 * Notifications raised where things happen (a candidate created, an import run ended, a write-back
 * failed for good), once per event, coalesced while unread, only for members who may see the job,
 * and read or marked read by their own member only.
 */
describe("notifications", () => {
  let t: TestDatabase;
  let admin: OrgContext;
  let recruiter: OrgContext;
  let other: OrgContext;
  let beta: OrgContext;
  let connectionId: string;
  let openJob: { id: string; title: string };
  let confidentialJob: { id: string; title: string };
  let betaJob: { id: string };
  const prisma = () => t.prisma;
  const as = (user: OrgContext | null) => {
    session.userId = user?.userId ?? null;
  };
  const addMember = async (org: OrgContext, role: Role, email: string): Promise<OrgContext> => {
    const user = await prisma().user.create({ data: { email, name: email.split("@")[0] } });
    await prisma().membership.create({ data: { organizationId: org.organizationId, userId: user.id, role } });
    return { ...org, userId: user.id, userEmail: email, role };
  };
  const makeJob = async (org: OrgContext, externalId: string, title: string, confidential = false) =>
    prisma().job.create({ data: { organizationId: org.organizationId, provider: "LEVER", externalId, title, confidential, importedVia: "MANUAL" }, select: { id: true, title: true } });
  const arrive = (job: { id: string }, name: string, via: "WEBHOOK" | "RECONCILE" | "MANUAL" = "WEBHOOK", org: OrgContext = admin, candidate = applicant(name)) =>
    upsertCandidate(prisma(), { organizationId: org.organizationId, jobId: job.id, provider: "LEVER" }, candidate, resume, via);
  const notificationsOf = (user: OrgContext) =>
    prisma().notification.findMany({ where: { userId: user.userId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, title: true, count: true, link: true, candidateId: true, readAt: true, organizationId: true } });

  beforeAll(async () => {
    t = await createTestDatabase();
    admin = await makeOrg(t.prisma, "Alpha", "OWNER");
    recruiter = await addMember(admin, "RECRUITER", "recruiter@alpha.test");
    other = await addMember(admin, "RECRUITER", "other@alpha.test");
    beta = await makeOrg(t.prisma, "Beta", "OWNER");
    connectionId = (await makeConnection(t.prisma, admin)).id;
    openJob = await makeJob(admin, "posting-1", "Senior Backend Engineer");
    confidentialJob = await makeJob(admin, "posting-2", "Head of People", true);
    betaJob = await makeJob(beta, "posting-1", "Beta job");
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await prisma().notification.deleteMany({ where: { id: { not: "" } } });
    await prisma().jobFollow.deleteMany({ where: { id: { not: "" } } });
  });

  it("new applicants on a followed job coalesce into one unread notification, counted once per candidate", async () => {
    await prisma().jobFollow.create({ data: { organizationId: admin.organizationId, jobId: openJob.id, userId: recruiter.userId } });
    const ada = applicant("Ada Lovelace");
    const first = await arrive(openJob, "Ada Lovelace", "WEBHOOK", admin, ada);
    let [n] = await notificationsOf(recruiter);
    expect(n).toMatchObject({ kind: "NEW_APPLICANTS", title: "New applicant on Senior Backend Engineer", count: 1, candidateId: first.candidateId, link: `/jobs/${openJob.id}/candidates/${first.candidateId}` });
    expect((await listNotifications(recruiter)).items[0]).toMatchObject({ candidateName: "Ada Lovelace", read: false });

    // The same application again (a replayed webhook, then the reconcile) is no new applicant.
    await arrive(openJob, "Ada Lovelace", "WEBHOOK", admin, ada);
    await arrive(openJob, "Ada Lovelace", "RECONCILE", admin, ada);
    expect(await notificationsOf(recruiter)).toEqual([expect.objectContaining({ count: 1 })]);

    await arrive(openJob, "Grace Hopper");
    await arrive(openJob, "Alan Turing", "RECONCILE");
    [n] = await notificationsOf(recruiter);
    expect(await notificationsOf(recruiter)).toHaveLength(1);
    expect(n).toMatchObject({ title: "3 new applicants on Senior Backend Engineer", count: 3, candidateId: null, link: `/jobs/${openJob.id}` });
    expect(await unreadCount(recruiter)).toBe(1);
    // Members who do not follow the job hear nothing.
    expect(await notificationsOf(other)).toEqual([]);
    expect(await notificationsOf(admin)).toEqual([]);
  });

  it("once read, the next applicant starts a new notification", async () => {
    await prisma().jobFollow.create({ data: { organizationId: admin.organizationId, jobId: openJob.id, userId: recruiter.userId } });
    await arrive(openJob, "Barbara Liskov");
    await arrive(openJob, "Edsger Dijkstra");
    as(recruiter);
    expect((await call(readRoute, "/api/notifications/read", { body: { all: true } })).json).toEqual({ marked: 1, unread: 0 });
    await arrive(openJob, "Donald Knuth");
    const all = await notificationsOf(recruiter);
    expect(all.map((x) => [x.title, x.readAt === null])).toEqual([
      ["2 new applicants on Senior Backend Engineer", false],
      ["New applicant on Senior Backend Engineer", true],
    ]);
  });

  it("a manual import's applicants are not announced one by one", async () => {
    await prisma().jobFollow.create({ data: { organizationId: admin.organizationId, jobId: openJob.id, userId: recruiter.userId } });
    await arrive(openJob, "Imported One", "MANUAL");
    expect(await notificationsOf(recruiter)).toEqual([]);
  });

  it("a confidential job's applicants reach only the followers who may see it", async () => {
    for (const user of [admin, recruiter, other]) await prisma().jobFollow.create({ data: { organizationId: admin.organizationId, jobId: confidentialJob.id, userId: user.userId } });
    await prisma().jobAccess.create({ data: { organizationId: admin.organizationId, jobId: confidentialJob.id, userId: other.userId } });
    await arrive(confidentialJob, "Secret Applicant");
    expect(await notificationsOf(admin)).toHaveLength(1);
    expect(await notificationsOf(other)).toHaveLength(1);
    expect(await notificationsOf(recruiter)).toEqual([]);

    // Access taken away afterwards: the notification is no longer listed, counted or markable.
    await prisma().jobAccess.deleteMany({ where: { jobId: confidentialJob.id, userId: other.userId } });
    expect(await listNotifications(other)).toEqual({ items: [], unread: 0 });
    const [hidden] = await notificationsOf(other);
    as(other);
    expect((await call(readRoute, "/api/notifications/read", { body: { ids: [hidden!.id] } })).status).toBe(404);
  });

  it("another organization's followers never hear of this organization's applicants", async () => {
    await prisma().jobFollow.create({ data: { organizationId: beta.organizationId, jobId: betaJob.id, userId: beta.userId } });
    await arrive(openJob, "Alpha Applicant");
    expect(await notificationsOf(beta)).toEqual([]);
    await arrive(betaJob, "Beta Applicant", "WEBHOOK", beta);
    expect(await notificationsOf(beta)).toEqual([expect.objectContaining({ organizationId: beta.organizationId, count: 1 })]);
  });

  it("the member who imports a job follows it", async () => {
    const { job } = await upsertJob(
      prisma(),
      { organizationId: admin.organizationId, connectionId, provider: "LEVER" },
      { externalId: "posting-new", title: "Data Engineer", team: null, department: null, location: null, commitment: null, state: "published", confidential: false, description: null, descriptionHtml: null, requirementLists: [], externalUrl: null, externalUpdatedAt: null },
      "MANUAL",
      recruiter.userId,
    );
    expect(await prisma().jobFollow.findMany({ where: { jobId: job.id }, select: { userId: true } })).toEqual([{ userId: recruiter.userId }]);
  });

  describe("import runs", () => {
    const startRun = (startedById: string | null, jobId = openJob.id) =>
      prisma().importRun.create({ data: { organizationId: admin.organizationId, connectionId, jobId, kind: "applicants", startedById }, select: { id: true } });
    const session = (items: AtsCandidate[]) =>
      ({ listCandidates: async () => ({ items, next: null }), getResume: async () => resume }) as unknown as AtsSession;

    it("a finished run tells the member who started it, once", async () => {
      const run = await startRun(recruiter.userId);
      expect(await processImportRun(run.id, { session: session([applicant("Run One"), applicant("Run Two")]) })).toBe("succeeded");
      // The queue giving up later (a duplicate job) announces nothing more.
      await markRunFailed(run.id, new Error("late"));
      expect(await notificationsOf(recruiter)).toEqual([
        expect.objectContaining({ kind: "IMPORT_FINISHED", title: "Import finished: Senior Backend Engineer", link: `/jobs/${openJob.id}` }),
      ]);
      expect((await listNotifications(recruiter)).items[0]!.body).toBe("2 applicants: 2 new, 0 updated");
      expect(await notificationsOf(admin)).toEqual([]);
    });

    it("a failed run says why; a run on a job its starter can no longer see tells nobody", async () => {
      const run = await startRun(recruiter.userId);
      await markRunFailed(run.id, new Error("boom"));
      expect(await notificationsOf(recruiter)).toEqual([expect.objectContaining({ title: "Import failed: Senior Backend Engineer" })]);

      const hidden = await startRun(recruiter.userId, confidentialJob.id);
      await markRunFailed(hidden.id, new Error("boom"));
      expect(await notificationsOf(recruiter)).toHaveLength(1);
    });
  });

  describe("write-backs", () => {
    let candidateId: string;
    let downId: string;
    beforeAll(async () => {
      candidateId = (await arrive(openJob, "Written Back", "MANUAL")).candidateId;
      downId = (await makeConnection(t.prisma, admin, { status: "DISCONNECTED" })).id;
    });
    let keys = 0;
    const action = (requestedById: string | null, candidate = candidateId) =>
      prisma().writeBackAction.create({
        data: { organizationId: admin.organizationId, connectionId: downId, candidateId: candidate, kind: "ARCHIVE", payload: { externalArchiveReasonId: "reason-1" }, idempotencyKey: `k-${++keys}`, requestedById },
        select: { id: true },
      });

    it("a decision that failed for good tells the member who made it, not the admins", async () => {
      const a = await action(recruiter.userId);
      expect(await executeWriteBack(a.id, { finalAttempt: false })).toBe("failed");
      expect(await notificationsOf(recruiter)).toEqual([
        expect.objectContaining({ kind: "WRITEBACK_FAILED", title: "Rejection not written to Lever", candidateId, link: `/jobs/${openJob.id}/candidates/${candidateId}` }),
      ]);
      expect((await listNotifications(recruiter)).items[0]).toMatchObject({ body: "Lever is disconnected", candidateName: "Written Back" });
      expect(await notificationsOf(admin)).toEqual([]);
    });

    it("an automatic one goes to the owners and admins; several on a job are one notification", async () => {
      await executeWriteBack((await action(null)).id, { finalAttempt: false });
      await executeWriteBack((await action(null)).id, { finalAttempt: false });
      expect(await notificationsOf(admin)).toEqual([expect.objectContaining({ title: "2 updates not written to Lever on Senior Backend Engineer", count: 2, link: `/jobs/${openJob.id}` })]);
      expect(await notificationsOf(recruiter)).toEqual([]);
      expect(await notificationsOf(other)).toEqual([]);
    });

    it("a refusal the recruiter can act on is worded for them", async () => {
      await prisma().atsConnection.update({ where: { id: downId }, data: { status: "ACTIVE" } });
      const gone = { reject: async () => Promise.reject(new AtsApiError("Lever", 404, "not_found", "Lever answered 404 to PUT opportunities/x/archived")) } as unknown as AtsSession;
      expect(await executeWriteBack((await action(recruiter.userId)).id, { finalAttempt: false, session: gone })).toBe("failed");
      await prisma().atsConnection.update({ where: { id: downId }, data: { status: "DISCONNECTED" } });
      expect((await listNotifications(recruiter)).items[0]).toMatchObject({ title: "Rejection not written to Lever", body: "Lever no longer has this candidate: deleted or merged there." });
    });

    it("a retryable failure that is not the last attempt notifies nobody", async () => {
      const down = await prisma().atsConnection.findUniqueOrThrow({ where: { id: downId } });
      await prisma().atsConnection.update({ where: { id: downId }, data: { status: "ACTIVE" } });
      const a = await action(recruiter.userId);
      // A session whose ATS is down for now: the queue will retry.
      const failing = { reject: async () => Promise.reject(new Error("socket hang up")) } as unknown as AtsSession;
      await expect(executeWriteBack(a.id, { finalAttempt: false, session: failing })).rejects.toThrow();
      expect(await notificationsOf(recruiter)).toEqual([]);
      await prisma().atsConnection.update({ where: { id: downId }, data: { status: down.status } });
    });
  });

  describe("routes", () => {
    let mine = "";
    let theirs = "";
    let betas = "";
    beforeEach(async () => {
      for (const [user, key] of [
        [recruiter, "a"],
        [other, "b"],
        [beta, "c"],
      ] as const) {
        await prisma().notification.create({ data: { organizationId: user.organizationId, userId: user.userId, kind: "IMPORT_FINISHED", title: `Note ${key}`, dedupeKey: key } });
      }
      [mine, theirs, betas] = (await Promise.all([recruiter, other, beta].map(async (u) => (await notificationsOf(u))[0]!.id))) as [string, string, string];
    });
    const readAts = async () => (await prisma().notification.findMany({ where: { title: { startsWith: "Note " } }, orderBy: { title: "asc" }, select: { readAt: true } })).map((n) => n.readAt !== null);

    it("signed out: 401", async () => {
      as(null);
      expect((await call(listRoute, "/api/notifications")).status).toBe(401);
      expect((await call(readRoute, "/api/notifications/read", { body: { all: true } })).status).toBe(401);
    });

    it("lists and counts only the member's own", async () => {
      as(recruiter);
      const list = await call(listRoute, "/api/notifications");
      expect(list.json).toMatchObject({ unread: 1, items: [{ id: mine, title: "Note a", read: false }] });
      expect((await call(unreadRoute, "/api/notifications/unread")).json).toEqual({ unread: 1 });
    });

    it("another member's or organization's id is a 404 and nothing changes", async () => {
      as(recruiter);
      for (const ids of [[theirs], [betas], [mine, theirs], ["nonexistent1234"], ["../etc"]]) {
        const res = await call(readRoute, "/api/notifications/read", { body: { ids } });
        expect(res.status).toBe(404);
        expect(res.json.error?.message).toBe("Notification not found");
        expect(await readAts()).toEqual([false, false, false]);
      }
    });

    it("marks one, then all, of the member's own only", async () => {
      as(recruiter);
      expect((await call(readRoute, "/api/notifications/read", { body: { ids: [mine] } })).json).toEqual({ marked: 1, unread: 0 });
      expect(await readAts()).toEqual([true, false, false]);
      as(other);
      expect((await call(readRoute, "/api/notifications/read", { body: { all: true } })).json).toEqual({ marked: 1, unread: 0 });
      expect(await readAts()).toEqual([true, true, false]);
    });

    it("bad input is a plain 400; a form post 415; nothing changes", async () => {
      as(recruiter);
      for (const body of [{}, { ids: [mine], all: true }, { ids: [] }, { ids: "x" }, { all: false }, { ids: [mine], extra: 1 }]) {
        const res = await call(readRoute, "/api/notifications/read", { body });
        expect(res.status).toBe(400);
        expect(res.json.error?.message).not.toMatch(/Invalid input|undefined/);
      }
      expect((await call(readRoute, "/api/notifications/read", { body: { all: true }, contentType: "text/plain" })).status).toBe(415);
      expect(await readAts()).toEqual([false, false, false]);
    });

    it("follow: the member's own follow of a job they may see; other jobs are 404", async () => {
      as(recruiter);
      expect((await call(followRoute, `/api/jobs/${openJob.id}/follow`, { body: { following: true } }, { jobId: openJob.id })).json).toEqual({ following: true });
      expect((await call(followRoute, `/api/jobs/${openJob.id}/follow`, { body: { following: true } }, { jobId: openJob.id })).json).toEqual({ following: true });
      expect(await prisma().jobFollow.count({ where: { jobId: openJob.id, userId: recruiter.userId } })).toBe(1);
      expect((await call(followRoute, `/api/jobs/${confidentialJob.id}/follow`, { body: { following: true } }, { jobId: confidentialJob.id })).status).toBe(404);
      expect((await call(followRoute, `/api/jobs/${betaJob.id}/follow`, { body: { following: true } }, { jobId: betaJob.id })).status).toBe(404);
      expect((await call(followRoute, `/api/jobs/${openJob.id}/follow`, { body: { following: "yes" } }, { jobId: openJob.id })).status).toBe(400);
      expect((await call(followRoute, `/api/jobs/${openJob.id}/follow`, { body: { following: false } }, { jobId: openJob.id })).json).toEqual({ following: false });
      expect(await prisma().jobFollow.count({ where: { userId: recruiter.userId } })).toBe(0);
    });
  });
});
