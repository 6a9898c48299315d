import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { listJobs } from "@/lib/imports/jobs";
import { searchCandidates, searchJobs } from "@/lib/search";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

/** The shell's search and the jobs list's search and sort, on a real (PGlite) database. */
describe("search", () => {
  let t: TestDatabase;
  let alpha: OrgContext;
  let beta: OrgContext;
  const jobs: Record<string, string> = {};

  async function job(org: OrgContext, title: string, extra: { team?: string; location?: string; createdAt?: Date; confidential?: boolean } = {}) {
    const row = await t.prisma.job.create({
      data: { organizationId: org.organizationId, provider: "LEVER", externalId: `p-${randomBytes(4).toString("hex")}`, title, importedVia: "MANUAL", ...extra },
    });
    return row.id;
  }
  async function candidate(org: OrgContext, jobId: string, name: string, emails: string[], extra: { archivedAt?: Date } = {}) {
    const row = await t.prisma.candidate.create({
      data: { organizationId: org.organizationId, jobId, provider: "LEVER", externalId: `o-${randomBytes(5).toString("hex")}`, name, emails, importedVia: "MANUAL", ...extra },
    });
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await makeOrg(t.prisma, "Alpha");
    beta = await makeOrg(t.prisma, "Beta");
    jobs.backend = await job(alpha, "Backend Engineer", { team: "Platform", location: "Berlin", createdAt: new Date("2026-01-01") });
    jobs.nurse = await job(alpha, "Night Nurse", { team: "Care", location: "Leeds", createdAt: new Date("2026-03-01") });
    jobs.frontend = await job(alpha, "Frontend Engineer", { team: "Web", location: "Remote", createdAt: new Date("2026-02-01") });
    jobs.betaBackend = await job(beta, "Backend Engineer");
    // Ada applied to two of Alpha's jobs; Beta has an Ada Lovelace of its own.
    await candidate(alpha, jobs.backend, "Ada Lovelace", ["ada@analytical.test"]);
    await candidate(alpha, jobs.nurse, "Ada Lovelace", ["ada.l@personal.test", "ada@analytical.test"]);
    await candidate(alpha, jobs.frontend, "Adam Smith", ["adam@wealth.test"], { archivedAt: new Date() });
    await candidate(alpha, jobs.frontend, "Grace Hopper", ["grace@navy.test"]);
    await candidate(alpha, jobs.frontend, "Percy 100% Sure_", ["percy@odd.test"]);
    await candidate(beta, jobs.betaBackend, "Ada Lovelace", ["ada@beta.test"]);
    await candidate(beta, jobs.betaBackend, "Beta Only", ["only@beta.test"]);
    for (let i = 0; i < 25; i++) await candidate(alpha, jobs.backend, `Page Person ${String(i).padStart(2, "0")}`, [`pp${i}@bulk.test`]);
    for (let i = 0; i < 3; i++) await candidate(beta, jobs.betaBackend, `Page Person B${i}`, [`b${i}@bulk.test`]);
  });
  afterAll(() => t.close());

  it("a confidential job and its candidates are found only by those who may see the job", async () => {
    const secret = await job(alpha, "Confidential Controller", { confidential: true });
    await candidate(alpha, secret, "Secret Sam", ["sam@hidden.test"]);
    const recruiter = { organizationId: alpha.organizationId, userId: "not-granted", role: "RECRUITER" as const };
    expect((await searchCandidates(recruiter, { q: "secret sam" })).total).toBe(0);
    expect((await searchJobs(recruiter, "controller")).total).toBe(0);
    expect((await listJobs(recruiter, { q: "controller" })).length).toBe(0);
    expect((await searchCandidates(alpha, { q: "secret sam" })).rows.map((r) => r.name)).toEqual(["Secret Sam"]);
    expect((await searchJobs(alpha, "controller")).rows.map((j) => j.title)).toEqual(["Confidential Controller"]);
    await t.prisma.job.delete({ where: { id: secret } });
  });

  it("finds a candidate by name across the organization's jobs, with the job of each application", async () => {
    const found = await searchCandidates(alpha, { q: "lovelace" });
    expect(found.total).toBe(2);
    expect(found.rows.map((r) => [r.name, r.jobTitle]).sort()).toEqual([["Ada Lovelace", "Backend Engineer"], ["Ada Lovelace", "Night Nurse"]]);
    expect(found.rows.every((r) => [jobs.backend, jobs.nurse].includes(r.jobId))).toBe(true);
  });

  it("finds by part of an email and shows the address that matched", async () => {
    const found = await searchCandidates(alpha, { q: "PERSONAL.test" });
    expect(found.rows.map((r) => [r.name, r.email])).toEqual([["Ada Lovelace", "ada.l@personal.test"]]);
    expect((await searchCandidates(alpha, { q: "grace@navy.test" })).rows.map((r) => r.name)).toEqual(["Grace Hopper"]);
  });

  it("every word must match; names that start with the query come first, archived last", async () => {
    expect((await searchCandidates(alpha, { q: "ada smith" })).rows.map((r) => r.name)).toEqual(["Adam Smith"]);
    const ada = await searchCandidates(alpha, { q: "ada" });
    expect(ada.rows.map((r) => [r.name, r.archived])).toEqual([["Ada Lovelace", false], ["Ada Lovelace", false], ["Adam Smith", true]]);
  });

  it("another organization's candidates never appear, whatever is searched", async () => {
    const alphaIds = new Set((await t.prisma.candidate.findMany({ where: { organizationId: alpha.organizationId }, select: { id: true } })).map((c) => c.id));
    for (const q of ["ada", "beta", "only@beta.test", "Page Person", "@", "e", "%", "_"]) {
      let page = 1;
      for (;;) {
        const found = await searchCandidates(alpha, { q, page });
        for (const row of found.rows) expect(alphaIds.has(row.id), `${q}: ${row.name}`).toBe(true);
        if (page >= found.pages) break;
        page++;
      }
    }
    expect((await searchCandidates(alpha, { q: "Beta Only" })).total).toBe(0);
    expect((await searchCandidates(beta, { q: "ada" })).rows.map((r) => r.email)).toEqual(["ada@beta.test"]);
    expect((await searchJobs(beta, "engineer")).rows.map((j) => j.id)).toEqual([jobs.betaBackend]);
  });

  it("paginates in the database: 20 a page, the last page clamps", async () => {
    const first = await searchCandidates(alpha, { q: "page person" });
    expect(first).toMatchObject({ total: 25, page: 1, pages: 2, pageSize: 20 });
    expect(first.rows).toHaveLength(20);
    const second = await searchCandidates(alpha, { q: "page person", page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(["20", "21", "22", "23", "24"].map((n) => `Page Person ${n}`));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(25);
    expect((await searchCandidates(alpha, { q: "page person", page: 99 })).page).toBe(2);
  });

  it("takes %, _ and \\ literally, and an empty query finds nothing", async () => {
    expect((await searchCandidates(alpha, { q: "100%" })).rows.map((r) => r.name)).toEqual(["Percy 100% Sure_"]);
    expect((await searchCandidates(alpha, { q: "%" })).rows.map((r) => r.name)).toEqual(["Percy 100% Sure_"]);
    expect((await searchCandidates(alpha, { q: "e_" })).rows.map((r) => r.name)).toEqual(["Percy 100% Sure_"]);
    expect((await searchCandidates(alpha, { q: "\\" })).total).toBe(0);
    expect((await searchCandidates(alpha, { q: "   " })).total).toBe(0);
  });

  it("finds jobs by title, titles starting with the query first", async () => {
    expect((await searchJobs(alpha, "engineer")).rows.map((j) => j.title)).toEqual(["Backend Engineer", "Frontend Engineer"]);
    expect((await searchJobs(alpha, "front eng")).rows.map((j) => j.title)).toEqual(["Frontend Engineer"]);
    const nurse = await searchJobs(alpha, "nurse");
    expect(nurse).toMatchObject({ total: 1, rows: [{ title: "Night Nurse", candidates: 1 }] });
  });

  it("the jobs list searches title, team and location, and sorts by title, newest or most applicants", async () => {
    const titles = async (options: Parameters<typeof listJobs>[1]) => (await listJobs(alpha, options)).map((j) => j.title);
    expect(await titles({ sort: "newest" })).toEqual(["Night Nurse", "Frontend Engineer", "Backend Engineer"]);
    expect(await titles({ sort: "title" })).toEqual(["Backend Engineer", "Frontend Engineer", "Night Nurse"]);
    expect(await titles({ sort: "applicants" })).toEqual(["Backend Engineer", "Frontend Engineer", "Night Nurse"]);
    expect(await titles({ q: "engineer", sort: "title" })).toEqual(["Backend Engineer", "Frontend Engineer"]);
    expect(await titles({ q: "leeds" })).toEqual(["Night Nurse"]);
    expect(await titles({ q: "platform berlin" })).toEqual(["Backend Engineer"]);
    expect(await titles({ q: "nothing-like-this" })).toEqual([]);
    expect((await listJobs(beta, { q: "engineer" })).map((j) => j.id)).toEqual([jobs.betaBackend]);
  });
});
