/**
 * Helpers for tests (here and elsewhere in the repo) that need a connected Lever account without clicking
 * through the consent page. They drive the real /authorize and /oauth/token endpoints via sim.handle.
 */
import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_CLIENT } from "./context";
import type { LeverSim } from "./core";

/** The scopes this product asks for (docs/lever-api.md), plus confidential access. */
export const PRODUCT_SCOPES = [
  "offline_access",
  "opportunities:write:admin",
  "postings:read:admin",
  "archive_reasons:read:admin",
  "stages:read:admin",
  "notes:write:admin",
  "resumes:read:admin",
  "files:read:admin",
  "users:read:admin",
  "tags:read:admin",
  "webhooks:write:admin",
  "confidential:access:admin",
].join(" ");

export interface AuthorizeOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  /** Which seeded account (by name or index) and which user role signs in. */
  account?: string | number;
  role?: "super admin" | "admin" | "team member" | "interviewer";
  decision?: "accept" | "deny";
  codeVerifier?: string;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeParams(sim: LeverSim, o: AuthorizeOptions = {}): URLSearchParams {
  const p = new URLSearchParams({
    client_id: o.clientId ?? DEFAULT_CLIENT.clientId,
    redirect_uri: o.redirectUri ?? DEFAULT_CLIENT.redirectUris[0]!,
    response_type: "code",
    state: o.state ?? "state-123",
    audience: `${sim.baseUrl}/v1/`,
    scope: o.scope ?? PRODUCT_SCOPES,
    prompt: "consent",
  });
  if (o.codeVerifier) {
    p.set("code_challenge", createHash("sha256").update(o.codeVerifier).digest("base64url"));
    p.set("code_challenge_method", "S256");
  }
  return p;
}

/** Submit the consent form; returns the redirect Location as a URL (or throws when there is none). */
export async function submitConsent(sim: LeverSim, o: AuthorizeOptions = {}): Promise<URL> {
  const state = sim.state();
  const account = typeof o.account === "number" ? state.accounts[o.account] : state.accounts.find((a) => a.name === (o.account ?? state.accounts[0]?.name));
  const user = account?.users.find((u) => u.accessRole === (o.role ?? "super admin") && !u.deactivatedAt);
  if (!account || !user) throw new Error("no such account/user in the seed");
  const form = authorizeParams(sim, o);
  form.set("user_id", user.id);
  form.set("decision", o.decision ?? "accept");
  const res = await sim.handle(
    new Request(`${sim.baseUrl}/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }),
  );
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status} without a redirect: ${await res.text()}`);
  return new URL(location);
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  token_type: string;
  scope: string;
  expires_in: number;
}

export async function tokenRequest(sim: LeverSim, params: Record<string, string>): Promise<Response> {
  return sim.handle(
    new Request(`${sim.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    }),
  );
}

/** Full consent + code exchange as a Super Admin. */
export async function connect(sim: LeverSim, o: AuthorizeOptions = {}): Promise<TokenSet & { accountId: string }> {
  const redirect = await submitConsent(sim, o);
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code: ${redirect.toString()}`);
  const res = await tokenRequest(sim, {
    grant_type: "authorization_code",
    client_id: o.clientId ?? DEFAULT_CLIENT.clientId,
    client_secret: o.clientSecret ?? DEFAULT_CLIENT.clientSecret,
    code,
    redirect_uri: o.redirectUri ?? DEFAULT_CLIENT.redirectUris[0]!,
    ...(o.codeVerifier ? { code_verifier: o.codeVerifier } : {}),
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
  const tokens = (await res.json()) as TokenSet;
  const payload = JSON.parse(Buffer.from(tokens.access_token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, string>;
  return { ...tokens, accountId: payload["https://oauth.lever.co/accountId"] ?? "" };
}

/** GET/POST/PUT/DELETE on /v1 with a bearer token; body is JSON-encoded. */
export function api(sim: LeverSim, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sim.handle(
    new Request(`${sim.baseUrl}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}
