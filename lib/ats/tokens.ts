import { audit } from "@/lib/audit";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db as defaultDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ProviderColumn } from "./provider";

/**
 * OAuth tokens of one ATS connection, stored encrypted on its AtsConnection row. The provider hands
 * in how a refresh token is exchanged; everything else (storage, lease, single flight) is here.
 *
 * Refresh tokens may rotate on every use and must never be sent twice (Lever's do), and several
 * processes (web, workers) share one connection. So a refresh is single-flight across processes: the
 * caller that wins a lease (a conditional UPDATE on `refreshLockUntil` and `tokenVersion`) calls the
 * ATS and stores the new pair while bumping `tokenVersion` in one UPDATE; everyone else polls the row
 * until the version moves and then uses the new access token.
 */

export interface TokenSet {
  accessToken: string;
  /** Null when the token endpoint sent none: keep the one already stored. */
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
}

/** An OAuth failure. `code` is the OAuth error (`access_denied`, `invalid_grant`, …) or one of ours. */
export class OAuthError extends Error {
  override readonly name: string = "OAuthError";
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status of the token endpoint when it answered; undefined for transport failures. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth trying again later (the ATS unavailable or the request never completed). */
  get transient(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }
}

/** The refresh token (or code) is no longer valid: the connection must be authorized again. */
export class InvalidGrantError extends OAuthError {
  override readonly name = "InvalidGrantError";
  constructor(message: string, status?: number) {
    super("invalid_grant", message, status);
  }
}

export interface AccessToken {
  accessToken: string;
  /** Pass back to `refreshAccessToken` when the ATS rejects this token. */
  tokenVersion: number;
  expiresAt: Date | null;
}

/** The connection cannot be used until an admin of the ATS authorizes the app again. */
export class ConnectionNeedsReconnectError extends AppError {
  override readonly name = "ConnectionNeedsReconnectError";
  constructor(
    readonly connectionId: string,
    readonly reason: string,
  ) {
    super(409, "needs_reconnect", `The ATS connection must be reconnected by an admin: ${reason}`);
  }
}

