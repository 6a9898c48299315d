import { beforeEach, describe, expect, it } from "vitest";
import { createGreenhouseSim, type GreenhouseSim } from "./core";
import { connect, harvest, nextLink } from "./testing";

const START = Date.UTC(2026, 0, 15, 9);
let sim: GreenhouseSim;
let token: string;
let globexToken: string;

beforeEach(async () => {
  sim = createGreenhouseSim({ startTime: START, applicationsPerAccount: 120, rateLimit: false });
  token = (await connect(sim, { account: 0 })).access_token;
  globexToken = (await connect(sim, { account: 1 })).access_token;
});

async function all(first: string, tok = token): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let pages = 0;
  let url: string | null = first;
  while (url) {
    const res = await harvest(sim, tok, "GET", url);
    expect(res.status).toBe(200);
    ids.push(...((await res.json()) as Array<{ id: number }>).map((x) => x.id));
    pages++;
    url = nextLink(res);
  }
  return { ids, pages };
}

describe("cursor paging by Link header", () => {
  it("visits each application exactly once, even when new ones arrive while paging", async () => {
    const first = await harvest(sim, token, "GET", "/applications?per_page=37");
    const seen = ((await first.json()) as Array<{ id: number }>).map((x) => x.id);
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    await sim.addApplication({ jobId: job.id, name: "Ada Late", email: "ada.late@example.com" });
    const rest = await all(nextLink(first)!);
    const ids = [...seen, ...rest.ids];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(121);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(rest.pages).toBe(3);
  });

  it("has no Link on the last page, and refuses a cursor combined with other parameters or tampered with", async () => {
    const last = await harvest(sim, token, "GET", "/rejection_reasons");
    expect(last.headers.get("link")).toBeNull();
    const first = await harvest(sim, token, "GET", "/candidates?per_page=10");
    const next = nextLink(first)!;
    const mixed = await harvest(sim, token, "GET", `${next}&per_page=50`);
    expect(mixed.status).toBe(422);
    expect(await mixed.json()).toEqual({ message: "Validation error", errors: [{ field: "cursor", message: "When cursor is given it must be the only query parameter" }] });
    const url = new URL(next);
    const cursor = url.searchParams.get("cursor")!;
    const payload = JSON.parse(Buffer.from(cursor.split(".")[0]!, "base64url").toString()) as Record<string, unknown>;
    payload.n = 500;
    url.searchParams.set("cursor", `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${cursor.split(".")[1]}`);
    expect((await harvest(sim, token, "GET", url.toString())).status).toBe(422);
    expect((await harvest(sim, token, "GET", "/jobs?per_page=501")).status).toBe(422);
  });

  it("filters by updated_at / last_activity_at / created_at for a reconcile, and keeps the filter across pages", async () => {
    const apps = sim.context.accounts[0]!.applications;
    const since = new Date(START - 20 * 24 * 3600_000).toISOString();
    const expected = apps.filter((a) => a.last_activity_at >= Date.parse(since)).map((a) => a.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(apps.length);
    const got = await all(`/applications?per_page=5&last_activity_at[gte]=${encodeURIComponent(since)}`);
    expect(got.ids).toEqual(expected);
    const created = await all(`/candidates?created_at[gte]=${encodeURIComponent(since)}&per_page=7`);
    expect(created.ids.length).toBe(sim.context.accounts[0]!.candidates.filter((c) => c.created_at >= Date.parse(since)).length);
    const bad = await harvest(sim, token, "GET", "/applications?updated_at[gte]=yesterday");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe("updated_at[gte]");
  });
});

describe("reads", () => {
  it("serves jobs with per-job stages, rejection reasons with types, users and answers", async () => {
    const jobs = (await (await harvest(sim, token, "GET", "/jobs")).json()) as Array<{ id: number; name: string; status: string }>;
    expect(jobs.length).toBe(8);
    const stages = (await (await harvest(sim, token, "GET", `/job_interview_stages?job_id=${jobs[0]!.id}`)).json()) as Array<{ job_id: number; priority: number; name: string }>;
    expect(stages[0]).toMatchObject({ job_id: jobs[0]!.id, priority: 0, name: "Application Review" });
    expect(stages.every((s) => s.job_id === jobs[0]!.id)).toBe(true);
    const posts = (await (await harvest(sim, token, "GET", `/job_posts?job_id=${jobs[0]!.id}`)).json()) as Array<{ content: string }>;
    expect(posts[0]!.content).toContain("What you'll do");
    const reasons = (await (await harvest(sim, token, "GET", "/rejection_reasons")).json()) as Array<{ type: { name: string } }>;
    expect(new Set(reasons.map((r) => r.type.name))).toEqual(new Set(["We rejected them", "They rejected us", "None specified"]));
    const users = (await (await harvest(sim, token, "GET", "/users")).json()) as Array<{ site_admin: boolean; disabled: boolean }>;
    expect(users.some((u) => u.site_admin)).toBe(true);
    expect(users.some((u) => u.disabled)).toBe(true);
    const app = ((await (await harvest(sim, token, "GET", "/applications?per_page=1")).json()) as Array<{ answers: unknown[] }>)[0]!;
    expect(app.answers.length).toBe(5);
  });

  it("does not show one account's records to another account's token", async () => {
    const acmeApp = sim.context.accounts[0]!.applications[0]!;
    expect((await harvest(sim, globexToken, "GET", `/applications/${acmeApp.id}`)).status).toBe(404);
    expect((await harvest(sim, globexToken, "POST", `/applications/${acmeApp.id}/reject`, { rejection_reason_id: sim.context.accounts[0]!.rejectionReasons[0]!.id })).status).toBe(404);
    const { ids } = await all("/applications?per_page=500", globexToken);
    expect(ids).not.toContain(acmeApp.id);
  });
});

describe("résumé attachments at signed, expiring URLs", () => {
  it("downloads a real document until the URL expires after 7 days of sim clock, then 403; a fresh listing works again", async () => {
    const app = sim.context.accounts[0]!.applications.find((a) => sim.context.accounts[0]!.attachments.some((x) => x.application_id === a.id && x.format === "pdf"))!;
    const list = (await (await harvest(sim, token, "GET", `/attachments?application_ids=${app.id}&type=resume`)).json()) as Array<{ url: string; filename: string }>;
    expect(list).toHaveLength(1);
    const ok = await sim.handle(new Request(list[0]!.url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    sim.advanceClock(7 * 24 * 3600_000 - 1000);
    expect((await sim.handle(new Request(list[0]!.url))).status).toBe(200);
    sim.advanceClock(2000);
    const expired = await sim.handle(new Request(list[0]!.url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/expired/);

    const forged = new URL(list[0]!.url);
    forged.searchParams.set("expires", String(Number(forged.searchParams.get("expires")) + 86_400));
    expect((await sim.handle(new Request(forged))).status).toBe(403);

    // A week later the access token has long expired too: reconnect, list again, download from the fresh URL.
    const fresh = (await connect(sim)).access_token;
    const again = (await (await harvest(sim, fresh, "GET", `/attachments?application_ids=${app.id}&type=resume`)).json()) as Array<{ url: string }>;
    expect((await sim.handle(new Request(again[0]!.url))).status).toBe(200);
  });
});

describe("writes", () => {
  const activeApp = () => sim.context.accounts[0]!.applications.find((a) => a.status === "active")!;

  it("moves with a matching from_stage_id and refuses a stale one with 422, changing nothing", async () => {
    const app = activeApp();
    const job = sim.context.accounts[0]!.jobs.find((j) => j.id === app.job_id)!;
    const from = app.stage_id;
    const to = job.stages.find((s) => s.id !== from)!.id;
    const other = job.stages.find((s) => s.id !== from && s.id !== to)!.id;
    const stale = await harvest(sim, token, "POST", `/applications/${app.id}/move`, { from_stage_id: other, to_stage_id: to });
    expect(stale.status).toBe(422);
    expect(await stale.json()).toEqual({ message: "Validation error", errors: [{ field: "from_stage_id", message: "does not match the application's current stage" }] });
    expect(app.stage_id).toBe(from);
    const missing = await harvest(sim, token, "POST", `/applications/${app.id}/move`, { to_stage_id: to });
    expect(missing.status).toBe(422);
    const ok = await harvest(sim, token, "POST", `/applications/${app.id}/move`, { from_stage_id: from, to_stage_id: to });
    expect(ok.status).toBe(204);
    expect(app.stage_id).toBe(to);
    const foreignStage = sim.context.accounts[0]!.jobs.find((j) => j.id !== job.id)!.stages[0]!.id;
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/move`, { from_stage_id: to, to_stage_id: foreignStage })).status).toBe(422);
  });

  it("refuses a reject without a rejection reason, rejects with one, then unrejects", async () => {
    const app = activeApp();
    const noReason = await harvest(sim, token, "POST", `/applications/${app.id}/reject`, { notes: "not a fit" });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe("rejection_reason_id");
    expect(app.status).toBe("active");
    const globexReason = sim.context.accounts[1]!.rejectionReasons[0]!.id;
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/reject`, { rejection_reason_id: globexReason })).status).toBe(422);
    const reason = sim.context.accounts[0]!.rejectionReasons[0]!.id;
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/reject`, { rejection_reason_id: reason })).status).toBe(204);
    expect(app).toMatchObject({ status: "rejected", rejection_reason_id: reason });
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/reject`, { rejection_reason_id: reason })).status).toBe(422);
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/unreject`)).status).toBe(204);
    expect(app).toMatchObject({ status: "active", rejection_reason_id: null, rejected_at: null });
    expect((await harvest(sim, token, "POST", `/applications/${app.id}/unreject`)).status).toBe(422);
  });

  it("writes custom fields on the Enterprise account only; elsewhere 403 and nothing stored", async () => {
    const acme = activeApp();
    const ok = await harvest(sim, token, "PATCH", `/applications/${acme.id}`, { custom_fields: [{ name_key: "match_score", value: 82 }, { name_key: "screening_reasons", value: "5 of 6 must-haves" }] });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { custom_fields: unknown }).custom_fields).toEqual({ match_score: 82, screening_reasons: "5 of 6 must-haves" });
    expect((await harvest(sim, token, "PATCH", `/applications/${acme.id}`, { custom_fields: [{ name_key: "match_score", value: "high" }] })).status).toBe(422);

    const globex = sim.context.accounts[1]!.applications[0]!;
    const refused = await harvest(sim, globexToken, "PATCH", `/applications/${globex.id}`, { custom_fields: [{ name_key: "match_score", value: 82 }] });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: "Custom fields are only available to Greenhouse Enterprise accounts" });
    expect(globex.custom_fields).toEqual({});
  });

  it("adds a note as the authorizing user and validates it", async () => {
    const app = activeApp();
    const res = await harvest(sim, token, "POST", "/notes", { candidate_id: app.candidate_id, application_id: app.id, body: "Screening: strong match (82/100)", visibility: "admin_only" });
    expect(res.status).toBe(201);
    const note = (await res.json()) as { id: number; user_id: number };
    const admin = sim.state().accounts[0]!.users.find((u) => u.siteAdmin)!;
    expect(note.user_id).toBe(admin.id);
    expect(sim.state().accounts[0]!.apiNotes.map((n) => n.id)).toEqual([note.id]);
    expect((await harvest(sim, token, "POST", "/notes", { candidate_id: app.candidate_id, body: "  " })).status).toBe(422);
    expect((await harvest(sim, token, "POST", "/notes", { candidate_id: app.candidate_id, body: "x", visibility: "everyone" })).status).toBe(422);
    const bad = await sim.handle(new Request(`${sim.baseUrl}/v3/notes`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{not json" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Request body must be valid JSON" });
  });
});

describe("rate limit", () => {
  it("sends the headers on every call and 429 with Retry-After and X-RateLimit-Reset past 50 per 10 s", async () => {
    const limited = createGreenhouseSim({ startTime: START, applicationsPerAccount: 5 });
    const t = (await connect(limited)).access_token;
    for (let i = 0; i < 50; i++) {
      const res = await harvest(limited, t, "GET", "/users");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("50");
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(49 - i));
    }
    const over = await harvest(limited, t, "GET", "/users");
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("10");
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(over.headers.get("x-ratelimit-reset"))).toBe(Math.ceil((START + 10_000) / 1000));
    limited.advanceClock(9_999);
    expect((await harvest(limited, t, "GET", "/users")).status).toBe(429);
    limited.advanceClock(1);
    expect((await harvest(limited, t, "GET", "/users")).status).toBe(200);
  });
});
