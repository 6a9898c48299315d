import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectError } from "@/lib/ats/connect-errors";
import { InvalidGrantError, OAuthError } from "@/lib/ats/tokens";
import { resetConfigForTests } from "@/lib/config";
import { authorize } from "@/tools/greenhouse-sim/testing";
import { completeConnect, startConnect } from "./connection";
import { exchangeCode, readGreenhouseClaims, refreshWithToken } from "./oauth";
import { greenhouseTokenManager } from "./tokens";
import { authorizeWithSim, createConnection, SIM_URL, startGreenhouseTestBed, type GreenhouseTestBed } from "./test-helpers";

/** Partner OAuth against the simulator: state bound to the admin, code exchange, refresh rotation. */

let bed: GreenhouseTestBed;

beforeAll(async () => {
  bed = await startGreenhouseTestBed({ applicationsPerAccount: 3 });
});
afterAll(() => bed?.close());

async function organizationWithAdmin(slug: string) {
  const organization = await bed.db.prisma.organization.create({ data: { name: slug, slug } });
  const user = await bed.db.prisma.user.create({ data: { email: `${slug}@example.com`, name: slug } });
  return { organizationId: organization.id, userId: user.id };
}

/** The Site Admin of seeded account `account` allows the app on the consent page reached from `authorizeUrl`. */
async function consent(authorizeUrl: URL, account = 0): Promise<URL> {
  const admin = bed.sim.context.accounts[account]!.users.find((u) => u.site_admin && !u.disabled && !u.service_account)!;
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("user_id", String(admin.id));
  form.set("decision", "allow");
  const response = await bed.sim.handle(new Request(`${SIM_URL}/authorize`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }));
  return new URL(response.headers.get("location")!);
}

const reasonOf = (e: unknown) => (e instanceof ConnectError ? e.reason : e);

describe("Greenhouse OAuth", () => {
  it("connects: consent, state checked once, code exchanged, tokens stored sealed under greenhouse:<environment>:<account>", async () => {
    const admin = await organizationWithAdmin("gh-a");
    const url = await startConnect(admin);
    expect(url.origin + url.pathname).toBe(`${SIM_URL}/authorize`);
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/integrations/greenhouse/callback");
    expect(url.searchParams.get("client_id")).toBe("greenhouse-sim-client");
    const callback = await consent(url);
    const result = await completeConnect(admin, callback);
    const account = bed.sim.context.accounts[0]!;
    expect(result).toEqual({ connectionId: expect.any(String), reconnected: false, accountId: String(account.id) });
    const row = await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: result.connectionId } });
    expect(row).toMatchObject({ provider: "GREENHOUSE", status: "ACTIVE", environment: "SIMULATOR", accountClaim: `greenhouse:SIMULATOR:${account.id}` });
    expect(row.accessTokenEnc).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain(callback.searchParams.get("code")!);

    // The same callback again: the state was used up.
    expect(reasonOf(await completeConnect(admin, callback).catch((e: unknown) => e))).toBe("state_used");
  });

  it("refuses a state minted for another admin, a forged one, and an account another organization holds", async () => {
    const a = await organizationWithAdmin("gh-b");
    const b = await organizationWithAdmin("gh-c");
    const callback = await consent(await startConnect(a));
    expect(reasonOf(await completeConnect(b, callback).catch((e: unknown) => e))).toBe("state_other_user");
    const colleague = await bed.db.prisma.user.create({ data: { email: "gh-b2@example.com", name: "gh-b2" } });
    expect(reasonOf(await completeConnect({ organizationId: a.organizationId, userId: colleague.id }, callback).catch((e: unknown) => e))).toBe("state_other_user");
    const forged = new URL(callback);
    forged.searchParams.set("state", `${callback.searchParams.get("state")!.split(".")[0]}.AAAA`);
    expect(reasonOf(await completeConnect(a, forged).catch((e: unknown) => e))).toBe("state_other_user");
    // Account 0 belongs to the organization of the first test.
    expect(reasonOf(await completeConnect(a, callback).catch((e: unknown) => e))).toBe("account_taken");
  });

  it("refuses an organization already connected to Lever (one ATS at a time) and stores nothing for Greenhouse", async () => {
    const admin = await organizationWithAdmin("gh-on-lever");
    await bed.db.prisma.atsConnection.create({
      data: { organizationId: admin.organizationId, provider: "LEVER", environment: "SIMULATOR", externalAccountId: "lever-acct", accountClaim: "lever:SIMULATOR:gh-on-lever" },
    });
    const callback = await consent(await startConnect(admin), 1);
    expect(reasonOf(await completeConnect(admin, callback).catch((e: unknown) => e))).toBe("other_account");
    const rows = await bed.db.prisma.atsConnection.findMany({ where: { organizationId: admin.organizationId } });
    expect(rows.map((r) => r.provider)).toEqual(["LEVER"]);
  });

  it("exchanges a code once; a second use, or a wrong client secret, is refused", async () => {
    const code = await authorize(bed.sim, { account: 1 });
    const tokens = await exchangeCode(code);
    expect(readGreenhouseClaims(tokens.accessToken).accountId).toBe(String(bed.sim.context.accounts[1]!.id));
    expect(await exchangeCode(code).catch((e: unknown) => e)).toBeInstanceOf(InvalidGrantError);

    process.env.GREENHOUSE_CLIENT_SECRET = "wrong";
    resetConfigForTests();
    try {
      const refused = await exchangeCode(await authorize(bed.sim, { account: 1 })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OAuthError);
      expect((refused as OAuthError).code).toBe("invalid_client");
    } finally {
      delete process.env.GREENHOUSE_CLIENT_SECRET;
      resetConfigForTests();
    }
  });

  it("refreshes with rotation: the stored pair is replaced and the old refresh token is dead", async () => {
    const admin = await organizationWithAdmin("gh-d");
    const { connectionId } = await completeConnect(admin, await consent(await startConnect(admin), 1));
    const manager = greenhouseTokenManager();
    const before = await manager.getAccessToken(connectionId);
    bed.sim.advanceClock(1000);
    const after = await manager.refreshAccessToken(connectionId, before.tokenVersion);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.tokenVersion).toBeGreaterThan(before.tokenVersion);
    expect(bed.sim.state().requests["POST /token"]?.["200"]).toBeGreaterThanOrEqual(2);

    const code = await authorize(bed.sim, { account: 1 });
    const fresh = await exchangeCode(code);
    const rotated = await refreshWithToken(fresh.refreshToken);
    expect(rotated.refreshToken).toBeTruthy();
    expect(rotated.refreshToken).not.toBe(fresh.refreshToken);
    expect(await refreshWithToken(fresh.refreshToken).catch((e: unknown) => e)).toBeInstanceOf(InvalidGrantError);
  });

  it("keeps a quiet connection's 24-hour refresh token alive: refreshed once idle 12 hours, not before", async () => {
    const { connectionId } = await createConnection(bed.db, await authorizeWithSim(bed.sim, 1));
    const version = async () => (await bed.db.prisma.atsConnection.findUniqueOrThrow({ where: { id: connectionId } })).tokenVersion;
    const start = await version();
    await greenhouseTokenManager().refreshIdleConnections(new Date(Date.now() + 11 * 3600_000));
    expect(await version()).toBe(start);
    const result = await greenhouseTokenManager().refreshIdleConnections(new Date(Date.now() + 13 * 3600_000));
    expect(result.refreshed).toBeGreaterThanOrEqual(1);
    expect(result.needsReconnect).toBe(0);
    expect(await version()).toBeGreaterThan(start);
  });
});
