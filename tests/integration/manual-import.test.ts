import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { importPostings, searchAtsPostings } from "@/lib/imports/postings";
import { cancelImportRun, getImportRun, LEASE_MS, processImportRun, recoverStalledRuns, startApplicantImport } from "@/lib/imports/runs";
import { AtsApiError } from "@/lib/ats/errors";
import { LeverSession } from "@/lib/ats/providers/lever";
import { RateLimitTimeoutError } from "@/lib/ats/rate-limit";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { authorizeWithSim, createConnection, requestCount, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { syncStagesAndReasons } from "@/lib/imports/reference";
import { createBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/definitions";
import { queue, startQueue, stopQueue } from "@/lib/jobs/queue";
import { IMPORT_WATCHDOG_MS, registerHandlers } from "@/lib/worker/handlers";

/**
 * Manual imports of a job's existing Lever applicants against the simulator: exactly once under
 * Lever faults, resumable from the cursor after a worker dies, idempotent when run again, and
 * archived applicants only on request.
 */
describe("manual import of Lever applicants", () => {
  let bed: LeverTestBed;
  let org: OrgContext;
  let connectionId: string;
  let postingId: string;
  let jobId: string;
  const savedRate = { rate: process.env.LEVER_RATE_PER_SEC, burst: process.env.LEVER_RATE_BURST };

  const prisma = () => bed.db.prisma;
  const simOpportunities = () => bed.sim.context.world.accounts[0]!.opportunities.filter((o) => o.applications[0]?.postingId === postingId);
  const activeIds = () => simOpportunities().filter((o) => !o.archived).map((o) => o.id).sort();
  const allIds = () => simOpportunities().map((o) => o.id).sort();
  async function importedIds() {
    const rows = await prisma().candidate.findMany({ where: { organizationId: org.organizationId, jobId }, select: { externalId: true } });
    return rows.map((r) => r.externalId).sort();
  }
  const resumeCalls = () => requestCount(bed.sim, "GET /v1/opportunities/:id/resumes", "200");
  const listCalls = () => requestCount(bed.sim, "GET /v1/opportunities", "200");

  beforeAll(async () => {
    // The simulator's rate limit is exercised by the bench; here the client may go fast.
    process.env.LEVER_RATE_PER_SEC = "100";
    process.env.LEVER_RATE_BURST = "100";
    bed = await startLeverTestBed({ opportunitiesPerAccount: 40, rateLimit: false });
    await startQueue({ work: false });
    const created = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    connectionId = created.connectionId;
    const user = await prisma().user.create({ data: { email: "recruiter@alpha.test", name: "Rita Recruiter" } });
    await prisma().membership.create({ data: { organizationId: created.organizationId, userId: user.id, role: "RECRUITER" } });
    org = { userId: user.id, userEmail: user.email, organizationId: created.organizationId, organizationName: "Alpha", role: "RECRUITER" };
    await syncStagesAndReasons({ id: connectionId, organizationId: org.organizationId });

    const page = await searchAtsPostings(org, { states: ["published"] });
    postingId = page.items[0]!.id;
    // Enough applicants for several pages, some of them archived.
    for (let i = 0; i < 24; i++) await bed.sim.addApplication({ postingId, name: `Applicant ${i}` });
    const account = bed.sim.context.world.accounts[0]!;
    const reason = account.archiveReasons.find((r) => r.type === "non-hired" && r.status === "active")!;
    for (const o of simOpportunities().slice(0, 5)) o.archived = { archivedAt: Date.now(), reason: reason.id };
    expect(activeIds().length).toBeGreaterThanOrEqual(20);

    const result = await importPostings(org, { postingIds: [postingId] });
    jobId = result.imported[0]!.jobId;
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
    for (const [k, v] of [["LEVER_RATE_PER_SEC", savedRate.rate], ["LEVER_RATE_BURST", savedRate.burst]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  beforeEach(() => bed.sim.clearFaults());
  afterEach(() => {
    vi.useRealTimers();
  });

  it("with 20% of Lever's answers 429 or 503, every active applicant is imported exactly once", { timeout: 120_000 }, async () => {
    const run = await startApplicantImport(org, jobId, {});
    expect(run.status).toBe("QUEUED");
    bed.sim.setFaults([{ status: 429, rate: 0.1 }, { status: 503, rate: 0.1 }]);
    expect(await processImportRun(run.id, { pageSize: 10 })).toBe("succeeded");
    const faults = Object.values(bed.sim.state().requests).reduce((n, byStatus) => n + (byStatus["429"] ?? 0) + (byStatus["503"] ?? 0), 0);
    expect(faults).toBeGreaterThan(5);

    const ids = await importedIds();
    expect(ids).toEqual(activeIds());
    expect(new Set(ids).size).toBe(ids.length);
    const done = await getImportRun(org, run.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", total: activeIds().length, done: activeIds().length, created: activeIds().length, failed: 0 });
    const c = await prisma().candidate.findFirstOrThrow({ where: { jobId, resumeStatus: "parsed" } });
    expect(c.importedVia).toBe("MANUAL");
    // The list fields arrive whole for everyone (they are written as `set`, not as bare lists).
    const rows = await prisma().candidate.findMany({ where: { jobId }, select: { externalId: true, emails: true, phones: true, links: true } });
    for (const o of simOpportunities().filter((x) => !x.archived)) {
      const row = rows.find((r) => r.externalId === o.id);
      expect(row).toMatchObject({ emails: o.emails, phones: o.phones.map((p) => p.value) });
      expect(row?.links).toEqual(expect.arrayContaining(o.links));
    }
    expect(rows.some((r) => r.emails.length > 0 && r.phones.length > 0)).toBe(true);
    expect(c.resumeText?.length).toBeGreaterThan(50);
  });

  it("running the import again adds nothing and asks Lever for no résumé", async () => {
    const before = await importedIds();
    const resumes = resumeCalls();
    const run = await startApplicantImport(org, jobId, {});
    expect(await processImportRun(run.id)).toBe("succeeded");
    expect(await importedIds()).toEqual(before);
    expect(resumeCalls()).toBe(resumes);
    expect(await getImportRun(org, run.id)).toMatchObject({ created: 0, updated: 0, skipped: before.length, done: before.length });
    // A finished run holds no lease: nothing reads it as still being worked on.
    expect(await prisma().importRun.findUniqueOrThrow({ where: { id: run.id }, select: { leaseOwner: true, leaseUntil: true } })).toEqual({ leaseOwner: null, leaseUntil: null });

    // Re-importing on request updates the same rows.
    const again = await startApplicantImport(org, jobId, { reimport: true });
    expect(await processImportRun(again.id)).toBe("succeeded");
    expect(await importedIds()).toEqual(before);
    expect(await getImportRun(org, again.id)).toMatchObject({ created: 0, updated: before.length });
  });

  it("archived applicants are imported only when asked", async () => {
    const archived = allIds().filter((id) => !activeIds().includes(id));
    expect(archived.length).toBe(5);
    for (const id of archived) expect(await importedIds()).not.toContain(id);
    const run = await startApplicantImport(org, jobId, { includeArchived: true });
    expect(await processImportRun(run.id)).toBe("succeeded");
    expect(await importedIds()).toEqual(allIds());
    expect(await getImportRun(org, run.id)).toMatchObject({ total: allIds().length, created: 5 });
    const one = await prisma().candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: archived[0]! } });
    expect(one.archivedAt).not.toBeNull();
    expect(one.archiveReasonId).not.toBeNull();
  });

  it("a worker that dies mid-page is replaced; the run resumes from its cursor and finishes without duplicates", { timeout: 120_000 }, async () => {
    await prisma().candidate.deleteMany({ where: { organizationId: org.organizationId, jobId } });
    const run = await startApplicantImport(org, jobId, { includeArchived: true });
    // The worker that dies took the run's job, which stays active until its hour's expiry (the jobs
    // of the runs before, all finished, go with it).
    const taken = await (await queue()).fetch<{ runId: string }>(QUEUES.importsRun.name, { batchSize: 50 });
    expect(taken.map((j) => j.data.runId)).toContain(run.id);
    const total = allIds().length;

    // The first worker dies while importing the 14th applicant (second page of 10).
    const dying = new AbortController();
    const client = LeverClient.forConnection(connectionId, { priority: "low" });
    let calls = 0;
    const resumes = client.resumes.bind(client);
    client.resumes = async (id: string) => {
      if (++calls === 14) dying.abort();
      return resumes(id);
    };
    expect(await processImportRun(run.id, { pageSize: 10, concurrency: 3, session: new LeverSession(client), signal: dying.signal })).toBe("abandoned");
    const diedAt = Date.now();
    const midway = await prisma().importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(midway.status).toBe("RUNNING");
    expect(midway.cursor).not.toBeNull();
    expect(midway.done).toBeGreaterThanOrEqual(10);
    expect(midway.done).toBeLessThan(total);
    expect(midway.pageDoneIds.length).toBe(midway.done - 10);

    // Its lease still holds: nobody else takes the run yet, the watchdog leaves it alone, and the page
    // does not say it is resuming.
    expect(await processImportRun(run.id)).toBe("busy");
    expect(await recoverStalledRuns()).not.toContain(run.id);
    expect((await getImportRun(org, run.id)).resuming).toBe(false);

    // Taken over within about 30 s: the dead worker's lease ends at most LEASE_MS after it died, and
    // every working process's watchdog looks again within IMPORT_WATCHDOG_MS of that.
    const lapsesAt = midway.leaseUntil!.getTime();
    expect(lapsesAt - diedAt).toBeLessThanOrEqual(LEASE_MS);
    expect(LEASE_MS + IMPORT_WATCHDOG_MS).toBeLessThanOrEqual(30_000);
    expect(await recoverStalledRuns(new Date(lapsesAt - 1))).not.toContain(run.id);

    // The lease lapses: the page says "resuming" until another worker holds it, and a working
    // process's own watchdog (not the minute's cron: this worker schedules nothing) sends the run to
    // the queue; a worker resumes it from the cursor.
    await prisma().importRun.update({ where: { id: run.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect((await getImportRun(org, run.id)).resuming).toBe(true);
    const lists = listCalls();
    const resumesBefore = resumeCalls();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const worker = createBoss(bed.db.database, { schedule: false, supervise: false });
    await worker.start();
    await registerHandlers(worker);
    vi.advanceTimersByTime(IMPORT_WATCHDOG_MS);
    const deadline = Date.now() + 60_000;
    let status = "";
    while (Date.now() < deadline && status !== "SUCCEEDED") {
      status = (await getImportRun(org, run.id)).status;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe("SUCCEEDED");
    await worker.stop({ graceful: false, close: false, wait: true, timeout: 1000 });

    const ids = await importedIds();
    expect(ids).toEqual(allIds());
    const finished = await getImportRun(org, run.id);
    expect(finished.done).toBe(total);
    expect(finished.total).toBe(total);
    expect(finished.failed).toBe(0);
    // Applicants the dead worker had imported but not yet counted are found and skipped, not imported twice.
    expect(finished.created + finished.skipped).toBe(total);
    // Resumed at the cursor: one page of 100 read from the second page of 10 on, and no recount (the total was known).
    expect(listCalls() - lists).toBe(1);
    expect(resumeCalls() - resumesBefore).toBeLessThanOrEqual(total - midway.done);
  });

  it("an applicant whose import meets a passing error (the rate limit's wait ran out) is tried again before the run ends; a permanent one is not", async () => {
    await prisma().candidate.deleteMany({ where: { organizationId: org.organizationId, jobId } });
    const run = await startApplicantImport(org, jobId, {});
    const client = LeverClient.forConnection(connectionId, { priority: "low" });
    const [busy, gone] = activeIds();
    const attempts = new Map<string, number>();
    const resumes = client.resumes.bind(client);
    client.resumes = async (id: string) => {
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      // Webhooks kept the budget past the limiter's wait, once; the other's résumé endpoint refuses for good.
      if (id === busy && attempts.get(id) === 1) throw new RateLimitTimeoutError("Rate limit did not free up within 60000 ms");
      if (id === gone) throw new AtsApiError("Lever", 403, "forbidden", "Forbidden");
      return resumes(id);
    };
    expect(await processImportRun(run.id, { session: new LeverSession(client), pageSize: 10, concurrency: 3 })).toBe("succeeded");
    expect(attempts.get(busy!)).toBe(2);
    expect(attempts.get(gone!)).toBe(1);
    expect(await importedIds()).toEqual(activeIds().filter((id) => id !== gone));
    expect(await getImportRun(org, run.id)).toMatchObject({ status: "SUCCEEDED", done: activeIds().length, created: activeIds().length - 1, failed: 1 });
  });

  it("a worker whose applicants all wait (webhooks take the rate limit) keeps its lease on a timer", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const run = await startApplicantImport(org, jobId, { reimport: true });
    const client = LeverClient.forConnection(connectionId, { priority: "low" });
    let entered!: () => void;
    const waiting = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const resumes = client.resumes.bind(client);
    client.resumes = async (id: string) => {
      entered();
      await held;
      return resumes(id);
    };
    const stopping = new AbortController();
    const working = processImportRun(run.id, { session: new LeverSession(client), concurrency: 1, signal: stopping.signal });
    await waiting;
    // Nothing renews the lease per applicant now; only the heartbeat can.
    const soon = new Date(Date.now() + 1000);
    await prisma().importRun.update({ where: { id: run.id }, data: { leaseUntil: soon } });
    vi.advanceTimersByTime(LEASE_MS / 4);
    await vi.waitFor(async () => {
      const { leaseUntil } = await prisma().importRun.findUniqueOrThrow({ where: { id: run.id }, select: { leaseUntil: true } });
      expect(leaseUntil!.getTime()).toBeGreaterThan(soon.getTime() + LEASE_MS / 2);
    }, 10_000);
    stopping.abort();
    release();
    expect(await working).toBe("abandoned");
    await prisma().importRun.update({ where: { id: run.id }, data: { leaseUntil: null } });
    expect((await cancelImportRun(org, run.id)).status).toBe("CANCELLED");
  });
  it("cancelling stops a run; a queued run that nobody works on stops at once", async () => {
    const run = await startApplicantImport(org, jobId, { reimport: true });
    const cancelled = await cancelImportRun(org, run.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(await processImportRun(run.id)).toBe("finished-already");

    const running = await startApplicantImport(org, jobId, { reimport: true, includeArchived: true });
    const client = LeverClient.forConnection(connectionId, { priority: "low" });
    let calls = 0;
    const resumes = client.resumes.bind(client);
    client.resumes = async (id: string) => {
      if (++calls === 3) await cancelImportRun(org, running.id);
      return resumes(id);
    };
    expect(await processImportRun(running.id, { session: new LeverSession(client), concurrency: 1 })).toBe("cancelled");
    const view = await getImportRun(org, running.id);
    expect(view.status).toBe("CANCELLED");
    expect(await prisma().importRun.findUniqueOrThrow({ where: { id: running.id }, select: { leaseUntil: true } })).toEqual({ leaseUntil: null });
    expect(view.done).toBeLessThan(allIds().length);
  });

  it("one import per job at a time", async () => {
    const run = await startApplicantImport(org, jobId, {});
    await expect(startApplicantImport(org, jobId, {})).rejects.toMatchObject({ status: 409 });
    await processImportRun(run.id);

    // Several clicks at the same moment (on PostgreSQL, on several connections): exactly one run starts.
    const clicks = await Promise.allSettled(Array.from({ length: 5 }, () => startApplicantImport(org, jobId, {})));
    expect(clicks.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of clicks.filter((r) => r.status === "rejected")) expect(r.reason).toMatchObject({ status: 409 });
    const started = clicks.find((r) => r.status === "fulfilled")!;
    await processImportRun(started.value.id);
  });
});
