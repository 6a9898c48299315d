import { afterAll } from "vitest";
import { providerContract } from "@/tests/contract/ats-provider";
import { greenhouse } from "./index";
import { authorizeWithSim, createConnection, startGreenhouseTestBed, type GreenhouseTestBed } from "./test-helpers";

/** Greenhouse against its simulator: the contract every provider passes (docs/adding-an-ats.md). */
let bed: GreenhouseTestBed | undefined;
const delivered: Array<{ url: string; rawBody: string; headers: Headers }> = [];

afterAll(async () => {
  await bed?.close();
});

providerContract("Greenhouse", async () => {
  bed = await startGreenhouseTestBed({
    fetch: (async (url: string, init?: RequestInit) => {
      delivered.push({ url: String(url), rawBody: String(init?.body ?? ""), headers: new Headers(init?.headers) });
      return new Response("ok", { status: 200 });
    }) as typeof fetch,
  });
  const sim = bed.sim;
  const connection = await createConnection(bed.db, await authorizeWithSim(sim));
  const accountId = sim.state().accounts[0]!.id;
  return {
    provider: greenhouse,
    connection: { id: connection.connectionId, organizationId: connection.organizationId },
    addCandidate: async (jobExternalId, name) => {
      const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${delivered.length}.${Date.now()}@example.com`;
      return String((await sim.addApplication({ jobId: jobExternalId, name, email })).applicationId);
    },
    enableWebhooks: async () => {},
    // The Greenhouse admin's step: one web hook per event on the Dev Center page, all with the app's URL and secret.
    configureWebhooks: async (url, secret, events) => {
      for (const event of events) {
        const form = new URLSearchParams({ account_id: String(accountId), name: `Screening ${event}`, event, url, secret, error_email: "admin@example.com" });
        const response = await sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }));
        if (!response.ok) throw new Error(`web hook not saved: ${response.status}`);
      }
    },
    deliveries: (url) => delivered.filter((d) => d.url === url),
  };
});
