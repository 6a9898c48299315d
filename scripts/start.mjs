/**
 * npm start: builds when there is no build yet, starts the Lever simulator beside the app when
 * LEVER_ENV is the simulator (the default), then serves the production build. The app migrates
 * and seeds its embedded database itself at start-up.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
const port = env.PORT ?? "3000";
env.APP_URL ??= `http://localhost:${port}`;
const useSim = (env.LEVER_ENV ?? "simulator") === "simulator" && env.LEVER_START_SIMULATOR !== "false";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: building (about a minute)…");
  run("npm", ["run", "build"]);
}

const children = [];
if (useSim) {
  const simPort = env.LEVER_SIM_PORT ?? "4010";
  env.LEVER_SIM_URL ??= `http://localhost:${simPort}`;
  const sim = spawn(process.execPath, ["--import", "tsx", "tools/lever-sim/main.ts"], {
    stdio: "inherit",
    env: { ...env, LEVER_SIM_PORT: simPort, LEVER_SIM_REDIRECT_URIS: `${env.APP_URL}/api/integrations/lever/callback` },
  });
  children.push(sim);
}
const web = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
children.push(web);

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 25_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() => process.exit(code));
}
for (const c of children) c.on("exit", (code) => stopAll(code ?? 0));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
