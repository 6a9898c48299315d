/**
 * Lever's OAuth server (Auth0 underneath): the consent page at /authorize, the token endpoint with
 * rotating single-use refresh tokens, and access-token verification for /v1.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { findAccount, type RefreshTokenRec, type SimContext } from "./context";
import { apiError, escapeHtml, html, oauthError, readParams, redirect } from "./http";
import type { AccountRec, SimClient, UserRec } from "./types";

const CODE_TTL_MS = 10 * 60 * 1000;
const ACCESS_TTL_S = 3600;
const REFRESH_ABSOLUTE_MS = 365 * 24 * 3600 * 1000;
const REFRESH_IDLE_MS = 90 * 24 * 3600 * 1000;

export const ACCOUNT_CLAIM = "https://oauth.lever.co/accountId";
export const USER_CLAIM = "https://oauth.lever.co/userId";

type ScopeGroup = "import" | "write" | "webhooks" | "access";
/** Lever's scopes (resource:action:admin) with the plain words the consent screen shows. */
export const KNOWN_SCOPES: Record<string, { group: ScopeGroup; text: string }> = {
  offline_access: { group: "access", text: "Stay connected when you are not signed in (refresh tokens)" },
  "confidential:access:admin": { group: "access", text: "See confidential postings and candidates" },
  "opportunities:read:admin": { group: "import", text: "Read candidates and their applications" },
  "opportunities:write:admin": { group: "write", text: "Read candidates, change their stage, archive them and tag them" },
  "postings:read:admin": { group: "import", text: "Read job postings" },
  "postings:write:admin": { group: "write", text: "Create and edit job postings" },
  "archive_reasons:read:admin": { group: "import", text: "Read rejection (archive) reasons" },
  "stages:read:admin": { group: "import", text: "Read pipeline stages" },
  "notes:read:admin": { group: "import", text: "Read notes on candidates" },
  "notes:write:admin": { group: "write", text: "Post notes (screening results) on candidates" },
  "forms:read:admin": { group: "import", text: "Read profile forms and form templates" },
  "forms:write:admin": { group: "write", text: "Create the screening-result form template and post results as forms on candidates" },
  "resumes:read:admin": { group: "import", text: "Read and download résumés" },
  "files:read:admin": { group: "import", text: "Read and download candidate files" },
  "files:write:admin": { group: "write", text: "Upload candidate files" },
  "users:read:admin": { group: "import", text: "Read your Lever users" },
  "users:write:admin": { group: "write", text: "Create and deactivate Lever users" },
  "tags:read:admin": { group: "import", text: "Read tags" },
  "sources:read:admin": { group: "import", text: "Read candidate sources" },
  "applications:read:admin": { group: "import", text: "Read applications" },
  "contact:read:admin": { group: "import", text: "Read contact details" },
  "feedback:read:admin": { group: "import", text: "Read interview feedback" },
  "feedback:write:admin": { group: "write", text: "Submit interview feedback" },
  "interviews:read:admin": { group: "import", text: "Read interviews" },
  "interviews:write:admin": { group: "write", text: "Schedule interviews" },
  "panels:read:admin": { group: "import", text: "Read interview panels" },
  "requisitions:read:admin": { group: "import", text: "Read requisitions" },
  "webhooks:read:admin": { group: "webhooks", text: "See the webhooks this app set up" },
  "webhooks:write:admin": { group: "webhooks", text: "Set up webhooks so the app hears about new applications and changes" },
};

const GROUP_TITLES: Record<ScopeGroup, string> = {
  import: "Import jobs, candidates and rejection reasons",
  write: "Post results and update stages",
  webhooks: "Receive webhooks",
  access: "Access",
};

export interface Principal {
  accountId: string;
  userId: string;
  clientId: string;
  scopes: Set<string>;
}

