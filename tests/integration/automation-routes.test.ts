import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRuleRoute, PATCH as patchRuleRoute } from "@/app/api/jobs/[jobId]/automations/[ruleId]/route";
import { POST as previewRoute } from "@/app/api/jobs/[jobId]/automations/preview/route";
import { GET as listRulesRoute, POST as createRuleRoute } from "@/app/api/jobs/[jobId]/automations/route";
import { POST as cancelRoute } from "@/app/api/suggestions/cancel/route";
import { POST as confirmRoute } from "@/app/api/suggestions/confirm/route";
import { POST as dismissRoute } from "@/app/api/suggestions/dismiss/route";
import { GET as listSuggestionsRoute } from "@/app/api/suggestions/route";
import type { OrgContext } from "@/lib/auth/guard";
import { evaluateRules } from "@/lib/automations";
import { recordResultVersion } from "@/lib/decisions/record";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { jobCriteria } from "@/lib/screening/criteria";
import { criteriaHash } from "@/lib/screening/hash";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeConnection, makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
const call = async (handler: Route, url: string, init: { method?: string; body?: unknown } = {}, params: Record<string, string> = {}) => {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const res = await handler(new NextRequest(`http://localhost${url}`, { method: init.method ?? (body ? "POST" : "GET"), body, headers: body ? { "content-type": "application/json" } : {} }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Json };
};

/** The automation routes: roles, organizations and confidential jobs, as the browser reaches them. */
describe("automation routes", () => {
  let t: TestDatabase;
  let admin: OrgContext;
  let recruiter: OrgContext;
  let beta: OrgContext;
  let jobId: string;
  let secretJobId: string;
  let reasonId: string;
  const as = (u: OrgContext) => (session.userId = u.userId);
  const rule = (extra: Record<string, unknown> = {}) => ({ name: "Missing a requirement", condition: { clauses: [{ type: "any_required_not_met" }] }, action: "reject", archiveReasonId: reasonId, ...extra });
  const rules = (job: string) => call(listRulesRoute, `/api/jobs/${job}/automations`, {}, { jobId: job });
  const create = (job: string, body: unknown) => call(createRuleRoute, `/api/jobs/${job}/automations`, { body }, { jobId: job });

  async function candidateWithResult(job: string, name: string, verdict: "MET" | "NOT_MET") {
    const prisma = t.prisma;
    const criteria = await jobCriteria(prisma, admin.organizationId, job);
    const c = await prisma.candidate.create({ data: { organizationId: admin.organizationId, jobId: job, provider: "LEVER", externalId: `opp-${name}`, name, importedVia: "MANUAL" } });
    const verdicts = criteria.map((k) => ({ criterionId: k.id, text: k.text, kind: k.kind, weight: k.weight, verdict, evidence: [] }));
    const data = { engine: "local", score: verdict === "MET" ? 100 : 0, requiredTier: 0, needsReview: 0, summary: "s", verdicts, criteriaHash: criteriaHash(criteria), inputHash: "i", screenedAt: new Date() };
    await prisma.$transaction(async (tx) => {
      const result = await tx.screeningResult.create({ data: { organizationId: admin.organizationId, candidateId: c.id, ...data } });
      await recordResultVersion(tx, { ...data, organizationId: admin.organizationId, candidateId: c.id, jobId: job, resultId: result.id, engineVersion: "test", criteria });
    });
    return c.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    await startQueue({ work: false });
    admin = await makeOrg(t.prisma, "Alpha", "ADMIN");
    beta = await makeOrg(t.prisma, "Beta", "ADMIN");
    const user = await t.prisma.user.create({ data: { email: "rita@alpha-rules.test", name: "Rita Recruiter" } });
    await t.prisma.membership.create({ data: { organizationId: admin.organizationId, userId: user.id, role: "RECRUITER" } });
    recruiter = { ...admin, userId: user.id, userEmail: user.email, role: "RECRUITER" };
    const connection = await makeConnection(t.prisma, admin);
    reasonId = (
      await t.prisma.archiveReason.create({ data: { organizationId: admin.organizationId, connectionId: connection.id, provider: "LEVER", externalId: "r-under", text: "Underqualified", type: "non-hired" } })
    ).id;
    const job = (title: string, confidential: boolean) =>
      t.prisma.job.create({ data: { organizationId: admin.organizationId, provider: "LEVER", externalId: title, title, confidential, importedVia: "MANUAL" } });
    jobId = (await job("Backend Engineer", false)).id;
    secretJobId = (await job("Chief of Staff", true)).id;
    for (const j of [jobId, secretJobId]) {
      await t.prisma.screeningCriterion.create({ data: { organizationId: admin.organizationId, jobId: j, text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH", position: 0 } });
    }
  });
  afterAll(async () => {
    await stopQueue();
    await t.close();
  });

  it("a recruiter creates a rule that suggests; only an admin one that applies on its own; bad input is a 400 in plain words", async () => {
    as(recruiter);
    const auto = await create(jobId, rule({ mode: "AUTO_AFTER_DELAY", delayMinutes: 30 }));
    expect(auto.status).toBe(403);
    expect(auto.json.error!.message).toMatch(/^Only organization owners and admins can let a rule apply on its own/);
    const bad = await create(jobId, rule({ name: " ", archiveReasonId: undefined }));
    expect(bad.status).toBe(400);
    expect(bad.json.error!.fieldErrors).toMatchObject({ name: ["Name the rule"], archiveReasonId: ["Choose a rejection reason"] });
    expect(JSON.stringify(bad.json)).not.toMatch(/at \w+ \(|node_modules/);
    const notJson = await createRuleRoute(new NextRequest(`http://localhost/api/jobs/${jobId}/automations`, { method: "POST", body: "name=x", headers: { "content-type": "text/plain" } }), {
      params: Promise.resolve({ jobId }) as Promise<never>,
    });
    expect(notJson.status).toBe(415);
    expect((await rules(jobId)).json.rules).toEqual([]);

    const made = await create(jobId, rule());
    expect(made.status).toBe(201);
    as(admin);
    expect((await create(jobId, rule({ name: "Auto", mode: "AUTO_AFTER_DELAY", delayMinutes: 30 }))).status).toBe(201);
    as(recruiter);
    const listed = (await rules(jobId)).json.rules as Array<{ id: string; name: string; mode: string; conditionText: string[]; actionText: string }>;
    expect(listed.map((r) => [r.name, r.mode])).toEqual([
      ["Missing a requirement", "SUGGEST"],
      ["Auto", "AUTO_AFTER_DELAY"],
    ]);
    expect(listed[0]).toMatchObject({ conditionText: ["A required criterion is not met"], actionText: "Reject: Underqualified" });

    // A recruiter may switch the automatic rule off, but not change or remove it.
    const autoRule = listed[1]!;
    const params = { jobId, ruleId: autoRule.id };
    expect((await call(patchRuleRoute, `/api/jobs/${jobId}/automations/${autoRule.id}`, { method: "PATCH", body: rule({ name: "Renamed" }) }, params)).status).toBe(403);
    expect((await call(deleteRuleRoute, `/api/jobs/${jobId}/automations/${autoRule.id}`, { method: "DELETE", body: {} }, params)).status).toBe(403);
    expect((await call(patchRuleRoute, `/api/jobs/${jobId}/automations/${autoRule.id}`, { method: "PATCH", body: { enabled: false } }, params)).status).toBe(200);
    expect(await t.prisma.automationRule.findUniqueOrThrow({ where: { id: autoRule.id } })).toMatchObject({ enabled: false, name: "Auto" });
  });

  it("another organization's and a confidential job's rules and suggestions are 404; the queue lists only what the member may see", async () => {
    as(admin);
    expect((await create(secretJobId, rule({ name: "Secret rule" }))).status).toBe(201);
    const open = await candidateWithResult(jobId, "Ada Open", "NOT_MET");
    await candidateWithResult(jobId, "Ben Open", "MET");
    const secret = await candidateWithResult(secretJobId, "Cy Secret", "NOT_MET");
    for (const j of [jobId, secretJobId]) await evaluateRules(t.prisma, { organizationId: admin.organizationId, jobId: j });
    const openSuggestion = (await t.prisma.automationSuggestion.findFirstOrThrow({ where: { candidateId: open } })).id;
    const secretSuggestion = (await t.prisma.automationSuggestion.findFirstOrThrow({ where: { candidateId: secret } })).id;

    const preview = await call(previewRoute, `/api/jobs/${jobId}/automations/preview`, { body: rule() }, { jobId });
    expect(preview.json).toEqual({ matching: 1, screened: 2, names: ["Ada Open"] });

    expect((await call(listSuggestionsRoute, "/api/suggestions")).json).toMatchObject({ count: 2 });
    as(recruiter);
    const seen = (await call(listSuggestionsRoute, "/api/suggestions")).json as { count: number; suggestions: Array<{ id: string }> };
    expect(seen.count).toBe(1);
    expect(seen.suggestions.map((s) => s.id)).toEqual([openSuggestion]);
    expect((await rules(secretJobId)).status).toBe(404);
    for (const route of [confirmRoute, dismissRoute, cancelRoute]) {
      expect((await call(route, "/api/suggestions/x", { body: { suggestionIds: [secretSuggestion] } })).status).toBe(404);
    }

    as(beta);
    expect((await rules(jobId)).status).toBe(404);
    expect((await create(jobId, rule())).status).toBe(404);
    expect((await call(listSuggestionsRoute, "/api/suggestions")).json).toEqual({ count: 0, suggestions: [] });
    for (const route of [confirmRoute, dismissRoute, cancelRoute]) {
      const res = await call(route, "/api/suggestions/x", { body: { suggestionIds: [openSuggestion] } });
      expect(res.status).toBe(404);
      expect(res.json.error!.message).toBe("Suggestion not found");
    }
    expect((await t.prisma.automationSuggestion.findMany({ where: { id: { in: [openSuggestion, secretSuggestion] } }, select: { status: true } })).map((s) => s.status)).toEqual(["PENDING", "PENDING"]);

    as(recruiter);
    const dismissed = await call(dismissRoute, "/api/suggestions/dismiss", { body: { suggestionIds: [openSuggestion] } });
    expect(dismissed).toEqual({ status: 200, json: { done: 1, problems: [] } });
    const again = await call(confirmRoute, "/api/suggestions/confirm", { body: { suggestionIds: [openSuggestion] } });
    expect(again.status).toBe(409);
    expect(again.json.error!.message).toBe("This suggestion was dismissed.");
    expect((await t.prisma.candidate.findUniqueOrThrow({ where: { id: open } })).archivedAt).toBeNull();
  });
});
