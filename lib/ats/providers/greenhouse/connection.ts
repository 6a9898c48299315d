import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ConnectError } from "@/lib/ats/connect-errors";
import type { ConnectingAdmin } from "@/lib/ats/provider";
import { OAuthError, sealTokenColumns } from "@/lib/ats/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { AtsEnvironment } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { buildAuthorizationUrl, exchangeCode, readGreenhouseClaims } from "./oauth";

/**
 * Connecting an organization to a Greenhouse account: the OAuth round trip and the one-account-one-
 * organization rule. The core calls these through the provider and does the rest.
 */

const STATE_TTL_MS = 10 * 60_000;

const ENVIRONMENTS: Record<ReturnType<typeof config>["greenhouse"]["environment"], AtsEnvironment> = {
  simulator: "SIMULATOR",
  production: "PRODUCTION",
};

export const currentEnvironment = (): AtsEnvironment => ENVIRONMENTS[config().greenhouse.environment];

/** The provider's name is in the MAC, so a state minted for another ATS cannot complete this callback. */
function stateMac(nonce: string, userId: string, organizationId: string): string {
  return createHmac("sha256", config().authSecret).update(`greenhouse-oauth:${nonce}:${userId}:${organizationId}`).digest("base64url");
}

export async function startConnect(org: ConnectingAdmin): Promise<URL> {
  const prisma = await db();
  const nonce = randomBytes(24).toString("base64url");
  await prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await prisma.oAuthState.create({
    data: { id: nonce, organizationId: org.organizationId, userId: org.userId, codeVerifier: null, expiresAt: new Date(Date.now() + STATE_TTL_MS) },
  });
  return buildAuthorizationUrl(`${nonce}.${stateMac(nonce, org.userId, org.organizationId)}`);
}

/** Takes the state out of the store (single use) after checking its signature, owner and age. */
async function consumeState(org: ConnectingAdmin, state: string | null): Promise<void> {
  const [nonce, mac] = (state ?? "").split(".");
  if (!nonce || !mac) throw new ConnectError("state_invalid");
  const expected = Buffer.from(stateMac(nonce, org.userId, org.organizationId));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ConnectError("state_other_user");
  const prisma = await db();
  const row = await prisma.oAuthState.findUnique({ where: { id: nonce } });
  // Single use: only the request that deletes the row may continue.
  const { count } = await prisma.oAuthState.deleteMany({ where: { id: nonce } });
  if (!row || count !== 1) throw new ConnectError("state_used");
  if (row.expiresAt < new Date()) throw new ConnectError("state_expired");
  if (row.userId !== org.userId || row.organizationId !== org.organizationId) throw new ConnectError("state_other_user");
}

export async function completeConnect(org: ConnectingAdmin, callbackUrl: URL): Promise<{ connectionId: string; reconnected: boolean; accountId: string }> {
  const params = callbackUrl.searchParams;
  await consumeState(org, params.get("state"));
  const oauthError = params.get("error");
  if (oauthError) {
    log.info("Greenhouse declined the connection", { organizationId: org.organizationId, error: oauthError.slice(0, 60) });
    throw new ConnectError(oauthError === "access_denied" ? "access_denied" : "ats_refused");
  }
  const code = params.get("code");
  if (!code) throw new ConnectError("no_code");

  let tokens;
  try {
    tokens = await exchangeCode(code);
  } catch (error) {
    log.warn("Greenhouse code exchange failed", { organizationId: org.organizationId, code: error instanceof OAuthError ? error.code : "unknown" });
    throw new ConnectError("exchange_failed", 502);
  }
  const { accountId, userId } = readGreenhouseClaims(tokens.accessToken);
  const environment = currentEnvironment();
  const accountClaim = `greenhouse:${environment}:${accountId}`;
  const prisma = await db();

  const claimed = await prisma.atsConnection.findUnique({ where: { accountClaim } });
  if (claimed && claimed.organizationId !== org.organizationId) throw new ConnectError("account_taken", 409);
  const current = await prisma.atsConnection.findFirst({ where: { organizationId: org.organizationId, status: { not: "DISCONNECTED" } } });
  if (current && current.accountClaim !== accountClaim) throw new ConnectError("other_account", 409);

  const data = {
    status: "ACTIVE" as const,
    statusReason: null,
    environment,
    externalAccountId: accountId,
    accountClaim,
    connectedById: org.userId,
    connectedAt: new Date(),
    disconnectedAt: null,
    ...sealTokenColumns(tokens),
    tokenVersion: { increment: 1 },
  };
  let connectionId: string;
  try {
    const connection = current
      ? await prisma.atsConnection.update({ where: { id: current.id }, data })
      : await prisma.atsConnection.create({
          data: { ...data, provider: "GREENHOUSE", tokenVersion: 0, organizationId: org.organizationId, actingUserExternalId: userId },
        });
    connectionId = connection.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConnectError("account_taken", 409);
    throw error;
  }
  return { connectionId, reconnected: Boolean(current), accountId };
}
