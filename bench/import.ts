/**
 * npm run bench:import — a real manual import run, through the queue and the real code on PGlite,
 * against an ATS simulator over HTTP with the ATS's rate limit on: Lever's (10/s, burst 20) by
 * default, Greenhouse's (50 per rolling 10 s) with `-- --provider greenhouse`.
 *
 * Reports wall time against the bound the ATS's limit sets (requests made ÷ its rate), and for
 * Greenhouse also against the app's own budget (GREENHOUSE_RATE_PER_SEC, below Greenhouse's rate so a
 * burst never meets a 429), requests per candidate, 429s met, peak RSS, and lost or duplicated candidates.
 *   --provider lever|greenhouse       the ATS (default lever)
 *   BENCH_APPLICANTS=2000 (default)   applicants on the posting
 *   BENCH_PGLITE_ON_DISK=1            PGlite in a temporary directory, as `npm start` keeps it in .data/
 *                                     (by default it is in memory, so the data counts in the RSS too);
 *                                     created and migrated by a child process first, so the app opens an
 *                                     existing database as on every start after the first (creating one
 *                                     runs initdb, whose memory the process keeps: ~160 MB)
 *
 * The simulator runs in a child process so the peak RSS measured is the app's alone (PGlite, queue,
 * import, résumé parsing), not the simulator's generated files.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resetConfigForTests } from "@/lib/config";
import type { OrgContext } from "@/lib/auth/guard";
import { importPostings } from "@/lib/imports/postings";
import { getImportRun, startApplicantImport } from "@/lib/imports/runs";
import { buildAuthorizationUrl as greenhouseAuthorizationUrl, exchangeCode as greenhouseExchangeCode } from "@/lib/ats/providers/greenhouse/oauth";
import { createConnection as createGreenhouseConnection } from "@/lib/ats/providers/greenhouse/test-helpers";
import { buildAuthorizationUrl, createPkce, exchangeCode } from "@/lib/ats/providers/lever/oauth";
import { createConnection } from "@/lib/ats/providers/lever/test-helpers";
import { config } from "@/lib/config";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { registerHandlers } from "@/lib/worker/handlers";
import { createTestDatabase } from "@/tests/helpers/db";

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 2000);
const LEVER_RATE = 10;
// Greenhouse allows 50 requests per rolling 10 s per account and client.
const GREENHOUSE_WINDOW = 50;
const GREENHOUSE_RATE = GREENHOUSE_WINDOW / 10;

const providerAt = process.argv.indexOf("--provider");
const PROVIDER = (providerAt > 0 ? process.argv[providerAt + 1] : undefined) ?? "lever";
if (PROVIDER !== "lever" && PROVIDER !== "greenhouse") {
  console.error(`--provider must be lever or greenhouse (got ${JSON.stringify(PROVIDER)})`);
  process.exit(2);
}
const ATS = PROVIDER === "greenhouse" ? { label: "Greenhouse", rate: GREENHOUSE_RATE, api: " /v3/" } : { label: "Lever", rate: LEVER_RATE, api: " /v1/" };

function apiRequests(requests: Record<string, Record<string, number>>) {
  let total = 0;
  let tooMany = 0;
  for (const [route, byStatus] of Object.entries(requests)) {
    if (!route.includes(ATS.api)) continue;
    for (const [status, n] of Object.entries(byStatus)) {
      total += n;
      if (status === "429") tooMany += n;
    }
  }
  return { total, tooMany };
}

type SimReady = { url: string; postingId: string; postingTitle: string; expected: string[] };
type SimRequests = Record<string, Record<string, number>>;

/** The child: the simulator with the ATS's rate limit, the posting filled with applicants. */
async function simChild() {
  if (PROVIDER === "greenhouse") return greenhouseSimChild();
  const { startLeverSim } = await import("@/tools/lever-sim/server");
  const sim = await startLeverSim({ port: 0, opportunitiesPerAccount: 40, rateLimit: { ratePerSec: LEVER_RATE, burst: 20 } });
  const account = sim.sim.context.world.accounts[0]!;
  const posting = account.postings.find((p) => p.state === "published")!;
  const onPosting = () => account.opportunities.filter((o) => o.applications.some((a) => a.postingId === posting.id) && !o.archived);
  for (let i = onPosting().length; i < APPLICANTS; i++) await sim.sim.addApplication({ postingId: posting.id, name: `Bench Applicant ${i}` });
  process.on("message", (m: string) => {
    if (m === "requests") process.send!({ requests: sim.sim.state().requests });
    if (m === "close") void sim.close().then(() => process.exit(0));
  });
  process.send!({ url: sim.url, postingId: posting.id, postingTitle: posting.text, expected: onPosting().map((o) => o.id) } satisfies SimReady);
}

