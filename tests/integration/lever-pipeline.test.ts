import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import type { OrgContext } from "@/lib/auth/guard";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { importCandidate, upsertJob } from "@/lib/imports/candidates";
import { processDelivery } from "@/lib/imports/deliveries";
import { applicantsWaiting } from "@/lib/imports/waiting";
import { toAtsJob } from "@/lib/ats/providers/lever/mapping";
import { reconcileConnection } from "@/lib/imports/reconcile";
import { startApplicantImport } from "@/lib/imports/runs";
import { syncStagesAndReasons } from "@/lib/imports/reference";
import { applySettings } from "@/lib/connections/settings";
import { authorizeWithSim, createConnection, SIM_URL, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { resumeProblem } from "@/lib/resumes/status";
import { screenCandidate } from "@/lib/screening/run";
import { registerHandlers } from "@/lib/worker/handlers";
import { docxBomb, MiB } from "@/tests/helpers/resume-bombs";
import { CONTENT_TYPES } from "@/tools/lever-sim/files";

/**
 * From Lever to the app: registered webhooks, signed deliveries from the simulator through the real
 * route, processing by the worker code, the settings that decide what is imported, and the reconcile.
 */
describe("Lever import pipeline", () => {
  let bed: LeverTestBed;
  let org: OrgContext;
  let connectionId: string;
  let postings: { id: string; text: string }[];

  const prisma = () => bed.db.prisma;
  const deliveriesTo = async (url: string, init?: RequestInit) => {
    const connection = new URL(url).pathname.split("/").pop()!;
    return webhookRoute(new Request(url, init) as never, { params: Promise.resolve({ provider: "lever", connectionId: connection }) });
  };

  async function setFlags(flags: { autoGenerateJobs: boolean; autoImportCandidates: boolean }) {
    await applySettings(org, { connectionId, postResults: true, updateStages: true, ...flags });
  }

  /** This connection's "application created" webhook in the simulator. */
  const applicationsHook = () => bed.sim.state().webhooks.find((w) => w.event === "applicationCreated" && w.url.endsWith(connectionId))!;

  async function processAll() {
    const pending = await prisma().webhookDelivery.findMany({ where: { connectionId, status: { in: ["RECEIVED", "FAILED"] } } });
    // As the queue would: a failure is retried later, the others go on.
    for (const d of pending) await processDelivery(d.id).catch(() => undefined);
  }

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 30, webhookRetryDelaysMs: [10, 10, 10, 10, 10], fetch: deliveriesTo as typeof fetch });
    await startQueue({ work: false });
    const tokens = await authorizeWithSim(bed.sim);
    const created = await createConnection(bed.db, tokens);
    connectionId = created.connectionId;
    const user = await prisma().user.create({ data: { email: "admin@alpha.test", name: "Alpha Admin" } });
    await prisma().membership.create({ data: { organizationId: created.organizationId, userId: user.id, role: "ADMIN" } });
    org = { userId: user.id, userEmail: user.email, organizationId: created.organizationId, organizationName: "Alpha", role: "ADMIN" };
    const page = await LeverClient.forConnection(connectionId).postingsPage({ state: ["published", "internal"] });
    postings = page.items.map((p) => ({ id: p.id, text: p.text }));
    expect(postings.length).toBeGreaterThanOrEqual(3);
    await syncStagesAndReasons({ id: connectionId, organizationId: org.organizationId });
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });
  beforeEach(() => bed.sim.clearFaults());

  it("Apply Changes registers the webhooks in Lever, disabled until a Super Admin enables them", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const hooks = bed.sim.state().webhooks.filter((w) => w.url.endsWith(`/api/webhooks/lever/${connectionId}`));
    expect(hooks.map((h) => h.event).sort()).toEqual(["applicationCreated", "candidateArchiveChange", "candidateDeleted", "candidateStageChange"]);
    expect(hooks.every((h) => !h.enabled)).toBe(true);
    const stored = await prisma().webhookSubscription.findMany({ where: { connectionId } });
    expect(stored).toHaveLength(4);
    for (const s of stored) expect(s.signatureTokenEnc).not.toContain(hooks.find((h) => h.id === s.externalId)!.signatureToken);
    // A second Apply Changes registers nothing new.
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    expect(bed.sim.state().webhooks.filter((w) => w.url.endsWith(connectionId))).toHaveLength(4);
    for (const h of hooks) bed.sim.enableWebhook(h.id);
  });

  it("an application to an imported job arrives signed, is processed, and the candidate has résumé text", async () => {
    const posting = postings[0]!;
    const full = await LeverClient.forConnection(connectionId).getPosting(posting.id);
    await upsertJob(prisma(), { organizationId: org.organizationId, connectionId, provider: "LEVER" }, toAtsJob(full), "MANUAL", org.userId);
    const result = await bed.sim.addApplication({
      postingId: posting.id,
      name: "Priya Raman",
      email: "priya@example.test",
      resumeText: "Priya Raman\nStaff Data Engineer\nNine years building Spark and Airflow pipelines at Contoso.",
      resumeFormat: "pdf",
    });
    expect(result.deliveries[0]?.delivered).toBe(true);
    await processAll();
    const candidate = await prisma().candidate.findUniqueOrThrow({
      where: { organizationId_provider_externalId: { organizationId: org.organizationId, provider: "LEVER" as const, externalId: result.opportunityId } },
    });
    expect(candidate.name).toBe("Priya Raman");
    expect(candidate.emails).toContain("priya@example.test");
    expect(candidate.resumeText).toContain("Spark and Airflow pipelines");
    expect(candidate.importedVia).toBe("WEBHOOK");
    const log = await prisma().auditLog.findFirst({ where: { connectionId, action: "webhook.imported" } });
    expect(log?.message).toContain("Priya Raman");
  });

  it("importing the same application again (retries, reconcile, manual) never duplicates it", async () => {
    const result = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Sam Okafor", resumeFormat: "docx" });
    await processAll();
    const connection = await prisma().atsConnection.findUniqueOrThrow({ where: { id: connectionId }, include: { settings: true } });
    for (let i = 0; i < 4; i++) await importCandidate(connection, result.opportunityId, i % 2 ? "RECONCILE" : "MANUAL");
    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: result.opportunityId } })).toBe(1);
  });

  it("an unprocessable résumé is recorded and the candidate still imported", async () => {
    const result = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Lee Unreadable", unprocessable: true });
    await processAll();
    const c = await prisma().candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: result.opportunityId } });
    expect(c.resumeStatus).toBe("unprocessable");
    expect(c.resumeText).toBeNull();
  });

  describe("a hostile résumé file", () => {
    const download = (opportunityId: string) => `${SIM_URL}/v1/opportunities/${opportunityId}/resumes/:rid/download`;

    async function importWithResume(name: string, respond: () => Response) {
      const result = await bed.sim.addApplication({ postingId: postings[0]!.id, name });
      bed.server.use(http.get(download(result.opportunityId), respond));
      await processAll();
      return prisma().candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: result.opportunityId } });
    }

    it("a DOCX that inflates to 100 MB: the candidate is imported, screened, and the reason recorded", async () => {
      const bomb = docxBomb(100 * MiB);
      const c = await importWithResume("Bo Mbe", () => new HttpResponse(bomb, { headers: { "content-type": CONTENT_TYPES.docx, "content-disposition": 'attachment; filename="cv.docx"' } }));
      expect(c.resumeStatus).toBe("too_large");
      expect(c.resumeText).toBeNull();
      expect(resumeProblem(c.resumeStatus)).toBe("Résumé could not be read: too large");
      expect(await screenCandidate(prisma(), { organizationId: org.organizationId, candidateId: c.id })).toBe("screened");
      expect(await prisma().screeningResult.count({ where: { candidateId: c.id } })).toBe(1);
    });

    it("a download over the size cap is stopped and recorded the same way", async () => {
      const c = await importWithResume("Huge File", () => new HttpResponse(new Uint8Array(64), { headers: { "content-type": "application/pdf", "content-length": String(400 * MiB) } }));
      expect(c.resumeStatus).toBe("too_large");
      expect(c.name).toBe("Huge File");
    });
  });

  it("with auto-generate on, an application to an unknown posting creates the job too", async () => {
    await setFlags({ autoGenerateJobs: true, autoImportCandidates: true });
    const posting = postings[1]!;
    expect(await prisma().job.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: posting.id } })).toBe(0);
    const result = await bed.sim.addApplication({ postingId: posting.id, name: "Ana Costa" });
    await processAll();
    const job = await prisma().job.findUniqueOrThrow({ where: { organizationId_provider_externalId: { organizationId: org.organizationId, provider: "LEVER" as const, externalId: posting.id } } });
    expect(job.importedVia).toBe("AUTO_GENERATED");
    expect(job.title).toBe(posting.text);
    expect((job.requirementLists as unknown[]).length).toBeGreaterThan(0);
    expect(await prisma().candidate.count({ where: { jobId: job.id, externalId: result.opportunityId } })).toBe(1);
  });

  it("with both settings off, nothing is imported and the reason is recorded", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: false });
    const known = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Off One" });
    const unknown = await bed.sim.addApplication({ postingId: postings[2]!.id, name: "Off Two" });
    await processAll();
    for (const r of [known, unknown]) {
      expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: r.opportunityId } })).toBe(0);
    }
    const skipped = await prisma().webhookDelivery.findMany({ where: { connectionId, status: "SKIPPED", externalCandidateId: { in: [known.opportunityId, unknown.opportunityId] } } });
    expect(skipped.map((d) => d.outcome).join(" ")).toMatch(/auto-import candidates is off[\s\S]*auto-generate jobs is off|auto-generate jobs is off[\s\S]*auto-import candidates is off/);
    expect(await prisma().job.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: postings[2]!.id } })).toBe(0);
    // The skipped application names its posting and waits for it on the Jobs page.
    expect(skipped.find((d) => d.externalCandidateId === unknown.opportunityId)?.outcome).toBe(`Skipped Off Two: “${postings[2]!.text}” is not imported and auto-generate jobs is off`);
    const waiting = await applicantsWaiting(org.organizationId);
    expect(waiting.jobs.find((j) => j.jobExternalId === postings[2]!.id)).toEqual({ jobExternalId: postings[2]!.id, title: postings[2]!.text, applicants: 1 });
    // A redelivery of the same application does not count twice; another organization sees none of it.
    await processDelivery((await prisma().webhookDelivery.create({ data: { organizationId: org.organizationId, connectionId, token: "again", event: "applicationCreated", triggeredAt: new Date(), externalCandidateId: unknown.opportunityId } })).id);
    expect((await applicantsWaiting(org.organizationId)).jobs.find((j) => j.jobExternalId === postings[2]!.id)?.applicants).toBe(1);
    const other = await prisma().organization.create({ data: { name: "Other", slug: "other-waiting" } });
    expect(await applicantsWaiting(other.id)).toEqual({ total: 0, jobs: [] });
    // Once the posting is imported, its applicants no longer wait here.
    await upsertJob(prisma(), { organizationId: org.organizationId, connectionId, provider: "LEVER" }, toAtsJob((await LeverClient.forConnection(connectionId).getPosting(postings[2]!.id))), "MANUAL");
    expect((await applicantsWaiting(org.organizationId)).jobs.find((j) => j.jobExternalId === postings[2]!.id)).toBeUndefined();
  });

  it("Lever 429/503 during processing is retried and the candidate imported once", { timeout: 90_000 }, async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const result = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Faulty Fiona" });
    bed.sim.setFaults([{ status: 503, rate: 0.25 }, { status: 429, rate: 0.25 }]);
    await processAll();
    const faulted = bed.sim.state().requests;
    expect(Object.values(faulted).some((byStatus) => (byStatus["503"] ?? 0) + (byStatus["429"] ?? 0) > 0)).toBe(true);
    bed.sim.clearFaults();
    await processAll(); // anything that exhausted the client's retries is processed on the queue's retry
    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: result.opportunityId } })).toBe(1);
  });

  it("applications that arrive while the webhook is disabled are imported by the reconcile, once", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const hook = applicationsHook();
    bed.sim.disableWebhook(hook.id);
    const before = new Date(Date.now() - 1000);
    const missed = [];
    for (let i = 0; i < 5; i++) missed.push(await bed.sim.addApplication({ postingId: postings[0]!.id, name: `Missed ${i}` }));
    for (const m of missed) expect(m.deliveries).toHaveLength(0);
    // The reconcile looks back 10 minutes before its cursor, so it may also import earlier applications
    // that the settings now allow; the missed ones must all be there.
    await prisma().atsConnection.update({ where: { id: connectionId }, data: { reconcileCursor: before } });
    const first = await reconcileConnection(connectionId);
    expect(first.imported).toBeGreaterThanOrEqual(5);
    const again = await reconcileConnection(connectionId);
    expect(again.imported).toBe(0);
    for (const m of missed) {
      expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: m.opportunityId } })).toBe(1);
    }
    bed.sim.enableWebhook(hook.id);
  });

  it("the reconcile leaves out a missed candidacy that was rejected in Lever before it ran", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const hook = applicationsHook();
    bed.sim.disableWebhook(hook.id);
    const before = new Date(Date.now() - 1000);
    const rejected = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Rejected Rory" });
    const active = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Active Ada" });
    bed.sim.enableWebhook(hook.id);
    const [reason] = await LeverClient.forConnection(connectionId).archiveReasons("non-hired");
    await LeverClient.forConnection(connectionId).archive(rejected.opportunityId, reason!.id);
    await processAll();
    await prisma().atsConnection.update({ where: { id: connectionId }, data: { reconcileCursor: before } });

    await reconcileConnection(connectionId);
    const count = (externalId: string) => prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId } });
    expect(await count(active.opportunityId)).toBe(1);
    expect(await count(rejected.opportunityId)).toBe(0);
  });

  it("the reconcile leaves an application whose delivery is still queued to the webhook path, and imports it once that delivery has failed for good", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const before = new Date(Date.now() - 1000);
    const queued = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Queued Quincy" });
    expect(queued.deliveries[0]?.delivered).toBe(true);
    const count = () => prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: queued.opportunityId } });
    // A later application the webhook missed: the reconcile imports it, and its time must not carry the cursor past the queued one.
    const hook = applicationsHook();
    bed.sim.disableWebhook(hook.id);
    bed.sim.advanceClock(5_000);
    const later = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Later Lee" });
    bed.sim.enableWebhook(hook.id);
    await prisma().atsConnection.update({ where: { id: connectionId }, data: { reconcileCursor: before } });

    await reconcileConnection(connectionId);
    expect(await count()).toBe(0);
    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, externalId: later.opportunityId } })).toBe(1);
    const createdAt = (id: string) => bed.sim.context.world.accounts[0]!.opportunities.find((o) => o.id === id)!.createdAt;
    const cursor = (await prisma().atsConnection.findUniqueOrThrow({ where: { id: connectionId } })).reconcileCursor!;
    expect(cursor.getTime()).toBeLessThan(createdAt(queued.opportunityId));

    // The delivery's retries were used up a while ago: the candidacy is the reconcile's to import.
    const delivery = await prisma().webhookDelivery.findFirstOrThrow({ where: { connectionId, externalCandidateId: queued.opportunityId } });
    await prisma().webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", receivedAt: new Date(Date.now() - 20 * 60_000) } });
    await reconcileConnection(connectionId);
    expect(await count()).toBe(1);
    await processAll();
    expect(await count()).toBe(1);
  });

  it("a candidacy left for later holds the reconcile's cursor for a day at most, so later passes do not list ever more", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const stuck = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Stuck Stella" });
    expect(stuck.deliveries[0]?.delivered).toBe(true);
    const day = 24 * 60 * 60_000;
    // Created two days ago in Lever; its delivery is still waiting (received minutes ago, not processed).
    const opportunity = bed.sim.context.world.accounts[0]!.opportunities.find((o) => o.id === stuck.opportunityId)!;
    opportunity.createdAt = Date.now() - 2 * day;
    await prisma().atsConnection.update({ where: { id: connectionId }, data: { reconcileCursor: new Date(Date.now() - 3 * day) } });

    await reconcileConnection(connectionId);
    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, externalId: stuck.opportunityId } })).toBe(0);
    const cursor = (await prisma().atsConnection.findUniqueOrThrow({ where: { id: connectionId } })).reconcileCursor!;
    expect(cursor.getTime()).toBeGreaterThan(opportunity.createdAt);
    await processAll();
  });

  it("the reconcile leaves the applicants of a job whose import is running to that import, and imports them once it has ended", async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const hook = applicationsHook();
    bed.sim.disableWebhook(hook.id);
    const before = new Date(Date.now() - 1000);
    const applicant = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Imported Iris" });
    const count = () => prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: applicant.opportunityId } });
    const job = await prisma().job.findFirstOrThrow({ where: { organizationId: org.organizationId, externalId: postings[0]!.id } });
    const run = await startApplicantImport(org, job.id, {});
    await prisma().atsConnection.update({ where: { id: connectionId }, data: { reconcileCursor: before } });

    await reconcileConnection(connectionId);
    expect(await count()).toBe(0);

    // The run ended (here cancelled before a worker took it): the applicant is the reconcile's again.
    await prisma().importRun.update({ where: { id: run.id }, data: { status: "CANCELLED", finishedAt: new Date() } });
    await reconcileConnection(connectionId);
    expect(await count()).toBe(1);
    bed.sim.enableWebhook(hook.id);
  });

  it("a delivery accepted while no worker runs is processed by the worker that starts after", { timeout: 60_000 }, async () => {
    await setFlags({ autoGenerateJobs: false, autoImportCandidates: true });
    const result = await bed.sim.addApplication({ postingId: postings[0]!.id, name: "Queued Quinn" });
    expect(result.deliveries[0]?.delivered).toBe(true);
    // The web process that accepted it goes away before anything processes the job.
    await stopQueue();
    await startQueue({ work: true, register: registerHandlers });
    const deadline = Date.now() + 45_000;
    let status = "";
    while (Date.now() < deadline) {
      const d = await prisma().webhookDelivery.findFirst({ where: { connectionId, externalCandidateId: result.opportunityId } });
      status = d?.status ?? "";
      if (status === "PROCESSED") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe("PROCESSED");
    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, provider: "LEVER", externalId: result.opportunityId } })).toBe(1);
  });
});
