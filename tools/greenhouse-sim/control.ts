/**
 * /_sim/* control API for tests and demos. NO AUTHENTICATION: it exists only in the simulator and must never be
 * exposed beyond localhost. Bad input is a 400 with a plain `{message}`; an unknown id is a 404.
 */
import type { AddApplicationInput, GreenhouseSim } from "./core";
import type { SimContext } from "./context";
import { apiError, json, readJsonObject, route, type Route } from "./http";

export interface ControlCall {
  sim: GreenhouseSim;
  ctx: SimContext;
  request: Request;
  url: URL;
}

async function guard(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RangeError) return apiError(404, e.message);
    if (e instanceof TypeError) return apiError(400, e.message);
    throw e;
  }
}

export const controlRoutes: Route<ControlCall>[] = [
  route("GET", "/_sim/state", ({ sim }) => json(200, sim.state())),
  route("POST", "/_sim/reset", ({ sim }) => {
    sim.reset();
    return json(200, { ok: true, now: sim.now() });
  }),
  route("POST", "/_sim/clock", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(async () => {
      const keys = ["advanceMs", "set"].filter((k) => body[k] !== undefined);
      if (keys.length !== 1) throw new TypeError('Send exactly one of {"advanceMs": <milliseconds>} or {"set": <epoch ms or ISO 8601>}');
      let now: number;
      if (body.advanceMs !== undefined) {
        now = sim.advanceClock(body.advanceMs as number);
      } else {
        const t = typeof body.set === "string" ? Date.parse(body.set) : body.set;
        now = sim.setClock(t as number);
      }
      // Answer after the retries that became due have run, so callers see their outcome.
      await sim.whenIdle();
      return json(200, { now, iso: new Date(now).toISOString() });
    });
  }),
  route("POST", "/_sim/applications", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(async () => json(201, await sim.addApplication(body as unknown as AddApplicationInput)));
  }),
  route("DELETE", "/_sim/candidates/:id", ({ sim }, { id }) =>
    guard(async () => {
      if (!/^\d+$/.test(id)) throw new TypeError("candidate id must be an integer");
      return json(200, await sim.deleteCandidate(Number(id)));
    }),
  ),
  route("POST", "/_sim/faults", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(() => {
      sim.setFaults(body as never);
      return json(200, { faults: sim.state().faults });
    });
  }),
  route("DELETE", "/_sim/faults", ({ sim }) => {
    sim.clearFaults();
    return json(200, { faults: [] });
  }),
];
