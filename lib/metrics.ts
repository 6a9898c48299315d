import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { getRuntime } from "@/lib/db/client";

/**
 * Prometheus metrics of this process, served at /metrics. Counters and histograms are per process
 * (Prometheus adds them up across processes); queue depths and ages are read from the shared
 * database at each scrape, so every process reports the same figures for them. Labels carry
 * connection ids and queue names, never tokens or personal data.
 */
export interface Metrics {
  registry: Registry;
  webhookDeliveries: Counter<"status">;
  webhookIntakeSeconds: Histogram<"status">;
  leverRequests: Counter<"connection" | "status">;
  greenhouseRequests: Counter<"connection" | "status">;
}

const g = globalThis as unknown as { __screeningMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  const webhookDeliveries = new Counter({
    name: "screening_webhook_deliveries_total",
    help: "Webhook deliveries received from an ATS, by HTTP status answered",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  const webhookIntakeSeconds = new Histogram({
    name: "screening_webhook_intake_seconds",
    help: "Time to answer a webhook delivery (validate, verify, record and enqueue)",
    labelNames: ["status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const leverRequests = new Counter({
    name: "screening_lever_requests_total",
    help: "Requests sent to Lever's API, by connection and HTTP status (0: no answer)",
    labelNames: ["connection", "status"] as const,
    registers: [registry],
  });
  const greenhouseRequests = new Counter({
    name: "screening_greenhouse_requests_total",
    help: "Requests sent to Greenhouse (Harvest and résumé downloads), by connection and HTTP status (0: no answer)",
    labelNames: ["connection", "status"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "screening_queue_jobs",
    help: "Jobs in the queue by state (created: waiting, active: being worked, failed: gave up)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      const rows = await queueRows<{ queue: string; state: string; n: number }>(
        "SELECT name AS queue, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state",
      );
      this.reset();
      for (const r of rows) this.set({ queue: r.queue, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: "screening_queue_oldest_waiting_seconds",
    help: "Age of the oldest job waiting to be worked (created or waiting for a retry), per queue",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      const rows = await queueRows<{ queue: string; age: number }>(
        "SELECT name AS queue, EXTRACT(epoch FROM now() - min(created_on))::float8 AS age FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name",
      );
      this.reset();
      for (const r of rows) this.set({ queue: r.queue }, Math.max(0, Number(r.age)));
    },
  });
  new Gauge({
    name: "screening_import_runs",
    help: "Applicant import runs by status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await queueRows<{ status: string; n: number }>(`SELECT status::text AS status, count(*)::int AS n FROM "ImportRun" GROUP BY status`);
      this.reset();
      for (const r of rows) this.set({ status: r.status }, r.n);
    },
  });
  new Gauge({
    name: "screening_import_applicants_done",
    help: "Applicants processed by import runs that are queued or running",
    registers: [registry],
    async collect() {
      const [row] = await queueRows<{ n: number }>(`SELECT COALESCE(sum(done), 0)::int AS n FROM "ImportRun" WHERE status IN ('QUEUED', 'RUNNING')`);
      this.set(row?.n ?? 0);
    },
  });
  return { registry, webhookDeliveries, webhookIntakeSeconds, leverRequests, greenhouseRequests };
}

async function queueRows<T>(sql: string): Promise<T[]> {
  const { prisma } = await getRuntime();
  return prisma.$queryRawUnsafe<T[]>(sql);
}

export function metrics(): Metrics {
  return (g.__screeningMetrics ??= create());
}
