import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { ConnectError } from "@/lib/ats/connect-errors";
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

const STATE_TTL_MS = 10 * 60_000;

const ENVIRONMENTS: Record<ReturnType<typeof config>["lever"]["environment"], AtsEnvironment> = {
  simulator: "SIMULATOR",
  sandbox: "SANDBOX",
  production: "PRODUCTION",
};

export const currentEnvironment = (): AtsEnvironment => ENVIRONMENTS[config().lever.environment];

function stateMac(nonce: string, userId: string, organizationId: string): string {
  return createHmac("sha256", config().authSecret).update(`lever-oauth:${nonce}:${userId}:${organizationId}`).digest("base64url");
}

/** Starts the OAuth round trip: a single-use state bound to this user and organization, and PKCE when enabled. */
export async function startConnect(org: ConnectingAdmin): Promise<URL> {
  const prisma = await db();
  const nonce = randomBytes(24).toString("base64url");
  const pkce = config().lever.usePkce ? await createPkce() : undefined;
  await prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await prisma.oAuthState.create({
    data: {
      id: nonce,
      organizationId: org.organizationId,
      userId: org.userId,
      codeVerifier: pkce ? sealedVerifier(pkce.codeVerifier) : null,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    },
  });
  return buildAuthorizationUrl({ state: `${nonce}.${stateMac(nonce, org.userId, org.organizationId)}`, codeChallenge: pkce?.codeChallenge });
}

function sealedVerifier(verifier: string): string {
  const { ciphertext, keyId } = sealSecret(verifier);
  return `${keyId}:${ciphertext}`;
}

function openVerifier(stored: string): string {
  const at = stored.indexOf(":");
  return openSecret(stored.slice(at + 1), stored.slice(0, at));
}

/** Takes the state out of the store (single use) after checking its signature, owner and age. */
async function consumeState(org: ConnectingAdmin, state: string | null) {
  const [nonce, mac] = (state ?? "").split(".");
  if (!nonce || !mac) throw new ConnectError("state_invalid");
  const expected = Buffer.from(stateMac(nonce, org.userId, org.organizationId));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ConnectError("state_other_user");
  }
  const prisma = await db();
  const row = await prisma.oAuthState.findUnique({ where: { id: nonce } });
  // Single use: only the request that deletes the row may continue.
  const { count } = await prisma.oAuthState.deleteMany({ where: { id: nonce } });
  if (!row || count !== 1) throw new ConnectError("state_used");
  if (row.expiresAt < new Date()) throw new ConnectError("state_expired");
  if (row.userId !== org.userId || row.organizationId !== org.organizationId) {
    throw new ConnectError("state_other_user");
  }
  return { nonce, state: state!, codeVerifier: row.codeVerifier ? openVerifier(row.codeVerifier) : undefined };
}

/**
 * Completes the callback: verifies state, exchanges the code, reads the Lever account from the
 * token, refuses an account another organization holds, and stores the tokens encrypted.
 */
export async function completeConnect(org: ConnectingAdmin, callbackUrl: URL): Promise<{ connectionId: string; reconnected: boolean; accountId: string }> {
  const params = callbackUrl.searchParams;
  const { state, codeVerifier } = await consumeState(org, params.get("state"));
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
