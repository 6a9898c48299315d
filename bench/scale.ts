/**
 * npm run bench:scale — the deployment of the README under faults, as one script: N web processes
 * (`next start`, production build) behind a round-robin proxy and M `npm run worker` processes on one
 * PostgreSQL, the Lever simulator (its rate limit on, 429/503 faults injected) in a child process.
 * A recruiter's manual import runs while applications arrive by webhook at a steady rate; in the
 * middle a worker and a web process are killed (SIGKILL; a supervisor restarts them) and PostgreSQL
 * is restarted. Then it prints the invariants as PASS/FAIL with their numbers, and the figures:
 * peak RSS per process, webhook lag (application created in the simulator → candidate row exists),
 * import rate. Exit code 1 when an invariant fails.
 *
 *   npm run bench:scale [-- flags]          every flag also reads SCALE_<NAME> (e.g. SCALE_WORKERS=3)
 *   --short                 the CI version: fewer applicants, 1 application/s, no database restart
 *   --pg-url URL            server to create the bench database on (default TEST_DATABASE_URL, else
 *                           postgresql://screening:screening@127.0.0.1:5432/postgres); the database
 *                           `screening_scale` is dropped and created
 *   --web 2 --workers 2     process counts
 *   --web-port 3203         first web port (the others follow); --sim-port 4203
 *   --opportunities 2000    opportunities the simulator generates for the account
 *   --import 600            applicants on the posting imported by hand
 *   --webhooks 300 --rate 2.5   applications sent by webhook, per second
 *   --faults 0.1            share of Lever API calls answered 429 or 503 (half each) by injection
 *   --allow-429 3           Lever rate-limit 429s (not injected ones) tolerated over the run
 *   --kills / --no-kills    kill a worker and a web process mid-run (default on)
 *   --kill-during screening.run   hold the worker kill until a job of that queue is active (either worker's)
 *   --db-restart / --no-db-restart   restart PostgreSQL mid-run (default on, off with --short)
 *   --db-restart-cmd "pg_ctlcluster 15 main restart"   how (run through sh; needs the rights to)
 *   --stranded-bound 120    seconds within which a job stranded by a fault must be done (180 with --short)
 *   --per-queue-bound       allow each stranded job its queue's expiry + 90 s if longer (on with --short)
 *   --settle 600            seconds to wait, after the last application, for everything to finish
 *   --rebuild               run `npm run build` even when .next/BUILD_ID exists
 *
 * The machine is shared with the load: the figures depend on it, the invariants must not. Logs of
 * every process go to a temporary directory named at the start.
 */
import { execSync, fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "pg";
import { NODE_MEMORY_FLAGS } from "../scripts/memory-flags.mjs";

// ---------- parameters ----------

const argv = process.argv.slice(2);
const SHORT = argv.includes("--short") || process.env.SCALE_SHORT === "1";

function flag(name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  if (at >= 0 && argv[at + 1] !== undefined && !argv[at + 1]!.startsWith("--")) return argv[at + 1]!;
  const env = process.env[`SCALE_${name.toUpperCase().replace(/-/g, "_")}`];
  return env !== undefined && env !== "" ? env : fallback;
}
function num(name: string, fallback: number): number {
  const raw = flag(name, String(fallback));
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`bench:scale: --${name} must be a non-negative number (got "${raw}")`);
    process.exit(2);
  }
  return n;
}
function onOff(name: string, fallback: boolean): boolean {
  if (argv.includes(`--${name}`)) return true;
  if (argv.includes(`--no-${name}`)) return false;
  const env = process.env[`SCALE_${name.toUpperCase().replace(/-/g, "_")}`];
  return env === undefined || env === "" ? fallback : env === "1" || env === "true";
}

const P = {
  pgUrl: flag("pg-url", process.env.TEST_DATABASE_URL ?? "postgresql://screening:screening@127.0.0.1:5432/postgres"),
  web: num("web", 2),
  workers: num("workers", 2),
  webPort: num("web-port", 3203),
  simPort: num("sim-port", 4203),
  opportunities: num("opportunities", SHORT ? 300 : 2000),
  importApplicants: num("import", SHORT ? 120 : 600),
  webhooks: num("webhooks", SHORT ? 60 : 300),
  rate: num("rate", SHORT ? 1 : 2.5),
  faults: num("faults", 0.1),
  allow429: num("allow-429", 3),
  kills: onOff("kills", true),
  killDuring: flag("kill-during", ""),
  dbRestart: onOff("db-restart", !SHORT),
  dbRestartCmd: flag("db-restart-cmd", "pg_ctlcluster 15 main restart"),
  settleSeconds: num("settle", SHORT ? 420 : 600),
  rebuild: argv.includes("--rebuild") || process.env.SCALE_REBUILD === "1",
};
/**
 * A job stranded by a fault must be done within this long after it: two minutes (a webhook's expiry,
 * 90 s, then the next maintenance pass and the retry's delay). The short version allows a minute more, so a slow shared CI
 * machine does not turn that sum into a failure.
 */
