import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { createLeverSim, type LeverSim } from "./core";
import { api, authorizeParams, connect, PRODUCT_SCOPES, submitConsent, tokenRequest, type TokenSet } from "./testing";

const CLIENT = { client_id: "lever-sim-client", client_secret: "lever-sim-secret" };
const REDIRECT = "http://localhost:3000/api/integrations/lever/callback";

let sim: LeverSim;
beforeEach(() => {
  sim = createLeverSim({ opportunitiesPerAccount: 20, rateLimit: false });
});

const get = (path: string) => sim.handle(new Request(`${sim.baseUrl}${path}`));

describe("GET /authorize", () => {
  it("renders a consent page with scopes in plain words, a user picker and Accept/Deny posting back", async () => {
    const res = await get(`/authorize?${authorizeParams(sim)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain("Screening app");
    expect(page).toContain("Import jobs, candidates and rejection reasons");
    expect(page).toContain("Post results and update stages");
    expect(page).toContain("Receive webhooks");
    expect(page).toMatch(/<form method="post" action="\/authorize">/);
    expect(page).toMatch(/<select id="user_id" name="user_id">/);
    expect(page).toContain("Acme Robotics");
    expect(page).toContain("Globex Health");
    expect(page).toContain('value="accept"');
    expect(page).toContain('value="deny"');
    expect(page).toContain('name="state" value="state-123"');
    expect(page).not.toMatch(/<link|<script|https?:\/\/(?!localhost)[^"]*\.(css|js)/);
  });

  it("shows an error page (never redirects) for an unknown client or a redirect_uri mismatch", async () => {
    const unknown = authorizeParams(sim, { clientId: "nope" });
    let res = await get(`/authorize?${unknown}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("ClientID not found");

    const bad = authorizeParams(sim, { redirectUri: `${REDIRECT}/extra` });
    res = await get(`/authorize?${bad}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("Callback URL mismatch");
  });

  it("redirects with an OAuth error for a bad audience, unknown scope, missing state or response_type", async () => {
    const cases: Array<[(p: URLSearchParams) => void, string]> = [
      [(p) => p.set("audience", "https://api.lever.co/v1/"), "access_denied"],
      [(p) => p.set("scope", "offline_access candidates:eat:admin"), "invalid_scope"],
      [(p) => p.delete("state"), "invalid_request"],
      [(p) => p.set("response_type", "token"), "unsupported_response_type"],
    ];
    for (const [mutate, error] of cases) {
      const p = authorizeParams(sim);
      mutate(p);
      const res = await get(`/authorize?${p}`);
      expect(res.status).toBe(302);
      const loc = new URL(res.headers.get("location")!);
      expect(loc.origin + loc.pathname).toBe(REDIRECT);
      expect(loc.searchParams.get("error")).toBe(error);
    }
  });
});

describe("code flow", () => {
  it("accept → code → token → API call, with Lever's JWT claims", async () => {
    const redirect = await submitConsent(sim, { state: "abc" });
    expect(redirect.searchParams.get("state")).toBe("abc");
    const code = redirect.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const res = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as TokenSet;
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: PRODUCT_SCOPES });
    expect(tokens.refresh_token).toBeTruthy();
    const claims = decodeJwt(tokens.access_token);
    const acme = sim.state().accounts[0]!;
    expect(claims["https://oauth.lever.co/accountId"]).toBe(acme.id);
    expect(claims["https://oauth.lever.co/userId"]).toBe(acme.users.find((u) => u.accessRole === "super admin")!.id);
    expect(claims.aud).toBe(`${sim.baseUrl}/v1/`);
    expect(claims.exp! * 1000).toBeGreaterThan(sim.now());

    const postings = await api(sim, tokens.access_token, "GET", "/postings");
    expect(postings.status).toBe(200);
    expect(((await postings.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);

    // Codes are single use.
    const again = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("accepts HTTP Basic client authentication and JSON bodies; rejects a wrong secret", async () => {
    const code = (await submitConsent(sim)).searchParams.get("code")!;
    const res = await sim.handle(
      new Request(`${sim.baseUrl}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from("lever-sim-client:lever-sim-secret").toString("base64")}` },
        body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: REDIRECT }),
      }),
    );
    expect(res.status).toBe(200);
    const bad = await tokenRequest(sim, { client_id: "lever-sim-client", client_secret: "wrong", grant_type: "refresh_token", refresh_token: "x" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: "invalid_client" });
  });

  it("deny → access_denied with the state", async () => {
    const redirect = await submitConsent(sim, { decision: "deny", state: "s1" });
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("error_description")).toBeTruthy();
    expect(redirect.searchParams.get("state")).toBe("s1");
    expect(redirect.searchParams.get("code")).toBeNull();
  });

  it("a non-Super-Admin cannot authorize", async () => {
    for (const role of ["team member", "admin"] as const) {
      const redirect = await submitConsent(sim, { role });
      expect(redirect.searchParams.get("error")).toBe("access_denied");
      expect(redirect.searchParams.get("error_description")).toMatch(/Only Super Admins can authorize/);
      expect(redirect.searchParams.get("code")).toBeNull();
    }
  });

  it("refuses a code exchanged with another redirect_uri or after 10 minutes", async () => {
    let code = (await submitConsent(sim)).searchParams.get("code")!;
    let res = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: "http://localhost:3000/other" });
    expect(res.status).toBe(403);
    code = (await submitConsent(sim)).searchParams.get("code")!;
    sim.advanceClock(11 * 60 * 1000);
    res = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(await res.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("verifies PKCE when a challenge was sent", async () => {
    const verifier = "v".repeat(50);
    const code = (await submitConsent(sim, { codeVerifier: verifier })).searchParams.get("code")!;
    const wrong = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: "w".repeat(50) });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });

    const code2 = (await submitConsent(sim, { codeVerifier: verifier })).searchParams.get("code")!;
    const missing = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT });
    expect(missing.status).toBe(403);

    const code3 = (await submitConsent(sim, { codeVerifier: verifier })).searchParams.get("code")!;
    const right = await tokenRequest(sim, { ...CLIENT, grant_type: "authorization_code", code: code3, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it("only issues a refresh token when offline_access was granted", async () => {
    const t = await connect(sim, { scope: "postings:read:admin" });
    expect(t.refresh_token).toBeUndefined();
  });
});

describe("tokens", () => {
  it("refresh rotates; reusing an old refresh token fails and revokes the whole family", async () => {
    const t0 = await connect(sim);
    const r1 = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t0.refresh_token! });
    expect(r1.status).toBe(200);
    const t1 = (await r1.json()) as TokenSet;
    expect(t1.refresh_token).toBeTruthy();
    expect(t1.refresh_token).not.toBe(t0.refresh_token);
    expect(t1.access_token).not.toBe(t0.access_token);

    const reuse = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t0.refresh_token! });
    expect(reuse.status).toBe(403);
    expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });

    // The newest token of the family is dead too (Auth0 rotation reuse detection).
    const newest = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t1.refresh_token! });
    expect(newest.status).toBe(403);
    expect(await newest.json()).toMatchObject({ error: "invalid_grant" });

    // Another connection (another family) is unaffected.
    const other = await connect(sim, { account: 1 });
    const ok = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: other.refresh_token! });
    expect(ok.status).toBe(200);
  });

  it("access tokens expire after an hour of sim clock; refresh gives a working one", async () => {
    const t = await connect(sim);
    expect((await api(sim, t.access_token, "GET", "/stages")).status).toBe(200);
    sim.advanceClock(3601 * 1000);
    const expired = await api(sim, t.access_token, "GET", "/stages");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/expired/i) });
    const r = (await (await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t.refresh_token! })).json()) as TokenSet;
    expect((await api(sim, r.access_token, "GET", "/stages")).status).toBe(200);
  });

  it("refresh tokens die after 90 days unused, and after 1 year even when used", async () => {
    const t = await connect(sim);
    sim.advanceClock(91 * 24 * 3600 * 1000);
    const idle = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t.refresh_token! });
    expect(await idle.json()).toMatchObject({ error: "invalid_grant" });

    let rt = (await connect(sim)).refresh_token!;
    for (let i = 0; i < 5; i++) {
      sim.advanceClock(80 * 24 * 3600 * 1000);
      const res = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: rt });
      if (i < 4) {
        expect(res.status).toBe(200);
        rt = ((await res.json()) as TokenSet).refresh_token!;
      } else {
        expect(await res.json()).toMatchObject({ error: "invalid_grant" }); // 400 days > 1 year
      }
    }
  });

  it("rejects missing, malformed and foreign tokens with 401 {code, message}", async () => {
    const none = await sim.handle(new Request(`${sim.baseUrl}/v1/postings`));
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: "UNAUTHORIZED" });
    expect((await api(sim, "abc.def.ghi", "GET", "/postings")).status).toBe(401);
    const other = createLeverSim({ opportunitiesPerAccount: 5, jwtSecret: "another-secret" });
    const t = await connect(other);
    expect((await api(sim, t.access_token, "GET", "/postings")).status).toBe(401);
  });

  it("a Super Admin revoking the app kills access and refresh tokens", async () => {
    const t = await connect(sim);
    sim.revoke(t.accountId);
    expect((await api(sim, t.access_token, "GET", "/stages")).status).toBe(401);
    const r = await tokenRequest(sim, { ...CLIENT, grant_type: "refresh_token", refresh_token: t.refresh_token! });
    expect(await r.json()).toMatchObject({ error: "invalid_grant" });
    const again = await connect(sim);
    expect((await api(sim, again.access_token, "GET", "/stages")).status).toBe(200);
  });

  it("clients registered at run time can authorize", async () => {
    const res = await sim.handle(
      new Request(`${sim.baseUrl}/_sim/clients`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clientId: "e2e", clientSecret: "e2e-secret", redirectUris: ["http://127.0.0.1:3999/cb"] }),
      }),
    );
    expect(res.status).toBe(201);
    const t = await connect(sim, { clientId: "e2e", clientSecret: "e2e-secret", redirectUri: "http://127.0.0.1:3999/cb" });
    expect(t.access_token).toBeTruthy();
  });
});