/** Greenhouse's simulator on a real-time clock (its rate window and signed file URLs follow it), one open job filled with applications. */
async function greenhouseSimChild() {
  const { startGreenhouseSim } = await import("@/tools/greenhouse-sim/server");
  const sim = await startGreenhouseSim({ port: 0, applicationsPerAccount: 40, rateLimit: GREENHOUSE_WINDOW, realTimeClock: true });
  const account = sim.sim.context.accounts[0]!;
  const job = account.jobs.find((j) => j.status === "open" && !j.confidential)!;
  const active = () => account.applications.filter((a) => a.job_id === job.id && a.status === "active");
  for (let i = active().length; i < APPLICANTS; i++) await sim.sim.addApplication({ jobId: job.id, name: `Bench Applicant ${i}`, email: `bench.${i}@example.test` });
  process.on("message", (m: string) => {
    if (m === "requests") process.send!({ requests: sim.sim.state().requests });
    if (m === "close") void sim.close().then(() => process.exit(0));
  });
  process.send!({ url: sim.url, postingId: String(job.id), postingTitle: job.name, expected: active().map((a) => String(a.id)) } satisfies SimReady);
}

/** A Greenhouse Site Admin allows the app on the simulator's consent page; the app exchanges the code. */
async function connectGreenhouse(simUrl: string) {
  const state = (await (await fetch(`${simUrl}/_sim/state`)).json()) as { accounts: { users: { id: number; siteAdmin: boolean; disabled: boolean; serviceAccount: boolean }[] }[] };
  const admin = state.accounts[0]!.users.find((u) => u.siteAdmin && !u.disabled && !u.serviceAccount)!;
  const form = new URLSearchParams(greenhouseAuthorizationUrl("bench").searchParams);
  form.set("user_id", String(admin.id));
  form.set("decision", "allow");
  const res = await fetch(`${simUrl}/authorize`, { method: "POST", body: form, redirect: "manual" });
  return greenhouseExchangeCode(new URL(res.headers.get("location")!).searchParams.get("code")!);
}

/** Sends `message` (if any) to the child and resolves with its next reply that has `key`. */
function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off("message", on);
        resolve(m as T);
      }
    };
    child.on("message", on);
    if (message) child.send(message);
  });
}

/** A Lever Super Admin accepts the simulator's consent page; the app exchanges the code. */
async function connect(simUrl: string) {
  const state = (await (await fetch(`${simUrl}/_sim/state`)).json()) as { accounts: { users: { id: string; accessRole: string; deactivatedAt: number | null }[] }[] };
  const admin = state.accounts[0]!.users.find((u) => u.accessRole === "super admin" && !u.deactivatedAt)!;
  const pkce = await createPkce();
  const form = new URLSearchParams(buildAuthorizationUrl({ state: "bench", codeChallenge: pkce.codeChallenge }).searchParams);
  form.set("user_id", admin.id);
  form.set("decision", "accept");
  const res = await fetch(`${simUrl}/authorize`, { method: "POST", body: form, redirect: "manual" });
  const callback = new URL(res.headers.get("location")!);
  return exchangeCode({ currentUrl: callback, expectedState: "bench", codeVerifier: pkce.codeVerifier });
}

