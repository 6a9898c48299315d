import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteDataRoute, GET as previewRoute } from "@/app/api/candidates/[candidateId]/data/route";
import { PUT as retentionRoute } from "@/app/api/settings/retention/route";
import { POST as webhookRoute } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import type { OrgContext } from "@/lib/auth/guard";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { toAtsJob } from "@/lib/ats/providers/lever/mapping";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { deleteCandidateData, runRetention } from "@/lib/candidates/deletion";
import { applySettings } from "@/lib/connections/settings";
import { recordDecisions } from "@/lib/decisions/record";
import { upsertJob } from "@/lib/imports/candidates";
import { processDelivery } from "@/lib/imports/deliveries";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { screenCandidate } from "@/lib/screening/run";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const call = async (handler: Route, url: string, init: { method?: string; body?: unknown } = {}, params: Record<string, string> = {}) => {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const res = await handler(
    new NextRequest(`http://localhost${url}`, { method: init.method ?? "GET", body, headers: { "content-type": "application/json", origin: "http://localhost" } }),
    { params: Promise.resolve(params) as Promise<never> },
  );
  return { status: res.status, json: (await res.json()) as Json };
};

const NAME = "Wendeline Quarrington";
const EMAIL = "wendeline.q@example.test";
const PHRASE = "tidal-energy telemetry";
const RESUME = `${NAME}\nSite Reliability Engineer\nNine years of Python and Kubernetes operators for ${PHRASE} at Marinex.`;

/**
 * Candidate data lifecycle: a deletion in Lever (the simulator's candidateDeleted, signed, through the
 * real webhook route and worker code), an admin's deletion, and the retention job all remove the
 * person and keep an anonymized decision record.
 */