/** `write` includes `read` for the same resource. */
export function hasScope(p: Principal, resource: string, action: "read" | "write" | "access"): boolean {
  if (action === "access") return p.scopes.has(`${resource}:access:admin`);
  return p.scopes.has(`${resource}:write:admin`) || (action === "read" && p.scopes.has(`${resource}:read:admin`));
}

// ---------------------------------------------------------------------------------------------------
// /authorize

interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  state: string;
  audience: string;
  scope: string;
  code_challenge: string;
  code_challenge_method: string;
  prompt: string;
}

const PARAM_NAMES: Array<keyof AuthorizeParams> = [
  "client_id",
  "redirect_uri",
  "response_type",
  "state",
  "audience",
  "scope",
  "code_challenge",
  "code_challenge_method",
  "prompt",
];

type Validated =
  | { ok: true; client: SimClient; params: AuthorizeParams; scopes: string[] }
  | { ok: false; response: Response };

function withQuery(uri: string, query: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") url.searchParams.set(k, v);
  return url.toString();
}

function validateAuthorize(ctx: SimContext, source: (name: string) => string | null): Validated {
  const params = Object.fromEntries(PARAM_NAMES.map((n) => [n, source(n) ?? ""])) as unknown as AuthorizeParams;
  const client = ctx.clients.get(params.client_id);
  // Until client and redirect_uri are known good, never redirect anywhere: show an error page.
  if (!params.client_id || !client) return { ok: false, response: errorPage(400, "ClientID not found", `No application is registered with client_id “${params.client_id}”. Check that you are using the credentials of this environment (sandbox and production are separate apps).`) };
  if (!params.redirect_uri || !client.redirectUris.includes(params.redirect_uri)) {
    return {
      ok: false,
      response: errorPage(400, "Callback URL mismatch", `The redirect_uri “${params.redirect_uri}” is not in the list of allowed callback URLs for this application. It must match exactly.`),
    };
  }
  const back = (error: string, description: string): Validated => ({
    ok: false,
    response: redirect(withQuery(params.redirect_uri, { error, error_description: description, state: params.state })),
  });
  if (params.response_type !== "code") return back("unsupported_response_type", `Unsupported response type: ${params.response_type || "(missing)"}`);
  if (!params.state) return back("invalid_request", "Missing required parameter: state");
  if (params.audience !== ctx.audience) return back("access_denied", `Service not found: ${params.audience || "(missing audience)"}`);
  const scopes = params.scope.split(" ").filter(Boolean);
  if (scopes.length === 0) return back("invalid_scope", "Missing required parameter: scope");
  const unknown = scopes.filter((s) => !KNOWN_SCOPES[s]);
  if (unknown.length) return back("invalid_scope", `Unknown scope(s): ${unknown.join(" ")}`);
  if (params.code_challenge || params.code_challenge_method) {
    if (params.code_challenge_method !== "S256") return back("invalid_request", "code_challenge_method must be S256");
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(params.code_challenge)) return back("invalid_request", "Invalid code_challenge");
  } else if (ctx.opts.pkce === "required") {
    return back("invalid_request", "Parameter 'code_challenge' is required");
  }
  return { ok: true, client, params, scopes: [...new Set(scopes)] };
}

export function authorizeGet(ctx: SimContext, url: URL): Response {
  const v = validateAuthorize(ctx, (n) => url.searchParams.get(n));
  if (!v.ok) return v.response;
  return html(200, consentPage(ctx, v.client, v.params, v.scopes));
}