const STRANDED_BOUND_MS = num("stranded-bound", SHORT ? 180 : 120) * 1000;
/**
 * Screening jobs are leased (30 s, renewed while their worker lives), so a killed worker's are retried
 * within the 2-minute bound like a webhook's. Reconcile passes and reference syncs still expire after
 * 5–10 minutes, over that bound: the short version, which must not fail at random on which job a kill
 * catches, holds each job to its own queue's expiry plus 90 s when longer (still failing on a job
 * never retried). For a leased job that is the expiry of its last attempt, well under the bound.
 */
const PER_QUEUE_BOUND = onOff("per-queue-bound", SHORT);
const BENCH_DB = "screening_scale";
const APP_DIR = process.cwd();

// ---------- the simulator child ----------

interface SimSummary {
  requests: number;
  rateLimited429: number;
  injected: Record<string, number>;
  deliveries: Array<{ token: string; event: string; statuses: number[]; pending: boolean }>;
  notesByOpportunity: Record<string, number>;
}

/**
 * The Lever simulator in its own process (its memory and CPU are not the app's), with Lever's rate
 * limit (10/s, bursts of 20) and shortened webhook retry gaps so a delivery refused during a fault is
 * retried within the run. Injected 429s are counted apart from the rate limit's own.
 */
async function simChild() {
  const { startLeverSim } = await import("@/tools/lever-sim/server");
  const { DEFAULT_CLIENT } = await import("@/tools/lever-sim/context");
  const port = Number(process.env.SCALE_CHILD_PORT);
  const running = await startLeverSim({
    port,
    opportunitiesPerAccount: Number(process.env.SCALE_CHILD_OPPORTUNITIES),
    rateLimit: { ratePerSec: 10, burst: 20 },
    webhookRetryDelaysMs: [2_000, 5_000, 15_000, 30_000, 60_000],
    clients: [{ ...DEFAULT_CLIENT, redirectUris: [process.env.SCALE_CHILD_REDIRECT!] }],
  });
  const { sim } = running;
  const account = sim.context.world.accounts[0]!;
  const published = account.postings.filter((p) => p.state === "published");
  const [importPosting, webhookPosting] = [published[0]!, published[1]!];
  const onPosting = (postingId: string) => account.opportunities.filter((o) => !o.archived && o.applications.some((a) => a.postingId === postingId));
  const want = Number(process.env.SCALE_CHILD_IMPORT);
  for (let i = onPosting(importPosting.id).length; i < want; i++) await sim.addApplication({ postingId: importPosting.id, name: `Scale Applicant ${i}` });
  const notesBefore = new Set(sim.context.world.notes.map((n) => n.id));

  let requests = 0;
  let rateLimited429 = 0;
  const injected: Record<string, number> = {};
  const handle = sim.handle.bind(sim);
  sim.handle = async (request: Request) => {
    const response = await handle(request);
    if (new URL(request.url).pathname.startsWith("/v1/")) {
      requests++;
      if (response.status === 429 || response.status === 503) {
        const text = await response.clone().text();
        // The rate limit's own message names the limit; an injected 429 says only "Rate limit exceeded".
        if (response.status === 429 && text.includes("requests per second")) rateLimited429++;
        else injected[response.status] = (injected[response.status] ?? 0) + 1;
      }
    }
    return response;
  };

  process.on("disconnect", () => void running.close().then(() => process.exit(0)));
  process.on("message", (m: { type: string }) => {
    if (m.type === "summary") {
      const notesByOpportunity: Record<string, number> = {};
      for (const n of sim.context.world.notes) if (!notesBefore.has(n.id)) notesByOpportunity[n.opportunityId] = (notesByOpportunity[n.opportunityId] ?? 0) + 1;
      const summary: SimSummary = {
        requests,
        rateLimited429,
        injected,
        deliveries: sim.context.deliveries.filter((d) => !d.test).map((d) => ({ token: String(d.payload.token), event: d.event, statuses: d.attempts.map((a) => a.status), pending: d.pending })),
        notesByOpportunity,
      };
      process.send!({ type: "summary", summary });
    }
    if (m.type === "close") void running.close().then(() => process.exit(0));
  });
  process.send!({
    type: "ready",
    url: running.url,
    accountId: account.id,
    importPosting: { id: importPosting.id, title: importPosting.text },
    webhookPosting: { id: webhookPosting.id, title: webhookPosting.text },
    importExpected: onPosting(importPosting.id).map((o) => o.id),
    webhookSeeded: onPosting(webhookPosting.id).map((o) => o.id),
    admin: account.users.find((u) => u.accessRole === "super admin" && !u.deactivatedAt)!.id,
  });
}

