import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as resumeRoute } from "@/app/api/candidates/[candidateId]/resume/route";
import type { OrgContext } from "@/lib/auth/guard";
import { authorizeWithSim, createConnection, requestCount, SIM_URL, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { safeFileName } from "@/lib/candidates/resume-file";
import { makeOrg } from "@/tests/helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const DOWNLOADS = "GET /v1/opportunities/:id/resumes/:rid/download";

/** The original résumé, read from Lever (the simulator) on demand and served with headers a browser cannot be tricked by. */
describe("GET /api/candidates/[candidateId]/resume", () => {
  let bed: LeverTestBed;
  let org: OrgContext;
  let other: OrgContext;
  let jobId: string;
  let postingId: string;
  let accountId: string;

  const get = async (as: OrgContext, candidateId: string, query = "") => {
    session.userId = as.userId;
    const res = await resumeRoute(new NextRequest(`http://localhost/api/candidates/${candidateId}/resume${query}`), { params: Promise.resolve({ candidateId }) as Promise<never> });
    return { res, status: res.status, header: (n: string) => res.headers.get(n), bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  /** What the simulator holds for the opportunity: the bytes its API serves. */
  const simBytes = async (opportunityId: string) => new Uint8Array(await (await fetch(`${SIM_URL}/_sim/opportunities/${opportunityId}/resume`)).arrayBuffer());
  /** An application in Lever and the candidate the app imported from it. */
  const applicant = async (input: { resumeFormat?: "pdf" | "docx"; resumeFileName?: string; resumeContentType?: string; unprocessable?: boolean } = {}) => {
    const added = await bed.sim.addApplication({ postingId, name: `Applicant ${randomBytes(2).toString("hex")}`, ...input });
    const row = await bed.db.prisma.candidate.create({
      data: { organizationId: org.organizationId, jobId, provider: "LEVER", externalId: added.opportunityId, name: "Applicant", importedVia: "MANUAL", resumeFileName: "stored-name.pdf" },
    });
    return { id: row.id, opportunityId: added.opportunityId };
  };

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 5 });
    const tokens = await authorizeWithSim(bed.sim);
    const created = await createConnection(bed.db, tokens);
    const owner = await bed.db.prisma.user.create({ data: { email: `owner-${randomBytes(3).toString("hex")}@alpha.test`, name: "Alpha Owner" } });
    await bed.db.prisma.membership.create({ data: { organizationId: created.organizationId, userId: owner.id, role: "RECRUITER" } });
    org = { userId: owner.id, userEmail: owner.email, organizationId: created.organizationId, organizationName: "Alpha", role: "RECRUITER" };
    other = await makeOrg(bed.db.prisma, "Beta");
    const account = bed.sim.state().accounts[0]!;
    accountId = account.id;
    postingId = account.postings.find((p) => p.state === "published")!.id;
    jobId = (await bed.db.prisma.job.create({ data: { organizationId: org.organizationId, provider: "LEVER", externalId: postingId, title: "Engineer", importedVia: "MANUAL" } })).id;
  });
  afterAll(() => bed.close());
  beforeEach(() => bed.sim.clearFaults());

  it("shows a PDF in the browser, sandboxed, with the bytes Lever holds; ?download=1 makes it an attachment", async () => {
    const c = await applicant({ resumeFormat: "pdf", resumeFileName: "Ada Quinn CV.pdf" });
    const shown = await get(org, c.id);
    expect(shown.status).toBe(200);
    expect(shown.header("content-type")).toBe("application/pdf");
    expect(shown.header("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(shown.header("x-content-type-options")).toBe("nosniff");
    expect(shown.header("content-disposition")).toBe(`inline; filename="Ada Quinn CV.pdf"; filename*=UTF-8''Ada%20Quinn%20CV.pdf`);
    expect(Buffer.from(shown.bytes).equals(Buffer.from(await simBytes(c.opportunityId)))).toBe(true);
    expect(Buffer.from(shown.bytes.subarray(0, 5)).toString()).toBe("%PDF-");

    const downloaded = await get(org, c.id, "?download=1");
    expect(downloaded.header("content-disposition")).toMatch(/^attachment; filename="Ada Quinn CV.pdf"/);
    expect(Buffer.from(downloaded.bytes).equals(Buffer.from(shown.bytes))).toBe(true);
  });

  it("downloads a DOCX as an attachment, never inline", async () => {
    const c = await applicant({ resumeFormat: "docx", resumeFileName: "résumé.docx" });
    const r = await get(org, c.id);
    expect(r.status).toBe(200);
    expect(r.header("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(r.header("content-disposition")).toBe(`attachment; filename="r_sum_.docx"; filename*=UTF-8''r%C3%A9sum%C3%A9.docx`);
    expect(r.header("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(r.bytes).equals(Buffer.from(await simBytes(c.opportunityId)))).toBe(true);
  });

  it("cleans a hostile file name: no quotes, line breaks or path parts reach the header", async () => {
    const hostile = '..\\..//etc/"evil"\r\nSet-Cookie: a=b;\u202Egpj.pdf';
    const c = await applicant({ resumeFormat: "pdf", resumeFileName: hostile });
    const r = await get(org, c.id, "?download=1");
    expect(r.status).toBe(200);
    const header = r.header("content-disposition")!;
    expect(header).toBe(`attachment; filename="evil Set-Cookie a=b gpj.pdf"; filename*=UTF-8''evil%20Set-Cookie%20a%3Db%20gpj.pdf`);
    expect(header).not.toMatch(/[\r\n\\/]/);
    expect(r.header("set-cookie")).toBeNull();
  });

  it("serves a file that claims to be HTML as an opaque download, never as a page", async () => {
    const c = await applicant({ resumeFormat: "pdf", resumeFileName: "cv.html", resumeContentType: "text/html" });
    const r = await get(org, c.id);
    expect(r.status).toBe(200);
    expect(r.header("content-type")).toBe("application/octet-stream");
    expect(r.header("content-disposition")).toMatch(/^attachment; filename="cv.html"/);
    expect(r.header("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    // A PDF claimed as HTML is still not shown inline: the claim and the bytes must agree.
    const pdfClaimingDocx = await applicant({ resumeFormat: "pdf", resumeContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect((await get(org, pdfClaimingDocx.id)).header("content-type")).toBe("application/octet-stream");
  });

  it("answers 404 for another organization's candidate and an unknown id, without asking Lever", async () => {
    const c = await applicant();
    const before = requestCount(bed.sim, DOWNLOADS, "200");
    const foreign = await get(other, c.id);
    expect(foreign.status).toBe(404);
    expect(Buffer.from(foreign.bytes).toString()).not.toContain("%PDF");
    expect((await get(org, "c_does_not_exist")).status).toBe(404);
    expect(requestCount(bed.sim, DOWNLOADS, "200")).toBe(before);
  });

  it("says plainly when Lever has no file: unprocessable, or the candidate deleted there", async () => {
    const broken = await applicant({ unprocessable: true });
    const r = await get(org, broken.id);
    expect(r.status).toBe(404);
    expect(r.header("content-type")).toBe("text/plain; charset=utf-8");
    expect(Buffer.from(r.bytes).toString()).toBe("Lever has no résumé file for this candidate.\n");

    const gone = await applicant();
    await bed.sim.deleteOpportunity(gone.opportunityId);
    const deleted = await get(org, gone.id);
    expect(deleted.status).toBe(404);
    expect(Buffer.from(deleted.bytes).toString()).toBe("This candidate is no longer in Lever.\n");
  });

  it.each([429, 503] as const)("turns Lever's %i into a plain message at once, without a stack trace", async (status) => {
    const c = await applicant();
    bed.sim.setFaults({ status, rate: 1 });
    const r = await get(org, c.id);
    expect(r.status).toBe(503);
    expect(r.header("content-type")).toBe("text/plain; charset=utf-8");
    const text = Buffer.from(r.bytes).toString();
    expect(text).toBe("Lever did not answer in time. Try again in a minute.\n");
    expect(text).not.toMatch(/at .*\.ts|Error:/);
    bed.sim.clearFaults();
    expect((await get(org, c.id)).status).toBe(200);
  });

  it("asks for a reconnect when Lever no longer accepts the connection's tokens", async () => {
    const c = await applicant();
    bed.sim.revoke(accountId);
    const r = await get(org, c.id);
    expect(r.status).toBe(409);
    expect(r.header("content-type")).toBe("text/plain; charset=utf-8");
    expect(Buffer.from(r.bytes).toString()).toMatch(/reconnect/i);
  });
});

describe("safeFileName", () => {
  it.each([
    ["CV.pdf", "pdf", "CV.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["C:\\Users\\x\\cv.docx", "docx", "cv.docx"],
    ['a"b\nc.pdf', "pdf", "ab c.pdf"],
    ["report.pdf.exe", "pdf", "report.pdf.pdf"],
    ["...", "pdf", "resume.pdf"],
    [null, "", "resume"],
    ["x".repeat(300) + ".pdf", "pdf", "x".repeat(100) + ".pdf"],
  ])("%j as %s → %j", (raw, ext, expected) => {
    expect(safeFileName(raw, ext)).toBe(expected);
  });
});