/** A refresh did not complete (the ATS unavailable, or another process's refresh failed); try again later. */
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
  /** Exchanges a refresh token at the provider's token endpoint. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** The provider whose connections this manager serves (the idle refresh walks only those). */
  provider: ProviderColumn;
  /** "Lever": for messages and the activity log. */
  label: string;
  /** How many days of disuse the provider allows a refresh token; the idle refresh acts well before. */
  idleRefreshAfterMs?: number;
  db?: () => Promise<Prisma>;
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
/** Lever drops refresh tokens unused for 90 days; by default refresh well before that. */
export const IDLE_REFRESH_AFTER_MS = 60 * DAY_MS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TokenManager {
  private readonly db: () => Promise<Prisma>;
  private readonly refresh: (refreshToken: string) => Promise<TokenSet>;
  private readonly provider: ProviderColumn;
  private readonly label: string;
  private readonly idleRefreshAfterMs: number;
  private readonly now: () => Date;
  private readonly expiryMarginMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxWaitMs: number;

  constructor(options: TokenManagerOptions) {
    this.db = options.db ?? defaultDb;
    this.refresh = options.refresh;
    this.provider = options.provider;
    this.label = options.label;
    this.idleRefreshAfterMs = options.idleRefreshAfterMs ?? IDLE_REFRESH_AFTER_MS;
    this.now = options.now ?? (() => new Date());
    this.expiryMarginMs = options.expiryMarginMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? this.leaseMs + 5_000;
  }

  async getAccessToken(connectionId: string): Promise<AccessToken> {
    const row = await this.readRow(connectionId);
    if (!row.accessTokenEnc || !row.tokenKeyId) {
      throw new ConnectionNeedsReconnectError(connectionId, `no ${this.label} token is stored for this connection`);
    }
    const expiresAt = row.accessTokenExpiresAt;
    if (!expiresAt || expiresAt.getTime() - this.now().getTime() < this.expiryMarginMs) {
      return this.refreshAccessToken(connectionId, row.tokenVersion);
    }
    return { accessToken: openSecret(row.accessTokenEnc, row.tokenKeyId), tokenVersion: row.tokenVersion, expiresAt };
  }

  /**
   * Replaces the access token known as `staleVersion`. If another caller (in any process) already
   * did, returns its result without calling the ATS.
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
        throw new TokenRefreshError(connectionId, `Another process could not refresh the ${this.label} token; try again later`);
      }
      sawOtherRefresh = true;
      if (Date.now() > deadline) {
        throw new TokenRefreshError(connectionId, `Timed out waiting for another process to refresh the ${this.label} token`);
      }
      await sleep(this.pollMs);
    }
  }

  /**
   * Stores the tokens of a fresh authorization (the OAuth callback) on an existing connection row and
   * makes it ACTIVE again. Use `sealTokenColumns` to create the row with tokens in one statement.
   */
  async storeInitialTokens(connectionId: string, tokens: TokenSet & { refreshToken: string }): Promise<void> {
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
   * For the daily job: refreshes this provider's ACTIVE connections not refreshed for a while, so the
   * ATS's idle expiry of refresh tokens (Lever: 90 days) never hits a connection that is simply quiet.
   */
  async refreshIdleConnections(now: Date): Promise<{ checked: number; refreshed: number; needsReconnect: number; failed: number }> {
    const prisma = await this.db();
    const idle = await prisma.atsConnection.findMany({
      where: { provider: this.provider, status: "ACTIVE", refreshTokenEnc: { not: null }, refreshedAt: { lt: new Date(now.getTime() - this.idleRefreshAfterMs) } },
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
          log.warn("idle token refresh failed", { connectionId: connection.id, error });
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
      throw new ConnectionNeedsReconnectError(connectionId, `no ${this.label} token is stored for this connection`);
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
      throw new ConnectionNeedsReconnectError(connectionId, `no ${this.label} refresh token is stored for this connection`);
    }
    const refreshToken = openSecret(row.refreshTokenEnc, row.tokenKeyId);

    let tokens: TokenSet;
    try {
      tokens = await this.refresh(refreshToken);
    } catch (error) {
      if (error instanceof InvalidGrantError) {
        await this.markNeedsReconnect(prisma, connectionId, row.organizationId, staleVersion);
        throw new ConnectionNeedsReconnectError(connectionId, `${this.label} no longer accepts this connection's refresh token`);
      }
      await this.releaseLease(prisma, connectionId, staleVersion);
      const detail = error instanceof OAuthError ? `${error.code} (${error.status ?? "no response"})` : "unexpected error";
      log.warn("token refresh failed", { connectionId, provider: this.label, detail });
      throw new TokenRefreshError(connectionId, `Could not refresh the ${this.label} token: ${detail}`);
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
      log.error("token refresh lost its lease before storing", { connectionId });
      return this.current(connectionId);
    }
    return { accessToken: tokens.accessToken, tokenVersion: staleVersion + 1, expiresAt: tokens.expiresAt };
  }

  private async markNeedsReconnect(prisma: Prisma, connectionId: string, organizationId: string, staleVersion: number): Promise<void> {
    const label = this.label;
    const reason = `${label} refused the refresh token (invalid_grant): the app was revoked in ${label} or the token expired. An admin must reconnect ${label}.`;
    await prisma.$transaction(async (tx) => {
      await tx.atsConnection.updateMany({
        where: { id: connectionId, tokenVersion: staleVersion },
        data: { status: "NEEDS_RECONNECT", statusReason: reason, refreshLockUntil: null },
      });
      await audit(tx, { organizationId, connectionId, action: "connection.needs_reconnect", level: "error", message: reason, details: { error: "invalid_grant" } });
    });
    log.warn("ATS connection needs reconnect", { connectionId, organizationId });
  }
}

/** Encrypted token columns of AtsConnection, for creating or updating a row. */
export function sealTokenColumns(tokens: TokenSet & { refreshToken: string }, now: Date = new Date()) {
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
