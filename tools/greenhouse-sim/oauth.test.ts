import { describe, expect, it } from "vitest";
import { createGreenhouseSim, DEFAULT_CLIENT, PRODUCT_SCOPES } from "./core";
import { authorize, connect, harvest, tokenRequest } from "./testing";

const START = Date.UTC(2026, 0, 15, 9);
const REDIRECT = DEFAULT_CLIENT.redirectUris[0]!;
const newSim = () => createGreenhouseSim({ startTime: START, applicationsPerAccount: 12, rateLimit: false });

function authorizeUrl(sim: ReturnType<typeof newSim>, over: Record<string, string> = {}): string {
  return `${sim.baseUrl}/authorize?${new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: REDIRECT, response_type: "code", state: "s1", ...over })}`;
}

describe("consent page", () => {
  it("names the app and its scopes, marks Site Admins and offers the service account", async () => {
    const sim = newSim();
    const res = await sim.handle(new Request(authorizeUrl(sim)));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Screening app wants to access your Greenhouse account");
    for (const scope of PRODUCT_SCOPES) expect(page).toContain(scope);
    expect(page).toMatch(/Dana Whitfield \(Site Admin\)/);
    expect(page).toMatch(/Marcus Oyelaran \(Basic\)/);
    expect(page).toContain('name="service_account"');
    expect(page).not.toContain("Former Recruiter");
  });

  it("shows an error page, and never redirects, for an unknown client or an unregistered redirect_uri", async () => {
    const sim = newSim();
    const unknown = await sim.handle(new Request(authorizeUrl(sim, { client_id: "nope" })));
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("location")).toBeNull();
    const badRedirect = await sim.handle(new Request(authorizeUrl(sim, { redirect_uri: "https://evil.example/cb" })));
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain("redirect_uri does not match");
  });

  it("refuses the service account to a user who is not a Site Admin and issues no code", async () => {
    const sim = newSim();
    await expect(authorize(sim, { siteAdmin: false, serviceAccount: true })).rejects.toThrow(/consent failed: 403/);
    expect(sim.context.codes.size).toBe(0);
    const basicUser = sim.state().accounts[0]!.users.find((u) => !u.siteAdmin && !u.disabled)!;
    const form = new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: REDIRECT, user_id: String(basicUser.id), service_account: "1", decision: "allow" });
    const page = await (await sim.handle(new Request(`${sim.baseUrl}/authorize`, { method: "POST", body: form }))).text();
    expect(page).toContain("Only Site Admins can authorize using a service account.");
    expect(page).toContain(`<option value="${basicUser.id}" selected>`);
  });

  it("acts as the service account when a Site Admin chooses it, else as the user", async () => {
    const sim = newSim();
    const viaService = await connect(sim, { serviceAccount: true });
    const me = JSON.parse(Buffer.from(viaService.access_token.split(".")[1]!, "base64url").toString()) as { sub: string };
    const service = sim.state().accounts[0]!.users.find((u) => u.serviceAccount)!;
    expect(service.name).toBe("Screening app (service account)");
    expect(me.sub).toBe(String(service.id));
    const plain = await connect(sim, { siteAdmin: false });
    const sub = (JSON.parse(Buffer.from(plain.access_token.split(".")[1]!, "base64url").toString()) as { sub: string }).sub;
    expect(sim.state().accounts[0]!.users.find((u) => String(u.id) === sub)!.name).toBe("Marcus Oyelaran");
  });

  it("redirects with access_denied when the user cancels", async () => {
    const sim = newSim();
    const user = sim.state().accounts[0]!.users[0]!;
    const form = new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: REDIRECT, state: "s1", user_id: String(user.id), decision: "deny" });
    const res = await sim.handle(new Request(`${sim.baseUrl}/authorize`, { method: "POST", body: form }));
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("code")).toBeNull();
  });
});

describe("token endpoint", () => {
  it("exchanges a code within 1 minute and refuses it after", async () => {
    const sim = newSim();
    const fresh = await authorize(sim);
    sim.advanceClock(59_000);
    const ok = await tokenRequest(sim, { grant_type: "authorization_code", code: fresh, redirect_uri: REDIRECT });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { expires_in: number; token_type: string; scope: string };
    expect(body).toMatchObject({ expires_in: 3600, token_type: "Bearer", scope: PRODUCT_SCOPES.join(" ") });

    const late = await authorize(sim);
    sim.advanceClock(60_001);
    const expired = await tokenRequest(sim, { grant_type: "authorization_code", code: late, redirect_uri: REDIRECT });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/expired/) });
  });

  it("refuses a wrong secret, an unknown client, a missing Basic header, a wrong redirect_uri and a reused code", async () => {
    const sim = newSim();
    const code = await authorize(sim);
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT };
    expect((await tokenRequest(sim, form, DEFAULT_CLIENT.clientId, "wrong")).status).toBe(401);
    expect(((await (await tokenRequest(sim, form, "other-client", "x")).json()) as { error: string }).error).toBe("invalid_client");
    const inBody = await sim.handle(new Request(`${sim.baseUrl}/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...form, client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret }) }));
    expect(inBody.status).toBe(401);
    const wrongRedirect = await tokenRequest(sim, { ...form, redirect_uri: "http://localhost:3000/other" });
    expect(wrongRedirect.status).toBe(400);
    expect(((await wrongRedirect.json()) as { error: string }).error).toBe("invalid_grant");
    // The failed attempts above did not use the code up.
    expect((await tokenRequest(sim, form)).status).toBe(200);
    expect((await tokenRequest(sim, form)).status).toBe(400);
  });

  it("expires access tokens after 1 hour", async () => {
    const sim = newSim();
    const tokens = await connect(sim);
    sim.advanceClock(3599_000);
    expect((await harvest(sim, tokens.access_token, "GET", "/users")).status).toBe(200);
    sim.advanceClock(2_000);
    const res = await harvest(sim, tokens.access_token, "GET", "/users");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Access token expired" });
  });

  it("rotates refresh tokens, refuses the old one, and expires them 24 hours after issue", async () => {
    const sim = newSim();
    const first = await connect(sim);
    sim.advanceClock(23 * 3600_000);
    const refreshed = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await harvest(sim, second.access_token, "GET", "/jobs")).status).toBe(200);
    const reused = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe("invalid_grant");

    sim.advanceClock(24 * 3600_000 + 1);
    const stale = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: second.refresh_token });
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error_description: string }).error_description).toMatch(/expired/);
  });

  it("refuses a refresh token presented by another client", async () => {
    const sim = createGreenhouseSim({ startTime: START, applicationsPerAccount: 5, clients: [DEFAULT_CLIENT, { ...DEFAULT_CLIENT, clientId: "other", clientSecret: "other-secret" }] });
    const tokens = await connect(sim);
    const res = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, "other", "other-secret");
    expect(res.status).toBe(400);
  });
});
