import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ConnectError } from "@/lib/ats/connect-errors";
import { consumeOAuthState, mintOAuthState } from "@/lib/ats/oauth-state";
import type { ConnectingAdmin } from "@/lib/ats/provider";
import { OAuthError, sealTokenColumns } from "@/lib/ats/tokens";
import type { AtsEnvironment } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { buildAuthorizationUrl, createPkce, exchangeCode, readLeverClaims } from "./oauth";

/**
 * Connecting an organization to a Lever account: the OAuth round trip and the one-account-one-
 * organization rule. The core (lib/connections) calls these through the provider and does the rest
 * (settings row, first sync, audit); nothing here reads a request body for the organization.
 */

const ENVIRONMENTS: Record<ReturnType<typeof config>["lever"]["environment"], AtsEnvironment> = {
  simulator: "SIMULATOR",
  sandbox: "SANDBOX",
  production: "PRODUCTION",
};

export const currentEnvironment = (): AtsEnvironment => ENVIRONMENTS[config().lever.environment];

/** Starts the OAuth round trip: a single-use state bound to this user and organization, and PKCE when enabled. */
export async function startConnect(org: ConnectingAdmin): Promise<URL> {
  const pkce = config().lever.usePkce ? await createPkce() : undefined;
  const state = await mintOAuthState("lever", org, pkce?.codeVerifier);
  return buildAuthorizationUrl({ state, codeChallenge: pkce?.codeChallenge });
}

/**
 * Completes the callback: verifies state, exchanges the code, reads the Lever account from the
 * token, refuses an account another organization holds, and stores the tokens encrypted.
 */
export async function completeConnect(org: ConnectingAdmin, callbackUrl: URL): Promise<{ connectionId: string; reconnected: boolean; accountId: string }> {
  const params = callbackUrl.searchParams;
  const { state, codeVerifier } = await consumeOAuthState("lever", org, params.get("state"));
  const oauthError = params.get("error");
  if (oauthError) {
    // Lever's error_description is not shown: it travels in the URL, where anyone can write it.
    log.info("Lever declined the connection", { organizationId: org.organizationId, error: oauthError.slice(0, 60) });
    throw new ConnectError(oauthError === "access_denied" ? "access_denied" : "ats_refused");
  }
  if (!params.get("code")) throw new ConnectError("no_code");

  let tokens;
  try {
    tokens = await exchangeCode({ currentUrl: callbackUrl, expectedState: state, codeVerifier });
  } catch (error) {
    log.warn("Lever code exchange failed", { organizationId: org.organizationId, code: error instanceof OAuthError ? error.code : "unknown" });
    throw new ConnectError("exchange_failed", 502);
  }
  const { accountId, userId: leverUserId } = readLeverClaims(tokens.accessToken);
  const environment = currentEnvironment();
  const accountClaim = `lever:${environment}:${accountId}`;
  const prisma = await db();

  const claimed = await prisma.atsConnection.findUnique({ where: { accountClaim } });
  if (claimed && claimed.organizationId !== org.organizationId) {
    throw new ConnectError("account_taken", 409);
  }
  const current = await prisma.atsConnection.findFirst({
    where: { organizationId: org.organizationId, status: { not: "DISCONNECTED" } },
  });
  if (current && current.accountClaim !== accountClaim) {
    throw new ConnectError("other_account", 409);
  }

  const sealed = sealTokenColumns(tokens);
  const data = {
    status: "ACTIVE" as const,
    statusReason: null,
    environment,
    externalAccountId: accountId,
    accountClaim,
    connectedById: org.userId,
    connectedAt: new Date(),
    disconnectedAt: null,
    ...sealed,
    tokenVersion: { increment: 1 },
  };
  let connectionId: string;
  try {
    const connection = current
      ? await prisma.atsConnection.update({ where: { id: current.id }, data })
      : await prisma.atsConnection.create({
          data: { ...data, provider: "LEVER", tokenVersion: 0, organizationId: org.organizationId, actingUserExternalId: leverUserId },
        });
    connectionId = connection.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConnectError("account_taken", 409);
    }
    throw error;
  }
  return { connectionId, reconnected: Boolean(current), accountId };
}
