import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db as defaultDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { LeverInvalidGrantError, LeverOAuthError, refreshWithToken, type LeverTokenSet } from "./oauth";

/**
 * Lever tokens of one connection, stored encrypted on its AtsConnection row.
 *
 * Refresh tokens rotate on every use and must never be sent twice, and several processes (web,
 * workers) share one connection. So a refresh is single-flight across processes: the caller that
 * wins a lease (a conditional UPDATE on `refreshLockUntil` and `tokenVersion`) calls Lever and stores
 * the new pair while bumping `tokenVersion` in one UPDATE; everyone else polls the row until the
 * version moves and then uses the new access token.
 */

export interface AccessToken {
  accessToken: string;
  /** Pass back to `refreshAccessToken` when Lever rejects this token. */
  tokenVersion: number;
  expiresAt: Date | null;
}

/** The connection cannot be used until a Lever Super Admin authorizes the app again. */
export class ConnectionNeedsReconnectError extends AppError {
  override readonly name = "ConnectionNeedsReconnectError";
  constructor(
    readonly connectionId: string,
    readonly reason: string,
  ) {
    super(409, "lever_needs_reconnect", `The Lever connection must be reconnected by a Lever Super Admin: ${reason}`);
  }
}

/** A refresh did not complete (Lever unavailable, or another process's refresh failed); try again later. */
export class TokenRefreshError extends Error {
  override readonly name = "TokenRefreshError";
  constructor(
    readonly connectionId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenManagerOptions {
  db?: () => Promise<Prisma>;
  refresh?: (refreshToken: string) => Promise<LeverTokenSet>;
  now?: () => Date;
  /** Refresh when the access token expires within this window. */
  expiryMarginMs?: number;
  /** How long a refresh lease is held at most; longer than a token request can take. */
  leaseMs?: number;
  /** How often a caller waiting on another's refresh re-reads the row. */
  pollMs?: number;
  /** How long a caller waits for another's refresh before giving up. */
  maxWaitMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** Lever drops refresh tokens unused for 90 days; refresh well before that. */
export const IDLE_REFRESH_AFTER_MS = 60 * DAY_MS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TokenManager {
  private readonly db: () => Promise<Prisma>;
  private readonly refresh: (refreshToken: string) => Promise<LeverTokenSet>;
  private readonly now: () => Date;
  private readonly expiryMarginMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxWaitMs: number;

  constructor(options: TokenManagerOptions = {}) {
    this.db = options.db ?? defaultDb;
    this.refresh = options.refresh ?? refreshWithToken;
    this.now = options.now ?? (() => new Date());
    this.expiryMarginMs = options.expiryMarginMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? this.leaseMs + 5_000;
  }

  async getAccessToken(connectionId: string): Promise<AccessToken> {
    const row = await this.readRow(connectionId);
    if (!row.accessTokenEnc || !row.tokenKeyId) {
      throw new ConnectionNeedsReconnectError(connectionId, "no Lever token is stored for this connection");
    }
    const expiresAt = row.accessTokenExpiresAt;
    if (!expiresAt || expiresAt.getTime() - this.now().getTime() < this.expiryMarginMs) {
      return this.refreshAccessToken(connectionId, row.tokenVersion);
    }
    return { accessToken: openSecret(row.accessTokenEnc, row.tokenKeyId), tokenVersion: row.tokenVersion, expiresAt };
  }

  /**
   * Replaces the access token known as `staleVersion`. If another caller (in any process) already
   * did, returns its result without calling Lever.
   */
  async refreshAccessToken(connectionId: string, staleVersion: number): Promise<AccessToken> {
    const prisma = await this.db();
    const deadline = Date.now() + this.maxWaitMs;
    let sawOtherRefresh = false;
    for (;;) {
      const row = await this.readRow(connectionId);
      if (row.tokenVersion !== staleVersion) return this.current(connectionId);
      if (!sawOtherRefresh && (await this.takeLease(prisma, connectionId, staleVersion))) {
        return this.refreshHoldingLease(prisma, connectionId, staleVersion);
      }
      const lockHeld = row.refreshLockUntil !== null;
      if (sawOtherRefresh && !lockHeld) {
        // The other caller gave up without rotating. Its failure is ours: sending the same
        // refresh token again right away from every waiter could trip Auth0's reuse detection.
        throw new TokenRefreshError(connectionId, "Another process could not refresh the Lever token; try again later");
      }
      sawOtherRefresh = true;
      if (Date.now() > deadline) {
        throw new TokenRefreshError(connectionId, "Timed out waiting for another process to refresh the Lever token");
      }
      await sleep(this.pollMs);
    }
  }

  /**
   * Stores the tokens of a fresh authorization (the OAuth callback) on an existing connection row and
   * makes it ACTIVE again. Use `sealTokenColumns` to create the row with tokens in one statement.
   */
  async storeInitialTokens(connectionId: string, tokens: LeverTokenSet & { refreshToken: string }): Promise<void> {
    const prisma = await this.db();
    await prisma.atsConnection.update({
      where: { id: connectionId },
      data: {
        ...sealTokenColumns(tokens, this.now()),
        tokenVersion: { increment: 1 },
        status: "ACTIVE",
        statusReason: null,
      },
    });
  }

  /**
   * For the daily job: refreshes ACTIVE connections not refreshed for 60 days, so Lever's 90-day
   * idle expiry never hits a connection that is simply quiet.
   */
  async refreshIdleConnections(now: Date): Promise<{ checked: number; refreshed: number; needsReconnect: number; failed: number }> {
    const prisma = await this.db();
    const idle = await prisma.atsConnection.findMany({
      where: { status: "ACTIVE", refreshTokenEnc: { not: null }, refreshedAt: { lt: new Date(now.getTime() - IDLE_REFRESH_AFTER_MS) } },
      select: { id: true, tokenVersion: true },
    });
    const result = { checked: idle.length, refreshed: 0, needsReconnect: 0, failed: 0 };
    for (const connection of idle) {
      try {
        await this.refreshAccessToken(connection.id, connection.tokenVersion);
        result.refreshed++;
      } catch (error) {
        if (error instanceof ConnectionNeedsReconnectError) result.needsReconnect++;
        else {
          result.failed++;
          log.warn("idle Lever token refresh failed", { connectionId: connection.id, error });
        }
      }
    }
    return result;
  }

  private async readRow(connectionId: string) {
    const prisma = await this.db();
    const row = await prisma.atsConnection.findUnique({
      where: { id: connectionId },
      select: {
        status: true,
        statusReason: true,
        accessTokenEnc: true,
        tokenKeyId: true,
        accessTokenExpiresAt: true,
        tokenVersion: true,
        refreshLockUntil: true,
      },
    });
    if (!row) throw new ConnectionNeedsReconnectError(connectionId, "the connection no longer exists");
    if (row.status !== "ACTIVE") {
      throw new ConnectionNeedsReconnectError(connectionId, row.statusReason ?? `the connection is ${row.status.toLowerCase()}`);
    }
    return row;
  }

  private async current(connectionId: string): Promise<AccessToken> {
    const row = await this.readRow(connectionId);
    if (!row.accessTokenEnc || !row.tokenKeyId) {
      throw new ConnectionNeedsReconnectError(connectionId, "no Lever token is stored for this connection");
    }
    return { accessToken: openSecret(row.accessTokenEnc, row.tokenKeyId), tokenVersion: row.tokenVersion, expiresAt: row.accessTokenExpiresAt };
  }

  /** The database clock decides lease expiry, so processes with skewed clocks still agree. */
  private async takeLease(prisma: Prisma, connectionId: string, staleVersion: number): Promise<boolean> {
    const leaseSeconds = this.leaseMs / 1000;
    const taken = await prisma.$executeRaw`
      UPDATE "AtsConnection"
         SET "refreshLockUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseSeconds}::double precision)
       WHERE "id" = ${connectionId}
         AND "tokenVersion" = ${staleVersion}
         AND "status" = 'ACTIVE'
         AND ("refreshLockUntil" IS NULL OR "refreshLockUntil" < (now() AT TIME ZONE 'UTC'))`;
    return taken === 1;
  }

  private async releaseLease(prisma: Prisma, connectionId: string, staleVersion: number): Promise<void> {
    await prisma.atsConnection.updateMany({
      where: { id: connectionId, tokenVersion: staleVersion },
      data: { refreshLockUntil: null },
    });
  }

  private async refreshHoldingLease(prisma: Prisma, connectionId: string, staleVersion: number): Promise<AccessToken> {
    const row = await prisma.atsConnection.findUnique({
      where: { id: connectionId },
      select: { organizationId: true, refreshTokenEnc: true, tokenKeyId: true, tokenVersion: true },
    });
    if (!row || row.tokenVersion !== staleVersion || !row.refreshTokenEnc || !row.tokenKeyId) {
      await this.releaseLease(prisma, connectionId, staleVersion);
      throw new ConnectionNeedsReconnectError(connectionId, "no Lever refresh token is stored for this connection");
    }
    const refreshToken = openSecret(row.refreshTokenEnc, row.tokenKeyId);

    let tokens: LeverTokenSet;
    try {
      tokens = await this.refresh(refreshToken);
    } catch (error) {
      if (error instanceof LeverInvalidGrantError) {
        await this.markNeedsReconnect(prisma, connectionId, row.organizationId, staleVersion);
        throw new ConnectionNeedsReconnectError(connectionId, "Lever no longer accepts this connection's refresh token");
      }
      await this.releaseLease(prisma, connectionId, staleVersion);
      const detail = error instanceof LeverOAuthError ? `${error.code} (${error.status ?? "no response"})` : "unexpected error";
      log.warn("Lever token refresh failed", { connectionId, detail });
      throw new TokenRefreshError(connectionId, `Could not refresh the Lever token: ${detail}`);
    }

    const now = this.now();
    // A response without a refresh token keeps the stored one (re-sealed with the current key).
    const columns = sealTokenColumns({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken }, now);
    const stored = await prisma.atsConnection.updateMany({
      where: { id: connectionId, tokenVersion: staleVersion },
      data: { ...columns, tokenVersion: staleVersion + 1 },
    });
    if (stored.count !== 1) {
      // Only possible if our lease outlived leaseMs and someone else rotated meanwhile.
      log.error("Lever token refresh lost its lease before storing", { connectionId });
      return this.current(connectionId);
    }
    return { accessToken: tokens.accessToken, tokenVersion: staleVersion + 1, expiresAt: tokens.expiresAt };
  }

  private async markNeedsReconnect(prisma: Prisma, connectionId: string, organizationId: string, staleVersion: number): Promise<void> {
    const reason = "Lever refused the refresh token (invalid_grant): the app was revoked in Lever or the token expired. A Lever Super Admin must reconnect.";
    await prisma.$transaction([
      prisma.atsConnection.updateMany({
        where: { id: connectionId, tokenVersion: staleVersion },
        data: { status: "NEEDS_RECONNECT", statusReason: reason, refreshLockUntil: null },
      }),
      prisma.auditLog.create({
        data: {
          organizationId,
          connectionId,
          action: "lever.connection.needs_reconnect",
          level: "error",
          message: reason,
          details: { error: "invalid_grant" },
        },
      }),
    ]);
    log.warn("Lever connection needs reconnect", { connectionId, organizationId });
  }
}

/** Encrypted token columns of AtsConnection, for creating or updating a row. */
export function sealTokenColumns(tokens: LeverTokenSet & { refreshToken: string }, now: Date = new Date()) {
  const access = sealSecret(tokens.accessToken);
  const refresh = sealSecret(tokens.refreshToken);
  return {
    accessTokenEnc: access.ciphertext,
    refreshTokenEnc: refresh.ciphertext,
    // Both are sealed with the current key in the same call, so one key id describes the row.
    tokenKeyId: access.keyId,
    accessTokenExpiresAt: tokens.expiresAt,
    refreshedAt: now,
    refreshLockUntil: null,
    ...(tokens.scopes.length ? { scopes: tokens.scopes } : {}),
  };
}

const defaultManager = new TokenManager();

export const getAccessToken = (connectionId: string) => defaultManager.getAccessToken(connectionId);
export const refreshAccessToken = (connectionId: string, staleVersion: number) => defaultManager.refreshAccessToken(connectionId, staleVersion);
export const storeInitialTokens = (connectionId: string, tokens: LeverTokenSet & { refreshToken: string }) =>
  defaultManager.storeInitialTokens(connectionId, tokens);
export const refreshIdleConnections = (now: Date) => defaultManager.refreshIdleConnections(now);
