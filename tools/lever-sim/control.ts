/**
 * /_sim/* control API for tests and the demo. NO AUTHENTICATION: it exists only in the simulator and must
 * never be exposed beyond localhost. Every endpoint mirrors a method of LeverSim.
 */
import type { LeverSim, AddApplicationInput } from "./core";
import type { SimContext } from "./context";
import { opportunityJson, resumeDownload } from "./api";
import { apiError, json, readJsonObject, route, type Route } from "./http";
import type { FaultRule, SimClient } from "./types";

export interface ControlCall {
  sim: LeverSim;
  ctx: SimContext;
  request: Request;
  url: URL;
}

/** Map the sim's validation errors to HTTP: bad input → 400, unknown id → 404. */
async function guard(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RangeError) return apiError(404, "NOT_FOUND", e.message);
    if (e instanceof TypeError) return apiError(400, "BAD_REQUEST", e.message);
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
    return guard(() => {
      const ms = body.advanceMs;
      if (typeof ms !== "number") throw new TypeError("advanceMs must be a number of milliseconds");
      return json(200, { now: sim.advanceClock(ms) });
    });
  }),
  route("POST", "/_sim/applications", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(async () => json(201, await sim.addApplication(body as unknown as AddApplicationInput)));
  }),
  route("GET", "/_sim/opportunities/:id", ({ ctx }, { id }) => {
    for (const account of ctx.world.accounts) {
      const o = account.opportunities.find((x) => x.id === id);
      if (o) {
        const notes = ctx.world.notes.filter((n) => n.opportunityId === o.id);
        return json(200, { accountId: account.id, opportunity: opportunityJson(ctx, account, o, new Set(["applications", "stage"])), notes });
      }
    }
    return apiError(404, "NOT_FOUND", `No opportunity ${id}`);
  }),
  route("GET", "/_sim/opportunities/:id/resume", ({ ctx }, { id }) => {
    const o = ctx.world.accounts.flatMap((a) => a.opportunities).find((x) => x.id === id);
    const newest = [...(o?.resumes ?? [])].sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!o || !newest) return apiError(404, "NOT_FOUND", `No résumé for opportunity ${id}`);
    return resumeDownload(o, newest);
  }),
  route("DELETE", "/_sim/opportunities/:id", ({ sim }, { id }) => guard(async () => json(200, await sim.deleteOpportunity(id)))),
  route("POST", "/_sim/webhooks/:id/enable", ({ sim }, { id }) =>
    guard(() => {
      sim.enableWebhook(id);
      return json(200, { id, enabled: true });
    }),
  ),
  route("POST", "/_sim/webhooks/:id/disable", ({ sim }, { id }) =>
    guard(() => {
      sim.disableWebhook(id);
      return json(200, { id, enabled: false });
    }),
  ),
  route("POST", "/_sim/webhooks/:id/test", ({ sim }, { id }) => guard(async () => json(200, await sim.sendTestWebhook(id)))),
  route("POST", "/_sim/faults", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(() => {
      sim.setFaults(body as unknown as FaultRule);
      return json(200, { faults: sim.state().faults });
    });
  }),
  route("DELETE", "/_sim/faults", ({ sim }) => {
    sim.clearFaults();
    return json(200, { faults: [] });
  }),
  route("POST", "/_sim/clients", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(() => {
      sim.addClient(body as unknown as SimClient);
      return json(201, { clientId: body.clientId, redirectUris: body.redirectUris });
    });
  }),
  route("POST", "/_sim/revoke", async ({ sim, request }) => {
    const body = await readJsonObject(request);
    return guard(() => {
      if (typeof body.accountId !== "string") throw new TypeError("accountId is required");
      if (body.clientId !== undefined && typeof body.clientId !== "string") throw new TypeError("clientId must be a string");
      return json(200, sim.revoke(body.accountId, body.clientId as string | undefined));
    });
  }),
];
