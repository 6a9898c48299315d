/**
 * npm start: builds when there is no build yet, starts the Lever and Greenhouse simulators beside
 * the app when LEVER_ENV / GREENHOUSE_ENV is the simulator (the defaults), then serves the production
 * build. The app migrates and seeds its embedded database itself at start-up.
 *
 * Ports: PORT (app, default 3000), LEVER_SIM_PORT (default 4010) and GREENHOUSE_SIM_PORT (default 4020).
 *
 * Stopping: Ctrl-C, SIGTERM or SIGHUP stops every child. The app is started as `node next start`
 * directly (npx put npm and a shell in between, which did not pass SIGTERM on, and next-server was
 * left running), so each signal reaches the server itself; a child still alive after the grace
 * period is killed. The children stay in this process's group, so a signal to the whole group
 * (a terminal's Ctrl-C, a test runner stopping its web server) reaches them as well.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { NODE_MEMORY_FLAGS } from "./memory-flags.mjs";

const require = createRequire(import.meta.url);
const env = { ...process.env };
const port = env.PORT ?? "3000";
env.APP_URL ??= `http://localhost:${port}`;
// glibc gives every thread that allocates its own malloc arena, which keeps what it freed: with the
// résumé parser's threads that was ~40 MB of the app's RSS. Two arenas cost no measurable speed here.
env.MALLOC_ARENA_MAX ??= "2";
const useSim = (env.LEVER_ENV ?? "simulator") === "simulator" && env.LEVER_START_SIMULATOR !== "false";
const useGreenhouseSim = (env.GREENHOUSE_ENV ?? "simulator") === "simulator" && env.GREENHOUSE_START_SIMULATOR !== "false";
const GRACE_MS = 20_000;

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let built = "";
if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: building first…");
  const started = performance.now();
  run("npm", ["run", "build"]);
  built = `, ${seconds(performance.now() - started)} of it building`;
}

const children = [];
function start(name, args, childEnv) {
  const child = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
  child.name = name;
  children.push(child);
  return child;
}

if (useSim) {
  const simPort = env.LEVER_SIM_PORT ?? "4010";
  env.LEVER_SIM_URL ??= `http://localhost:${simPort}`;
  start("lever simulator", ["--import", "tsx", "tools/lever-sim/main.ts"], {
    ...env,
    LEVER_SIM_PORT: simPort,
    LEVER_SIM_REDIRECT_URIS: `${env.APP_URL}/api/integrations/lever/callback`,
  });
}
if (useGreenhouseSim) {
  const simPort = env.GREENHOUSE_SIM_PORT ?? "4020";
  // The app reads GREENHOUSE_SIM_URL for its OAuth and Harvest addresses, so both follow the port.
  env.GREENHOUSE_SIM_URL ??= `http://localhost:${simPort}`;
  start("greenhouse simulator", ["--import", "tsx", "tools/greenhouse-sim/main.ts"], {
    ...env,
    GREENHOUSE_SIM_PORT: simPort,
    GREENHOUSE_SIM_REDIRECT_URIS: `${env.APP_URL}/api/integrations/greenhouse/callback`,
  });
}
// The web process works the jobs too (the embedded default), with the workers' heap settings.
start("web", [...NODE_MEMORY_FLAGS, require.resolve("next/dist/bin/next"), "start", "-p", port], env);

const alive = (c) => c.exitCode === null && c.signalCode === null;
function signal(child, name) {
  if (alive(child)) child.kill(name);
}

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const c of children) signal(c, "SIGTERM");
  const force = setTimeout(() => {
    for (const c of children) signal(c, "SIGKILL");
    process.exit(code || 1);
  }, GRACE_MS);
  force.unref();
  Promise.all(children.map((c) => (alive(c) ? new Promise((r) => c.once("exit", r)) : null))).then(() => process.exit(code));
}
for (const c of children) {
  c.on("exit", (code, signal) => {
    if (!exiting) console.error(`${c.name} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
    stopAll(code ?? (signal ? 1 : 0));
  });
}
for (const name of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(name, () => stopAll(0));

// The figure people see is how long it really took on this machine, to the first page served.
async function announceReady() {
  const home = `http://localhost:${port}/`;
  while (!exiting) {
    const ok = await fetch(home).then((r) => r.ok, () => false);
    if (ok) {
      console.log(`Ready: ${env.APP_URL} served its first page ${seconds(process.uptime() * 1000)} after npm start${built}.`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
void announceReady();
