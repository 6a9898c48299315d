/**
 * CLI: `tsx tools/greenhouse-sim/main.ts` (npm run sim:greenhouse).
 * Env: GREENHOUSE_SIM_PORT (4020), GREENHOUSE_SIM_HOST (127.0.0.1), GREENHOUSE_SIM_URL (public URL, default
 * http://localhost:<port>), GREENHOUSE_SIM_REDIRECT_URIS (comma-separated callback URLs of the default client),
 * GREENHOUSE_SIM_SEED, GREENHOUSE_SIM_APPLICATIONS, GREENHOUSE_SIM_RETRY_COMPRESSION, GREENHOUSE_SIM_QUIET=1.
 */
import { DEFAULT_CLIENT } from "./context";
import { startGreenhouseSim } from "./server";

function intEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`greenhouse-sim: ${name} must be an integer of at least ${min} (got "${raw}")`);
    process.exit(1);
  }
  return n;
}

const port = intEnv("GREENHOUSE_SIM_PORT", 4020);
const host = process.env.GREENHOUSE_SIM_HOST || "127.0.0.1";
const redirectUris = (process.env.GREENHOUSE_SIM_REDIRECT_URIS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

const running = await startGreenhouseSim({
  port,
  host,
  baseUrl: process.env.GREENHOUSE_SIM_URL || `http://localhost:${port}`,
  seed: intEnv("GREENHOUSE_SIM_SEED", 1),
  applicationsPerAccount: intEnv("GREENHOUSE_SIM_APPLICATIONS", 150),
  webhookRetryCompression: intEnv("GREENHOUSE_SIM_RETRY_COMPRESSION", 60, 1),
  realTimeClock: true,
  clients: [{ ...DEFAULT_CLIENT, redirectUris: redirectUris.length ? redirectUris : DEFAULT_CLIENT.redirectUris }],
  log: process.env.GREENHOUSE_SIM_QUIET === "1" ? undefined : (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`greenhouse-sim: could not start on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const state = running.sim.state();
console.log(`Greenhouse simulator listening on ${running.url} (bound to ${host}:${port})`);
console.log(`  accounts: ${state.accounts.map((a) => `${a.name}${a.enterprise ? " (Enterprise)" : ""}: ${a.applicationCount} applications`).join(", ")}`);
console.log(`  client: ${state.clients.map((c) => `${c.clientId} → ${c.redirectUris.join(", ")}`).join("; ")}`);
console.log(`  web hook admin: ${running.url}/admin/web_hooks · control API (no auth, local only): ${running.url}/_sim/state`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`greenhouse-sim: ${signal}, shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
