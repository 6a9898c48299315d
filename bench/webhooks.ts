/**
 * npm run bench:webhooks — Lever webhook intake against the production build (`next start`), on the
 * embedded PGlite and on PostgreSQL, compared in the same run with a trivial route of the same
 * server (GET /api/health: one `SELECT 1`).
 *
 * Two loads per route: full speed (autocannon, 10 connections, a fixed number of requests) for
 * throughput, and a steady 200 requests/s (an open-loop sender, see paced()) for the p99 aim.
 *
 * Every webhook request is a fresh, correctly signed Lever delivery (new `token`, current
 * `triggeredAt`, `signature` = hex HMAC-SHA256(signatureToken, token + triggeredAt)) for a real
 * connection and webhook subscription the bench creates in its own database. Afterwards the bench
 * counts WebhookDelivery rows and their pg-boss jobs per phase: both must equal the 2xx answers.
 *
 * The server runs with RUN_WORKER_IN_PROCESS=false, so the numbers are about intake (validate,
 * verify, record + enqueue in one transaction); the jobs stay queued and no Lever call happens.
 *
 *   npm run bench:webhooks [-- pglite|postgres]          default: both
 *   BENCH_REQUESTS=3000        requests per full-speed phase
 *   BENCH_CONNECTIONS=10       concurrent connections at full speed
 *   BENCH_RATE=200 BENCH_RATE_SECONDS=10   the steady-rate phase (the issue's p99 aim; see paced())
 *   BENCH_PORT=3900            port of the server under test
 *   BENCH_PG_URL=postgresql://screening:screening@127.0.0.1:5432/postgres   (or TEST_DATABASE_URL)
 *   BENCH_REBUILD=1            run `npm run build` even when .next/BUILD_ID exists
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   node flags for the server
 *
 * The app is the checkout the command runs in (`.next` is built when missing). The load generator
 * shares the machine with the server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonRequest, type AutocannonResult } from "autocannon";
import { Pool } from "pg";
import { resetConfigForTests, type Config } from "@/lib/config";
import { sealSecret } from "@/lib/crypto/secrets";
import { createPrisma, openDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { QUEUES } from "@/lib/jobs/definitions";
import { bossDb } from "@/lib/jobs/boss";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const REQUESTS = num("BENCH_REQUESTS", 3000);
const CONNECTIONS = num("BENCH_CONNECTIONS", 10);
const RATE = num("BENCH_RATE", 200);
const RATE_SECONDS = num("BENCH_RATE_SECONDS", 10);
const PORT = num("BENCH_PORT", 3900);
const WARMUP = 300;
const PG_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://screening:screening@127.0.0.1:5432/postgres";
const PG_BENCH_DB = "screening_bench";
const APP_DIR = process.cwd();
const BASE = `http://127.0.0.1:${PORT}`;

// Secrets shared by the bench (which seals the signature token) and the server (which opens it).
const SERVER_SECRETS = {
  ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  ENCRYPTION_KEY_ID: "bench",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
};

type Target = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };

interface Phase {
  label: string;
  route: "webhook" | "trivial";
  reqPerSec: number;
  p50: number;
  p99: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rate?: number;
  tokenPrefix?: string;
  rows?: number;
  jobs?: number;
}

interface DbResult {
  database: "pglite" | "postgres";
  phases: Phase[];
  ratio: number;
  fixedRateP99: number;
  verified: boolean;
  serverPeakRssMB: number | null;
}

// ---------- setup ----------

function configFor(target: Target): Config["database"] {
  return target.kind === "pglite" ? { kind: "pglite", dir: target.dir } : { kind: "postgres", url: target.url, poolSize: 2 };
}

/** Migrates the bench database and creates an organization, an ACTIVE connection and its applicationCreated subscription. */
async function seed(target: Target): Promise<{ connectionId: string; signatureToken: string }> {
  const database = await openDatabase(configFor(target));
  try {
    await applyMigrations(database.adapter);
    const prisma = createPrisma(database);
    const suffix = randomBytes(4).toString("hex");
    const org = await prisma.organization.create({ data: { name: "Webhook Bench", slug: `webhook-bench-${suffix}` } });
    const connection = await prisma.atsConnection.create({
      data: { organizationId: org.id, environment: "SIMULATOR", externalAccountId: `bench-${suffix}`, accountClaim: `SIMULATOR:bench-${suffix}`, status: "ACTIVE" },
    });
    const signatureToken = randomBytes(24).toString("hex");
    const sealed = sealSecret(signatureToken);
    await prisma.webhookSubscription.create({
      data: {
        organizationId: org.id,
        connectionId: connection.id,
        externalId: `bench-hook-${suffix}`,
        event: "applicationCreated",
        url: `${BASE}/api/webhooks/lever/${connection.id}`,
        signatureTokenEnc: sealed.ciphertext,
        tokenKeyId: sealed.keyId,
      },
    });
    await prisma.$disconnect();
    return { connectionId: connection.id, signatureToken };
  } finally {
    await database.close();
  }
}

