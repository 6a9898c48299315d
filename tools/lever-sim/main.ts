/**
 * CLI: `tsx tools/lever-sim/main.ts` (npm run sim).
 * Env: LEVER_SIM_PORT (4010), LEVER_SIM_HOST (127.0.0.1), LEVER_SIM_URL (public URL, default http://localhost:<port>),
 * LEVER_SIM_REDIRECT_URIS (comma-separated callback URLs of the default client), LEVER_SIM_SEED, LEVER_SIM_OPPORTUNITIES,
 * LEVER_SIM_QUIET=1 to silence delivery logs.
 */
import { DEFAULT_CLIENT } from "./context";
import { startLeverSim } from "./server";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`lever-sim: ${name} must be a non-negative integer (got "${raw}")`);
    process.exit(1);
  }
  return n;
}

const port = intEnv("LEVER_SIM_PORT", 4010);
const host = process.env.LEVER_SIM_HOST || "127.0.0.1";
const redirectUris = (process.env.LEVER_SIM_REDIRECT_URIS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

const running = await startLeverSim({
  port,
  host,
  baseUrl: process.env.LEVER_SIM_URL || `http://localhost:${port}`,
  seed: intEnv("LEVER_SIM_SEED", 1),
  opportunitiesPerAccount: intEnv("LEVER_SIM_OPPORTUNITIES", 250),
  clients: [{ ...DEFAULT_CLIENT, redirectUris: redirectUris.length ? redirectUris : DEFAULT_CLIENT.redirectUris }],
  log: process.env.LEVER_SIM_QUIET === "1" ? undefined : (line) => console.log(line),
}).catch((error: unknown) => {
  console.error(`lever-sim: could not start on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const state = running.sim.state();
console.log(`Lever simulator listening on ${running.url} (bound to ${host}:${port})`);
console.log(`  accounts: ${state.accounts.map((a) => `${a.name} (${a.opportunityCount} opportunities)`).join(", ")}`);
console.log(`  client: ${state.clients.map((c) => `${c.clientId} → ${c.redirectUris.join(", ")}`).join("; ")}`);
console.log(`  control API (no auth, local only): ${running.url}/_sim/state`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`lever-sim: ${signal}, shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
