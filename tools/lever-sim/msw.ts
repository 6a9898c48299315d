/**
 * msw handlers backed by the same LeverSim.handle the standalone server uses, so unit tests that mock
 * Lever with `setupServer(...leverSimHandlers(sim))` see exactly the simulator's behaviour.
 */
import { http } from "msw";
import type { LeverSim } from "./core";

export function leverSimHandlers(sim: LeverSim, baseUrl: string = sim.baseUrl) {
  const base = baseUrl.replace(/\/+$/, "");
  return [http.all(`${base}/*`, ({ request }) => sim.handle(request))];
}
