import { NextRequest } from "next/server";
import { leverTokenManager } from "@/lib/ats/providers/lever/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { POST as webhookRoute } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { config } from "@/lib/config";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { createPrisma, openDatabase, setRuntimeForTests } from "@/lib/db/client";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues, QUEUES } from "@/lib/jobs/definitions";

async function scrape(): Promise<string> {
  const res = await metricsRoute();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample, e.g. `screening_queue_jobs{queue="ats.webhook",state="created"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  let bed: LeverTestBed;
  let boss: PgBoss;
  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 5, rateLimit: false });
    boss = createBoss(bed.db.database, { schedule: false, supervise: false });
    await boss.start();
    await ensureQueues(boss);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    await bed.close();
  });

  it("reports queue depths and the age of the oldest waiting job", async () => {
    await boss.send(QUEUES.webhookDelivery.name, { deliveryId: "d1" });
    await boss.send(QUEUES.webhookDelivery.name, { deliveryId: "d2" });
    const text = await scrape();
    expect(sample(text, `screening_queue_jobs{queue="${QUEUES.webhookDelivery.name}",state="created"}`)).toBe(2);
    expect(sample(text, `screening_queue_oldest_waiting_seconds{queue="${QUEUES.webhookDelivery.name}"}`)).toBeGreaterThanOrEqual(0);
  });

  it("counts webhook deliveries by the status answered", async () => {
    const before = sample(await scrape(), `screening_webhook_deliveries_total{status="404"}`) ?? 0;
    const res = await webhookRoute(new NextRequest("http://localhost/api/webhooks/lever/nope", { method: "POST", body: JSON.stringify({ token: "t", triggeredAt: Date.now(), event: "applicationCreated", signature: "00", data: {} }) }), {
      params: Promise.resolve({ provider: "lever", connectionId: "nope" }),
    });
    expect(res.status).toBe(404);
    const text = await scrape();
    expect(sample(text, `screening_webhook_deliveries_total{status="404"}`)).toBe(before + 1);
    expect(sample(text, `screening_webhook_intake_seconds_count{status="404"}`)).toBeGreaterThanOrEqual(1);
  });

  it("counts Lever requests and Lever's 429s per connection", async () => {
    const { connectionId } = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    const tokens = leverTokenManager();
    const client = new LeverClient({
      apiBase: config().lever.apiBase,
      connectionId,
      retry: { retries: 8, minTimeoutMs: 10, maxTimeoutMs: 50, maxRetryTimeMs: 20_000 },
      tokens: { getAccessToken: () => tokens.getAccessToken(connectionId), refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale) },
    });
    // Lever refuses the first two requests with 429; the client retries them.
    bed.sim.setFaults({ status: 429, rate: 1, count: 2 });
    for (let i = 0; i < 5; i++) await client.stages();
    const text = await scrape();
    expect(sample(text, `screening_lever_requests_total{connection="${connectionId}",status="200"}`)).toBe(5);
    expect(sample(text, `screening_lever_requests_total{connection="${connectionId}",status="429"}`)).toBe(2);
  });

  it("answers 503 while the database does not answer", async () => {
    const down = await openDatabase({ kind: "postgres", url: "postgresql://screening:screening@127.0.0.1:1/screening", poolSize: 2 });
    setRuntimeForTests({ database: down, prisma: createPrisma(down) });
    try {
      const res = await metricsRoute();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
    } finally {
      setRuntimeForTests({ database: bed.db.database, prisma: bed.db.prisma });
      await down.close();
    }
  });
});
