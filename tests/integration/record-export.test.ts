import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as jobExport } from "@/app/api/jobs/[jobId]/record/route";
import { GET as orgExport } from "@/app/api/settings/record/route";
import type { OrgContext } from "@/lib/auth/guard";
import { CSV_COLUMNS } from "@/lib/oversight/export";
import { PAGE_MAX } from "@/lib/oversight/record-pages";
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
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};
const csvIds = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => r[1]!);
};

/** The auditor's exports: one organization's records exactly, within the dates asked, safe to open in a spreadsheet. */
describe("decision-record exports", () => {
  let t: TestDatabase;
  let alpha: SeededRecord;
  let beta: SeededRecord;
  let recruiter: OrgContext;
  const as = (u: { userId: string }) => (session.userId = u.userId);

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await seedRecord(t.prisma, await makeOrg(t.prisma, "Alpha", "ADMIN"), { extraDecisions: PAGE_MAX + 20 });
    beta = await seedRecord(t.prisma, await makeOrg(t.prisma, "Beta", "ADMIN"), { extraDecisions: 3 });
    const user = await t.prisma.user.create({ data: { email: "rita@alpha.test", name: "Rita" } });
    await t.prisma.membership.create({ data: { organizationId: alpha.org.organizationId, userId: user.id, role: "RECRUITER" } });
    recruiter = { ...alpha.org, userId: user.id, role: "RECRUITER" };
  });
  afterAll(async () => {
    await t.close();
  });

  it("the organization's CSV holds exactly its own versions and decisions, each once, in time order (read in pages)", async () => {
    as(alpha.org);
    const res = await get(orgExport as Handler, "/api/settings/record?format=csv");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/csv");
    const ids = csvIds(res.text);
    expect(ids.length).toBeGreaterThan(PAGE_MAX);
    expect(new Set(ids)).toEqual(new Set(alpha.allIds));
    expect(ids).toHaveLength(alpha.allIds.length);
    for (const id of beta.allIds) expect(ids).not.toContain(id);
    const times = parseCsv(res.text).slice(1).map((r) => r[2]!);
    expect(times).toEqual([...times].sort());
  });

  it("JSON is the same rows; no résumé text and no evidence quote; names only of candidates who still exist", async () => {
    as(alpha.org);
    const res = await get(orgExport as Handler, "/api/settings/record?format=json");
    const rows = JSON.parse(res.text) as Array<{ id: string; type: string; candidateName: string | null; candidateId: string | null }>;
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(alpha.allIds));
    expect(res.text).not.toContain(alpha.resumeText);
    expect(res.text).not.toContain(alpha.evidence);
    const deleted = rows.filter((r) => r.id === alpha.anonymizedVersionId);
    expect(deleted).toEqual([expect.objectContaining({ candidateId: null, candidateName: null })]);
    expect(rows.some((r) => r.candidateName === alpha.hostileName)).toBe(true);
  });

  it("a date range keeps the days asked for, both included, and nothing outside", async () => {
    as(alpha.org);
    const day = (id: string) => get(orgExport as Handler, `/api/settings/record?format=csv&from=2026-11-10&to=2026-11-11`).then((r) => csvIds(r.text).includes(id));
    expect(await day(alpha.versionOn.nov10start)).toBe(true);
    expect(await day(alpha.versionOn.nov11end)).toBe(true);
    expect(await day(alpha.versionOn.nov09end)).toBe(false);
    expect(await day(alpha.versionOn.nov12start)).toBe(false);
  });

  it("a job's export holds that job's rows only; another organization's job is a 404", async () => {
    as(alpha.org);
    const res = await get(jobExport as Handler, `/api/jobs/${alpha.jobId}/record?format=json`, { jobId: alpha.jobId });
    const rows = JSON.parse(res.text) as Array<{ id: string; jobId: string | null }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.jobId === alpha.jobId)).toBe(true);
    expect(rows.map((r) => r.id)).not.toContain(alpha.otherJobVersionId);
    expect((await get(jobExport as Handler, `/api/jobs/${beta.jobId}/record`, { jobId: beta.jobId })).status).toBe(404);
  });

  it("hostile values cannot run as formulas and keep their quotes and line breaks", async () => {
    as(alpha.org);
    const res = await get(jobExport as Handler, `/api/jobs/${alpha.jobId}/record?format=csv`, { jobId: alpha.jobId });
    const cells = parseCsv(res.text).flat();
    expect(cells).toContain(`'${alpha.hostileName}`);
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
    expect(cells.some((c) => c.includes('"quoted"') && c.includes("\n"))).toBe(true);
  });

  it("bad dates are a 400 in plain words; a recruiter cannot export the whole organization", async () => {
    as(alpha.org);
    const bad = await get(orgExport as Handler, "/api/settings/record?from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("not a real date");
    const swapped = await get(orgExport as Handler, "/api/settings/record?from=2026-11-12&to=2026-11-01");
    expect(swapped.status).toBe(400);
    expect(swapped.text).toContain("start date is after the end date");
    expect((await get(orgExport as Handler, "/api/settings/record?format=xml")).status).toBe(400);
    as(recruiter);
    expect((await get(orgExport as Handler, "/api/settings/record")).status).toBe(403);
  });
});
