import { afterAll } from "vitest";
import { providerContract } from "@/tests/contract/ats-provider";
import { lever } from "./index";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "./test-helpers";

/** Lever against its simulator: the contract every provider passes (docs/adding-an-ats.md). */
let bed: LeverTestBed | undefined;
const delivered: Array<{ url: string; rawBody: string; headers: Headers }> = [];

afterAll(async () => {
  await bed?.close();
});

providerContract("Lever", async () => {
  bed = await startLeverTestBed({
    opportunitiesPerAccount: 20,
    fetch: (async (url: string, init?: RequestInit) => {
      delivered.push({ url, rawBody: String(init?.body ?? ""), headers: new Headers(init?.headers) });
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    }) as typeof fetch,
  });
  const connection = await createConnection(bed.db, await authorizeWithSim(bed.sim));
  const sim = bed.sim;
  return {
    provider: lever,
    connection: { id: connection.connectionId, organizationId: connection.organizationId },
    addCandidate: async (jobExternalId, name) => (await sim.addApplication({ postingId: jobExternalId, name })).opportunityId,
    enableWebhooks: async () => {
      for (const w of sim.state().webhooks) sim.enableWebhook(w.id);
    },
    deliveries: (url) => delivered.filter((d) => d.url === url),
  };
});
