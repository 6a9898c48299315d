import { createHmac, timingSafeEqual } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createLeverSim, type LeverSim } from "./core";
import { api, connect } from "./testing";

interface Received {
  url: string;
  headers: Headers;
  body: { triggeredAt: number; event: string; id: string; data: Record<string, string>; signature: string; token: string };
}

/** A fake receiver: answers with the given statuses in turn (the last one repeats). */
function receiver(statuses: number[]) {
  const received: Received[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const req = new Request(input, init);
    received.push({ url: req.url, headers: req.headers, body: (await req.json()) as Received["body"] });
    const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
    return new Response(null, { status });
  }) as typeof fetch;
  return { received, fetchFn };
}

const waitFor = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

function verify(signatureToken: string, body: Received["body"]): boolean {
  const expected = createHmac("sha256", signatureToken).update(body.token + String(body.triggeredAt)).digest("hex");
  return expected.length === body.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(body.signature));
}

let token: string;
async function setup(statuses: number[], delays = [20, 40, 60, 80, 100]) {
  const r = receiver(statuses);
  const sim = createLeverSim({ opportunitiesPerAccount: 10, rateLimit: false, fetch: r.fetchFn, webhookRetryDelaysMs: delays });
  token = (await connect(sim)).access_token;
  return { sim, ...r };
}

async function createWebhook(sim: LeverSim, event = "applicationCreated", extra: Record<string, unknown> = {}) {
  const res = await api(sim, token, "POST", "/webhooks", { url: "https://app.example/api/webhooks/lever", event, ...extra });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { id: string; url: string; event: string; configuration: { signatureToken: string }; createdAt: number } }).data;
}

