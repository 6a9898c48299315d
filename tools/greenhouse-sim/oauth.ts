/**
 * Greenhouse's partner OAuth (authorization code, RFC 6749 §4.1) as harvestdocs describes it: the consent page
 * names the app and its fixed scopes; the user signs in and may, if a Site Admin, authorize through a service
 * account. Codes live 1 minute, access tokens 1 hour, refresh tokens 24 hours; the client authenticates to
 * /token with HTTP Basic and a form body, no PKCE.
 */
import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { findAccount, type SimContext } from "./context";
import { apiError, escapeHtml, html, oauthError, readForm, redirect } from "./http";
import type { AccountRec, SimClient, UserRec } from "./types";

export const CODE_TTL_MS = 60 * 1000;
export const ACCESS_TTL_S = 3600;
export const REFRESH_TTL_MS = 24 * 3600 * 1000;

export interface Principal {
  accountId: number;
  userId: number;
  clientId: string;
  scopes: Set<string>;
}

const PAGE_STYLE =
  "body{font:15px/1.5 system-ui,sans-serif;max-width:640px;margin:40px auto;padding:0 20px;color:#15372c}h1{font-size:22px}ul{padding-left:20px}label{display:block;margin:10px 0}select{font:inherit;padding:6px;max-width:100%}button{font:inherit;padding:8px 18px;margin-right:8px;border-radius:6px;border:1px solid #15372c;background:#fff;cursor:pointer}button.primary{background:#24a47f;border-color:#24a47f;color:#fff}.note{color:#555;font-size:13px}.error{background:#fde8e8;border:1px solid #e7a1a1;padding:10px;border-radius:6px}code{background:#f0f4f2;padding:1px 4px;border-radius:4px}";

