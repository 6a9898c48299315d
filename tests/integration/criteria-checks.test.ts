import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCriteriaRoute, PUT as putCriteriaRoute } from "@/app/api/jobs/[jobId]/criteria/route";
import type { OrgContext } from "@/lib/auth/guard";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { message: string; fieldErrors?: Record<string, string[]> }; criteria?: Array<{ id: string; text: string; keptReason: string | null }> };
const call = async (handler: Route, jobId: string, body?: unknown) => {
  const res = await handler(
    new NextRequest(`http://localhost/api/jobs/${jobId}/criteria`, {
      method: body === undefined ? "GET" : "PUT",
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? {} : { "content-type": "application/json" },
    }),
    { params: Promise.resolve({ jobId }) as Promise<never> },
  );
  return { status: res.status, json: (await res.json()) as Json };
};

const REASON = "Bar staff must be 21 or over by state liquor law";

/** Saving criteria through the route: protected attributes need a reason, which is stored and audited. */
describe("criteria checks on save", () => {
  let t: TestDatabase;
  let alpha: OrgContext;
  let beta: OrgContext;
  let jobId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await makeOrg(t.prisma, "Alpha", "RECRUITER");
    beta = await makeOrg(t.prisma, "Beta", "RECRUITER");
    jobId = (await t.prisma.job.create({ data: { organizationId: alpha.organizationId, provider: "LEVER", externalId: "post-1", title: "Bartender", importedVia: "MANUAL" } })).id;
  });
  afterAll(() => t.close());

  const audits = () => t.prisma.auditLog.findMany({ where: { organizationId: alpha.organizationId, action: "criteria.updated" }, orderBy: { createdAt: "asc" } });

  it("a criterion on a protected attribute without a reason is a 400 naming its row, and nothing is saved", async () => {
    session.userId = alpha.userId;
    const body = {
      criteria: [
        { text: "2+ years behind a bar", kind: "REQUIRED", weight: "HIGH" },
        { text: "under 35", kind: "PREFERRED", weight: "LOW" },
      ],
    };
    const res = await call(putCriteriaRoute, jobId, body);
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toBe("Criterion 2 (“under 35”) refers to age, a protected attribute. Give a reason to keep it, or remove it.");
    expect(res.json.error?.fieldErrors?.["criteria.1.keptReason"]?.[0]).toMatch(/protected attribute/);

    const short = await call(putCriteriaRoute, jobId, { criteria: [{ ...body.criteria[1], keptReason: "legal" }] });
    expect(short.status).toBe(400);
    expect(short.json.error?.message).toMatch(/^Criterion 1 .* too short/);

    expect(await t.prisma.screeningCriterion.count({ where: { jobId } })).toBe(0);
    expect(await audits()).toHaveLength(0);
  });

  it("with a reason it is saved, the reason is kept on the criterion, returned, and written to the audit log", async () => {
    session.userId = alpha.userId;
    const res = await call(putCriteriaRoute, jobId, {
      criteria: [
        { text: "2+ years behind a bar", kind: "REQUIRED", weight: "HIGH", keptReason: "not needed here" },
        { text: "Over 21 years old", kind: "REQUIRED", weight: "HIGH", keptReason: `  ${REASON} ` },
        { text: "Good culture fit", kind: "PREFERRED", weight: "LOW" },
      ],
    });
    expect(res.status).toBe(200);
    // A reason on a criterion that needs none is not stored; vague wording is only a hint.
    expect(res.json.criteria?.map((c) => [c.text, c.keptReason])).toEqual([
      ["2+ years behind a bar", null],
      ["Over 21 years old", REASON],
      ["Good culture fit", null],
    ]);
    const listed = await call(getCriteriaRoute, jobId);
    expect(listed.json.criteria?.[1]?.keptReason).toBe(REASON);

    const [entry] = await audits();
    expect(entry?.actorUserId).toBe(alpha.userId);
    expect(entry?.message).toContain(`“Over 21 years old” (age) because: ${REASON}`);
    expect(entry?.details).toMatchObject({ jobId, keptProtected: [{ row: 2, text: "Over 21 years old", attribute: "age", reason: REASON }] });
  });

  it("once the wording no longer needs a reason, the stored reason is dropped", async () => {
    session.userId = alpha.userId;
    const { json } = await call(getCriteriaRoute, jobId);
    const criteria = json.criteria!.map((c) => ({ ...c, text: c.text === "Over 21 years old" ? "Holds a state bartending licence" : c.text }));
    const res = await call(putCriteriaRoute, jobId, { criteria });
    expect(res.status).toBe(200);
    expect(res.json.criteria?.every((c) => c.keptReason === null)).toBe(true);
  });

  it("another organization's recruiter gets 404 and changes nothing", async () => {
    session.userId = beta.userId;
    const before = await t.prisma.screeningCriterion.findMany({ where: { jobId }, orderBy: { position: "asc" } });
    const res = await call(putCriteriaRoute, jobId, { criteria: [{ text: "under 35", kind: "REQUIRED", weight: "LOW", keptReason: REASON }] });
    expect(res.status).toBe(404);
    expect(await t.prisma.screeningCriterion.findMany({ where: { jobId }, orderBy: { position: "asc" } })).toEqual(before);
  });
});
