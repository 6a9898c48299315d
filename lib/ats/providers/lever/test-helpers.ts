import { randomBytes } from "node:crypto";
import { setupServer, type SetupServerApi } from "msw/node";
import { resetConfigForTests } from "@/lib/config";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createLeverSim, type LeverSim, type LeverSimOptions } from "@/tools/lever-sim/core";
import { leverSimHandlers } from "@/tools/lever-sim/msw";
import { buildAuthorizationUrl, createPkce, exchangeCode, readLeverClaims, redirectUri, type LeverTokenSet } from "./oauth";
import { sealTokenColumns } from "@/lib/ats/tokens";

/**
 * Test wiring for the Lever integration: the simulator behind msw (one source of truth for Lever's
 * behaviour), config pointed at it, and a migrated test database.
 */

export const SIM_URL = "http://lever-sim.test";

const ENV_KEYS = ["LEVER_ENV", "LEVER_SIM_URL", "ENCRYPTION_KEYS", "ENCRYPTION_KEY_ID", "AUTH_SECRET", "APP_URL", "LEVER_CONFIDENTIAL_ACCESS"] as const;

export function pointConfigAtSim(): () => void {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  process.env.LEVER_ENV = "simulator";
  process.env.LEVER_SIM_URL = SIM_URL;
  process.env.ENCRYPTION_KEYS = `test1:${randomBytes(32).toString("base64")}`;
  process.env.ENCRYPTION_KEY_ID = "test1";
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.APP_URL = "http://localhost:3000";
  process.env.LEVER_CONFIDENTIAL_ACCESS = "true";
  resetConfigForTests();
  return () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetConfigForTests();
  };
}

export interface LeverTestBed {
  sim: LeverSim;
  server: SetupServerApi;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function startLeverTestBed(options: LeverSimOptions & { database?: boolean } = {}): Promise<LeverTestBed> {
  const restoreEnv = pointConfigAtSim();
  const { database = true, ...simOptions } = options;
  const db = database ? await createTestDatabase() : (undefined as unknown as TestDatabase);
  const sim = createLeverSim({ baseUrl: SIM_URL, opportunitiesPerAccount: 120, ...simOptions });
  const server = setupServer(...leverSimHandlers(sim));
  server.listen({ onUnhandledRequest: "error" });
  return {
    sim,
    server,
    db,
    async close() {
      server.close();
      sim.dispose();
      await db?.close();
      restoreEnv();
    },
  };
}

/** A Super Admin of the sim account accepts the consent page; returns the callback URL Lever redirects to. */
export async function consent(sim: LeverSim, { accountIndex = 0, state = "state-1", codeChallenge }: { accountIndex?: number; state?: string; codeChallenge?: string } = {}): Promise<URL> {
  const account = sim.state().accounts[accountIndex];
  const admin = account?.users.find((u) => u.accessRole === "super admin" && !u.deactivatedAt);
  if (!admin) throw new Error("sim account has no super admin");
  const authorize = buildAuthorizationUrl({ state, codeChallenge });
  const form = new URLSearchParams(authorize.searchParams);
  form.set("user_id", admin.id);
  form.set("decision", "accept");
  const response = await fetch(`${sim.baseUrl}/authorize`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (!location) throw new Error(`consent failed: ${response.status}`);
  const url = new URL(location);
  if (!url.href.startsWith(redirectUri())) throw new Error(`unexpected redirect ${url.href}`);
  return url;
}

/** The whole OAuth dance against the sim: what the callback route will do. */
export async function authorizeWithSim(sim: LeverSim, accountIndex = 0): Promise<LeverTokenSet & { refreshToken: string }> {
  const pkce = await createPkce();
  const callback = await consent(sim, { accountIndex, state: "s", codeChallenge: pkce.codeChallenge });
  return exchangeCode({ currentUrl: callback, expectedState: "s", codeVerifier: pkce.codeVerifier });
}

/** An organization with an ACTIVE Lever connection holding `tokens` (encrypted). */
export async function createConnection(db: TestDatabase, tokens: LeverTokenSet & { refreshToken: string }): Promise<{ connectionId: string; organizationId: string }> {
  const { accountId } = readLeverClaims(tokens.accessToken);
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const organization = await db.prisma.organization.create({ data: { name: slug, slug } });
  const connection = await db.prisma.atsConnection.create({
    data: {
      organizationId: organization.id,
      environment: "SIMULATOR",
      externalAccountId: accountId,
      accountClaim: `simulator:${accountId}:${slug}`,
      ...sealTokenColumns(tokens),
    },
  });
  return { connectionId: connection.id, organizationId: organization.id };
}

/** Successful calls to the sim's token endpoint (authorization code and refresh together). */
export function tokenCalls(sim: LeverSim, status = "200"): number {
  return sim.state().requests["POST /oauth/token"]?.[status] ?? 0;
}

export function requestCount(sim: LeverSim, key: string, status: string): number {
  return sim.state().requests[key]?.[status] ?? 0;
}