type SimReady = {
  type: "ready";
  url: string;
  accountId: string;
  importPosting: { id: string; title: string };
  webhookPosting: { id: string; title: string };
  importExpected: string[];
  webhookSeeded: string[];
  admin: string;
};

function ask<T>(child: ChildProcess, message: object | null, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type?: string }) => {
      if (m.type === type) {
        child.off("message", on);
        resolve(m as T);
      }
    };
    child.on("message", on);
    if (message) child.send(message);
  });
}

// ---------- processes and their supervisor ----------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let logDir = "";

/** RSS of the process tree rooted at pid (next start runs the server in a child), from /proc. */
function treeRssBytes(pid: number): number {
  try {
    let total = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) total += treeRssBytes(Number(c));
    return total;
  } catch {
    return 0;
  }
}

interface Slot {
  name: string;
  kind: "web" | "worker";
  port?: number;
  child?: ChildProcess;
  /** Set just before the bench kills it: that exit is the scenario's, not a failure. */
  killing: boolean;
  starts: number;
  unexpectedExits: Array<{ code: number | null; signal: string | null }>;
  peakRss: number;
  ready: boolean;
}

class Supervisor {
  slots: Slot[] = [];
  stopping = false;
  private sampler?: NodeJS.Timeout;

  constructor(private env: NodeJS.ProcessEnv) {}

  add(kind: Slot["kind"], index: number, port?: number): Slot {
    const slot: Slot = { name: `${kind}-${index + 1}`, kind, port, killing: false, starts: 0, unexpectedExits: [], peakRss: 0, ready: false };
    this.slots.push(slot);
    this.start(slot);
    return slot;
  }

  /** Starts a slot's process; when it exits, it is started again after a second, as systemd would. */
  start(slot: Slot) {
    slot.starts++;
    slot.ready = false;
    const log = createWriteStream(path.join(logDir, `${slot.name}.log`), { flags: "a" });
    const args =
      slot.kind === "web"
        ? [path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(slot.port), "-H", "127.0.0.1"]
        : [...NODE_MEMORY_FLAGS, "--import", "tsx", path.join(APP_DIR, "lib", "worker", "main.ts")];
    // A worker says "worker started" at info level: that line is its readiness.
    const env = slot.kind === "worker" ? { ...this.env, MALLOC_ARENA_MAX: this.env.MALLOC_ARENA_MAX ?? "2", LOG_LEVEL: "info" } : this.env;
    const child = spawn(process.execPath, args, { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    slot.child = child;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    if (slot.kind === "worker") {
      child.stdout!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes('"worker started"')) slot.ready = true;
      });
    }
    child.once("exit", (code, signal) => {
      if (this.stopping) return;
      if (!slot.killing) slot.unexpectedExits.push({ code, signal });
      slot.killing = false;
      setTimeout(() => !this.stopping && this.start(slot), 1000);
    });
  }

  async waitReady(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const slot of this.slots) {
        if (slot.kind !== "web" || slot.ready) continue;
        try {
          slot.ready = (await fetch(`http://127.0.0.1:${slot.port}/api/ready`)).ok;
        } catch {
          // not listening yet
        }
      }
      if (this.slots.every((s) => s.ready)) return;
      if (Date.now() > deadline) throw new Error(`processes not ready after ${timeoutMs / 1000} s: ${this.slots.filter((s) => !s.ready).map((s) => s.name).join(", ")} (logs in ${logDir})`);
      await sleep(500);
    }
  }

  kill(slot: Slot) {
    slot.killing = true;
    process.kill(-slot.child!.pid!, "SIGKILL");
  }

  sampleRss() {
    this.sampler = setInterval(() => {
      for (const s of this.slots) if (s.child?.pid) s.peakRss = Math.max(s.peakRss, treeRssBytes(s.child.pid));
    }, 1000);
  }

  async stop() {
    this.stopping = true;
    clearInterval(this.sampler);
    await Promise.all(
      this.slots.map(async (s) => {
        const child = s.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(-child.pid!, "SIGTERM");
        const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
        await exited;
        clearTimeout(force);
      }),
    );
  }
}

