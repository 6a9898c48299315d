import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { AtsEnvironment } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueue } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { audit } from "@/lib/organizations/service";
import { LeverClient } from "./client";
import { CONNECT_ERRORS, type ConnectErrorCode } from "./connect-errors";
import { buildAuthorizationUrl, createPkce, exchangeCode, readLeverClaims } from "./oauth";
import { OAuthError, sealTokenColumns } from "@/lib/ats/tokens";

/**
 * Connecting an organization to a Lever account: the OAuth round trip, the one-account-one-organization
 * rule, and disconnecting. Routes call these; nothing here reads a request body for the organization.
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
export async function startConnect(org: OrgContext): Promise<URL> {
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

/** A refused connection; `reason` is what the redirect to Settings → ATS carries (see connect-errors). */
export class ConnectError extends AppError {
  constructor(
    readonly reason: ConnectErrorCode,
    status = 400,
  ) {
    super(status, "lever_connect", CONNECT_ERRORS[reason]);
  }
}

/** The code the redirect back to Settings → ATS carries for an error of the connect or callback route. */
export function connectErrorCode(error: unknown): ConnectErrorCode {
  if (error instanceof ConnectError) return error.reason;
  if (error instanceof AppError && error.status === 403) return error.code === "cross_site" ? "cross_site" : "not_admin";
  return "failed";
}

/** Takes the state out of the store (single use) after checking its signature, owner and age. */
async function consumeState(org: OrgContext, state: string | null) {
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
export async function completeConnect(org: OrgContext, callbackUrl: URL): Promise<{ connectionId: string }> {
  const params = callbackUrl.searchParams;
  const { state, codeVerifier } = await consumeState(org, params.get("state"));
  const oauthError = params.get("error");
  if (oauthError) {
    // Lever's error_description is not shown: it travels in the URL, where anyone can write it.
    log.info("Lever declined the connection", { organizationId: org.organizationId, error: oauthError.slice(0, 60) });
    throw new ConnectError(oauthError === "access_denied" ? "access_denied" : "lever_refused");
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
          data: { ...data, tokenVersion: 0, organizationId: org.organizationId, actingUserExternalId: leverUserId },
        });
    connectionId = connection.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ConnectError("account_taken", 409);
    }
    throw error;
  }
  await prisma.integrationSettings.upsert({
    where: { connectionId },
    update: {},
    create: { connectionId, organizationId: org.organizationId },
  });
  // Rejection reasons and stages are needed before anyone rejects or advances a candidate.
  await enqueue(QUEUES.leverSyncReference.name, { connectionId }, { singletonKey: connectionId });
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    connectionId,
    action: current ? "lever.reconnected" : "lever.connected",
    message: `${org.userEmail} connected Lever account ${accountId}`,
  });
  return { connectionId };
}

/** The organization's Lever connection (not disconnected), or null. */
export async function activeConnection(organizationId: string) {
  const prisma = await db();
  return prisma.atsConnection.findFirst({
    where: { organizationId, status: { not: "DISCONNECTED" } },
    include: { connectedBy: { select: { name: true, email: true } }, settings: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Removes the app's webhooks from Lever (best effort: Lever may already have revoked the app),
 * forgets the tokens and releases the Lever account. Imported jobs and candidates stay.
 */
export async function disconnect(org: OrgContext, connectionId: string): Promise<{ webhooksRemoved: number; webhookErrors: number }> {
  const prisma = await db();
  const connection = await prisma.atsConnection.findFirst({
    where: { id: connectionId, organizationId: org.organizationId, status: { not: "DISCONNECTED" } },
    include: { webhooks: true },
  });
  if (!connection) throw notFound("Lever connection not found");
  let webhooksRemoved = 0;
  let webhookErrors = 0;
  if (connection.webhooks.length && connection.status === "ACTIVE") {
    const client = LeverClient.forConnection(connection.id);
    for (const hook of connection.webhooks) {
      try {
        await client.deleteWebhook(hook.externalId);
        webhooksRemoved += 1;
      } catch (error) {
        webhookErrors += 1;
        log.warn("could not remove a Lever webhook while disconnecting", { connectionId, error });
      }
    }
  }
  await prisma.$transaction([
    prisma.webhookSubscription.deleteMany({ where: { connectionId: connection.id, organizationId: org.organizationId } }),
    prisma.atsConnection.update({
      where: { id: connection.id },
      data: {
        status: "DISCONNECTED",
        accountClaim: null,
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenKeyId: null,
        accessTokenExpiresAt: null,
        refreshLockUntil: null,
        disconnectedAt: new Date(),
        statusReason: `Disconnected by ${org.userEmail}`,
        tokenVersion: { increment: 1 },
      },
    }),
    prisma.auditLog.create({
      data: {
        organizationId: org.organizationId,
        actorUserId: org.userId,
        connectionId: connection.id,
        action: "lever.disconnected",
        message: `${org.userEmail} disconnected Lever`,
        details: { webhooksRemoved, webhookErrors },
      },
    }),
  ]);
  return { webhooksRemoved, webhookErrors };
}
