import { randomBytes } from "node:crypto";
import { setupServer, type SetupServerApi } from "msw/node";
import { sealTokenColumns } from "@/lib/ats/tokens";
import { resetConfigForTests } from "@/lib/config";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { createGreenhouseSim, type GreenhouseSim } from "@/tools/greenhouse-sim/core";
import type { GreenhouseSimOptions } from "@/tools/greenhouse-sim/context";
import { greenhouseSimHandlers } from "@/tools/greenhouse-sim/msw";
import { authorize } from "@/tools/greenhouse-sim/testing";
import { exchangeCode, readGreenhouseClaims } from "./oauth";

/** Test wiring for Greenhouse: the simulator behind msw, config pointed at it, and a migrated test database. */

export const SIM_URL = "http://greenhouse-sim.test";

const ENV_KEYS = ["GREENHOUSE_ENV", "GREENHOUSE_SIM_URL", "ENCRYPTION_KEYS", "ENCRYPTION_KEY_ID", "AUTH_SECRET", "APP_URL"] as const;

export function pointConfigAtSim(): () => void {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  process.env.GREENHOUSE_ENV = "simulator";
  process.env.GREENHOUSE_SIM_URL = SIM_URL;
  process.env.ENCRYPTION_KEYS = `test1:${randomBytes(32).toString("base64")}`;
  process.env.ENCRYPTION_KEY_ID = "test1";
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.APP_URL = "http://localhost:3000";
  resetConfigForTests();
  return () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetConfigForTests();
  };
}

export interface GreenhouseTestBed {
  sim: GreenhouseSim;
  server: SetupServerApi;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function startGreenhouseTestBed(options: GreenhouseSimOptions & { database?: boolean } = {}): Promise<GreenhouseTestBed> {
  const restoreEnv = pointConfigAtSim();
  const { database = true, ...simOptions } = options;
  const db = database ? await createTestDatabase() : (undefined as unknown as TestDatabase);
  const sim = createGreenhouseSim({ baseUrl: SIM_URL, applicationsPerAccount: 30, rateLimit: false, ...simOptions });
  const server = setupServer(...greenhouseSimHandlers(sim));
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

/** Consent as a Site Admin of the seeded account, then our own code exchange. */
export async function authorizeWithSim(sim: GreenhouseSim, account = 0) {
  return exchangeCode(await authorize(sim, { account }));
}

/** An organization with an ACTIVE Greenhouse connection holding `tokens` (encrypted). */
export async function createConnection(db: TestDatabase, tokens: Awaited<ReturnType<typeof authorizeWithSim>>) {
  const { accountId } = readGreenhouseClaims(tokens.accessToken);
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const organization = await db.prisma.organization.create({ data: { name: slug, slug } });
  const connection = await db.prisma.atsConnection.create({
    data: {
      organizationId: organization.id,
      provider: "GREENHOUSE",
      environment: "SIMULATOR",
      externalAccountId: accountId,
      accountClaim: `greenhouse:SIMULATOR:${accountId}:${slug}`,
      ...sealTokenColumns(tokens),
    },
  });
  return { connectionId: connection.id, organizationId: organization.id };
}