/** The load balancer: round robin over the web processes, skipping one that refuses connections. */
function startProxy(ports: () => number[]): Promise<{ url: string; close(): void }> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const list = ports();
      const attempt = (tries: number) => {
        if (tries >= list.length) {
          res.writeHead(502).end();
          return;
        }
        const port = list[next++ % list.length]!;
        const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, timeout: 30_000 }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
        upstream.on("error", () => (res.headersSent ? res.destroy() : attempt(tries + 1)));
        upstream.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

// ---------- measurements ----------

const QUEUES_WATCHED = ["ats.webhook", "screening.run", "screening.job", "ats.write-back", "ats.reconcile", "ats.sync-reference"];

interface FaultMark {
  what: string;
  at: number;
  /** Jobs active at that moment (imports excluded: a run is followed through its progress). */
  activeJobs: string[];
  importDoneAt?: number;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

/** A query that waits out a database restart (the bench's own reads must not fail the run). */
async function q<T>(pool: Pool, text: string, values: unknown[] = []): Promise<T[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await pool.query(text, values)).rows as T[];
    } catch (error) {
      if (attempt >= 60) throw error;
      await sleep(1000);
    }
  }
}

// ---------- main ----------

async function main() {
  logDir = mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  console.log(`bench:scale${SHORT ? " --short" : ""}: ${P.web} web + ${P.workers} workers, ${P.importApplicants} imported by hand, ${P.webhooks} by webhook at ${P.rate}/s, faults ${P.faults * 100} %, kills ${P.kills ? "on" : "off"}, database restart ${P.dbRestart ? "on" : "off"}`);
  console.log(`  machine: ${os.cpus().length} cores, load ${load()}; logs in ${logDir}`);

  if (!existsSync(path.join(APP_DIR, ".next", "BUILD_ID")) || P.rebuild) {
    console.log("Building the production bundle (npm run build)…");
    const r = spawnSync("npm", ["run", "build"], { cwd: APP_DIR, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("npm run build failed");
  }

  // The bench database, fresh.
  const admin = new Pool({ connectionString: P.pgUrl, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  await admin.end();
  const dbUrl = new URL(P.pgUrl);
  dbUrl.pathname = `/${BENCH_DB}`;
  const webPorts = Array.from({ length: P.web }, (_, i) => P.webPort + i);
  const proxy = await startProxy(() => webPorts);
  const secrets = { ENCRYPTION_KEYS: `scale:${randomBytes(32).toString("base64")}`, ENCRYPTION_KEY_ID: "scale", AUTH_SECRET: randomBytes(32).toString("base64url") };

  const simStarted = Date.now();
  const simChildProcess = fork(fileURLToPath(import.meta.url), ["--sim-child"], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SCALE_CHILD_PORT: String(P.simPort), SCALE_CHILD_OPPORTUNITIES: String(P.opportunities), SCALE_CHILD_IMPORT: String(P.importApplicants), SCALE_CHILD_REDIRECT: `${proxy.url}/api/integrations/lever/callback` },
  });
  const ready = await ask<SimReady>(simChildProcess, null, "ready");
  console.log(`  simulator: ${P.opportunities} opportunities, ${ready.importExpected.length} active on "${ready.importPosting.title}" (${((Date.now() - simStarted) / 1000).toFixed(0)} s)`);

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl.toString(),
    APP_URL: proxy.url,
    RUN_WORKER_IN_PROCESS: "false",
    LEVER_ENV: "simulator",
    LEVER_SIM_URL: ready.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  delete appEnv.PGLITE_DIR;
  delete appEnv.TEST_DATABASE_URL;
  // The bench's own calls (connect, import postings, start the import) go through the app's code.
  Object.assign(process.env, appEnv);
  const setup = await setUp(ready);

  const supervisor = new Supervisor(appEnv);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`bench:scale: ${signal}, stopping the processes`);
      void supervisor.stop().finally(() => process.exit(130));
    });
  }
  webPorts.forEach((port, i) => supervisor.add("web", i, port));
  for (let i = 0; i < P.workers; i++) supervisor.add("worker", i);
  await supervisor.waitReady(180_000);
  supervisor.sampleRss();
  console.log(`  ${supervisor.slots.length} processes ready; load ${load()}`);

  const pool = new Pool({ connectionString: dbUrl.toString(), max: 3 });
  pool.on("error", () => undefined);
  const simPost = (p: string, body: unknown) => fetch(`${ready.url}${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (P.faults > 0) await simPost("/_sim/faults", { faults: [{ status: 429, rate: P.faults / 2 }, { status: 503, rate: P.faults / 2 }] });

  // ---- the run ----
  const t0 = Date.now();
  const run = await setup.startImport();
  const sent = new Map<string, number>();
  const sendFailures: string[] = [];
  const webhookSeconds = P.webhooks / Math.max(P.rate, 0.01);
  const sender = (async () => {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < P.webhooks; i++) {
      const due = t0 + (i * 1000) / P.rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const at = Date.now();
      inFlight.push(
        simPost("/_sim/applications", { postingId: ready.webhookPosting.id, name: `Webhook Applicant ${i}` })
          .then(async (res) => {
            if (res.status !== 201) throw new Error(`simulator answered ${res.status}`);
            sent.set(((await res.json()) as { opportunityId: string }).opportunityId, at);
          })
          .catch((error: unknown) => void sendFailures.push(String(error))),
      );
    }
    await Promise.all(inFlight);
  })();

  const marks: FaultMark[] = [];
  const mark = async (what: string): Promise<FaultMark> => {
    const active = await q<{ id: string }>(pool, `SELECT id FROM pgboss.job WHERE state = 'active' AND name = ANY($1)`, [QUEUES_WATCHED]);
    const m: FaultMark = { what, at: Date.now(), activeJobs: active.map((r) => r.id) };
    marks.push(m);
    return m;
  };
  /** Waits (at most a minute) until a job of `queue` is active, so the worker kill can catch one. */
  const untilActive = async (queue: string) => {
    for (const until = Date.now() + 60_000; Date.now() < until; await sleep(50)) {
      if ((await q(pool, `SELECT 1 FROM pgboss.job WHERE state = 'active' AND name = $1`, [queue])).length) return;
    }
    console.log(`  no ${queue} job was active within a minute of the kill's time; killing anyway`);
  };
  const progress: Array<{ at: number; done: number; leaseUntil: number }> = [];
  const progressTimer = setInterval(() => {
    void q<{ done: number; leaseUntil: Date | null }>(pool, `SELECT done, "leaseUntil" FROM "ImportRun" WHERE id = $1`, [run.id])
      .then((rows) => progress.push({ at: Date.now(), done: rows[0]?.done ?? 0, leaseUntil: rows[0]?.leaseUntil?.getTime() ?? 0 }))
      .catch(() => undefined);
  }, 1000);

  const faultsDone = (async () => {
    const at = (share: number) => sleep(Math.max(0, t0 + share * webhookSeconds * 1000 - Date.now()));
    if (P.kills && P.workers > 0) {
      await at(0.3);
      if (P.killDuring) await untilActive(P.killDuring);
      const m = await mark("worker-1 killed");
      supervisor.kill(supervisor.slots.find((s) => s.name === "worker-1")!);
      console.log(`  t+${((m.at - t0) / 1000).toFixed(0)} s: SIGKILL worker-1 (${m.activeJobs.length} jobs active); load ${load()}`);
    }
    if (P.kills && P.web > 0) {
      await at(0.45);
      const m = await mark("web-1 killed");
      supervisor.kill(supervisor.slots.find((s) => s.name === "web-1")!);
      console.log(`  t+${((m.at - t0) / 1000).toFixed(0)} s: SIGKILL web-1; load ${load()}`);
    }
    if (P.dbRestart) {
      await at(0.6);
      const m = await mark("PostgreSQL restarted");
      const started = Date.now();
      try {
        execSync(P.dbRestartCmd, { stdio: "pipe" });
        console.log(`  t+${((m.at - t0) / 1000).toFixed(0)} s: ${P.dbRestartCmd} (${((Date.now() - started) / 1000).toFixed(1)} s); load ${load()}`);
      } catch (error) {
        console.log(`  the database restart failed (${(error as Error).message.split("\n")[0]}); rerun with --no-db-restart or --db-restart-cmd`);
        m.what = "PostgreSQL restart FAILED";
      }
    }
  })();

  await sender;
  await faultsDone;
  const sentAllAt = Date.now();
  console.log(`  t+${((sentAllAt - t0) / 1000).toFixed(0)} s: ${sent.size} applications sent; waiting for the work to finish (at most ${P.settleSeconds} s); load ${load()}`);

  // ---- settle: everything imported, noted, every queue empty, no delivery pending ----
  const expected = new Set([...ready.importExpected, ...sent.keys()]);
  let summary!: SimSummary;
  let settledAt: number | null = null;
  const settleDeadline = Date.now() + P.settleSeconds * 1000;
  let lastReport = 0;
  while (Date.now() < settleDeadline) {
    summary = (await ask<{ summary: SimSummary }>(simChildProcess, { type: "summary" }, "summary")).summary;
    const have = (await q<{ n: number }>(pool, `SELECT count(*)::int AS n FROM "Candidate" WHERE "externalId" = ANY($1)`, [[...expected]]))[0]!.n;
    const queued = (await q<{ n: number }>(pool, `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created','retry','active') AND name = ANY($1)`, [QUEUES_WATCHED]))[0]!.n;
    const [runRow] = await q<{ status: string; done: number }>(pool, `SELECT status::text, done FROM "ImportRun" WHERE id = $1`, [run.id]);
    const noted = [...expected].filter((id) => (summary.notesByOpportunity[id] ?? 0) > 0).length;
    const pendingDeliveries = summary.deliveries.filter((d) => d.pending).length;
    if (have === expected.size && queued === 0 && noted === expected.size && pendingDeliveries === 0 && runRow?.status !== "RUNNING" && runRow?.status !== "QUEUED") {
      settledAt = Date.now();
      break;
    }
    if (Date.now() - lastReport > 20_000) {
      lastReport = Date.now();
      console.log(`  … t+${((Date.now() - t0) / 1000).toFixed(0)} s: candidates ${have}/${expected.size}, noted ${noted}, import ${runRow?.status} ${runRow?.done}, jobs queued ${queued}, deliveries pending ${pendingDeliveries}; load ${load()}`);
    }
    await sleep(2000);
  }
  clearInterval(progressTimer);

  // ---- invariants ----
  const { LEASE_MS } = await import("@/lib/imports/runs");
  const results: Array<{ ok: boolean; name: string; detail: string }> = [];
  const check = (name: string, ok: boolean, detail: string) => results.push({ name, ok, detail });

  check("the run finished in its time bound", settledAt !== null, settledAt ? `settled ${((settledAt - sentAllAt) / 1000).toFixed(0)} s after the last application` : `not settled ${P.settleSeconds} s after the last application`);
  const candidates = await q<{ externalId: string; n: number; first: Date }>(pool, `SELECT "externalId", count(*)::int AS n, min("createdAt") AS first FROM "Candidate" GROUP BY "externalId"`);
  const byExternal = new Map(candidates.map((c) => [c.externalId, c]));
  const lost = [...expected].filter((id) => !byExternal.has(id));
  const duplicated = candidates.filter((c) => c.n > 1);
  check("every candidate exactly once", lost.length === 0 && duplicated.length === 0 && sendFailures.length === 0, `${expected.size - lost.length}/${expected.size} present, ${lost.length} lost, ${duplicated.length} duplicated, ${sendFailures.length} applications the simulator refused`);

  const notes = [...expected].map((id) => summary.notesByOpportunity[id] ?? 0);
  check("one note each", notes.every((n) => n === 1), `${notes.filter((n) => n === 1).length}/${expected.size} with one note, ${notes.filter((n) => n === 0).length} with none, ${notes.filter((n) => n > 1).length} with more`);

  const delivered = summary.deliveries.filter((d) => d.statuses.some((s) => s >= 200 && s < 300));
  const recorded = new Set((await q<{ token: string }>(pool, `SELECT token FROM "WebhookDelivery"`)).map((r) => r.token));
  const unrecorded = delivered.filter((d) => !recorded.has(d.token));
  const refusedAttempts = summary.deliveries.reduce((n, d) => n + d.statuses.filter((s) => s < 200 || s >= 300).length, 0);
  check("every 2xx delivery recorded", unrecorded.length === 0, `${delivered.length - unrecorded.length}/${delivered.length} recorded (${refusedAttempts} attempts refused and retried by the simulator)`);

  check(`Lever rate-limit 429s ≤ ${P.allow429}`, summary.rateLimited429 <= P.allow429, `${summary.rateLimited429} over ${summary.requests} Lever requests (injected: ${summary.injected[429] ?? 0} × 429, ${summary.injected[503] ?? 0} × 503)`);

  const strandedDetails: string[] = [];
  let strandedOk = true;
  for (const m of marks) {
    if (m.activeJobs.length) {
      const rows = await q<{ id: string; name: string; state: string; completed_on: Date | null; expire_s: number }>(
        pool,
        `SELECT id, name, state::text, completed_on, EXTRACT(epoch FROM expire_in)::int AS expire_s FROM pgboss.job WHERE id = ANY($1::uuid[])
         UNION ALL SELECT id, name, state::text, completed_on, EXTRACT(epoch FROM expire_in)::int FROM pgboss.archive WHERE id = ANY($1::uuid[])`,
        [m.activeJobs],
      );
      const boundOf = (r: (typeof rows)[number]) => (PER_QUEUE_BOUND ? Math.max(STRANDED_BOUND_MS, (r.expire_s + 90) * 1000) : STRANDED_BOUND_MS);
      const late = m.activeJobs.filter((id) => {
        const r = rows.find((x) => x.id === id);
        return !r || r.state !== "completed" || !r.completed_on || r.completed_on.getTime() - m.at > boundOf(r);
      });
      const done = rows.filter((r) => r.completed_on).sort((a, b) => b.completed_on!.getTime() - a.completed_on!.getTime());
      // The slowest of each queue: a job the killed worker held waits out its expiry or lease, one a live worker held does not.
      const slowestOf = new Map<string, number>();
      for (const r of done) if (!slowestOf.has(r.name)) slowestOf.set(r.name, r.completed_on!.getTime() - m.at);
      const slowest = done.length ? [...slowestOf].map(([name, ms]) => `${(ms / 1000).toFixed(0)} s (${name})`).join(", ") : "—";
      if (late.length) strandedOk = false;
      strandedDetails.push(`${m.what}: ${m.activeJobs.length - late.length}/${m.activeJobs.length} done, slowest ${slowest}`);
    }
    // The import run: a live worker holds it again within the bound, i.e. it moved on or its lease was
    // granted or renewed after the fault (a dead worker's lease only lapses). While webhooks take the
    // rate limit first, a live run may wait for Lever's budget without moving.
    const before = progress.filter((p) => p.at <= m.at).at(-1)?.done ?? 0;
    const resumed = progress.find((p) => p.at > m.at && (p.done > before || p.leaseUntil - LEASE_MS > m.at + 1000));
    if (before < ready.importExpected.length) {
      const ok = !!resumed && resumed.at - m.at <= STRANDED_BOUND_MS;
      if (!ok) strandedOk = false;
      strandedDetails.push(`import after ${m.what}: held by a live worker after ${resumed ? `${((resumed.at - m.at) / 1000).toFixed(0)} s` : "— never"}`);
    }
  }
  check(`every stranded job done within ${STRANDED_BOUND_MS / 1000} s${PER_QUEUE_BOUND ? " or its queue's expiry + 90 s" : ""}`, strandedOk, strandedDetails.join("; ") || "no fault injected");

  const unexpected = supervisor.slots.flatMap((s) => s.unexpectedExits.map((e) => `${s.name} exited (${e.signal ?? `code ${e.code}`})`));
  check("no process needed a restart it was not killed for", unexpected.length === 0, unexpected.length ? unexpected.join(", ") : `${supervisor.slots.length} processes; only the killed ones were restarted`);

  // ---- figures ----
  const lags = [...sent].filter(([id]) => byExternal.has(id)).map(([id, at]) => new Date(byExternal.get(id)!.first).getTime() - at).sort((a, b) => a - b);
  const firstFault = marks[0]?.at ?? Infinity;
  // Applications sent well before the first fault: their work was not in hand when it struck.
  const calm = [...sent].filter(([id, at]) => at < firstFault - 15_000 && byExternal.has(id)).map(([id, at]) => new Date(byExternal.get(id)!.first).getTime() - at).sort((a, b) => a - b);
  const [runRow] = await q<{ startedAt: Date | null; finishedAt: Date | null; done: number; status: string }>(pool, `SELECT "startedAt", "finishedAt", done, status::text FROM "ImportRun" WHERE id = $1`, [run.id]);
  const importSeconds = runRow?.startedAt && runRow.finishedAt ? (runRow.finishedAt.getTime() - runRow.startedAt.getTime()) / 1000 : NaN;

  console.log(`\nInvariants (load ${load()}):`);
  for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.name}: ${r.detail}`);
  console.log("\nFigures:");
  console.log(`  webhook lag (application created → candidate row), ${lags.length} applications: p50 ${(pct(lags, 50) / 1000).toFixed(1)} s, p95 ${(pct(lags, 95) / 1000).toFixed(1)} s, max ${(pct(lags, 100) / 1000).toFixed(1)} s`);
  console.log(`  … sent at least 15 s before the first fault, ${calm.length} applications: p50 ${(pct(calm, 50) / 1000).toFixed(1)} s, p95 ${(pct(calm, 95) / 1000).toFixed(1)} s`);
  console.log(`  import: ${runRow?.done ?? 0} applicants in ${importSeconds.toFixed(0)} s (${((runRow?.done ?? 0) / importSeconds).toFixed(2)}/s, status ${runRow?.status}), alongside the webhooks`);
  console.log(`  Lever requests: ${summary.requests} (${(summary.requests / ((Date.now() - t0) / 1000)).toFixed(1)}/s over the run)`);
  console.log(`  peak RSS: ${supervisor.slots.map((s) => `${s.name} ${mb(s.peakRss)} MB${s.starts > 1 ? ` (${s.starts} starts)` : ""}`).join(", ")}`);
  console.log(`  load average at the end: ${load()} (${os.cpus().length} cores)`);

  await supervisor.stop();
  proxy.close();
  simChildProcess.send({ type: "close" });
  await pool.end();
  const failed = results.filter((r) => !r.ok).length;
  console.log(failed ? `\n${failed} invariant(s) FAILED (logs in ${logDir})` : "\nAll invariants PASS");
  process.exit(failed ? 1 : 0);
}

/** An organization connected to the simulator's account as the Connect button does it, both postings imported as jobs, webhooks on. */
async function setUp(ready: SimReady) {
  const { resetConfigForTests } = await import("@/lib/config");
  resetConfigForTests();
  const { openDatabase, createPrisma, setRuntimeForTests } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { buildAuthorizationUrl, createPkce, exchangeCode, readLeverClaims } = await import("@/lib/ats/providers/lever/oauth");
  const { sealTokenColumns } = await import("@/lib/ats/tokens");
  const { importPostings } = await import("@/lib/imports/postings");
  const { startApplicantImport } = await import("@/lib/imports/runs");
  const { applySettings } = await import("@/lib/connections/settings");
  const { stopQueue } = await import("@/lib/jobs/queue");

  const database = await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, poolSize: 3 });
  await applyMigrations(database.adapter);
  const prisma = createPrisma(database);
  setRuntimeForTests({ database, prisma });

  const pkce = await createPkce();
  const form = new URLSearchParams(buildAuthorizationUrl({ state: "scale", codeChallenge: pkce.codeChallenge }).searchParams);
  form.set("user_id", ready.admin);
  form.set("decision", "accept");
  const consent = await fetch(`${ready.url}/authorize`, { method: "POST", body: form, redirect: "manual" });
  const tokens = await exchangeCode({ currentUrl: new URL(consent.headers.get("location")!), expectedState: "scale", codeVerifier: pkce.codeVerifier });
  const { accountId } = readLeverClaims(tokens.accessToken);

  const organization = await prisma.organization.create({ data: { name: "Scale Bench", slug: "scale-bench" } });
  const connection = await prisma.atsConnection.create({
    data: { organizationId: organization.id, environment: "SIMULATOR", externalAccountId: accountId, accountClaim: `simulator:${accountId}:scale-bench`, ...sealTokenColumns(tokens) },
  });
  await prisma.integrationSettings.create({ data: { connectionId: connection.id, organizationId: organization.id } });
  const user = await prisma.user.create({ data: { email: "scale@example.test", name: "Scale Recruiter" } });
  await prisma.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
  const org = { userId: user.id, userEmail: user.email, organizationId: organization.id, organizationName: organization.name, role: "OWNER" as const };

  const imported = await importPostings(org, { postingIds: [ready.importPosting.id, ready.webhookPosting.id] });
  const importJobId = imported.imported.find((j) => j.postingId === ready.importPosting.id)?.jobId ?? imported.imported[0]!.jobId;
  const { registered } = await applySettings(org, { connectionId: connection.id, autoGenerateJobs: false, autoImportCandidates: true, postResults: true, updateStages: false });
  const hooks = await prisma.webhookSubscription.findMany({ where: { connectionId: connection.id } });
  for (const hook of hooks) await fetch(`${ready.url}/_sim/webhooks/${hook.externalId}/enable`, { method: "POST" });
  console.log(`  connected organization: ${imported.imported.length} jobs, webhooks ${registered.join(", ")} registered and enabled`);

  return {
    /** Starts the import, then closes the bench's own queue and database: only the app's processes must live through the faults. */
    startImport: async () => {
      const run = await startApplicantImport(org, importJobId, {});
      await stopQueue();
      setRuntimeForTests(undefined);
      await prisma.$disconnect();
      await database.close();
      return { id: run.id };
    },
  };
}

(process.argv.includes("--sim-child") ? simChild() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