export async function authorizePost(ctx: SimContext, request: Request): Promise<Response> {
  const form = await readParams(request);
  const v = validateAuthorize(ctx, (n) => form[n] ?? null);
  if (!v.ok) return v.response;
  const { params, scopes } = v;
  const back = (query: Record<string, string>) => redirect(withQuery(params.redirect_uri, { ...query, state: params.state }));
  if (form.decision !== "accept") {
    return back({ error: "access_denied", error_description: "The user denied access to this application." });
  }
  const found = findUser(ctx, form.user_id ?? "");
  if (!found) return errorPage(400, "Unknown user", "Pick a Lever user to sign in as.");
  const { account, user } = found;
  if (user.accessRole !== "super admin") {
    // Lever: only a Super Admin can authorize an app, for the whole account.
    return back({ error: "access_denied", error_description: "Only Super Admins can authorize this application. Ask a Super Admin of your Lever account to connect it." });
  }
  const code = randomBytes(24).toString("base64url");
  ctx.codes.set(code, {
    code,
    clientId: params.client_id,
    redirectUri: params.redirect_uri,
    accountId: account.id,
    userId: user.id,
    scope: scopes.join(" "),
    codeChallenge: ctx.opts.pkce === "ignored" ? null : params.code_challenge || null,
    expiresAt: ctx.now() + CODE_TTL_MS,
    used: false,
    familyId: null,
  });
  return back({ code });
}

function findUser(ctx: SimContext, userId: string): { account: AccountRec; user: UserRec } | undefined {
  for (const account of ctx.world.accounts) {
    const user = account.users.find((u) => u.id === userId && !u.deactivatedAt);
    if (user) return { account, user };
  }
  return undefined;
}

const PAGE_CSS = `
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f3f4f7;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2433}
.card{width:100%;max-width:460px;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(16,24,40,.1),0 8px 24px rgba(16,24,40,.08);padding:32px;margin:24px}
.brand{display:flex;align-items:center;gap:10px;font-weight:700;font-size:18px;letter-spacing:.2px;color:#1d2433;margin-bottom:20px}
.logo{width:32px;height:32px;border-radius:8px;background:#2b6de8;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:800}
h1{font-size:20px;margin:0 0 6px}p.lead{margin:0 0 20px;color:#525b6b}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#6b7384;margin:18px 0 6px}
ul{margin:0;padding:0;list-style:none}li{padding:6px 0 6px 26px;position:relative;border-bottom:1px solid #f0f1f4}
li:before{content:"✓";position:absolute;left:4px;color:#2b8a3e;font-weight:700}
code{font-size:11px;color:#8a91a0;display:block}
label{display:block;font-weight:600;margin:20px 0 6px}
select{width:100%;padding:9px 10px;border:1px solid #c9cdd6;border-radius:8px;font:inherit;background:#fff}
.hint{font-size:13px;color:#6b7384;margin-top:6px}
.actions{display:flex;gap:12px;margin-top:24px}
button{flex:1;padding:11px 14px;border-radius:8px;font:inherit;font-weight:600;cursor:pointer;border:1px solid #c9cdd6;background:#fff;color:#1d2433}
button.primary{background:#2b6de8;border-color:#2b6de8;color:#fff}
button:focus-visible,select:focus-visible{outline:3px solid #9bbcf7;outline-offset:1px}
.sim{margin-top:20px;font-size:12px;color:#8a91a0;text-align:center}
.error h1{color:#b42318}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;
}

function consentPage(ctx: SimContext, client: SimClient, params: AuthorizeParams, scopes: string[]): string {
  const appName = client.name ?? client.clientId;
  const groups = (Object.keys(GROUP_TITLES) as ScopeGroup[])
    .map((g) => {
      const items = scopes.filter((s) => KNOWN_SCOPES[s]?.group === g);
      if (!items.length) return "";
      return `<h2>${escapeHtml(GROUP_TITLES[g])}</h2><ul>${items
        .map((s) => `<li>${escapeHtml(KNOWN_SCOPES[s]?.text ?? s)}<code>${escapeHtml(s)}</code></li>`)
        .join("")}</ul>`;
    })
    .join("");
  const options = ctx.world.accounts
    .map(
      (a) =>
        `<optgroup label="${escapeHtml(a.name)}">${a.users
          .filter((u) => !u.deactivatedAt)
          .map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(`${u.name} — ${roleLabel(u.accessRole)} (${a.name})`)}</option>`)
          .join("")}</optgroup>`,
    )
    .join("");
  const hidden = PARAM_NAMES.filter((n) => params[n])
    .map((n) => `<input type="hidden" name="${n}" value="${escapeHtml(params[n])}">`)
    .join("");
  return layout(
    `Authorize ${appName} – Lever`,
    `<main class="card"><div class="brand"><span class="logo">L</span>Lever</div>
<h1>${escapeHtml(appName)} wants to access your Lever account</h1>
<p class="lead">A Super Admin can authorize this app for the whole Lever account. It will be able to:</p>
${groups}
<form method="post" action="${escapeHtml(ctx.basePath)}/authorize">${hidden}
<label for="user_id">Signed in to Lever as</label>
<select id="user_id" name="user_id">${options}</select>
<div class="hint">Simulator: pick the Lever account and user. Only Super Admins can accept.</div>
<div class="actions"><button type="submit" name="decision" value="deny">Deny</button><button type="submit" name="decision" value="accept" class="primary">Accept</button></div>
</form><div class="sim">Lever simulator · not the real Lever</div></main>`,
  );
}

