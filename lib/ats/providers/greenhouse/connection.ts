import { ConnectError } from "@/lib/ats/connect-errors";
import { consumeOAuthState, mintOAuthState } from "@/lib/ats/oauth-state";
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

const ENVIRONMENTS: Record<ReturnType<typeof config>["greenhouse"]["environment"], AtsEnvironment> = {
  simulator: "SIMULATOR",
  production: "PRODUCTION",
};

export const currentEnvironment = (): AtsEnvironment => ENVIRONMENTS[config().greenhouse.environment];

export async function startConnect(org: ConnectingAdmin): Promise<URL> {
  return buildAuthorizationUrl(await mintOAuthState("greenhouse", org));
}

export async function completeConnect(org: ConnectingAdmin, callbackUrl: URL): Promise<{ connectionId: string; reconnected: boolean; accountId: string }> {
  const params = callbackUrl.searchParams;
  await consumeOAuthState("greenhouse", org, params.get("state"));
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
