// `prisma generate` does not use the schema engine, but the CLI insists on finding one and would
// try to download it (impossible offline). Point it at a file that exists; migrations use the
// WebAssembly schema engine through scripts/db.ts instead.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const fromRoot = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fromRoot("node_modules/@prisma/schema-engine-wasm/package.json");
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, [fromRoot("node_modules/prisma/build/index.js"), "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
