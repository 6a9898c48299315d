import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as putCriteriaRoute } from "@/app/api/jobs/[jobId]/criteria/route";
import type { OrgContext } from "@/lib/auth/guard";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Json = { changed?: boolean; error?: { message: string; fieldErrors?: Record<string, string[]> }; criteria?: Array<{ id: string; text: string; shortLabel: string | null }> };
const put = async (jobId: string, body: unknown) => {
  const res = await putCriteriaRoute(
    new NextRequest(`http://localhost/api/jobs/${jobId}/criteria`, { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    { params: Promise.resolve({ jobId }) as Promise<never> },
  );
  return { status: res.status, json: (await res.json()) as Json };
};

/** A criterion's short label (the verdict matrix's column header) is stored as the recruiter wrote it, or null to derive it. */
describe("criteria short labels", () => {
  let t: TestDatabase;
  let org: OrgContext;
  let jobId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    org = await makeOrg(t.prisma, "Alpha", "RECRUITER");
    jobId = (await t.prisma.job.create({ data: { organizationId: org.organizationId, provider: "LEVER", externalId: "post-1", title: "Engineer", importedVia: "MANUAL" } })).id;
    session.userId = org.userId;
  });
  afterAll(() => t.close());

  it("stores a trimmed label, keeps none as null, and a label change does not make results stale", async () => {
    const first = await put(jobId, {
      criteria: [
        { text: "Hands-on experience with Kubernetes", kind: "REQUIRED", weight: "HIGH", shortLabel: "  K8s   ops " },
        { text: "Python", kind: "PREFERRED", weight: "LOW", shortLabel: "" },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.json.criteria?.map((c) => c.shortLabel)).toEqual(["K8s ops", null]);

    const [k8s, python] = first.json.criteria!;
    const relabelled = await put(jobId, {
      criteria: [
        { id: k8s!.id, text: k8s!.text, kind: "REQUIRED", weight: "HIGH", shortLabel: null },
        { id: python!.id, text: python!.text, kind: "PREFERRED", weight: "LOW", shortLabel: "Py" },
      ],
    });
    expect(relabelled.status).toBe(200);
    expect(relabelled.json.criteria?.map((c) => c.shortLabel)).toEqual([null, "Py"]);
    expect(relabelled.json.changed).toBe(false);
  });

  it("a label too long or not text is a 400 naming the row as the editor numbers it, and nothing changes", async () => {
    const before = await t.prisma.screeningCriterion.findMany({ where: { jobId }, orderBy: { position: "asc" }, select: { shortLabel: true } });
    const long = await put(jobId, {
      criteria: [
        { text: "Python", kind: "PREFERRED", weight: "LOW" },
        { text: "Go", kind: "PREFERRED", weight: "LOW", shortLabel: "A label far longer than any column header" },
      ],
    });
    expect(long.status).toBe(400);
    expect(long.json.error?.message).toBe("Criterion 2: Keep the short label under 25 characters.");
    const wrong = await put(jobId, { criteria: [{ text: "Python", kind: "PREFERRED", weight: "LOW", shortLabel: 7 }] });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error?.message).toBe("Criterion 1: Write the short label as text.");
    expect(await t.prisma.screeningCriterion.findMany({ where: { jobId }, orderBy: { position: "asc" }, select: { shortLabel: true } })).toEqual(before);
  });
});
