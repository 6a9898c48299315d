export default function globalSetup() {
  process.env.E2E_SIM_URL = `http://localhost:${process.env.E2E_SIM_PORT ?? 4110}`;
}
