import { createHash, timingSafeEqual } from "node:crypto";
import { decodeJwt } from "jose";
import * as client from "openid-client";
import { config } from "@/lib/config";
import { TokenResponseSchema } from "./schemas";
import { InvalidGrantError, OAuthError, type TokenSet } from "@/lib/ats/tokens";

/**
 * Lever's OAuth 2.0 authorization-code flow (a confidential client). Lever publishes no discovery
 * document, so the authorization-server metadata is given to openid-client by hand.
 */

/** What this product asks for; write scopes include read. */
export const SCOPES = [
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
  // Results as a profile form (the "Screening result" template and one form per candidate).
  "forms:write:admin",
] as const;

export const CONFIDENTIAL_SCOPE = "confidential:access:admin";

/** The scopes requested, with confidential access when configured (needed to see confidential postings). */
export function requestedScopes(): string[] {
  return config().lever.confidentialAccess ? [...SCOPES, CONFIDENTIAL_SCOPE] : [...SCOPES];
}

export function redirectUri(): string {
  return `${config().appUrl}/api/integrations/lever/callback`;
}

/** Lever's token answer, in the shared shape the token manager stores. */
export type LeverTokenSet = TokenSet;

const TOKEN_REQUEST_TIMEOUT_SECONDS = 15;

function oauthConfiguration(): client.Configuration {
  const lever = config().lever;
  const authorize = new URL(lever.authorizeUrl);
  const server: client.ServerMetadata = {
    issuer: `${authorize.origin}/`,
    authorization_endpoint: lever.authorizeUrl,
    token_endpoint: lever.tokenUrl,
  };
  const configuration = new client.Configuration(server, lever.clientId, undefined, client.ClientSecretPost(lever.clientSecret));
  configuration.timeout = TOKEN_REQUEST_TIMEOUT_SECONDS;
  // Only the local simulator is served over plain http; real Lever endpoints stay TLS-only.
  if ([lever.authorizeUrl, lever.tokenUrl].every((u) => u.startsWith("http://"))) client.allowInsecureRequests(configuration);
  return configuration;
}

export interface Pkce {
  codeVerifier: string;
  codeChallenge: string;
}

/** PKCE is undocumented by Lever, so callers use it only when `config().lever.usePkce` is on. */
export async function createPkce(): Promise<Pkce> {
  const codeVerifier = client.randomPKCECodeVerifier();
  return { codeVerifier, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
}

export function buildAuthorizationUrl({ state, codeChallenge }: { state: string; codeChallenge?: string }): URL {
  const lever = config().lever;
  const parameters: Record<string, string> = {
    response_type: "code",
    redirect_uri: redirectUri(),
    state,
    audience: lever.audience,
    scope: requestedScopes().join(" "),
  };
  if (lever.promptConsent) parameters.prompt = "consent";
  if (codeChallenge) {
    parameters.code_challenge = codeChallenge;
    parameters.code_challenge_method = "S256";
  }
  return client.buildAuthorizationUrl(oauthConfiguration(), parameters);
}

function toTokenSet(response: client.TokenEndpointResponse): LeverTokenSet {
  const parsed = TokenResponseSchema.safeParse(response);
  if (!parsed.success) throw new OAuthError("invalid_response", "Lever's token endpoint sent an unexpected response");
  const body = parsed.data;
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: new Date(Date.now() + (body.expires_in ?? 3600) * 1000),
    scopes: body.scope ? body.scope.split(" ").filter(Boolean) : [],
  };
}

/** Turns openid-client's errors into ours, keeping only OAuth error codes and descriptions (never tokens). */
function mapError(error: unknown): never {
  if (error instanceof OAuthError) throw error;
  if (error instanceof client.ResponseBodyError) {
    const description = error.error_description ? `: ${error.error_description}` : "";
    if (error.error === "invalid_grant") throw new InvalidGrantError(`Lever refused the grant${description}`, error.status);
    throw new OAuthError(error.error, `Lever's token endpoint answered ${error.status} ${error.error}${description}`, error.status);
  }
  if (error instanceof client.AuthorizationResponseError) {
    const message =
      error.error === "access_denied"
        ? "The Lever admin declined to authorize the app"
        : `Lever's authorization failed: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`;
    throw new OAuthError(error.error, message);
  }
  if (error instanceof client.ClientError) {
    const cause = (error as { cause?: unknown }).cause;
    const status = cause instanceof Response ? cause.status : undefined;
    throw new OAuthError(error.code ?? "oauth_error", `Lever OAuth request failed: ${error.message}`, status);
  }
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError" || error instanceof TypeError)) {
    throw new OAuthError("network_error", `Could not reach Lever's token endpoint (${error.name})`);
  }
  throw error;
}

function sameString(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Completes the callback. `currentUrl` is the callback URL as received; the token request uses the
 * registered redirect URI rather than one rebuilt from the request (proxies change host and scheme).
 */
export async function exchangeCode({
  currentUrl,
  expectedState,
  codeVerifier,
}: {
  currentUrl: URL;
  expectedState: string;
  codeVerifier?: string;
}): Promise<LeverTokenSet & { refreshToken: string }> {
  // Checked here as well as by openid-client, to report it as its own error code.
  if (!sameString(currentUrl.searchParams.get("state") ?? "", expectedState)) {
    throw new OAuthError("invalid_state", "The OAuth state did not match: start the connection again");
  }
  const callback = new URL(redirectUri());
  callback.search = currentUrl.search;
  try {
    const response = await client.authorizationCodeGrant(oauthConfiguration(), callback, {
      expectedState,
      pkceCodeVerifier: codeVerifier,
    });
    const tokens = toTokenSet(response);
    if (!tokens.refreshToken) {
      throw new OAuthError("no_refresh_token", "Lever did not return a refresh token (was offline_access granted?)");
    }
    return { ...tokens, refreshToken: tokens.refreshToken };
  } catch (error) {
    mapError(error);
  }
}

/**
 * One refresh-token grant. Sends the refresh token exactly once: no retry here, because a token
 * Lever has already rotated must never be sent again (Auth0 may revoke the whole family).
 */
export async function refreshWithToken(refreshToken: string): Promise<LeverTokenSet> {
  try {
    return toTokenSet(await client.refreshTokenGrant(oauthConfiguration(), refreshToken));
  } catch (error) {
    mapError(error);
  }
}

export interface LeverClaims {
  accountId: string;
  userId: string | null;
}

/**
 * Reads which Lever account (and user) a token belongs to. The signature is not verified: the token
 * came straight from Lever's token endpoint over TLS in this same request, so it is trusted as
 * Lever's answer; it is never accepted from a browser or any other party.
 */
export function readLeverClaims(accessToken: string): LeverClaims {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw new OAuthError("invalid_token", "Lever's access token is not a JWT");
  }
  const accountId = claims["https://oauth.lever.co/accountId"];
  const userId = claims["https://oauth.lever.co/userId"];
  if (typeof accountId !== "string" || !accountId) {
    throw new OAuthError("invalid_token", "Lever's access token carries no accountId claim");
  }
  return { accountId, userId: typeof userId === "string" && userId ? userId : null };
}
