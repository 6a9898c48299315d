import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as jobReport } from "@/app/api/jobs/[jobId]/report/route";
import { GET as orgReport } from "@/app/api/settings/report/route";
import { reportRange } from "@/lib/oversight/record-pages";
import { oversightReport } from "@/lib/oversight/report";
import { parseCsv } from "@/tests/helpers/csv";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";
import { seedRecord, type SeededRecord } from "@/tests/helpers/record-seed";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const get = async (handler: Handler, url: string, params: Record<string, string> = {}) => {
  const res = await handler(new NextRequest(`http://localhost${url}`), { params: Promise.resolve(params) as Promise<never> });
  return { status: res.status, text: await res.text() };
};
const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** The oversight report counts one organization's record, per job or in all, within the range asked. */
describe("oversight report", () => {
  let t: TestDatabase;
  let alpha: SeededRecord;
  let beta: SeededRecord;

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await seedRecord(t.prisma, await makeOrg(t.prisma, "Alpha", "ADMIN"));
    beta = await seedRecord(t.prisma, await makeOrg(t.prisma, "Beta", "ADMIN"), { extraDecisions: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  it("counts the organization's candidates once each, suggestions, agreement, scores and verdicts", async () => {
    const r = await oversightReport({ organizationId: alpha.org.organizationId }, {});
    expect(r).toMatchObject({
      candidatesScreened: 4,
      resultVersions: 5,
      suggestions: { made: 3, confirmed: 1, dismissed: 1, autoApplied: 0 },
      overridden: 1,
      suggestionAgreement: 0.5,
      decisionAgreement: { agreeing: 1, total: 1, rate: 1 },
      verdictsOverriddenShare: 1 / 8,
    });
    expect(r.scoreHistogram.map((b) => b.count)).toEqual([0, 0, 0, 2, 0, 0, 0, 0, 2, 0]);
    expect(r.verdictsByCriterion).toEqual([
      { criterion: "5+ years of Python", counts: { MET: 2, PARTLY_MET: 0, NOT_MET: 2, UNKNOWN: 0 }, total: 4 },
      { criterion: "Kubernetes", counts: { MET: 0, PARTLY_MET: 0, NOT_MET: 0, UNKNOWN: 4 }, total: 4 },
    ]);
    // 9 November 2026 is a Monday: every row falls in that week; beta's advances are not counted.
    expect(r.weeks).toEqual([{ week: "2026-11-09", screened: 5, advanced: 0, rejected: 1, confirmed: 1, dismissed: 1, autoApplied: 0, overridden: 1 }]);
  });

  it("a job's report and a date range count only their own rows", async () => {
    const job = await oversightReport({ organizationId: alpha.org.organizationId, jobId: alpha.jobId }, {});
    expect(job).toMatchObject({ candidatesScreened: 3, resultVersions: 4, suggestions: { made: 2, confirmed: 1, dismissed: 0 }, suggestionAgreement: 1 });
    const range = await oversightReport({ organizationId: alpha.org.organizationId }, { from: day("2026-11-10"), to: day("2026-11-12") });
    expect(range).toMatchObject({ candidatesScreened: 2, resultVersions: 2, suggestions: { made: 2, confirmed: 1 } });
    const betaReport = await oversightReport({ organizationId: beta.org.organizationId }, {});
    expect(betaReport.weeks.find((w) => w.week === "2026-10-26")?.advanced).toBe(5);
  });

  it("an empty range is zeros and no rates, not an error", async () => {
    const r = await oversightReport({ organizationId: alpha.org.organizationId }, { from: day("2020-01-01"), to: day("2020-02-01") });
    expect(r).toMatchObject({ candidatesScreened: 0, suggestionAgreement: null, decisionAgreement: { rate: null }, weeks: [], verdictsByCriterion: [] });
  });

  it("the export has the same numbers; another organization's job is a 404", async () => {
    session.userId = alpha.org.userId;
    const csv = await get(orgReport as Handler, "/api/settings/report?format=csv");
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(["section", "label", "value"]);
    expect(rows).toContainEqual(["totals", "candidates_screened", "4"]);
    expect(rows).toContainEqual(["agreement", "suggestion_agreement_rate", "0.5"]);
    expect(rows).toContainEqual(["verdicts:5+ years of Python", "NOT_MET", "2"]);
    const json = JSON.parse((await get(jobReport as Handler, `/api/jobs/${alpha.jobId}/report?format=json`, { jobId: alpha.jobId })).text);
    expect(json.candidatesScreened).toBe(3);
    expect((await get(jobReport as Handler, `/api/jobs/${beta.jobId}/report`, { jobId: beta.jobId })).status).toBe(404);
  });

  it("a report page's range falls back to the last 90 days for a hand-edited URL", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(reportRange({ from: "2026-11-01", to: "2026-11-30" }, now)).toEqual({ from: day("2026-11-01"), to: day("2026-12-01") });
    expect(reportRange({ from: "nonsense" }, now)).toEqual({ from: day("2026-09-02"), to: day("2026-12-02") });
    expect(reportRange({ from: "2026-11-30", to: "2026-11-01" }, now)).toEqual({ from: day("2026-11-01"), to: day("2026-12-01") });
  });
});
