import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildAuthorizationUrl,
  createPkce,
  exchangeCode,
  readLeverClaims,
  refreshWithToken,
  SCOPES,
} from "./oauth";
import { InvalidGrantError, OAuthError } from "@/lib/ats/tokens";
import { authorizeWithSim, consent, SIM_URL, startLeverTestBed, type LeverTestBed } from "./test-helpers";

let bed: LeverTestBed;

beforeAll(async () => {
  bed = await startLeverTestBed({ database: false, pkce: "required" });
});
afterAll(() => bed?.close());
beforeEach(() => bed.sim.reset());

describe("Lever OAuth", () => {
  it("builds the authorize URL Lever expects", async () => {
    const { codeChallenge } = await createPkce();
    const url = buildAuthorizationUrl({ state: "abc", codeChallenge });
    expect(url.origin + url.pathname).toBe(`${SIM_URL}/authorize`);
    const q = url.searchParams;
    expect(q.get("client_id")).toBe("lever-sim-client");
    expect(q.get("response_type")).toBe("code");
    expect(q.get("redirect_uri")).toBe("http://localhost:3000/api/integrations/lever/callback");
    expect(q.get("state")).toBe("abc");
    expect(q.get("audience")).toBe(`${SIM_URL}/v1/`);
    expect(q.get("prompt")).toBe("consent");
    expect(q.get("code_challenge")).toBe(codeChallenge);
    expect(q.get("code_challenge_method")).toBe("S256");
    const scopes = q.get("scope")!.split(" ");
    expect(scopes).toEqual(expect.arrayContaining([...SCOPES, "confidential:access:admin"]));
  });

  it("exchanges the code (with PKCE) for tokens that name the Lever account", async () => {
    const tokens = await authorizeWithSim(bed.sim, 1);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(tokens.scopes).toContain("offline_access");
    const claims = readLeverClaims(tokens.accessToken);
    expect(claims.accountId).toBe(bed.sim.state().accounts[1]!.id);
    expect(claims.userId).toBeTruthy();
  });

  it("refuses a callback whose state does not match", async () => {
    const callback = await consent(bed.sim, { state: "real-state", codeChallenge: (await createPkce()).codeChallenge });
    await expect(exchangeCode({ currentUrl: callback, expectedState: "other-state" })).rejects.toMatchObject({ code: "invalid_state" });
  });

  it("reports a declined consent as access_denied", async () => {
    const callback = new URL("http://localhost:3000/api/integrations/lever/callback?error=access_denied&error_description=no&state=s");
    const error = await exchangeCode({ currentUrl: callback, expectedState: "s" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: "access_denied" });
  });

  it("rejects a wrong PKCE verifier as invalid_grant", async () => {
    const pkce = await createPkce();
    const callback = await consent(bed.sim, { state: "s", codeChallenge: pkce.codeChallenge });
    const other = await createPkce();
    await expect(exchangeCode({ currentUrl: callback, expectedState: "s", codeVerifier: other.codeVerifier })).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("rotates refresh tokens, and a reused one is invalid_grant", async () => {
    const first = await authorizeWithSim(bed.sim);
    const second = await refreshWithToken(first.refreshToken);
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    const error = await refreshWithToken(first.refreshToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGrantError);
    // Neither token leaks into the message.
    expect(String((error as Error).message)).not.toContain(first.refreshToken);
  });

  it("refuses to read claims from something that is not Lever's JWT", () => {
    expect(() => readLeverClaims("not-a-jwt")).toThrow(OAuthError);
  });
});
