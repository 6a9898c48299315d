import { defineConfig } from "@playwright/test";

/**
 * E2E against the production build in Debian's Chromium. The web server is `npm start` on a fresh
 * embedded database under .data/e2e, with the Lever and Greenhouse simulators beside it.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
const GREENHOUSE_SIM_PORT = Number(process.env.E2E_GREENHOUSE_SIM_PORT ?? 4120);
const DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && node scripts/start.mjs`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: `http://localhost:${PORT}`,
      LEVER_SIM_PORT: String(SIM_PORT),
      LEVER_SIM_URL: `http://localhost:${SIM_PORT}`,
      GREENHOUSE_SIM_PORT: String(GREENHOUSE_SIM_PORT),
      GREENHOUSE_SIM_URL: `http://localhost:${GREENHOUSE_SIM_PORT}`,
      DATA_DIR,
    },
  },
});