describe("candidate data lifecycle", () => {
  let bed: LeverTestBed;
  let org: OrgContext;
  let recruiter: OrgContext;
  let other: OrgContext;
  let connectionId: string;
  let postings: string[];
  const prisma = () => bed.db.prisma;
  const as = (u: OrgContext) => (session.userId = u.userId);
  const deliveriesTo = async (url: string, init?: RequestInit) => {
    const connection = new URL(url).pathname.split("/").pop()!;
    return webhookRoute(new Request(url, init) as never, { params: Promise.resolve({ provider: "lever", connectionId: connection }) });
  };
  async function processAll() {
    const pending = await prisma().webhookDelivery.findMany({ where: { connectionId, status: { in: ["RECEIVED", "FAILED"] } } });
    for (const d of pending) await processDelivery(d.id);
  }
  async function importJob(postingId: string) {
    const full = await LeverClient.forConnection(connectionId).getPosting(postingId);
    const { job } = await upsertJob(prisma(), { organizationId: org.organizationId, connectionId, provider: "LEVER" }, toAtsJob(full), "MANUAL", org.userId);
    await prisma().screeningCriterion.create({ data: { organizationId: org.organizationId, jobId: job.id, text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH", position: 0 } });
    return job.id;
  }
  /** Every row of every table of the app, as JSON text. */
  async function everyRow(): Promise<string[]> {
    const tables = await prisma().$queryRawUnsafe<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    const rows: string[] = [];
    for (const { table_name } of tables) {
      const found = await prisma().$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      rows.push(...found.map((r) => `${table_name}: ${r.row}`));
    }
    return rows;
  }

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 10, webhookRetryDelaysMs: [10], fetch: deliveriesTo as typeof fetch });
    await startQueue({ work: false });
    const created = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    connectionId = created.connectionId;
    const admin = await prisma().user.create({ data: { email: "admin@lifecycle.test", name: "Lifecycle Admin" } });
    await prisma().membership.create({ data: { organizationId: created.organizationId, userId: admin.id, role: "ADMIN" } });
    org = { userId: admin.id, userEmail: admin.email, organizationId: created.organizationId, organizationName: "Lifecycle", role: "ADMIN" };
    const rita = await prisma().user.create({ data: { email: "rita@lifecycle.test", name: "Rita Recruiter" } });
    await prisma().membership.create({ data: { organizationId: org.organizationId, userId: rita.id, role: "RECRUITER" } });
    recruiter = { ...org, userId: rita.id, userEmail: rita.email, role: "RECRUITER" };
    other = await makeOrg(prisma(), "Other", "ADMIN");
    postings = (await LeverClient.forConnection(connectionId).postingsPage({ state: ["published", "internal"] })).items.map((p) => p.id);
    await applySettings(org, { connectionId, postResults: false, updateStages: false, autoGenerateJobs: false, autoImportCandidates: true });
    for (const hook of bed.sim.state().webhooks) bed.sim.enableWebhook(hook.id);
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });

  it("subscribes to candidateDeleted when the settings register the webhooks", () => {
    const events = bed.sim.state().webhooks.filter((w) => w.url.endsWith(connectionId)).map((w) => w.event);
    expect(events).toContain("candidateDeleted");
  });

  let deletion: { opportunityId: string; payload: unknown };
  it("deleting the opportunity in Lever removes every candidacy of the person and keeps only an anonymized record", async () => {
    const [jobA, jobB] = [await importJob(postings[0]!), await importJob(postings[1]!)];
    const first = await bed.sim.addApplication({ postingId: postings[0]!, name: NAME, email: EMAIL, resumeText: RESUME });
    const second = await bed.sim.addApplication({ postingId: postings[1]!, name: NAME, email: EMAIL, resumeText: RESUME });
    const bystander = await bed.sim.addApplication({ postingId: postings[0]!, name: "Osric Bellweather", email: "osric@example.test", resumeText: "Osric Bellweather\n12 years of Python." });
    await processAll();
    const mine = await prisma().candidate.findMany({ where: { organizationId: org.organizationId, emails: { has: EMAIL } } });
    expect(mine.map((c) => c.jobId).sort()).toEqual([jobA, jobB].sort());
    for (const c of mine) expect(await screenCandidate(prisma(), { organizationId: org.organizationId, candidateId: c.id })).toBe("screened");
    const version = await prisma().screeningResultVersion.findFirstOrThrow({ where: { candidateId: mine[0]!.id } });
    expect(JSON.stringify(version.verdicts)).toContain("Python");
    await prisma().$transaction((tx) =>
      recordDecisions(tx, [{ organizationId: org.organizationId, candidateId: mine[0]!.id, kind: "REJECT", actorUserId: org.userId, details: { reason: "Underqualified", note: `${NAME} lacks depth` } }]),
    );
    // The dataset is recognisable before: the test below would fail if the phrase were never stored.
    expect((await everyRow()).some((r) => r.includes(PHRASE))).toBe(true);

    const result = await bed.sim.deleteOpportunity(first.opportunityId);
    expect(result.deliveries.map((d) => [d.event, d.delivered])).toEqual([["candidateDeleted", true]]);
    deletion = { opportunityId: first.opportunityId, payload: result.deliveries[0]!.payload };
    await processAll();

    expect(await prisma().candidate.count({ where: { organizationId: org.organizationId, externalId: { in: [first.opportunityId, second.opportunityId] } } })).toBe(0);
    expect(await prisma().candidate.count({ where: { externalId: bystander.opportunityId } })).toBe(1);
    const versions = await prisma().screeningResultVersion.findMany({ where: { organizationId: org.organizationId, jobId: { in: [jobA, jobB] }, anonymizedAt: { not: null } } });
    expect(versions).toHaveLength(2);
    for (const v of versions) {
      expect(v.candidateId).toBeNull();
      expect(v.summary).toBe("");
      expect(v.score).toBeGreaterThan(0);
      for (const verdict of v.verdicts as Array<Record<string, unknown>>) {
        expect(verdict).not.toHaveProperty("evidence");
        expect(verdict.verdict).toBeTruthy();
      }
    }
    const reject = await prisma().decision.findFirstOrThrow({ where: { organizationId: org.organizationId, kind: "REJECT" } });
    expect(reject).toMatchObject({ candidateId: null, actorUserId: org.userId, details: { reason: "Underqualified" } });
    const deleted = await prisma().decision.findMany({ where: { organizationId: org.organizationId, kind: "DATA_DELETED" } });
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ candidateId: null, actorUserId: null, details: { reason: "ats", candidacies: 2 } });

    const rows = await everyRow();
    for (const needle of [NAME, EMAIL, PHRASE, "Wendeline"]) {
      expect(rows.filter((r) => r.toLowerCase().includes(needle.toLowerCase()))).toEqual([]);
    }
    expect(rows.some((r) => r.includes("Osric Bellweather"))).toBe(true);
  });

  it("a replay of the deletion does nothing", async () => {
    const where = { organizationId: org.organizationId };
    const counts = async () => ({ decisions: await prisma().decision.count({ where }), audit: await prisma().auditLog.count({ where }), deliveries: await prisma().webhookDelivery.count({ where }) });
    const before = await counts();
    const replay = await deliveriesTo(`http://localhost/api/webhooks/lever/${connectionId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(deletion.payload) });
    expect(await replay.json()).toMatchObject({ ok: true, message: "Already received" });
    for (const d of await prisma().webhookDelivery.findMany({ where: { connectionId, event: "candidateDeleted" } })) expect(await processDelivery(d.id)).toBeNull();
    const again = await deleteCandidateData({ organizationId: org.organizationId, provider: "LEVER", externalCandidateIds: [deletion.opportunityId], samePerson: true, reason: "ats", actorUserId: null });
    expect(again).toEqual({ deleted: 0, anonymized: 0 });
    expect(await counts()).toEqual(before);
  });

  it("retention deletes only candidates archived longer ago than the period", async () => {
    const jobId = (await prisma().job.findFirstOrThrow({ where: { organizationId: org.organizationId } })).id;
    const now = new Date("2026-06-01T12:00:00Z");
    const day = 86_400_000;
    const make = (name: string, archivedAt: Date | null) =>
      prisma().candidate.create({ data: { organizationId: org.organizationId, jobId, provider: "LEVER", externalId: `ret-${name}`, name, archivedAt, importedVia: "MANUAL" } });
    const due = await make("Due Candidate", new Date(now.getTime() - 31 * day));
    const recent = await make("Recent Candidate", new Date(now.getTime() - 29 * day));
    const active = await make("Active Candidate", null);
    const elsewhere = await prisma().candidate.create({
      data: { organizationId: other.organizationId, jobId: (await prisma().job.create({ data: { organizationId: other.organizationId, provider: "LEVER", externalId: "o-1", title: "Other job", importedVia: "MANUAL" } })).id, provider: "LEVER", externalId: "ret-other", name: "Other Org Candidate", archivedAt: new Date(now.getTime() - 400 * day), importedVia: "MANUAL" },
    });

    // Off by default: nothing is deleted.
    expect(await runRetention(now, prisma())).toEqual({ organizations: 0, deleted: 0 });
    as(org);
    expect((await call(retentionRoute, "/api/settings/retention", { method: "PUT", body: { days: 30 } })).status).toBe(200);
    expect(await runRetention(now, prisma())).toEqual({ organizations: 1, deleted: 1 });
    const left = await prisma().candidate.findMany({ where: { id: { in: [due.id, recent.id, active.id, elsewhere.id] } }, select: { id: true } });
    expect(left.map((c) => c.id).sort()).toEqual([recent.id, active.id, elsewhere.id].sort());
    expect(await runRetention(now, prisma())).toEqual({ organizations: 1, deleted: 0 });
    // Two days later the recent one is due.
    expect(await runRetention(new Date(now.getTime() + 2 * day), prisma())).toEqual({ organizations: 1, deleted: 1 });
    expect(await prisma().decision.count({ where: { organizationId: org.organizationId, kind: "DATA_DELETED", details: { path: ["reason"], equals: "retention" } } })).toBe(2);
  });

  it("the retention setting is for admins, and bad input is refused in plain words", async () => {
    as(recruiter);
    expect((await call(retentionRoute, "/api/settings/retention", { method: "PUT", body: { days: 10 } })).status).toBe(403);
    as(org);
    const bad = await call(retentionRoute, "/api/settings/retention", { method: "PUT", body: { days: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toBe("Keep archived candidates at least 7 days.");
    expect((await prisma().organization.findUniqueOrThrow({ where: { id: org.organizationId } })).retentionDays).toBe(30);
    expect((await call(retentionRoute, "/api/settings/retention", { method: "PUT", body: { days: null } })).json).toEqual({ days: null });
  });

  it("an admin deletes a candidate's data from the candidate page; others cannot", async () => {
    const [jobId, otherJobId] = (await prisma().job.findMany({ where: { organizationId: org.organizationId }, orderBy: { title: "asc" } })).map((j) => j.id);
    const person = (externalId: string, job: string) =>
      prisma().candidate.create({ data: { organizationId: org.organizationId, jobId: job, provider: "LEVER", externalId, externalPersonId: "contact-perpetua", name: "Perpetua Lindqvist", resumeText: "Perpetua Lindqvist, 12 years of Python", importedVia: "MANUAL" } });
    const target = await person("manual-1", jobId!);
    const sameOther = await person("manual-2", otherJobId!);
    const url = `/api/candidates/${target.id}/data`;
    const remove = (body: unknown) => call(deleteDataRoute, url, { method: "DELETE", body }, { candidateId: target.id });

    as(recruiter);
    const refused = await remove({ confirm: true });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toContain("Only organization owners and admins can delete candidate data");
    as(other);
    expect((await remove({ confirm: true })).status).toBe(404);
    expect((await call(previewRoute, url, {}, { candidateId: target.id })).status).toBe(404);
    as(org);
    expect((await remove({})).status).toBe(400);
    expect(await prisma().candidate.count({ where: { id: target.id } })).toBe(1);

    expect((await call(previewRoute, url, {}, { candidateId: target.id })).json).toMatchObject({ candidacies: 2 });
    const done = await remove({ confirm: true });
    expect(done).toMatchObject({ status: 200, json: { deleted: 2 } });
    expect(await prisma().candidate.count({ where: { id: { in: [target.id, sameOther.id] } } })).toBe(0);
    const decision = await prisma().decision.findFirstOrThrow({ where: { organizationId: org.organizationId, kind: "DATA_DELETED", actorUserId: org.userId } });
    expect(decision.details).toMatchObject({ reason: "admin", candidacies: 2 });
    expect((await everyRow()).filter((r) => r.includes("Perpetua"))).toEqual([]);
    expect((await remove({ confirm: true })).status).toBe(404);
  });
});
