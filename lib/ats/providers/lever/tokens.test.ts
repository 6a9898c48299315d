import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { leverTokenManager } from "./tokens";
import { refreshWithToken } from "./oauth";
import { authorizeWithSim, createConnection, startLeverTestBed, tokenCalls, type LeverTestBed } from "./test-helpers";
import { ConnectionNeedsReconnectError } from "@/lib/ats/tokens";

let bed: LeverTestBed;
/** Every refresh token sent to the sim's token endpoint, in order. */
let sentRefreshTokens: string[] = [];

beforeAll(async () => {
  bed = await startLeverTestBed();
  bed.server.events.on("request:start", async ({ request }) => {
    if (!request.url.endsWith("/oauth/token")) return;
    const form = new URLSearchParams(await request.clone().text());
    const token = form.get("refresh_token");
    if (form.get("grant_type") === "refresh_token" && token) sentRefreshTokens.push(token);
  });
});
afterAll(() => bed?.close());
beforeEach(() => {
  bed.sim.reset();
  sentRefreshTokens = [];
});

const HOUR = 3600_000;

async function connected() {
  const tokens = await authorizeWithSim(bed.sim);
  const ids = await createConnection(bed.db, tokens);
  return { tokens, ...ids };
}

async function expireAccessToken(connectionId: string) {
  bed.sim.advanceClock(HOUR + 1000);
  await bed.db.prisma.atsConnection.update({ where: { id: connectionId }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
}

describe("TokenManager", () => {
  it("stores tokens encrypted: no row holds them in plaintext", async () => {
    const { tokens, connectionId } = await connected();
    await leverTokenManager().refreshAccessToken(connectionId, 0);
    const newest = sentRefreshTokens.length;
    expect(newest).toBe(1);
    const dump = JSON.stringify(await bed.db.prisma.$queryRawUnsafe(`SELECT * FROM "AtsConnection"`));
    const current = await leverTokenManager().getAccessToken(connectionId);
    for (const secret of [tokens.accessToken, tokens.refreshToken, current.accessToken]) {
      expect(dump).not.toContain(secret);
      // Nor a recognisable slice of it.
      expect(dump).not.toContain(secret.slice(10, 40));
    }
    expect(dump).toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  });

  it("returns the stored token while fresh and refreshes it within 60 s of expiry", async () => {
    const { tokens, connectionId } = await connected();
    const manager = leverTokenManager();
    const fresh = await manager.getAccessToken(connectionId);
    expect(fresh.accessToken).toBe(tokens.accessToken);
    expect(tokenCalls(bed.sim)).toBe(1);

    const later = leverTokenManager({ now: () => new Date(Date.now() + HOUR - 30_000) });
    const refreshed = await later.getAccessToken(connectionId);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.tokenVersion).toBe(fresh.tokenVersion + 1);
    expect(tokenCalls(bed.sim)).toBe(2);
    expect(sentRefreshTokens).toEqual([tokens.refreshToken]);

    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.refreshLockUntil).toBeNull();
    expect(row.refreshedAt).not.toBeNull();
  });

  it("ten concurrent callers (in separate managers, as separate processes) cause exactly one refresh", async () => {
    const { tokens, connectionId } = await connected();
    await expireAccessToken(connectionId);
    const before = tokenCalls(bed.sim);
    const managers = Array.from({ length: 10 }, () => leverTokenManager({ pollMs: 10 }));
    const results = await Promise.all(managers.map((m) => m.getAccessToken(connectionId)));
    expect(tokenCalls(bed.sim) - before).toBe(1);
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
    expect(results[0]!.accessToken).not.toBe(tokens.accessToken);
    expect(sentRefreshTokens).toEqual([tokens.refreshToken]);
  });

  it("never sends a refresh token twice across many rotations", async () => {
    const { connectionId } = await connected();
    const managers = Array.from({ length: 4 }, () => leverTokenManager({ pollMs: 5 }));
    for (let round = 0; round < 5; round++) {
      await expireAccessToken(connectionId);
      await Promise.all(managers.flatMap((m) => [m.getAccessToken(connectionId), m.getAccessToken(connectionId)]));
    }
    expect(sentRefreshTokens).toHaveLength(5);
    expect(new Set(sentRefreshTokens).size).toBe(5);
    expect(tokenCalls(bed.sim, "403")).toBe(0);
    // The chain is intact: the stored refresh token still works.
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.status).toBe("ACTIVE");
    expect(row.tokenVersion).toBe(5);
  });

  it("keeps the stored refresh token when a refresh response has none", async () => {
    const { tokens, connectionId } = await connected();
    const manager = leverTokenManager({ refresh: async (rt) => ({ ...(await refreshWithToken(rt)), refreshToken: null }) });
    const refreshed = await manager.refreshAccessToken(connectionId, 0);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    const { openSecret } = await import("@/lib/crypto/secrets");
    expect(openSecret(row.refreshTokenEnc!, row.tokenKeyId!)).toBe(tokens.refreshToken);
    expect(row.tokenVersion).toBe(1);
  });

  it("invalid_grant marks the connection NEEDS_RECONNECT and writes an audit row", async () => {
    const { connectionId, organizationId } = await connected();
    const row0 = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    bed.sim.revoke(row0.externalAccountId);
    await expireAccessToken(connectionId);

    const error = await leverTokenManager().getAccessToken(connectionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionNeedsReconnectError);
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.status).toBe("NEEDS_RECONNECT");
    expect(row.statusReason).toMatch(/invalid_grant/);
    expect(row.refreshLockUntil).toBeNull();
    const audit = await bed.db.prisma.auditLog.findMany({ where: { organizationId, connectionId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "connection.needs_reconnect", level: "error" });

    // Later callers fail fast without calling Lever again.
    const calls = sentRefreshTokens.length;
    await expect(leverTokenManager().getAccessToken(connectionId)).rejects.toBeInstanceOf(ConnectionNeedsReconnectError);
    expect(sentRefreshTokens.length).toBe(calls);
  });

  it("storeInitialTokens revives a connection after a reconnect", async () => {
    const { connectionId } = await connected();
    await bed.db.prisma.atsConnection.update({ where: { id: connectionId }, data: { status: "NEEDS_RECONNECT", statusReason: "x" } });
    const fresh = await authorizeWithSim(bed.sim);
    const manager = leverTokenManager();
    await manager.storeInitialTokens(connectionId, fresh);
    const token = await manager.getAccessToken(connectionId);
    expect(token.accessToken).toBe(fresh.accessToken);
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row).toMatchObject({ status: "ACTIVE", statusReason: null });
  });

  it("refreshIdleConnections refreshes connections idle for 60 days and leaves recent ones", async () => {
    const idle = await connected();
    const recent = await connected();
    const now = new Date();
    await bed.db.prisma.atsConnection.update({ where: { id: idle.connectionId }, data: { refreshedAt: new Date(now.getTime() - 61 * 24 * HOUR) } });
    await bed.db.prisma.atsConnection.update({ where: { id: recent.connectionId }, data: { refreshedAt: new Date(now.getTime() - 10 * 24 * HOUR) } });
    const result = await leverTokenManager().refreshIdleConnections(now);
    expect(result).toMatchObject({ refreshed: 1, needsReconnect: 0, failed: 0 });
    expect(sentRefreshTokens).toEqual([idle.tokens.refreshToken]);
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: idle.connectionId } });
    expect(row.refreshedAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });
});
