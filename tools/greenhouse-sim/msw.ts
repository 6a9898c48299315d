/**
 * msw handlers backed by the same GreenhouseSim.handle the standalone server uses, so unit tests that mock
 * Greenhouse with `setupServer(...greenhouseSimHandlers(sim))` see exactly the simulator's behaviour.
 */
import { http } from "msw";
import type { GreenhouseSim } from "./core";

export function greenhouseSimHandlers(sim: GreenhouseSim, baseUrl: string = sim.baseUrl) {
  const base = baseUrl.replace(/\/+$/, "");
  return [http.all(`${base}/*`, ({ request }) => sim.handle(request))];
}