describe("webhooks", () => {
  let sim: LeverSim;
  beforeEach(() => {
    token = "";
  });

  it("are created disabled: nothing is sent until enabled", async () => {
    const s = await setup([200]);
    sim = s.sim;
    const hook = await createWebhook(sim);
    expect(hook.configuration.signatureToken).toMatch(/^\w{20,}$/);
    expect(sim.state().webhooks[0]).toMatchObject({ id: hook.id, enabled: false });
    const posting = sim.state().accounts[0]!.postings[0]!.id;
    const first = await sim.addApplication({ postingId: posting, name: "Ada Quinn", email: "ada@example.com" });
    expect(first.deliveries).toEqual([]);
    expect(s.received).toHaveLength(0);

    sim.enableWebhook(hook.id);
    const second = await sim.addApplication({ postingId: posting, name: "Bo Reyes", email: "bo@example.com" });
    expect(second.deliveries).toHaveLength(1);
    expect(second.deliveries[0]!.attempts).toEqual([{ status: 200, at: expect.any(Number) }]);
    expect(s.received).toHaveLength(1);
    const got = s.received[0]!;
    expect(got.headers.get("user-agent")).toBe("Lever-Webhooks");
    expect(got.headers.get("content-type")).toBe("application/json");
    expect(got.body.event).toBe("applicationCreated");
    expect(got.body.data).toEqual({ applicationId: second.applicationId, opportunityId: second.opportunityId, contactId: second.contactId });
    expect(got.body.token).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(got.body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verify(hook.configuration.signatureToken, got.body)).toBe(true);
    expect(verify("wrong-token", got.body)).toBe(false);

    // The new opportunity is readable through the API.
    const opp = await api(sim, token, "GET", `/opportunities/${second.opportunityId}?expand=applications`);
    expect(opp.status).toBe(200);
  });

  it("retries with the configured gaps until a 2xx, with the same token and triggeredAt", async () => {
    const s = await setup([500, 503, 0 /* unused */, 204].map((x) => x || 404));
    sim = s.sim;
    const hook = await createWebhook(sim);
    sim.enableWebhook(hook.id);
    const res = await sim.addApplication({ postingId: sim.state().accounts[0]!.postings[0]!.id, name: "Cy Lee", email: "cy@example.com" });
    expect(res.deliveries[0]!.attempts.map((a) => a.status)).toEqual([500]);
    await waitFor(() => sim.state().deliveries[0]!.delivered);
    const d = sim.state().deliveries[0]!;
    expect(d.attempts.map((a) => a.status)).toEqual([500, 503, 404, 204]);
    expect(d.pending).toBe(false);
    expect(new Set(s.received.map((r) => r.body.token)).size).toBe(1);
    expect(new Set(s.received.map((r) => r.body.triggeredAt)).size).toBe(1);
    expect(s.received.every((r) => verify(hook.configuration.signatureToken, r.body))).toBe(true);
  });

  it("gives up after the last retry (1 + 5 attempts)", async () => {
    const s = await setup([500], [5, 5, 5, 5, 5]);
    sim = s.sim;
    const hook = await createWebhook(sim);
    sim.enableWebhook(hook.id);
    await sim.addApplication({ postingId: sim.state().accounts[0]!.postings[0]!.id });
    await waitFor(() => !sim.state().deliveries[0]!.pending);
    expect(sim.state().deliveries[0]).toMatchObject({ delivered: false, pending: false });
    expect(s.received).toHaveLength(6);
  });

  it("records network errors as status 0 and retries", async () => {
    let calls = 0;
    const flaky = (async () => {
      calls++;
      if (calls === 1) throw new TypeError("fetch failed");
      return new Response("ok");
    }) as typeof fetch;
    sim = createLeverSim({ opportunitiesPerAccount: 5, fetch: flaky, webhookRetryDelaysMs: [10] });
    token = (await connect(sim)).access_token;
    const hook = await createWebhook(sim);
    sim.enableWebhook(hook.id);
    await sim.addApplication({ postingId: sim.state().accounts[0]!.postings[0]!.id });
    await waitFor(() => sim.state().deliveries[0]!.delivered);
    expect(sim.state().deliveries[0]!.attempts.map((a) => a.status)).toEqual([0, 200]);
  });

  it("sends stage and archive changes made through the API; the test delivery has data {}", async () => {
    const s = await setup([200]);
    sim = s.sim;
    const stageHook = await createWebhook(sim, "candidateStageChange");
    const archiveHook = await createWebhook(sim, "candidateArchiveChange");
    sim.enableWebhook(stageHook.id);
    sim.enableWebhook(archiveHook.id);
    const opp = ((await (await api(sim, token, "GET", "/opportunities?archived=false&limit=1")).json()) as { data: Array<{ id: string; stage: string }> }).data[0]!;
    await api(sim, token, "PUT", `/opportunities/${opp.id}/stage`, { stage: "offer" });
    const reason = sim.state().accounts[0]!.archiveReasons.find((r) => r.status === "active")!.id;
    await api(sim, token, "PUT", `/opportunities/${opp.id}/archived`, { reason });
    await sim.whenIdle();
    const events = s.received.map((r) => [r.body.event, r.body.data]);
    expect(events).toEqual([
      ["candidateStageChange", expect.objectContaining({ opportunityId: opp.id, fromStageId: opp.stage, toStageId: "offer" })],
      ["candidateArchiveChange", expect.objectContaining({ opportunityId: opp.id, toArchived: expect.objectContaining({ reason }) })],
    ]);

    const test = await sim.handle(new Request(`${sim.baseUrl}/_sim/webhooks/${stageHook.id}/test`, { method: "POST" }));
    expect(test.status).toBe(200);
    const last = s.received.at(-1)!;
    expect(last.body.data).toEqual({});
    expect(verify(stageHook.configuration.signatureToken, last.body)).toBe(true);
  });

  it("GET/PUT/DELETE manage webhooks; bad input is a 400; webhooks:write scope needed", async () => {
    const s = await setup([200]);
    sim = s.sim;
    const hook = await createWebhook(sim, "applicationCreated", { configuration: { conditions: { origins: ["applied"] } } });
    expect((await api(sim, token, "POST", "/webhooks", { url: "not a url", event: "applicationCreated" })).status).toBe(400);
    expect((await api(sim, token, "POST", "/webhooks", { url: "https://x.example", event: "somethingElse" })).status).toBe(400);
    const list = (await (await api(sim, token, "GET", "/webhooks")).json()) as { data: Array<{ id: string }>; hasNext: boolean };
    expect(list.data.map((w) => w.id)).toEqual([hook.id]);
    const put = await api(sim, token, "PUT", `/webhooks/${hook.id}`, { url: "https://app.example/new" });
    expect(((await put.json()) as { data: { url: string } }).data.url).toBe("https://app.example/new");

    // Conditions filter by origin.
    sim.enableWebhook(hook.id);
    const postingId = sim.state().accounts[0]!.postings[0]!.id;
    expect((await sim.addApplication({ postingId, origin: "sourced" })).deliveries).toHaveLength(0);
    expect((await sim.addApplication({ postingId, origin: "applied" })).deliveries).toHaveLength(1);

    expect((await api(sim, token, "DELETE", `/webhooks/${hook.id}`)).status).toBe(204);
    expect(sim.state().webhooks).toHaveLength(0);

    const narrow = (await connect(sim, { scope: "postings:read:admin" })).access_token;
    expect((await api(sim, narrow, "POST", "/webhooks", { url: "https://x.example", event: "applicationCreated" })).status).toBe(403);
  });

  it("can nest the create response as data.data (seen in some Lever responses)", async () => {
    sim = createLeverSim({ opportunitiesPerAccount: 5, webhookCreateResponse: "nested" });
    token = (await connect(sim)).access_token;
    const res = await api(sim, token, "POST", "/webhooks", { url: "https://x.example/h", event: "applicationCreated" });
    const body = (await res.json()) as { data: { data: { configuration: { signatureToken: string } } } };
    expect(body.data.data.configuration.signatureToken).toBeTruthy();
  });

  it("control API: applications, enable/disable, clock and reset", async () => {
    const s = await setup([200]);
    sim = s.sim;
    const hook = await createWebhook(sim);
    const post = (path: string, body?: unknown) =>
      sim.handle(new Request(`${sim.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
    expect((await post(`/_sim/webhooks/${hook.id}/enable`)).status).toBe(200);
    const postingId = sim.state().accounts[0]!.postings[1]!.id;
    const app = await post("/_sim/applications", { postingId, name: "Dee Park", email: "dee@example.com", resumeText: "DEE PARK\nSKILLS\nC, RTOS", resumeFormat: "docx" });
    expect(app.status).toBe(201);
    const body = (await app.json()) as { opportunityId: string; deliveries: Array<{ delivered: boolean }> };
    expect(body.deliveries[0]!.delivered).toBe(true);
    const resumes = (await (await api(sim, token, "GET", `/opportunities/${body.opportunityId}/resumes`)).json()) as { data: Array<{ file: { ext: string } }> };
    expect(resumes.data[0]!.file.ext).toBe("docx");
    expect((await post("/_sim/applications", { postingId: "missing" })).status).toBe(404);
    expect((await post("/_sim/applications", { postingId, email: "not-an-email" })).status).toBe(400);
    expect((await post(`/_sim/webhooks/${hook.id}/disable`)).status).toBe(200);
    expect((await post("/_sim/webhooks/nope/enable")).status).toBe(404);

    const before = sim.now();
    const clock = (await (await post("/_sim/clock", { advanceMs: 3_600_000 })).json()) as { now: number };
    expect(clock.now - before).toBeGreaterThanOrEqual(3_600_000);

    expect((await post("/_sim/reset")).status).toBe(200);
    const state = sim.state();
    expect(state.webhooks).toEqual([]);
    expect(state.deliveries).toEqual([]);
    expect(state.clockOffsetMs).toBe(0);
    expect(state.accounts[0]!.opportunityCount).toBe(10);
  });

  it("deleting an opportunity removes it from the API and sends a signed candidateDeleted only when enabled", async () => {
    const s = await setup([200]);
    sim = s.sim;
    const hook = await createWebhook(sim, "candidateDeleted");
    const posting = sim.state().accounts[0]!.postings[0]!.id;
    const a = await sim.addApplication({ postingId: posting, name: "Ada Quinn", email: "ada@example.com" });
    const b = await sim.addApplication({ postingId: posting, name: "Bo Reyes", email: "bo@example.com" });
    expect((await sim.deleteOpportunity(a.opportunityId)).deliveries).toEqual([]);
    expect((await api(sim, token, "GET", `/opportunities/${a.opportunityId}`)).status).toBe(404);

    sim.enableWebhook(hook.id);
    const res = await sim.handle(new Request(`${sim.baseUrl}/_sim/opportunities/${b.opportunityId}`, { method: "DELETE" }));
    expect(res.status).toBe(200);
    expect(s.received).toHaveLength(1);
    const body = s.received[0]!.body;
    expect(body.event).toBe("candidateDeleted");
    expect(body.data).toMatchObject({ opportunityId: b.opportunityId, contactId: b.contactId });
    expect(verify(hook.configuration.signatureToken, body)).toBe(true);
    const again = await sim.handle(new Request(`${sim.baseUrl}/_sim/opportunities/${b.opportunityId}`, { method: "DELETE" }));
    expect(again.status).toBe(404);
    expect(s.received).toHaveLength(1);
  });
});