async function main() {
  const child = fork(fileURLToPath(import.meta.url), ["--sim-child", "--provider", PROVIDER], { execArgv: ["--import", "tsx"], env: { ...process.env } });
  const seedStart = Date.now();
  const ready = await ask<SimReady>(child, "", "url");
  Object.assign(process.env, {
    ...(PROVIDER === "greenhouse" ? { GREENHOUSE_ENV: "simulator", GREENHOUSE_SIM_URL: ready.url } : { LEVER_ENV: "simulator", LEVER_SIM_URL: ready.url }),
    APP_URL: "http://localhost:3000",
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    ENCRYPTION_KEY_ID: "bench",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  resetConfigForTests();
  const onDisk = process.env.BENCH_PGLITE_ON_DISK === "1" && !process.env.TEST_DATABASE_URL ? mkdtempSync(path.join(tmpdir(), "bench-pglite-")) : undefined;
  if (onDisk) execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--init-pglite", onDisk], { stdio: "inherit" });
  const db = await createTestDatabase({ pgliteDir: onDisk });
  console.log(`Database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : onDisk ? `PGlite on disk (${onDisk})` : "PGlite in memory"}`);
  const { organizationId } = PROVIDER === "greenhouse" ? await createGreenhouseConnection(db, await connectGreenhouse(ready.url)) : await createConnection(db, await connect(ready.url));
  const user = await db.prisma.user.create({ data: { email: "bench@example.test", name: "Bench Recruiter" } });
  await db.prisma.membership.create({ data: { organizationId, userId: user.id, role: "RECRUITER" } });
  const org: OrgContext = { userId: user.id, userEmail: user.email, organizationId, organizationName: "Bench", role: "RECRUITER" };
  const expected = new Set(ready.expected);
  const posting = { id: ready.postingId };
  console.log(`Simulator (child process): ${expected.size} active applicants on "${ready.postingTitle}" (ready in ${((Date.now() - seedStart) / 1000).toFixed(1)} s)`);

  const jobId = (await importPostings(org, { postingIds: [posting.id] })).imported[0]!.jobId;
  await startQueue({ work: true, register: registerHandlers });
  // Start with the ATS's bucket (Greenhouse: its 10-second window) and ours full, as an account that has been quiet would.
  await new Promise((r) => setTimeout(r, PROVIDER === "greenhouse" ? 10_500 : 2500));

  const requestsNow = async () => (await ask<{ requests: SimRequests }>(child, "requests", "requests")).requests;
  const before = apiRequests(await requestsNow());
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const run = await startApplicantImport(org, jobId, {});
  let view = run;
  let lastLog = 0;
  while (view.status === "QUEUED" || view.status === "RUNNING") {
    await new Promise((r) => setTimeout(r, 250));
    view = await getImportRun(org, run.id);
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now();
      const m = process.memoryUsage();
      console.log(`  … ${view.done}/${view.total ?? "?"} after ${((performance.now() - started) / 1000).toFixed(0)} s · rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB`);
    }
  }
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  const after = apiRequests(await requestsNow());
  const requests = after.total - before.total;
  const tooMany = after.tooMany - before.tooMany;

  const rows = await db.prisma.candidate.findMany({ where: { organizationId, jobId }, select: { externalId: true } });
  const ids = rows.map((r) => r.externalId);
  const distinct = new Set(ids);
  const lost = [...expected].filter((id) => !distinct.has(id)).length;
  const duplicated = ids.length - distinct.size;
  const boundMs = (requests / ATS.rate) * 1000;
  // The app draws less than Greenhouse allows (config().greenhouse.ratePerSec); Lever's budget is compared with Lever's rate as before.
  const budgetMs = PROVIDER === "greenhouse" ? (requests / config().greenhouse.ratePerSec) * 1000 : boundMs;

  const result = {
    status: view.status,
    applicants: expected.size,
    imported: distinct.size,
    wallSeconds: +(wallMs / 1000).toFixed(1),
    requests,
    boundSeconds: +(boundMs / 1000).toFixed(1),
    ratioToBound: +(wallMs / boundMs).toFixed(3),
    ...(PROVIDER === "greenhouse" ? { budgetSeconds: +(budgetMs / 1000).toFixed(1), ratioToAppBudget: +(wallMs / budgetMs).toFixed(3) } : {}),
    requestsPerCandidate: +(requests / expected.size).toFixed(3),
    tooManyRequests429: tooMany,
    peakRssMB: mb(peakRss),
    rssBeforeImportMB: mb(rssBefore),
    rssGrowthDuringImportMB: mb(peakRss - rssBefore),
    lost,
    duplicated,
    failed: view.failed,
  };
  console.log(`\nManual import benchmark (${ATS.label}, bound: ${ATS.rate} requests/s)`);
  console.table(result);
  console.log(JSON.stringify(result));
  const ratio = wallMs / budgetMs;
  const ok = view.status === "SUCCEEDED" && lost === 0 && duplicated === 0 && ratio <= 1.15 && result.peakRssMB < 400;
  const target = PROVIDER === "greenhouse" ? "the app's Greenhouse budget" : "Lever's bound";
  console.log(ok ? `PASS: within 1.15× of ${target}, under 400 MB, nothing lost or duplicated` : "MISSED a target (see above)");

  await stopQueue();
  await db.close();
  if (onDisk) rmSync(onDisk, { recursive: true, force: true });
  child.send("close");
  process.exit(ok ? 0 : 1);
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The child that creates and migrates the on-disk database, then exits. */
async function initPglite(dir: string) {
  const { openDatabase } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const database = await openDatabase({ kind: "pglite", dir });
  await applyMigrations(database.adapter);
  await database.close();
}

const initAt = process.argv.indexOf("--init-pglite");
(process.argv.includes("--sim-child") ? simChild() : initAt > 0 ? initPglite(process.argv[initAt + 1]!) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
