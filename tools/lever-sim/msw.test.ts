import { createHmac } from "node:crypto";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeverSim } from "./core";
import { leverSimHandlers } from "./msw";
import { authorizeParams, PRODUCT_SCOPES } from "./testing";

// Same behaviour as the standalone server, through msw and plain fetch.
const sim = createLeverSim({ baseUrl: "https://lever-sim.test", opportunitiesPerAccount: 15, rateLimit: false });
const received: Array<{ token: string; triggeredAt: number; signature: string; event: string }> = [];
const server = setupServer(
  ...leverSimHandlers(sim),
  http.post("https://app.test/api/webhooks/lever", async ({ request }) => {
    received.push((await request.json()) as (typeof received)[number]);
    return HttpResponse.json({ ok: true });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("leverSimHandlers + msw setupServer", () => {
  it("runs the OAuth flow, calls the API and receives a signed webhook with plain fetch", async () => {
    const page = await fetch(`https://lever-sim.test/authorize?${authorizeParams(sim)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Accept");

    const superAdmin = sim.state().accounts[0]!.users.find((u) => u.accessRole === "super admin")!;
    const form = authorizeParams(sim);
    form.set("user_id", superAdmin.id);
    form.set("decision", "accept");
    const consent = await fetch("https://lever-sim.test/authorize", { method: "POST", body: form, redirect: "manual" });
    expect(consent.status).toBe(302);
    const code = new URL(consent.headers.get("location")!).searchParams.get("code")!;

    const tokenRes = await fetch("https://lever-sim.test/oauth/token", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: "lever-sim-client",
        client_secret: "lever-sim-secret",
        code,
        redirect_uri: "http://localhost:3000/api/integrations/lever/callback",
      }),
    });
    const tokens = (await tokenRes.json()) as { access_token: string; scope: string };
    expect(tokens.scope).toBe(PRODUCT_SCOPES);
    const auth = { authorization: `Bearer ${tokens.access_token}`, "content-type": "application/json" };

    const opps = (await (await fetch("https://lever-sim.test/v1/opportunities?limit=5", { headers: auth })).json()) as { data: unknown[]; hasNext: boolean };
    expect(opps.data).toHaveLength(5);
    expect(opps.hasNext).toBe(true);

    const hook = (await (
      await fetch("https://lever-sim.test/v1/webhooks", { method: "POST", headers: auth, body: JSON.stringify({ url: "https://app.test/api/webhooks/lever", event: "applicationCreated" }) })
    ).json()) as { data: { id: string; configuration: { signatureToken: string } } };
    await fetch(`https://lever-sim.test/_sim/webhooks/${hook.data.id}/enable`, { method: "POST" });
    const created = await fetch("https://lever-sim.test/_sim/applications", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ postingId: sim.state().accounts[0]!.postings[0]!.id, name: "Eve Adams", email: "eve@example.com" }),
    });
    expect(created.status).toBe(201);
    expect(received).toHaveLength(1);
    const w = received[0]!;
    expect(w.signature).toBe(createHmac("sha256", hook.data.configuration.signatureToken).update(w.token + String(w.triggeredAt)).digest("hex"));
  });
});