async function count(database: Database, connectionId: string, prefix: string): Promise<{ rows: number; jobs: number }> {
  const sql = bossDb(database);
  const rows = await sql.executeSql(`SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE "connectionId" = $1 AND token LIKE $2`, [connectionId, `${prefix}%`]);
  const jobs = await sql.executeSql(
    `SELECT count(*)::int AS n FROM pgboss.job j JOIN "WebhookDelivery" d ON d.id = j.data->>'deliveryId'
      WHERE j.name = $1 AND d."connectionId" = $2 AND d.token LIKE $3`,
    [QUEUES.webhookDelivery.name, connectionId, `${prefix}%`],
  );
  return { rows: (rows.rows[0] as { n: number }).n, jobs: (jobs.rows[0] as { n: number }).n };
}

// ---------- the server under test ----------

interface Server {
  child: ChildProcess;
  logFile: string;
  peakRss(): number | null;
  stop(): Promise<void>;
}

function ensureBuild() {
  if (existsSync(path.join(APP_DIR, ".next", "BUILD_ID")) && !process.env.BENCH_REBUILD) return;
  console.log("Building the production bundle (npm run build)…");
  const r = spawnSync("npm", ["run", "build"], { cwd: APP_DIR, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("npm run build failed");
}

/** RSS of the process tree rooted at pid (next start may run the server in a child), from /proc. */
function treeRssBytes(pid: number): number | null {
  try {
    let total = 0;
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    for (const c of children) total += treeRssBytes(Number(c)) ?? 0;
    return total;
  } catch {
    return null;
  }
}

async function startServer(target: Target, dataDir: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...SERVER_SECRETS,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: BASE,
    DATA_DIR: dataDir,
    RUN_WORKER_IN_PROCESS: "false",
    LOG_LEVEL: "warn",
    LEVER_ENV: "simulator",
    // Nothing listens here: intake must not call Lever, and with the worker off nothing else does.
    LEVER_SIM_URL: "http://127.0.0.1:9",
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (target.kind === "pglite") env.PGLITE_DIR = target.dir;
  else env.DATABASE_URL = target.url;

  const logFile = path.join(dataDir, `server-${target.kind}.log`);
  const log = createWriteStream(logFile);
  const nextBin = path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next");
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  child.once("exit", () => (exited = true));

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(child.pid!) ?? 0)), 200);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up; see ${logFile}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not become healthy in 120 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    logFile,
    peakRss: () => (peak > 0 ? peak : null),
    async stop() {
      clearInterval(sampler);
      if (exited) return;
      const done = new Promise((r) => child.once("exit", r));
      // The server closes the queue and the database on SIGTERM (PGlite must be closed cleanly before the bench reopens it).
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => {
        if (!exited) process.kill(-child.pid!, "SIGKILL");
      }, 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

// ---------- load ----------

let sequence = 0;

/** A fresh applicationCreated delivery, signed as Lever signs it. */
function delivery(signatureToken: string, prefix: string): string {
  const token = `${prefix}${(sequence++).toString(36)}-${randomBytes(12).toString("hex")}`;
  const triggeredAt = Date.now();
  const signature = createHmac("sha256", signatureToken).update(token + String(triggeredAt)).digest("hex");
  return JSON.stringify({
    triggeredAt,
    event: "applicationCreated",
    id: randomUUID(),
    data: { applicationId: randomUUID(), opportunityId: randomUUID(), contactId: randomUUID() },
    token,
    signature,
  });
}

async function load(options: { route: Phase["route"]; label: string; amount: number; connections: number; connectionId: string; signatureToken: string; tokenPrefix?: string }): Promise<Phase> {
  const request: AutocannonRequest =
    options.route === "trivial"
      ? { method: "GET", path: "/api/health" }
      : {
          method: "POST",
          path: `/api/webhooks/lever/${options.connectionId}`,
          headers: { "content-type": "application/json" },
          setupRequest: (req) => ({ ...req, body: delivery(options.signatureToken, options.tokenPrefix!) }),
        };
  const started = performance.now();
  // `amount` (not a duration) so that every request sent is answered before the run ends: the rows
  // counted afterwards can then be compared with the 2xx answers exactly.
  const result: AutocannonResult = await autocannon({
    url: BASE,
    connections: options.connections,
    amount: options.amount,
    timeout: 30,
    requests: [request],
  });
  const seconds = (performance.now() - started) / 1000;
  const answered = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    label: options.label,
    route: options.route,
    reqPerSec: Math.round(answered / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    tokenPrefix: options.tokenPrefix,
  };
}

/**
 * A steady open-loop load: one request every 1000/rate ms, whatever the answers do, latency counted
 * from when each request was due (so a stalled server is not hidden by a stalled sender). autocannon's
 * own rate limit is not used for this: it lets each connection send its per-second quota back to back
 * at the start of every second, which measures bursts of `rate` requests, not `rate` per second.
 */
async function paced(options: { route: Phase["route"]; rate: number; seconds: number; connectionId: string; signatureToken: string; tokenPrefix?: string }): Promise<Phase> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let ok2xx = 0;
  let non2xx = 0;
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = options.route === "webhook" ? delivery(options.signatureToken, options.tokenPrefix!) : undefined;
      const req = http.request(
        {
          agent,
          host: "127.0.0.1",
          port: PORT,
          method: body ? "POST" : "GET",
          path: body ? `/api/webhooks/lever/${options.connectionId}` : "/api/health",
          headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {},
          timeout: 30_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (res.statusCode! >= 200 && res.statusCode! < 300) ok2xx++;
            else non2xx++;
            resolve();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (error: NodeJS.ErrnoException) => {
        errors++;
        const kind = error.code ?? error.message;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(due));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  // A request that fails at the socket (e.g. a reset keep-alive connection) is counted, not retried:
  // the row count afterwards shows whether the server recorded it anyway.
  if (errors) console.log(`  (${options.route} at ${options.rate}/s: socket errors ${JSON.stringify(errorKinds)})`);
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return {
    label: `${options.rate}/s`,
    route: options.route,
    reqPerSec: Math.round((ok2xx + non2xx) / seconds),
    p50: pct(0.5),
    p99: pct(0.99),
    ok2xx,
    non2xx,
    errors,
    timeouts: 0,
    rate: options.rate,
    tokenPrefix: options.tokenPrefix,
  };
}

async function benchDatabase(target: Target, dataDir: string): Promise<DbResult> {
  const name = target.kind;
  console.log(`\n=== ${name === "pglite" ? "PGlite (embedded)" : "PostgreSQL"} ===`);
  const { connectionId, signatureToken } = await seed(target);
  const server = await startServer(target, dataDir);
  console.log(`next start on ${BASE} (pid ${server.child.pid}), worker off; connection ${connectionId}; load average ${os.loadavg()[0]!.toFixed(2)}`);
  const common = { connectionId, signatureToken };
  const phases: Phase[] = [];
  try {
    // Warm-up: JIT, Prisma's query plans, the pools.
    await load({ ...common, route: "trivial", label: "warm-up", amount: WARMUP, connections: CONNECTIONS });
    phases.push(await load({ ...common, route: "webhook", label: "warm-up", amount: WARMUP, connections: CONNECTIONS, tokenPrefix: "warm-" }));
    const run = async (p: Promise<Phase>) => {
      const phase = await p;
      phases.push(phase);
      console.log(`  ${phase.route.padEnd(7)} ${phase.label.padEnd(12)} ${String(phase.reqPerSec).padStart(5)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  non-2xx ${phase.non2xx}  errors ${phase.errors}`);
    };
    await run(load({ ...common, route: "trivial", label: "full speed", amount: REQUESTS, connections: CONNECTIONS }));
    await run(load({ ...common, route: "webhook", label: "full speed", amount: REQUESTS, connections: CONNECTIONS, tokenPrefix: "max-" }));
    await run(paced({ ...common, route: "trivial", rate: RATE, seconds: RATE_SECONDS }));
    await run(paced({ ...common, route: "webhook", rate: RATE, seconds: RATE_SECONDS, tokenPrefix: "rate-" }));
  } finally {
    await server.stop();
  }

  // Count what was recorded (PGlite is reopened now that the server has closed it).
  const database = await openDatabase(configFor(target));
  let verified = true;
  try {
    for (const phase of phases.filter((p) => p.tokenPrefix)) {
      Object.assign(phase, await count(database, connectionId, phase.tokenPrefix!));
      if (phase.rows !== phase.ok2xx || phase.jobs !== phase.ok2xx) verified = false;
    }
  } finally {
    await database.close();
  }
  const find = (route: Phase["route"], label: string) => phases.find((p) => p.route === route && p.label === label)!;
  const peak = server.peakRss();
  return {
    database: name,
    phases,
    ratio: +(find("webhook", "full speed").reqPerSec / find("trivial", "full speed").reqPerSec).toFixed(2),
    fixedRateP99: find("webhook", `${RATE}/s`).p99,
    verified,
    serverPeakRssMB: peak === null ? null : Math.round(peak / 1024 / 1024),
  };
}

/** A fresh bench database on the PostgreSQL server, or null (with the reason printed) when there is none. */
async function postgresTarget(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new Pool({ connectionString: PG_URL, max: 1, connectionTimeoutMillis: 3000 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_BENCH_DB}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    console.log(`\nPostgreSQL not available at ${PG_URL.replace(/:[^:@/]*@/, ":***@")} (${(error as Error).message}): running on PGlite only.`);
    console.log("  Start it with `pg_ctlcluster 15 main start` and a `screening` role (see .ci/run), or set BENCH_PG_URL.");
    return null;
  }
  const url = new URL(PG_URL);
  url.pathname = `/${PG_BENCH_DB}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${PG_BENCH_DB} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => a === "pglite" || a === "postgres");
  const which = new Set(wanted.length ? wanted : ["pglite", "postgres"]);
  Object.assign(process.env, SERVER_SECRETS);
  resetConfigForTests();
  ensureBuild();

  console.log(
    `Webhook intake benchmark: ${os.cpus().length} CPUs, Node ${process.version}; autocannon in this process, the server in another.\n` +
      `Full speed (autocannon): ${REQUESTS} requests over ${CONNECTIONS} connections. Fixed rate: a steady ${RATE}/s for ${RATE_SECONDS} s, open loop, latency from when each request was due.\n` +
      "Every webhook request is a fresh, signed applicationCreated delivery. The in-process worker is off (RUN_WORKER_IN_PROCESS=false):\n" +
      "this measures intake only (validate, verify the signature, record the delivery and its job in one statement); jobs stay queued, no Lever call is made.\n" +
      "The trivial route is GET /api/health (one SELECT 1) on the same server.",
  );

  const results: DbResult[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-webhooks-"));
  try {
    if (which.has("pglite")) results.push(await benchDatabase({ kind: "pglite", dir: path.join(dataDir, "pglite") }, dataDir));
    if (which.has("postgres")) {
      const pg = await postgresTarget();
      if (pg) {
        try {
          results.push(await benchDatabase({ kind: "postgres", url: pg.url }, dataDir));
        } finally {
          await pg.drop();
        }
      }
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }

  console.log("\nWebhook intake vs the trivial route (same server, same run)");
  console.table(
    results.flatMap((r) =>
      r.phases
        .filter((p) => p.label !== "warm-up")
        .map((p) => ({
          database: r.database,
          route: p.route === "webhook" ? "POST webhook" : "GET /api/health",
          load: p.label,
          "req/s": p.reqPerSec,
          "p50 ms": p.p50,
          "p99 ms": p.p99,
          "non-2xx": p.non2xx,
          errors: p.errors + p.timeouts,
          "rows = 2xx": p.rows === undefined ? "" : `${p.rows}/${p.ok2xx}${p.jobs === p.ok2xx ? "" : ` (jobs ${p.jobs})`}`,
        })),
    ),
  );
  for (const r of results) {
    const aims = [`webhook/trivial throughput ${r.ratio} (aim ≥ 0.5: ${r.ratio >= 0.5 ? "met" : "MISSED"})`];
    if (r.database === "postgres") aims.push(`p99 at ${RATE}/s ${r.fixedRateP99} ms (aim < 50 ms: ${r.fixedRateP99 < 50 ? "met" : "MISSED"})`);
    else aims.push(`p99 at ${RATE}/s ${r.fixedRateP99} ms`);
    aims.push(r.verified ? "every 2xx recorded once with its job" : "ROWS OR JOBS DIFFER FROM 2xx ANSWERS");
    aims.push(`server peak RSS ${r.serverPeakRssMB ?? "?"} MB`);
    console.log(`${r.database}: ${aims.join("; ")}`);
  }
  console.log(`BENCH_RESULT ${JSON.stringify({ bench: "webhooks", results })}`);
  if (results.some((r) => !r.verified)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
