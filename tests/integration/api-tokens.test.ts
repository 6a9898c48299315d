import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as decisionsApi from "@/app/api/v1/decisions/route";
import * as resultsApi from "@/app/api/v1/results/route";
import { DELETE as revokeRoute } from "@/app/api/settings/api-tokens/[tokenId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/settings/api-tokens/route";
import type { OrgContext } from "@/lib/auth/guard";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";
import { seedRecord, type SeededRecord } from "@/tests/helpers/record-seed";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Json = Record<string, unknown> & { error?: { code: string; message: string }; data?: Array<{ id: string; jobId: string | null }>; nextCursor?: string | null };
type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const call = async (handler: Handler, url: string, init: { method?: string; body?: unknown; token?: string } = {}, params: Record<string, string> = {}) => {
  const headers: Record<string, string> = {};
  if (init.body !== undefined || (init.method && init.method !== "GET")) Object.assign(headers, { "content-type": "application/json", origin: "http://localhost" });
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const res = await handler(new NextRequest(`http://localhost${url}`, { method: init.method ?? "GET", body: init.body === undefined ? undefined : JSON.stringify(init.body), headers }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Json, allow: res.headers.get("allow") };
};
const v1 = (handler: unknown, url: string, token?: string, method = "GET") => call(handler as Handler, url, { method, token });

/** The read-only API: one organization's record per token, no writes, revocable, never stored in the clear. */
describe("API tokens and the read-only API", () => {
  let t: TestDatabase;
  let alpha: SeededRecord;
  let beta: SeededRecord;
  let recruiter: OrgContext;
  let alphaToken: string;
  let alphaTokenId: string;
  let betaToken: string;
  const as = (u: { userId: string }) => (session.userId = u.userId);
  const logs: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    alpha = await seedRecord(t.prisma, await makeOrg(t.prisma, "Alpha", "ADMIN"));
    beta = await seedRecord(t.prisma, await makeOrg(t.prisma, "Beta", "OWNER"));
    const user = await t.prisma.user.create({ data: { email: "rita@alpha.test", name: "Rita" } });
    await t.prisma.membership.create({ data: { organizationId: alpha.org.organizationId, userId: user.id, role: "RECRUITER" } });
    recruiter = { ...alpha.org, userId: user.id, role: "RECRUITER" };
    // lib/log writes every line through the console.
    for (const level of ["log", "info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(" ")));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  it("an admin creates a token, shown once; only its SHA-256 is stored", async () => {
    as(alpha.org);
    const res = await call(createRoute as Handler, "/api/settings/api-tokens", { method: "POST", body: { name: "Data warehouse" } });
    expect(res.status).toBe(201);
    alphaToken = res.json.token as string;
    alphaTokenId = (res.json.apiToken as { id: string }).id;
    expect(alphaToken).toMatch(/^scr_[A-Za-z0-9_-]{43}$/);
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: alphaTokenId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(alphaToken).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(alphaToken.slice(12));
    const list = await call(listRoute as Handler, "/api/settings/api-tokens");
    expect(JSON.stringify(list.json)).not.toContain(alphaToken);
    expect(list.json.apiTokens).toEqual([expect.objectContaining({ name: "Data warehouse", prefix: alphaToken.slice(0, 12), lastUsedAt: null, revokedAt: null })]);
    as(beta.org);
    betaToken = (await call(createRoute as Handler, "/api/settings/api-tokens", { method: "POST", body: { name: "Beta BI" } })).json.token as string;
  });

  it("a recruiter cannot create, list or revoke tokens; a bad name is a 400", async () => {
    as(recruiter);
    expect((await call(createRoute as Handler, "/api/settings/api-tokens", { method: "POST", body: { name: "Mine" } })).status).toBe(403);
    expect((await call(listRoute as Handler, "/api/settings/api-tokens")).status).toBe(403);
    expect((await call(revokeRoute as Handler, `/api/settings/api-tokens/${alphaTokenId}`, { method: "DELETE" }, { tokenId: alphaTokenId })).status).toBe(403);
    as(alpha.org);
    const bad = await call(createRoute as Handler, "/api/settings/api-tokens", { method: "POST", body: { name: " " } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain("Name the token");
  });

  it("a token reads its own organization's results and decisions, paged with a cursor, and nothing of another's", async () => {
    const seen: string[] = [];
    let url = "/api/v1/results?limit=2";
    for (let i = 0; i < 10 && url; i++) {
      const res = await v1(resultsApi.GET, url, alphaToken);
      expect(res.status).toBe(200);
      seen.push(...res.json.data!.map((r) => r.id));
      url = res.json.nextCursor ? `/api/v1/results?limit=2&cursor=${res.json.nextCursor}` : "";
    }
    expect(seen).toEqual(alpha.versionIds);
    const decisions = await v1(decisionsApi.GET, "/api/v1/decisions?limit=500", alphaToken);
    expect(new Set(decisions.json.data!.map((d) => d.id))).toEqual(new Set(alpha.decisionIds));
    const byJob = await v1(resultsApi.GET, `/api/v1/results?job=${alpha.otherJobId}`, alphaToken);
    expect(byJob.json.data!.map((r) => r.id)).toEqual([alpha.otherJobVersionId]);
    // Another organization's job is not found, and its rows never appear.
    expect((await v1(resultsApi.GET, `/api/v1/results?job=${beta.jobId}`, alphaToken)).status).toBe(404);
    const betaRows = await v1(resultsApi.GET, "/api/v1/results?limit=500", betaToken);
    expect(betaRows.json.data!.map((r) => r.id).sort()).toEqual([...beta.versionIds].sort());
    const since = await v1(resultsApi.GET, "/api/v1/results?since=2026-11-11T00:00:00Z", alphaToken);
    expect(since.json.data!.map((r) => r.id)).toEqual([alpha.versionOn.nov11end, alpha.versionOn.nov12start, alpha.otherJobVersionId]);
    expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: alphaTokenId } })).lastUsedAt).not.toBeNull();
  });

  it("bad parameters are 400s in plain words", async () => {
    const since = await v1(resultsApi.GET, "/api/v1/results?since=yesterday", alphaToken);
    expect(since.status).toBe(400);
    expect(since.json.error?.message).toContain("ISO 8601");
    expect((await v1(resultsApi.GET, "/api/v1/results?limit=0", alphaToken)).status).toBe(400);
    expect((await v1(resultsApi.GET, "/api/v1/results?cursor=bm9wZQ", alphaToken)).json.error?.message).toContain("cursor is not valid");
    expect((await v1(decisionsApi.GET, `/api/v1/decisions?job=${alpha.jobId}`, alphaToken)).status).toBe(400);
  });

  it("every write method is a 405, with or without a token", async () => {
    for (const route of [resultsApi, decisionsApi] as const) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        const res = await v1(route[method], "/api/v1/results", alphaToken, method);
        expect(res.status).toBe(405);
        expect(res.allow).toBe("GET");
        expect(res.json.error?.message).toBe("This API is read-only: only GET is allowed.");
      }
    }
    expect(await t.prisma.decision.count({ where: { organizationId: alpha.org.organizationId } })).toBe(alpha.decisionIds.length);
  });

  it("no token, a wrong one or a forged one with a real prefix is a 401", async () => {
    expect((await v1(resultsApi.GET, "/api/v1/results")).status).toBe(401);
    expect((await v1(resultsApi.GET, "/api/v1/results", "nonsense")).status).toBe(401);
    const forged = `${alphaToken.slice(0, 12)}${"A".repeat(alphaToken.length - 12)}`;
    const res = await v1(resultsApi.GET, "/api/v1/results", forged);
    expect(res.status).toBe(401);
    expect(res.json.error?.message).toBe("This API token is not valid. Check that it was copied whole.");
  });

  it("another organization's admin cannot revoke the token; its own admin can, and then it is a 401 with a plain message", async () => {
    as(beta.org);
    expect((await call(revokeRoute as Handler, `/api/settings/api-tokens/${alphaTokenId}`, { method: "DELETE" }, { tokenId: alphaTokenId })).status).toBe(404);
    expect((await v1(resultsApi.GET, "/api/v1/results", alphaToken)).status).toBe(200);
    as(alpha.org);
    expect((await call(revokeRoute as Handler, `/api/settings/api-tokens/${alphaTokenId}`, { method: "DELETE" }, { tokenId: alphaTokenId })).status).toBe(200);
    const res = await v1(resultsApi.GET, "/api/v1/results", alphaToken);
    expect(res.status).toBe(401);
    expect(res.json.error?.message).toBe("This API token was revoked. Ask an admin of the organization for a new one.");
    expect((await v1(resultsApi.GET, "/api/v1/results", betaToken)).status).toBe(200);
    const audit = await t.prisma.auditLog.findMany({ where: { organizationId: alpha.org.organizationId, action: { startsWith: "api_token." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("no token appears in any log line or audit entry", async () => {
    const audit = JSON.stringify(await t.prisma.auditLog.findMany({ where: { organizationId: { in: [alpha.org.organizationId, beta.org.organizationId] } } }));
    for (const token of [alphaToken, betaToken]) {
      expect(logs.join("")).not.toContain(token);
      expect(audit).not.toContain(token);
    }
  });
});
