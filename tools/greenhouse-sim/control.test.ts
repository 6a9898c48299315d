import { describe, expect, it } from "vitest";
import { createGreenhouseSim, type GreenhouseSim } from "./core";
import { connect, harvest } from "./testing";

const START = Date.UTC(2026, 0, 15, 9);
const newSim = () => createGreenhouseSim({ startTime: START, applicationsPerAccount: 10, rateLimit: false });

function control(sim: GreenhouseSim, method: string, path: string, body?: unknown): Promise<Response> {
  return sim.handle(new Request(`${sim.baseUrl}/_sim${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }));
}

describe("control API", () => {
  it("reports two accounts, one of them Enterprise, with jobs, stages and reasons", async () => {
    const state = (await (await control(newSim(), "GET", "/state")).json()) as { accounts: Array<{ enterprise: boolean; jobs: Array<{ stages: unknown[] }>; rejectionReasons: unknown[] }> };
    expect(state.accounts.map((a) => a.enterprise)).toEqual([true, false]);
    expect(state.accounts[0]!.jobs[0]!.stages.length).toBeGreaterThan(3);
    expect(state.accounts[1]!.rejectionReasons.length).toBeGreaterThan(3);
  });

  it("seeds a few hundred applications by default", () => {
    const sim = createGreenhouseSim({ startTime: START });
    expect(sim.state().accounts.reduce((n, a) => n + a.applicationCount, 0)).toBe(300);
  });

  it("creates an application with the given résumé text, readable through Harvest", async () => {
    const sim = newSim();
    const job = sim.state().accounts[1]!.jobs.find((j) => j.status === "open")!;
    const res = await control(sim, "POST", "/applications", { jobId: job.id, name: "Ida Park", email: "ida@example.com", resumeText: "Ida Park\nRegistered nurse, ICU, 6 years" });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { applicationId: number; candidateId: number; accountId: number };
    expect(made.accountId).toBe(sim.state().accounts[1]!.id);
    const token = (await connect(sim, { account: 1 })).access_token;
    const app = (await (await harvest(sim, token, "GET", `/applications/${made.applicationId}`)).json()) as { job_id: number; stage_id: number; status: string };
    expect(app).toMatchObject({ job_id: job.id, stage_id: job.stages[0]!.id, status: "active" });
    const att = sim.context.accounts[1]!.attachments.find((a) => a.application_id === made.applicationId)!;
    expect(att.text).toContain("Registered nurse");
  });

  it("answers bad input with 400 and a plain message, changing nothing", async () => {
    const sim = newSim();
    const before = sim.state().accounts.map((a) => a.applicationCount);
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", "/applications", { name: "A", email: "a@example.com" }, "jobId is required and must be a job id (an integer)"],
      ["POST", "/applications", { jobId: job.id, email: "a@example.com" }, "name is required"],
      ["POST", "/applications", { jobId: job.id, name: "A", email: "not-an-email" }, "email is required and must be an email address"],
      ["POST", "/applications", { jobId: job.id, name: "A", email: "a@example.com", resumeText: 7 }, "resumeText must be non-empty text when given"],
      ["POST", "/applications", "{oops", "Request body must be valid JSON"],
      ["POST", "/applications", "[1]", "Request body must be a JSON object"],
      ["POST", "/clock", { advanceMs: -5 }, "advanceMs must be a non-negative number of milliseconds"],
      ["POST", "/clock", { advanceMs: "soon" }, "advanceMs must be a non-negative number of milliseconds"],
      ["POST", "/clock", {}, 'Send exactly one of {"advanceMs": <milliseconds>} or {"set": <epoch ms or ISO 8601>}'],
      ["POST", "/clock", { set: "2020-01-01T00:00:00Z" }, "The clock cannot go backwards (now is 2026-01-15T09:00:00.000Z)"],
      ["POST", "/faults", { status: 418, rate: 1 }, "status must be one of 429, 500, 502, 503, 504"],
      ["POST", "/faults", { status: 503, rate: 2 }, "rate must be a number from 0 to 1"],
      ["DELETE", "/candidates/abc", undefined, "candidate id must be an integer"],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await control(sim, method, path, body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(await res.json()).toEqual({ message });
    }
    expect(sim.state().accounts.map((a) => a.applicationCount)).toEqual(before);
    expect(sim.now()).toBe(START);
    expect(sim.state().faults).toEqual([]);
    expect((await control(sim, "POST", "/applications", { jobId: 999, name: "A", email: "a@example.com" })).status).toBe(404);
    expect((await control(sim, "DELETE", "/candidates/999")).status).toBe(404);
  });

  it("moves the clock by advanceMs or to a set time", async () => {
    const sim = newSim();
    expect(((await (await control(sim, "POST", "/clock", { advanceMs: 60_000 })).json()) as { now: number }).now).toBe(START + 60_000);
    const set = (await (await control(sim, "POST", "/clock", { set: "2026-01-16T00:00:00Z" })).json()) as { iso: string };
    expect(set.iso).toBe("2026-01-16T00:00:00.000Z");
  });

  it("injects faults on /v3 only, then clears them", async () => {
    const sim = newSim();
    const token = (await connect(sim)).access_token;
    expect((await control(sim, "POST", "/faults", { status: 503, rate: 1, count: 2 })).status).toBe(200);
    expect((await harvest(sim, token, "GET", "/jobs")).status).toBe(503);
    expect((await sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`))).status).toBe(200);
    expect((await harvest(sim, token, "GET", "/jobs")).status).toBe(503);
    expect((await harvest(sim, token, "GET", "/jobs")).status).toBe(200);
    await control(sim, "POST", "/faults", { status: 500, rate: 1 });
    await control(sim, "DELETE", "/faults");
    expect((await harvest(sim, token, "GET", "/jobs")).status).toBe(200);
  });

  it("deletes a candidate with its applications and sends delete_candidate", async () => {
    const bodies: string[] = [];
    const sim = createGreenhouseSim({ startTime: START, applicationsPerAccount: 10, rateLimit: false, fetch: (async (_u: unknown, init?: RequestInit) => {
      bodies.push(String(init?.body));
      return new Response(null, { status: 200 });
    }) as typeof fetch });
    const account = sim.state().accounts[0]!;
    await sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`, { method: "POST", body: new URLSearchParams({ account_id: String(account.id), name: "Deletes", event: "delete_candidate", url: "https://app.test/h", secret: "k" }) }));
    const candidate = sim.context.accounts[0]!.candidates[0]!;
    const appIds = sim.context.accounts[0]!.applications.filter((a) => a.candidate_id === candidate.id).map((a) => a.id);
    const res = await control(sim, "DELETE", `/candidates/${candidate.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deletedApplicationIds: number[] }).deletedApplicationIds).toEqual(appIds);
    expect(JSON.parse(bodies[1]!)).toEqual({ action: "delete_candidate", payload: { person: { id: candidate.id, deleted_application_ids: appIds } } });
    const token = (await connect(sim)).access_token;
    expect((await harvest(sim, token, "GET", `/candidates/${candidate.id}`)).status).toBe(404);
    expect(await (await harvest(sim, token, "GET", `/applications?candidate_id=${candidate.id}`)).json()).toEqual([]);
    expect(await (await harvest(sim, token, "GET", `/attachments?candidate_id=${candidate.id}`)).json()).toEqual([]);
  });

  it("reset restores the seed and forgets hooks, tokens and the clock", async () => {
    const sim = newSim();
    const token = (await connect(sim)).access_token;
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    await sim.addApplication({ jobId: job.id, name: "Temp One", email: "t1@example.com" });
    await sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`, { method: "POST", body: new URLSearchParams({ account_id: String(sim.state().accounts[0]!.id), name: "H", event: "job_created", url: "http://127.0.0.1:9/h", secret: "k" }) }));
    expect(sim.state().webhooks).toHaveLength(1);
    sim.advanceClock(5000);
    expect((await control(sim, "POST", "/reset")).status).toBe(200);
    expect(sim.now()).toBe(START);
    expect(sim.state().accounts[0]!.applicationCount).toBe(10);
    expect(sim.state().accounts[0]!.jobs.map((j) => j.id)).toContain(job.id);
    expect((await harvest(sim, token, "GET", "/jobs")).status).toBe(401);
    expect(sim.state().webhooks).toEqual([]);
  });
});