function roleLabel(role: UserRec["accessRole"]): string {
  return role.replace(/\b\w/g, (c) => c.toUpperCase());
}

export function errorPage(status: number, title: string, message: string): Response {
  return html(
    status,
    layout(
      `${title} – Lever`,
      `<main class="card error"><div class="brand"><span class="logo">L</span>Lever</div><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><div class="sim">Lever simulator · not the real Lever</div></main>`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// /oauth/token

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function issueTokens(ctx: SimContext, g: { clientId: string; accountId: string; userId: string; scope: string; familyId: string | null; familyCreatedAt: number | null }) {
  const now = ctx.now();
  const iat = Math.floor(now / 1000);
  const jti = randomBytes(12).toString("base64url");
  const accessToken = await new SignJWT({
    [ACCOUNT_CLAIM]: g.accountId,
    [USER_CLAIM]: g.userId,
    scope: g.scope,
    azp: g.clientId,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ctx.issuer)
    .setSubject(`lever|${g.userId}`)
    .setAudience(ctx.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TTL_S)
    .setJti(jti)
    .sign(ctx.jwtKey);
  ctx.accessTokens.set(jti, { accountId: g.accountId, clientId: g.clientId });
  const body: Record<string, unknown> = { access_token: accessToken, token_type: "Bearer", scope: g.scope, expires_in: ACCESS_TTL_S };
  let familyId = g.familyId;
  // Auth0 only issues refresh tokens when offline_access was granted.
  if (g.scope.split(" ").includes("offline_access")) {
    familyId ??= randomBytes(12).toString("base64url");
    const rec: RefreshTokenRec = {
      token: randomBytes(32).toString("base64url"),
      familyId,
      clientId: g.clientId,
      accountId: g.accountId,
      userId: g.userId,
      scope: g.scope,
      familyCreatedAt: g.familyCreatedAt ?? now,
      issuedAt: now,
      usedAt: null,
    };
    ctx.refreshTokens.set(rec.token, rec);
    body.refresh_token = rec.token;
  }
  return { body, familyId };
}

export async function token(ctx: SimContext, request: Request): Promise<Response> {
  const p = await readParams(request);
  let clientId = p.client_id ?? "";
  let clientSecret = p.client_secret ?? "";
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
    const i = decoded.indexOf(":");
    if (i > 0) {
      clientId = decodeURIComponent(decoded.slice(0, i));
      clientSecret = decodeURIComponent(decoded.slice(i + 1));
    }
  }
  const client = ctx.clients.get(clientId);
  if (!client || !safeEqual(client.clientSecret, clientSecret)) return oauthError(401, "invalid_client", "Client authentication failed");

  if (p.grant_type === "authorization_code") {
    if (!p.code) return oauthError(400, "invalid_request", "Missing required parameter: code");
    const rec = ctx.codes.get(p.code);
    if (!rec || rec.clientId !== clientId) return oauthError(403, "invalid_grant", "Invalid authorization code");
    if (rec.used) {
      // A replayed code may be stolen: revoke what it produced (RFC 6749 §4.1.2).
      if (rec.familyId) ctx.revokedFamilies.add(rec.familyId);
      return oauthError(403, "invalid_grant", "Invalid authorization code");
    }
    if (ctx.now() > rec.expiresAt) return oauthError(403, "invalid_grant", "Authorization code expired");
    if (p.redirect_uri !== rec.redirectUri) return oauthError(403, "invalid_grant", "redirect_uri does not match the one used at /authorize");
    if (rec.codeChallenge) {
      const verifier = p.code_verifier ?? "";
      const computed = createHash("sha256").update(verifier).digest("base64url");
      if (!verifier || !safeEqual(computed, rec.codeChallenge)) return oauthError(403, "invalid_grant", "Failed to verify code verifier");
    }
    rec.used = true;
    const { body, familyId } = await issueTokens(ctx, { ...rec, familyId: null, familyCreatedAt: null });
    rec.familyId = familyId;
    return oauthJson(body);
  }

  if (p.grant_type === "refresh_token") {
    if (!p.refresh_token) return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
    const rec = ctx.refreshTokens.get(p.refresh_token);
    const now = ctx.now();
    if (!rec || rec.clientId !== clientId || ctx.revokedFamilies.has(rec.familyId)) {
      return oauthError(403, "invalid_grant", "Unknown or invalid refresh token.");
    }
    if (rec.usedAt !== null) {
      // Rotation reuse detection: an old token came back, so the whole family is revoked.
      ctx.revokedFamilies.add(rec.familyId);
      ctx.log(`refresh token reuse detected: family ${rec.familyId} revoked`);
      return oauthError(403, "invalid_grant", "Unknown or invalid refresh token.");
    }
    if (now > rec.familyCreatedAt + REFRESH_ABSOLUTE_MS || now > rec.issuedAt + REFRESH_IDLE_MS) {
      return oauthError(403, "invalid_grant", "Refresh token expired.");
    }
    rec.usedAt = now;
    const { body } = await issueTokens(ctx, rec);
    return oauthJson(body);
  }

  return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${p.grant_type ?? "(missing)"}`);
}

function oauthJson(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache" },
  });
}

// ---------------------------------------------------------------------------------------------------
// Bearer verification for /v1

export async function authenticate(ctx: SimContext, request: Request): Promise<Principal | Response> {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) return apiError(401, "UNAUTHORIZED", "Missing Authorization: Bearer <access_token> header");
  try {
    const { payload } = await jwtVerify(m[1], ctx.jwtKey, {
      algorithms: ["HS256"],
      audience: ctx.audience,
      issuer: ctx.issuer,
      currentDate: new Date(ctx.now()),
    });
    const accountId = payload[ACCOUNT_CLAIM];
    const userId = payload[USER_CLAIM];
    const clientId = payload.azp;
    if (typeof accountId !== "string" || typeof userId !== "string" || typeof clientId !== "string" || !findAccount(ctx, accountId)) {
      return apiError(401, "UNAUTHORIZED", "Invalid access token");
    }
    if (payload.jti && ctx.revokedJtis.has(payload.jti)) {
      return apiError(401, "UNAUTHORIZED", "The authorization was revoked by a Super Admin");
    }
    const scope = typeof payload.scope === "string" ? payload.scope : "";
    return { accountId, userId, clientId, scopes: new Set(scope.split(" ").filter(Boolean)) };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return apiError(401, "UNAUTHORIZED", "Access token expired");
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) return apiError(401, "UNAUTHORIZED", "Unable to find a signing key that matches the token");
    return apiError(401, "UNAUTHORIZED", "Invalid access token");
  }
}
