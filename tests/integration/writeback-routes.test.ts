import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as optionsRoute, POST as actionsRoute } from "@/app/api/candidates/actions/route";
import { POST as undoRoute } from "@/app/api/candidates/actions/undo/route";
import { POST as restoreRoute } from "@/app/api/candidates/[candidateId]/restore/route";
import { POST as retryRoute } from "@/app/api/writebacks/[id]/retry/route";
import type { OrgContext } from "@/lib/auth/guard";
import { applyCandidateAction, listWriteBacks, UNDO_WINDOW_MS } from "@/lib/writeback";
import { connectOrg, member, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

// The session is the only source of the organization: tests choose who is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const call = async (handler: Route, url: string, init: { body?: unknown; raw?: string } = {}, params: Record<string, string> = {}) => {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const method = body !== undefined || url.endsWith("/retry") ? "POST" : "GET";
  const res = await handler(new NextRequest(`http://localhost${url}`, { method, body, headers: method !== "GET" ? { "content-type": "application/json" } : {} }), {
    params: Promise.resolve(params) as Promise<never>,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};

/** Advance / reject and Retry through their routes: the guard, the input rules, and tenant isolation. */
describe("write-back routes", () => {
  let w: WriteBackBed;
  let beta: Awaited<ReturnType<typeof connectOrg>>;
  let alphaAdmin: OrgContext;
  const prisma = () => w.bed.db.prisma;
  let n = 0;
  const key = () => `route-key-${++n}-${Date.now()}`;
  const as = (user: OrgContext | null) => {
    session.userId = user?.userId ?? null;
  };
  const reason = (where: { type: string; active: boolean }, organizationId = w.org.organizationId) =>
    prisma().archiveReason.findFirstOrThrow({ where: { organizationId, ...where } });
  const snapshot = async (organizationId: string) => ({
    candidates: await prisma().candidate.findMany({ where: { organizationId }, orderBy: { id: "asc" }, select: { id: true, stageId: true, archivedAt: true, archiveReasonId: true } }),
    actions: await prisma().writeBackAction.count({ where: { organizationId } }),
  });

  beforeAll(async () => {
    w = await startWriteBackBed(6);
    beta = await connectOrg(w.bed, 1, 3, "recruiter@beta.test");
    alphaAdmin = await member(w.bed, w.org.organizationId, "admin@alpha.test", "ADMIN");
    // One of Alpha's non-hired reasons was switched off in Lever.
    const inactive = await reason({ type: "non-hired", active: true });
    await prisma().archiveReason.update({ where: { id: inactive.id }, data: { active: false } });
  });
  afterAll(async () => {
    await w.close();
  });

  it("signed out: 401", async () => {
    as(null);
    expect((await call(optionsRoute, "/api/candidates/actions")).status).toBe(401);
    expect((await call(actionsRoute, "/api/candidates/actions", { body: {} })).status).toBe(401);
    expect((await call(retryRoute, "/api/writebacks/x/retry", {}, { id: "x" })).status).toBe(401);
  });

  it("offers the organization's stages and only its active non-hired reasons", async () => {
    as(w.org);
    const { status, json } = await call(optionsRoute, "/api/candidates/actions");
    expect(status).toBe(200);
    const reasons = await prisma().archiveReason.findMany({ where: { organizationId: w.org.organizationId } });
    const offered = (json.archiveReasons as { id: string }[]).map((r) => r.id).sort();
    expect(offered).toEqual(reasons.filter((r) => r.type === "non-hired" && r.active).map((r) => r.id).sort());
    expect((json.stages as unknown[]).length).toBe(await prisma().stage.count({ where: { organizationId: w.org.organizationId } }));
    expect(json).toMatchObject({ ats: "Lever", updatesAts: true });
  });

  it("rejecting needs an active non-hired reason of the organization: else 400 and nothing changes", async () => {
    as(w.org);
    const before = await snapshot(w.org.organizationId);
    const ids = w.candidates.map((c) => c.id);
    const hired = await reason({ type: "hired", active: true });
    const inactive = await reason({ type: "non-hired", active: false });
    const betaReason = await reason({ type: "non-hired", active: true }, beta.org.organizationId);
    const cases: Array<[unknown, RegExp]> = [
      [{ action: "archive", candidateIds: ids, idempotencyKey: key() }, /Choose a rejection reason/],
      [{ action: "archive", archiveReasonId: hired.id, candidateIds: ids, idempotencyKey: key() }, /hired reason/],
      [{ action: "archive", archiveReasonId: inactive.id, candidateIds: ids, idempotencyKey: key() }, /inactive/],
      [{ action: "archive", archiveReasonId: betaReason.id, candidateIds: ids, idempotencyKey: key() }, /Choose one of your rejection reasons/],
      [{ action: "advance", candidateIds: ids, idempotencyKey: key() }, /^Choose a stage\.$/],
      [{ action: "advance", stageId: "no-such-stage", candidateIds: ids, idempotencyKey: key() }, /Choose one of your stages/],
      [{ action: "promote", stageId: "x", candidateIds: ids, idempotencyKey: key() }, /^Choose whether to advance or reject\.$/],
      [{ action: "archive", archiveReasonId: inactive.id, candidateIds: [], idempotencyKey: key() }, /Select at least one candidate/],
      [{ action: "archive", archiveReasonId: inactive.id, candidateIds: Array.from({ length: 201 }, (_, i) => `c${i}`), idempotencyKey: key() }, /at most 200/],
      [{ action: "archive", archiveReasonId: hired.id, candidateIds: ids }, /^Reload the page and try again \(the request key is missing\)\.$/],
    ];
    for (const [body, message] of cases) {
      const res = await call(actionsRoute, "/api/candidates/actions", { body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json.error?.message).toMatch(message);
    }
    expect((await call(actionsRoute, "/api/candidates/actions", { raw: "{nope" })).json.error?.message).toMatch(/must be JSON/);
    expect(await snapshot(w.org.organizationId)).toEqual(before);
  });

  it("another organization's candidate ids are 404 and nothing changes, in either organization", async () => {
    as(beta.org);
    const alphaBefore = await snapshot(w.org.organizationId);
    const betaBefore = await snapshot(beta.org.organizationId);
    const betaReason = await reason({ type: "non-hired", active: true }, beta.org.organizationId);
    const betaStage = await prisma().stage.findFirstOrThrow({ where: { organizationId: beta.org.organizationId } });
    const alphaIds = w.candidates.map((c) => c.id);
    const mixed = [beta.candidates[0]!.id, alphaIds[0]!];
    for (const body of [
      { action: "archive", archiveReasonId: betaReason.id, candidateIds: alphaIds, idempotencyKey: key() },
      { action: "archive", archiveReasonId: betaReason.id, candidateIds: mixed, idempotencyKey: key() },
      { action: "advance", stageId: betaStage.id, candidateIds: mixed, idempotencyKey: key() },
      // Beta's own candidate, but under Alpha's job.
      { action: "advance", stageId: betaStage.id, candidateIds: [beta.candidates[0]!.id], jobId: w.jobId, idempotencyKey: key() },
    ]) {
      expect(await call(actionsRoute, "/api/candidates/actions", { body })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    }
    expect(await snapshot(w.org.organizationId)).toEqual(alphaBefore);
    expect(await snapshot(beta.org.organizationId)).toEqual(betaBefore);
    await expect(listWriteBacks(beta.org, alphaIds[0]!)).rejects.toMatchObject({ status: 404 });
  });

  it("a forged cross-site advance (text/plain, or JSON from a sibling origin) is refused and nothing changes", async () => {
    as(w.org);
    const before = await snapshot(w.org.organizationId);
    const stage = await prisma().stage.findFirstOrThrow({ where: { organizationId: w.org.organizationId } });
    const body = JSON.stringify({ action: "advance", stageId: stage.id, candidateIds: w.candidates.slice(4, 6).map((c) => c.id), idempotencyKey: key() });
    const forged = (headers: Record<string, string>) =>
      actionsRoute(new NextRequest("http://localhost:3000/api/candidates/actions", { method: "POST", body, headers }), { params: Promise.resolve({}) as Promise<never> });
    // A page can post text/plain (or a form) to any origin without a CORS preflight.
    const plain = await forged({ "content-type": "text/plain;charset=UTF-8", origin: "http://attacker.localhost:3000", "sec-fetch-site": "same-site" });
    expect(plain.status).toBe(403);
    expect((await forged({ "content-type": "text/plain;charset=UTF-8" })).status).toBe(415);
    expect((await forged({ "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await forged({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect((await forged({ "content-type": "application/json", origin: "null" })).status).toBe(403);
    expect((await forged({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    const refused = (await plain.json()) as { error: { code: string; message: string } };
    expect(refused.error).toMatchObject({ code: "cross_site", message: expect.stringMatching(/other sites/) });
    expect(await snapshot(w.org.organizationId)).toEqual(before);
    // The app's own page: same origin, JSON.
    const own = await forged({ "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
  });

  it("a recruiter rejects with a reason: the app's copy changes and one archive per candidate is queued; a resent request adds nothing", async () => {
    as(w.org);
    const good = await reason({ type: "non-hired", active: true });
    const ids = w.candidates.slice(0, 3).map((c) => c.id);
    const body = { action: "archive", archiveReasonId: good.id, candidateIds: ids, jobId: w.jobId, idempotencyKey: key() };
    const first = await call(actionsRoute, "/api/candidates/actions", { body });
    expect(first).toMatchObject({ status: 200, json: { requested: 3, changed: 3, queued: 3, writeBack: "queued", repeated: false } });
    expect(await call(actionsRoute, "/api/candidates/actions", { body })).toMatchObject({ status: 200, json: { changed: 0, queued: 0, repeated: true } });
    const rows = await prisma().candidate.findMany({ where: { id: { in: ids } } });
    expect(rows.every((c) => c.archiveReasonId === good.id && c.externalArchiveReasonId === good.externalId && c.archivedAt)).toBe(true);
    const actions = await prisma().writeBackAction.findMany({ where: { candidateId: { in: ids } } });
    expect(actions.map((a) => [a.kind, a.status, a.requestedById])).toEqual(ids.map(() => ["ARCHIVE", "PENDING", w.org.userId]));
  });

  it("Retry: failed actions of the organization only, by its admins and recruiters", async () => {
    const [failed, done] = await prisma().writeBackAction.findMany({ where: { organizationId: w.org.organizationId }, take: 2 });
    await prisma().writeBackAction.update({ where: { id: failed!.id }, data: { status: "FAILED", lastError: "Lever answered 503" } });
    await prisma().writeBackAction.update({ where: { id: done!.id }, data: { status: "SUCCEEDED" } });

    as(beta.org);
    expect(await call(retryRoute, `/api/writebacks/${failed!.id}/retry`, {}, { id: failed!.id })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect((await prisma().writeBackAction.findUniqueOrThrow({ where: { id: failed!.id } })).status).toBe("FAILED");

    as(w.org);
    expect(await call(retryRoute, `/api/writebacks/${done!.id}/retry`, {}, { id: done!.id })).toMatchObject({ status: 409, json: { error: { message: "This write-back already succeeded" } } });
    expect(await call(retryRoute, `/api/writebacks/${failed!.id}/retry`, {}, { id: failed!.id })).toMatchObject({ status: 202, json: { id: failed!.id, status: "PENDING" } });
    expect(await call(retryRoute, `/api/writebacks/${failed!.id}/retry`, {}, { id: failed!.id })).toMatchObject({ status: 409 });

    await prisma().writeBackAction.update({ where: { id: failed!.id }, data: { status: "FAILED" } });
    as(alphaAdmin);
    expect((await call(retryRoute, `/api/writebacks/${failed!.id}/retry`, {}, { id: failed!.id })).status).toBe(202);
  });

  it("Undo: another organization's change is a 404, a late one a plain 409, a cross-site post a 415; nothing changes", async () => {
    const good = await reason({ type: "non-hired", active: true });
    const [fresh, old] = w.candidates.slice(3, 5);
    const recent = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds: [fresh!.id], idempotencyKey: key(), undo: true });
    const late = await applyCandidateAction(w.org, { action: "archive", archiveReasonId: good.id, candidateIds: [old!.id], idempotencyKey: key(), undo: true }, { now: new Date(Date.now() - UNDO_WINDOW_MS - 1) });
    const before = await snapshot(w.org.organizationId);

    as(beta.org);
    expect(await call(undoRoute, "/api/candidates/actions/undo", { body: { batchId: recent.undo!.batchId } })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    as(w.org);
    expect(await call(undoRoute, "/api/candidates/actions/undo", { body: { batchId: late.undo!.batchId } })).toMatchObject({
      status: 409,
      json: { error: { code: "conflict", message: "Too late to undo: the change has already been sent on." } },
    });
    expect((await call(undoRoute, "/api/candidates/actions/undo", { body: { batchId: "" } })).status).toBe(400);
    const plain = await undoRoute(new NextRequest("http://localhost/api/candidates/actions/undo", { method: "POST", body: JSON.stringify({ batchId: recent.undo!.batchId }), headers: { "content-type": "text/plain" } }), {
      params: Promise.resolve({}) as Promise<never>,
    });
    expect(plain.status).toBe(415);
    expect(await snapshot(w.org.organizationId)).toEqual(before);

    expect(await call(undoRoute, "/api/candidates/actions/undo", { body: { batchId: recent.undo!.batchId } })).toMatchObject({ status: 200, json: { restored: 1, withdrawn: 1 } });
  });

  it("Restore: another organization's candidate is a 404; one not rejected a 409", async () => {
    const c = w.candidates[5]!;
    as(beta.org);
    expect(await call(restoreRoute, `/api/candidates/${c.id}/restore`, { body: { idempotencyKey: key() } }, { candidateId: c.id })).toMatchObject({ status: 404 });
    as(w.org);
    await prisma().candidate.update({ where: { id: c.id }, data: { archivedAt: null, archiveReasonId: null } });
    expect(await call(restoreRoute, `/api/candidates/${c.id}/restore`, { body: { idempotencyKey: key() } }, { candidateId: c.id })).toMatchObject({
      status: 409,
      json: { error: { message: "This candidate is not rejected." } },
    });
    expect(await prisma().writeBackAction.count({ where: { candidateId: c.id, kind: "UNARCHIVE" } })).toBe(0);
  });
});
