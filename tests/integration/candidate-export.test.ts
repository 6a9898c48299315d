import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/jobs/[jobId]/export/route";
import type { OrgContext } from "@/lib/auth/guard";
import { csvField } from "@/lib/candidates/export";
import { criteriaHash } from "@/lib/screening/hash";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const get = async (jobId: string, query = "") => {
  const res = await exportRoute(new NextRequest(`http://localhost/api/jobs/${jobId}/export${query}`), { params: Promise.resolve({ jobId }) as Promise<never> });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), text: await res.text() };
};
/** Rows of a CSV without quoted newlines (enough for these names). */
const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((l) => [...l.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')));

describe("CSV export of a job's ranked candidates", () => {
  let t: TestDatabase;
  let owner: OrgContext;
  let other: OrgContext;
  let jobId: string;
  let secretJobId: string;
  let recruiterId: string;
  const criteria: { id: string; text: string }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    owner = await makeOrg(t.prisma, "Alpha");
    other = await makeOrg(t.prisma, "Beta");
    const recruiter = await t.prisma.user.create({ data: { email: `rec-${randomBytes(3).toString("hex")}@example.test`, name: "Rita Recruiter" } });
    await t.prisma.membership.create({ data: { organizationId: owner.organizationId, userId: recruiter.id, role: "RECRUITER" } });
    recruiterId = recruiter.id;
    const job = (confidential: boolean, title: string) =>
      t.prisma.job.create({ data: { organizationId: owner.organizationId, provider: "LEVER", externalId: `p-${randomBytes(4).toString("hex")}`, title, importedVia: "MANUAL", confidential } });
    jobId = (await job(false, "Field Engineer, Robots")).id;
    secretJobId = (await job(true, "Head of Secret Projects")).id;
    for (const [position, text] of ["Python", "Kubernetes, at scale"].entries()) {
      criteria.push(await t.prisma.screeningCriterion.create({ data: { organizationId: owner.organizationId, jobId, text, kind: "REQUIRED", weight: "HIGH", position }, select: { id: true, text: true } }));
    }
    const hash = criteriaHash((await t.prisma.screeningCriterion.findMany({ where: { jobId } })).map((c) => ({ id: c.id, text: c.text, kind: c.kind, weight: c.weight })));
    const candidate = async (name: string, email: string, score: number | null, verdicts: string[], archived = false) => {
      const c = await t.prisma.candidate.create({
        data: { organizationId: owner.organizationId, jobId, provider: "LEVER", externalId: `o-${randomBytes(5).toString("hex")}`, name, emails: [email], importedVia: "MANUAL", archivedAt: archived ? new Date() : null },
      });
      if (score === null) return;
      await t.prisma.screeningResult.create({
        data: {
          organizationId: owner.organizationId,
          candidateId: c.id,
          engine: "local",
          score,
          summary: "",
          criteriaHash: hash,
          requiredTier: verdicts.every((v) => v === "MET") ? 0 : verdicts.includes("NOT_MET") ? 2 : 1,
          needsReview: verdicts.filter((v) => v === "UNKNOWN").length,
          verdicts: verdicts.map((verdict, i) => ({ criterionId: criteria[i]!.id, text: criteria[i]!.text, kind: "REQUIRED", weight: "HIGH", verdict, evidence: [] })),
        },
      });
    };
    await candidate("Ada Quinn", "ada@example.test", 90, ["MET", "MET"]);
    await candidate("=HYPERLINK(\"http://evil.example\")", "evil@example.test", 80, ["MET", "NOT_MET"]);
    await candidate("Bob, \"the Builder\"", "bob@example.test", 40, ["MET", "UNKNOWN"]);
    await candidate("Arch Ived", "arch@example.test", 95, ["MET", "MET"], true);
    await candidate("Una Screened", "una@example.test", null, []);
  });
  afterAll(() => t.close());

  it("lists the active candidates in rank order with each criterion's verdict, and records the export", async () => {
    session.userId = owner.userId;
    const res = await get(jobId);
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/csv; charset=utf-8");
    expect(res.disposition).toBe('attachment; filename="field-engineer-robots-candidates.csv"');
    const table = rows(res.text);
    expect(table[0]).toEqual(["Rank", "Name", "Email", "Stage", "Status", "Archive reason", "Score", "Required criteria", "Verdicts that need review", "Screened with current criteria", "Python", "Kubernetes, at scale"]);
    expect(table.slice(1).map((r) => [r[0], r[1], r[6], r[7], r[10], r[11]])).toEqual([
      ["1", "Ada Quinn", "90", "All required met", "Met", "Met"],
      ["2", 'Bob, "the Builder"', "40", "Required needs review", "Met", "Needs review"],
      ["3", `'=HYPERLINK("http://evil.example")`, "80", "Missing required", "Met", "Not met"],
      ["4", "Una Screened", "", "Not screened", "", ""],
    ]);
    const entry = await t.prisma.auditLog.findFirst({ where: { organizationId: owner.organizationId, action: "candidates.exported" } });
    expect(entry?.message).toBe(`${owner.userEmail} exported 4 candidates of “Field Engineer, Robots” as CSV`);
  });

  it("honours the page's filters: status, and several verdicts that must all hold", async () => {
    session.userId = owner.userId;
    const names = async (query: string) => rows((await get(jobId, query)).text).slice(1).map((r) => r[1]);
    expect(await names("?status=all")).toEqual(["Arch Ived", "Ada Quinn", 'Bob, "the Builder"', `'=HYPERLINK("http://evil.example")`, "Una Screened"]);
    expect(await names("?status=archived")).toEqual(["Arch Ived"]);
    expect(await names(`?v=${criteria[0]!.id}:MET&v=${criteria[1]!.id}:UNKNOWN`)).toEqual(['Bob, "the Builder"']);
    expect(await names("?required=met&page=7")).toEqual(["Ada Quinn"]);
  });

  it("is a 404 for another organization's member, for a confidential job not granted, and for nonsense ids; 401 signed out", async () => {
    session.userId = other.userId;
    expect((await get(jobId)).status).toBe(404);
    session.userId = recruiterId;
    expect((await get(secretJobId)).status).toBe(404);
    expect((await get(jobId)).status).toBe(200);
    expect((await get("not-an-id")).status).toBe(404);
    session.userId = null;
    expect((await get(jobId)).status).toBe(401);
    expect(await t.prisma.auditLog.count({ where: { action: "candidates.exported", details: { path: ["jobId"], equals: secretJobId } } })).toBe(0);
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=1+1", "'=1+1"],
    ["+44 20", "'+44 20"],
    ["-3", "'-3"],
    ["@me", "'@me"],
    [null, ""],
  ] as const)("%j → %j", (value, out) => {
    expect(csvField(value)).toBe(out);
  });
  it("leaves numbers alone, negative ones too", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(42)).toBe("42");
  });
});
