import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { LeverEnvironment } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueue } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { audit } from "@/lib/organizations/service";
import { LeverClient } from "./client";
import { buildAuthorizationUrl, createPkce, exchangeCode, LeverOAuthError, readLeverClaims } from "./oauth";
import { sealTokenColumns } from "./tokens";

/**
 * Connecting an organization to a Lever account: the OAuth round trip, the one-account-one-organization
 * rule, and disconnecting. Routes call these; nothing here reads a request body for the organization.
 */

const STATE_TTL_MS = 10 * 60_000;

const ENVIRONMENTS: Record<ReturnType<typeof config>["lever"]["environment"], LeverEnvironment> = {
  simulator: "SIMULATOR",
  sandbox: "SANDBOX",
  production: "PRODUCTION",
};

export const currentEnvironment = (): LeverEnvironment => ENVIRONMENTS[config().lever.environment];

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

export class ConnectError extends AppError {
  constructor(message: string, status = 400) {
    super(status, "lever_connect", message);
  }
}

/** Takes the state out of the store (single use) after checking its signature, owner and age. */
async function consumeState(org: OrgContext, state: string | null) {
  const [nonce, mac] = (state ?? "").split(".");
  if (!nonce || !mac) throw new ConnectError("The Lever sign-in could not be verified. Start the connection again.");
  const expected = Buffer.from(stateMac(nonce, org.userId, org.organizationId));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ConnectError("The Lever sign-in was started by another user or organization. Start the connection again.");
  }
  const prisma = await db();
  const row = await prisma.oAuthState.findUnique({ where: { id: nonce } });
  // Single use: only the request that deletes the row may continue.
  const { count } = await prisma.oAuthState.deleteMany({ where: { id: nonce } });
  if (!row || count !== 1) throw new ConnectError("This Lever sign-in link was already used. Start the connection again.");
  if (row.expiresAt < new Date()) throw new ConnectError("The Lever sign-in took longer than 10 minutes. Start the connection again.");
  if (row.userId !== org.userId || row.organizationId !== org.organizationId) {
    throw new ConnectError("The Lever sign-in was started by another user or organization. Start the connection again.");
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
    const description = params.get("error_description")?.slice(0, 300);
    throw new ConnectError(
      oauthError === "access_denied"
        ? `Lever did not grant access${description ? `: ${description}` : ""}. Only a Lever Super Admin can connect the app; you can try again at any time.`
        : `Lever refused the connection (${oauthError.slice(0, 60)}). Try again.`,
    );
  }
  if (!params.get("code")) throw new ConnectError("Lever's answer had no authorization code. Start the connection again.");

  let tokens;
  try {
    tokens = await exchangeCode({ currentUrl: callbackUrl, expectedState: state, codeVerifier });
  } catch (error) {
    log.warn("Lever code exchange failed", { organizationId: org.organizationId, code: error instanceof LeverOAuthError ? error.code : "unknown" });
    throw new ConnectError("Lever did not accept the sign-in. Start the connection again.", 502);
  }
  const { accountId, userId: leverUserId } = readLeverClaims(tokens.accessToken);
  const environment = currentEnvironment();
  const accountClaim = `${environment}:${accountId}`;
  const prisma = await db();

  const claimed = await prisma.atsConnection.findUnique({ where: { accountClaim } });
  if (claimed && claimed.organizationId !== org.organizationId) {
    throw conflict("This Lever account is already connected to another organization. Disconnect it there first, or sign in to a different Lever account.");
  }
  const current = await prisma.atsConnection.findFirst({
    where: { organizationId: org.organizationId, status: { not: "DISCONNECTED" } },
  });
  if (current && current.accountClaim !== accountClaim) {
    throw conflict("Your organization is already connected to another Lever account. Disconnect it first.");
  }

  const sealed = sealTokenColumns(tokens);
  const data = {
    status: "ACTIVE" as const,
    statusReason: null,
    environment,
    leverAccountId: accountId,
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
          data: { ...data, tokenVersion: 0, organizationId: org.organizationId, actingLeverUserId: leverUserId },
        });
    connectionId = connection.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw conflict("This Lever account is already connected to another organization.");
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
        await client.deleteWebhook(hook.leverWebhookId);
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
