import { createHmac } from "node:crypto";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGreenhouseSim, DEFAULT_CLIENT } from "./core";
import { greenhouseSimHandlers } from "./msw";
import { basic } from "./testing";

// The same behaviour as the standalone server, through msw and plain fetch.
const BASE = "https://greenhouse-sim.test";
const START = Date.UTC(2026, 0, 15, 9);
const sim = createGreenhouseSim({ baseUrl: BASE, startTime: START, applicationsPerAccount: 25 });
const received: Array<{ body: string; signature: string | null; eventId: string | null }> = [];
let failures = 0;
const server = setupServer(
  ...greenhouseSimHandlers(sim),
  http.post("https://app.test/api/webhooks/greenhouse", async ({ request }) => {
    received.push({ body: await request.text(), signature: request.headers.get("signature"), eventId: request.headers.get("greenhouse-event-id") });
    return failures-- > 0 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("greenhouseSimHandlers + msw setupServer", () => {
  it("runs OAuth, pages by Link, writes, and receives a signed web hook with its retry", async () => {
    const admin = sim.state().accounts[0]!.users.find((u) => u.siteAdmin)!;
    const consent = await fetch(`${BASE}/authorize`, { method: "POST", redirect: "manual", body: new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: DEFAULT_CLIENT.redirectUris[0]!, user_id: String(admin.id), decision: "allow", service_account: "1" }) });
    const code = new URL(consent.headers.get("location")!).searchParams.get("code")!;
    const tokens = (await (await fetch(`${BASE}/token`, { method: "POST", headers: { authorization: basic(DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret) }, body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: DEFAULT_CLIENT.redirectUris[0]! }) })).json()) as { access_token: string };
    const auth = { authorization: `Bearer ${tokens.access_token}`, "content-type": "application/json" };

    const ids: number[] = [];
    let url: string | undefined = `${BASE}/v3/applications?per_page=5&status=active`;
    while (url) {
      const res: Response = await fetch(url, { headers: auth });
      expect(res.headers.get("x-ratelimit-limit")).toBe("50");
      ids.push(...((await res.json()) as Array<{ id: number }>).map((a) => a.id));
      url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
    }
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.sort()).toEqual(sim.context.accounts[0]!.applications.filter((a) => a.status === "active").map((a) => a.id).sort());

    const account = sim.state().accounts[0]!;
    await fetch(`${BASE}/admin/web_hooks`, { method: "POST", body: new URLSearchParams({ account_id: String(account.id), name: "App", event: "new_candidate_application", url: "https://app.test/api/webhooks/greenhouse", secret: "msw-secret" }) });
    failures = 1;
    const job = account.jobs.find((j) => j.status === "open")!;
    const created = await fetch(`${BASE}/_sim/applications`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jobId: job.id, name: "Eve Adams", email: "eve@example.com" }) });
    expect(created.status).toBe(201);
    const made = (await created.json()) as { applicationId: number; candidateId: number };
    expect(received).toHaveLength(2);
    const w = received[1]!;
    expect(w.signature).toBe(`sha256 ${createHmac("sha256", "msw-secret").update(w.body).digest("hex")}`);
    await fetch(`${BASE}/_sim/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: 1000 }) });
    expect(received).toHaveLength(3);
    expect(received[2]!.eventId).toBe(w.eventId);

    const note = await fetch(`${BASE}/v3/notes`, { method: "POST", headers: auth, body: JSON.stringify({ candidate_id: made.candidateId, application_id: made.applicationId, body: "Screened: 74/100" }) });
    expect(note.status).toBe(201);
    const service = sim.state().accounts[0]!.users.find((u) => u.serviceAccount)!;
    expect(((await note.json()) as { user_id: number }).user_id).toBe(service.id);
  });
});
