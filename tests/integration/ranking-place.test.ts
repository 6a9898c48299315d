import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { rankingPlace, rankingQuery } from "@/lib/candidates/ranking-place";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

/** Previous/next on the candidate page follow the job page's ranked list, its filters and its pages of 50. */
describe("a candidate's place in the job's ranking", () => {
  let t: TestDatabase;
  let alpha: OrgContext;
  let beta: OrgContext;
  let jobId: string;
  let betaJobId: string;
  const ids: string[] = [];
  let archived: string;
  let betaCandidate: string;

  async function job(org: OrgContext) {
    return (await t.prisma.job.create({ data: { organizationId: org.organizationId, provider: "LEVER", externalId: `p-${randomBytes(4).toString("hex")}`, title: "Job", importedVia: "MANUAL" } })).id;
  }
  async function candidate(org: OrgContext, job: string, name: string, extra: { archivedAt?: Date } = {}) {
    const row = await t.prisma.candidate.create({
      data: { organizationId: org.organizationId, jobId: job, provider: "LEVER", externalId: `o-${randomBytes(5).toString("hex")}`, name, importedVia: "MANUAL", ...extra },
    });
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await makeOrg(t.prisma, "Alpha");
    beta = await makeOrg(t.prisma, "Beta");
    jobId = await job(alpha);
    betaJobId = await job(beta);
    // Unscreened candidates rank by name: 53 of them fill page 1 (50) and start page 2.
    for (let i = 0; i < 53; i++) ids.push(await candidate(alpha, jobId, `Cand ${String(i).padStart(2, "0")}`));
    archived = await candidate(alpha, jobId, "Cand 99 Archived", { archivedAt: new Date() });
    betaCandidate = await candidate(beta, betaJobId, "Beta Only");
  });
  afterAll(() => t.close());

  it("names the neighbours on the same page, and none before the first", async () => {
    expect(await rankingPlace(alpha.organizationId, jobId, ids[0]!, { status: "all" })).toEqual({ position: 1, total: 54, previous: null, next: { id: ids[1], page: 1 } });
    expect(await rankingPlace(alpha.organizationId, jobId, ids[10]!, { status: "all" })).toEqual({
      position: 11,
      total: 54,
      previous: { id: ids[9], page: 1 },
      next: { id: ids[11], page: 1 },
    });
  });

  it("crosses to the next and previous page of the list, whatever page the link said", async () => {
    expect(await rankingPlace(alpha.organizationId, jobId, ids[49]!, { page: "1", status: "all" })).toMatchObject({ position: 50, next: { id: ids[50], page: 2 } });
    for (const page of ["1", "2", "nonsense"]) {
      expect(await rankingPlace(alpha.organizationId, jobId, ids[50]!, { page, status: "all" })).toMatchObject({ position: 51, previous: { id: ids[49], page: 1 }, next: { id: ids[51], page: 2 } });
    }
    expect(await rankingPlace(alpha.organizationId, jobId, archived, { page: "2", status: "all" })).toMatchObject({ position: 54, total: 54, next: null });
  });

  it("follows the filters: an archived candidate is not in the active list, and the active list skips them", async () => {
    expect(await rankingPlace(alpha.organizationId, jobId, archived, { status: "active" })).toBeNull();
    // Active is what the job page shows without a status.
    expect(await rankingPlace(alpha.organizationId, jobId, archived, {})).toBeNull();
    expect(await rankingPlace(alpha.organizationId, jobId, ids[52]!, { status: "active" })).toEqual({ position: 53, total: 53, previous: { id: ids[51], page: 2 }, next: null });
    expect(await rankingPlace(alpha.organizationId, jobId, archived, { status: "archived" })).toEqual({ position: 1, total: 1, previous: null, next: null });
  });

  it("finds nothing for another organization's candidate or job", async () => {
    expect(await rankingPlace(alpha.organizationId, jobId, betaCandidate, {})).toBeNull();
    await expect(rankingPlace(alpha.organizationId, betaJobId, betaCandidate, {})).rejects.toMatchObject({ status: 404 });
  });

  it("carries only the list's filters and its page into links", () => {
    expect(rankingQuery({})).toBe("");
    expect(rankingQuery({ tab: "criteria", page: "3" })).toBe("");
    expect(rankingQuery({ status: "active", v: ["c1:MET", "c2:NOT_MET"], tab: "criteria", edit: "1" }, 2)).toBe("?status=active&v=c1%3AMET&v=c2%3ANOT_MET&page=2");
    expect(rankingQuery({ stage: "none" }, 1)).toBe("?stage=none");
  });
});
