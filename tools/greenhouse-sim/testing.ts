/**
 * Helpers for tests (here and elsewhere in the repo) that need a connected Greenhouse account without clicking
 * through the consent page. They drive the real /authorize and /token endpoints through sim.handle.
 */
import { DEFAULT_CLIENT } from "./context";
import type { GreenhouseSim } from "./core";

export interface ConnectOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  /** Index of the seeded account: 0 is Acme Robotics (Enterprise), 1 Globex Health. */
  account?: number;
  siteAdmin?: boolean;
  serviceAccount?: boolean;
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** Submits the consent form; returns the code from the redirect. */
export async function authorize(sim: GreenhouseSim, o: ConnectOptions = {}): Promise<string> {
  const account = sim.state().accounts[o.account ?? 0]!;
  const user = account.users.find((u) => u.siteAdmin === (o.siteAdmin ?? true) && !u.disabled && !u.serviceAccount)!;
  const form = new URLSearchParams({ client_id: o.clientId ?? DEFAULT_CLIENT.clientId, redirect_uri: o.redirectUri ?? DEFAULT_CLIENT.redirectUris[0]!, state: "st", user_id: String(user.id), decision: "allow" });
  if (o.serviceAccount) form.set("service_account", "1");
  const res = await sim.handle(new Request(`${sim.baseUrl}/authorize`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }));
  const location = res.headers.get("location");
  const code = location ? new URL(location).searchParams.get("code") : null;
  if (!code) throw new Error(`consent failed: ${res.status} ${location ?? ""}`);
  return code;
}

export function tokenRequest(sim: GreenhouseSim, form: Record<string, string>, clientId = DEFAULT_CLIENT.clientId, clientSecret = DEFAULT_CLIENT.clientSecret): Promise<Response> {
  return sim.handle(new Request(`${sim.baseUrl}/token`, { method: "POST", headers: { authorization: basic(clientId, clientSecret), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) }));
}

/** Consent plus code exchange. */
export async function connect(sim: GreenhouseSim, o: ConnectOptions = {}): Promise<TokenSet> {
  const code = await authorize(sim, o);
  const res = await tokenRequest(sim, { grant_type: "authorization_code", code, redirect_uri: o.redirectUri ?? DEFAULT_CLIENT.redirectUris[0]! }, o.clientId, o.clientSecret);
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenSet;
}

/** A Harvest v3 call with a bearer token; `path` starts after /v3 or is an absolute URL (a Link). */
export function harvest(sim: GreenhouseSim, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  const url = path.startsWith("http") ? path : `${sim.baseUrl}/v3${path}`;
  return sim.handle(new Request(url, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** The rel="next" URL of a Link header, or null on the last page. */
export function nextLink(res: Response): string | null {
  const m = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "");
  return m ? m[1]! : null;
}