export function errorPage(status: number, title: string, detail: string): Response {
  return html(status, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} – Greenhouse</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(detail)}</p></body></html>`);
}

const newToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

function errorRedirect(redirectUri: string, error: string, description: string, state: string | null): Response {
  const u = new URL(redirectUri);
  u.searchParams.set("error", error);
  u.searchParams.set("error_description", description);
  if (state) u.searchParams.set("state", state);
  return redirect(u.toString());
}

/** Client and redirect_uri are checked before anything is sent back to the redirect_uri (RFC 6749 §4.1.2.1). */
function checkClient(ctx: SimContext, params: URLSearchParams): SimClient | Response {
  const client = ctx.clients.get(params.get("client_id") ?? "");
  if (!client) return errorPage(400, "Unknown application", "No application is registered with this client_id.");
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri)) return errorPage(400, "Invalid redirect URI", "The redirect_uri does not match one registered for this application.");
  return client;
}

export function authorizeGet(ctx: SimContext, url: URL): Response {
  const client = checkClient(ctx, url.searchParams);
  if (client instanceof Response) return client;
  const redirectUri = url.searchParams.get("redirect_uri")!;
  const state = url.searchParams.get("state");
  if (url.searchParams.get("response_type") !== "code") return errorRedirect(redirectUri, "unsupported_response_type", "response_type must be code", state);
  return consentPage(ctx, client, redirectUri, state, null, null);
}

function roleLabel(u: UserRec): string {
  return u.site_admin ? "Site Admin" : "Basic";
}

/** `chosen` keeps the user's picks when the page comes back with an error. */
function consentPage(ctx: SimContext, client: SimClient, redirectUri: string, state: string | null, error: string | null, chosen: { userId: number; serviceAccount: boolean } | null): Response {
  const groups = ctx.accounts
    .map((a) => `<optgroup label="${escapeHtml(a.name)}">${a.users.filter((u) => !u.disabled && !u.service_account).map((u) => `<option value="${u.id}"${chosen?.userId === u.id ? " selected" : ""}>${escapeHtml(u.name)} (${roleLabel(u)})</option>`).join("")}</optgroup>`)
    .join("");
  const scopes = client.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("");
  const hidden = [["client_id", client.clientId], ["redirect_uri", redirectUri], ...(state ? [["state", state]] : [])]
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v!)}">`)
    .join("");
  return html(
    error ? 403 : 200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Authorize ${escapeHtml(client.name)} – Greenhouse</title><style>${PAGE_STYLE}</style></head><body>
<p class="note">Greenhouse simulator · ${escapeHtml(ctx.baseUrl)}</p>
<h1>${escapeHtml(client.name)} wants to access your Greenhouse account</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<p>${escapeHtml(client.name)} is asking for permission to:</p><ul>${scopes}</ul>
<form method="post" action="${escapeHtml(ctx.basePath)}/authorize">${hidden}
<label>Log in as <select name="user_id" required>${groups}</select></label>
<label><input type="checkbox" name="service_account" value="1"${chosen?.serviceAccount ? " checked" : ""}> Authorize using a service account</label>
<p class="note">A service account owns the authorization for the whole organization and actions appear under it. Only Site Admins can choose it; otherwise actions appear as performed by you.</p>
<button class="primary" type="submit" name="decision" value="allow">Authorize</button><button type="submit" name="decision" value="deny">Cancel</button>
</form></body></html>`,
  );
}

function findUser(ctx: SimContext, id: number): { account: AccountRec; user: UserRec } | null {
  for (const account of ctx.accounts) {
    const user = account.users.find((u) => u.id === id);
    if (user) return { account, user };
  }
  return null;
}

function serviceUser(ctx: SimContext, account: AccountRec, client: SimClient): UserRec {
  const name = `${client.name} (service account)`;
  let user = account.users.find((u) => u.service_account && u.name === name);
  if (!user) {
    const now = ctx.now();
    user = { id: ctx.ids.take("user"), first_name: client.name, last_name: "(service account)", name, primary_email_address: "", site_admin: false, disabled: false, service_account: true, created_at: now, updated_at: now };
    account.users.push(user);
  }
  return user;
}

export async function authorizePost(ctx: SimContext, request: Request): Promise<Response> {
  const form = await readForm(request);
  const client = checkClient(ctx, form);
  if (client instanceof Response) return client;
  const redirectUri = form.get("redirect_uri")!;
  const state = form.get("state");
  if (form.get("decision") !== "allow") return errorRedirect(redirectUri, "access_denied", "The user cancelled the authorization", state);
  const found = findUser(ctx, Number(form.get("user_id")));
  if (!found || found.user.disabled || found.user.service_account) return errorPage(400, "Unknown user", "Pick an active Greenhouse user to log in as.");
  let acting = found.user;
  if (form.get("service_account") === "1") {
    if (!found.user.site_admin) return consentPage(ctx, client, redirectUri, state, "Only Site Admins can authorize using a service account.", { userId: found.user.id, serviceAccount: true });
    acting = serviceUser(ctx, found.account, client);
  }
  const code = newToken(24);
  ctx.codes.set(code, { code, clientId: client.clientId, redirectUri, accountId: found.account.id, userId: acting.id, scope: client.scopes.join(" "), expiresAt: ctx.now() + CODE_TTL_MS, used: false });
  const u = new URL(redirectUri);
  u.searchParams.set("code", code);
  if (state) u.searchParams.set("state", state);
  return redirect(u.toString());
}

function basicClient(ctx: SimContext, request: Request): SimClient | null {
  const m = /^Basic\s+(.+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  const client = ctx.clients.get(decodeURIComponent(decoded.slice(0, i)));
  return client && client.clientSecret === decodeURIComponent(decoded.slice(i + 1)) ? client : null;
}

async function issue(ctx: SimContext, clientId: string, accountId: number, userId: number, scope: string): Promise<Response> {
  const now = ctx.now();
  const access = await new SignJWT({ account_id: accountId, client_id: clientId, scope, sim_epoch: ctx.epoch })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(userId))
    .setIssuer(`${ctx.baseUrl}/`)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + ACCESS_TTL_S)
    .setJti(newToken(12))
    .sign(ctx.secret);
  const refresh = newToken(32);
  ctx.refreshTokens.set(refresh, { token: refresh, clientId, accountId, userId, scope, expiresAt: now + REFRESH_TTL_MS, revokedAt: null });
  return new Response(JSON.stringify({ access_token: access, token_type: "Bearer", expires_in: ACCESS_TTL_S, refresh_token: refresh, scope }), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache" },
  });
}

export async function token(ctx: SimContext, request: Request): Promise<Response> {
  if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded");
  }
  const client = basicClient(ctx, request);
  const form = await readForm(request);
  if (!client) return oauthError(401, "invalid_client", "Client authentication failed: send client_id:client_secret with HTTP Basic");
  const now = ctx.now();
  const grant = form.get("grant_type");
  if (grant === "authorization_code") {
    const rec = ctx.codes.get(form.get("code") ?? "");
    if (!rec || rec.clientId !== client.clientId) return oauthError(400, "invalid_grant", "The authorization code is invalid");
    if (rec.used) return oauthError(400, "invalid_grant", "The authorization code has already been used");
    if (rec.expiresAt <= now) return oauthError(400, "invalid_grant", "The authorization code has expired");
    if (form.get("redirect_uri") !== rec.redirectUri) return oauthError(400, "invalid_grant", "redirect_uri does not match the one used to authorize");
    rec.used = true;
    return issue(ctx, client.clientId, rec.accountId, rec.userId, rec.scope);
  }
  if (grant === "refresh_token") {
    const rec = ctx.refreshTokens.get(form.get("refresh_token") ?? "");
    if (!rec || rec.clientId !== client.clientId) return oauthError(400, "invalid_grant", "The refresh token is invalid");
    if (rec.revokedAt !== null) return oauthError(400, "invalid_grant", "The refresh token has already been used");
    if (rec.expiresAt <= now) return oauthError(400, "invalid_grant", "The refresh token has expired; the user must authorize again");
    // Rotation: each refresh returns a new refresh token and retires the one presented.
    rec.revokedAt = now;
    return issue(ctx, client.clientId, rec.accountId, rec.userId, rec.scope);
  }
  return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

/** The bearer token of a Harvest call, or the 401 to answer. */
export async function authenticate(ctx: SimContext, request: Request): Promise<Principal | Response> {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!m) return apiError(401, "Missing bearer token");
  try {
    const { payload } = await jwtVerify(m[1]!, ctx.secret, { algorithms: ["HS256"], issuer: `${ctx.baseUrl}/`, currentDate: new Date(ctx.now()) });
    const accountId = Number(payload.account_id);
    const userId = Number(payload.sub);
    if (payload.sim_epoch !== ctx.epoch) return apiError(401, "Invalid access token");
    const account = findAccount(ctx, accountId);
    if (!account || !account.users.some((u) => u.id === userId && !u.disabled)) return apiError(401, "The user of this token no longer exists");
    return { accountId, userId, clientId: String(payload.client_id), scopes: new Set(String(payload.scope ?? "").split(" ").filter(Boolean)) };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return apiError(401, "Access token expired");
    return apiError(401, "Invalid access token");
  }
}
