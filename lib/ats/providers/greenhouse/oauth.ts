import { decodeJwt } from "jose";
import { InvalidGrantError, OAuthError, type TokenSet } from "@/lib/ats/tokens";
import { config } from "@/lib/config";
import { TokenResponseSchema } from "./schemas";

/**
 * Greenhouse's partner OAuth (Harvest v3): authorization code, the client authenticated with HTTP Basic
 * and a form body, no PKCE. Scopes are fixed per client by Greenhouse, so the request names none.
 * Refresh tokens live 24 hours and are treated as rotating: the newest one is always stored and an
 * old one is never sent again.
 */

const TOKEN_TIMEOUT_MS = 15_000;
const MAX_TOKEN_BODY_BYTES = 64 * 1024;

export function redirectUri(): string {
  return `${config().appUrl}/api/integrations/greenhouse/callback`;
}

export function buildAuthorizationUrl(state: string): URL {
  const greenhouse = config().greenhouse;
  const url = new URL(greenhouse.authorizeUrl);
  url.search = new URLSearchParams({ client_id: greenhouse.clientId, redirect_uri: redirectUri(), response_type: "code", state }).toString();
  return url;
}

async function tokenRequest(form: Record<string, string>): Promise<TokenSet> {
  const greenhouse = config().greenhouse;
  const basic = Buffer.from(`${greenhouse.clientId}:${greenhouse.clientSecret}`).toString("base64");
  let response: Response;
  try {
    response = await fetch(greenhouse.tokenUrl, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form),
      redirect: "manual",
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (error) {
    throw new OAuthError("network_error", `Could not reach Greenhouse's token endpoint (${error instanceof Error ? error.name : "error"})`);
  }
  const text = await response.text();
  if (text.length > MAX_TOKEN_BODY_BYTES) throw new OAuthError("invalid_response", "Greenhouse's token endpoint sent an oversized answer", response.status);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_response", `Greenhouse's token endpoint answered ${response.status} without JSON`, response.status);
  }
  if (!response.ok) {
    const error = typeof (body as { error?: unknown }).error === "string" ? (body as { error: string }).error : `http_${response.status}`;
    // Only the OAuth error code is kept: descriptions are Greenhouse's words and tokens never appear in messages.
    if (error === "invalid_grant") throw new InvalidGrantError("Greenhouse refused the grant", response.status);
    throw new OAuthError(error, `Greenhouse's token endpoint answered ${response.status} ${error}`, response.status);
  }
  const parsed = TokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new OAuthError("invalid_response", "Greenhouse's token endpoint sent an unexpected response", response.status);
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? null,
    expiresAt: new Date(Date.now() + (parsed.data.expires_in ?? 3600) * 1000),
    scopes: parsed.data.scope ? parsed.data.scope.split(" ").filter(Boolean) : [],
  };
}

/** Exchanges the callback's code; the redirect URI is the registered one, not one rebuilt from the request. */
export async function exchangeCode(code: string): Promise<TokenSet & { refreshToken: string }> {
  const tokens = await tokenRequest({ grant_type: "authorization_code", code, redirect_uri: redirectUri() });
  if (!tokens.refreshToken) throw new OAuthError("no_refresh_token", "Greenhouse did not return a refresh token");
  return { ...tokens, refreshToken: tokens.refreshToken };
}

/** One refresh-token grant, sent exactly once: a rotated token must never be replayed. */
export function refreshWithToken(refreshToken: string): Promise<TokenSet> {
  return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });
}

export interface GreenhouseClaims {
  accountId: string;
  userId: string | null;
}

/**
 * Which Greenhouse account (and user, or service account) a token belongs to. The signature is not
 * checked: the token came straight from Greenhouse's token endpoint in this same request.
 */
export function readGreenhouseClaims(accessToken: string): GreenhouseClaims {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw new OAuthError("invalid_token", "Greenhouse's access token is not a JWT");
  }
  const account = claims.account_id;
  if ((typeof account !== "string" && typeof account !== "number") || account === "") {
    throw new OAuthError("invalid_token", "Greenhouse's access token carries no account_id claim");
  }
  return { accountId: String(account), userId: typeof claims.sub === "string" && claims.sub ? claims.sub : null };
}
