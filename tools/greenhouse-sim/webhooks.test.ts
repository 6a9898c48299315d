import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGreenhouseSim, type GreenhouseSim } from "./core";
import { connect, harvest } from "./testing";

const START = Date.UTC(2026, 0, 15, 9);
const HOOK = "https://app.test/api/webhooks/greenhouse";

interface Received {
  body: string;
  signature: string | null;
  eventId: string | null;
  at: number;
}

/** A receiver that answers with the next status of `statuses` (the last one repeats). */
function receiver(statuses: number[]) {
  const received: Received[] = [];
  const holder: { sim?: GreenhouseSim } = {};
  const fetchImpl = async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    received.push({ body: String(init?.body), signature: headers.get("signature"), eventId: headers.get("greenhouse-event-id"), at: holder.sim!.now() });
    return new Response(null, { status: statuses[Math.min(received.length - 1, statuses.length - 1)] });
  };
  return { received, holder, fetchImpl: fetchImpl as typeof fetch };
}

function makeSim(statuses: number[]) {
  const r = receiver(statuses);
  const sim = createGreenhouseSim({ startTime: START, applicationsPerAccount: 10, rateLimit: false, fetch: r.fetchImpl });
  r.holder.sim = sim;
  return { sim, ...r };
}

async function saveHook(sim: GreenhouseSim, fields: Record<string, string>): Promise<Response> {
  const account = sim.state().accounts[0]!;
  const form = new URLSearchParams({ account_id: String(account.id), name: "Screening", event: "new_candidate_application", url: HOOK, secret: "s3cr3t-key", error_email: "ops@example.com", ...fields });
  return sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }));
}

const hmac = (secret: string, body: string) => `sha256 ${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("web hook admin page", () => {
  it("shows the form with Greenhouse's event names", async () => {
    const { sim } = makeSim([200]);
    const page = await (await sim.handle(new Request(`${sim.baseUrl}/admin/web_hooks`))).text();
    expect(page).toContain("Candidate has submitted application");
    expect(page).toContain('name="secret"');
    expect(page).toContain("Acme Robotics");
  });

  it("pings on save with a signed body and keeps the hook enabled when the ping succeeds", async () => {
    const { sim, received } = makeSim([200]);
    const res = await saveHook(sim, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("the ping succeeded");
    const hook = sim.state().webhooks[0]!;
    expect(hook).toMatchObject({ active: true, event: "new_candidate_application", url: HOOK });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual({ action: "ping", payload: { web_hook_id: hook.id } });
    expect(received[0]!.signature).toBe(hmac("s3cr3t-key", received[0]!.body));
  });

  it("saves the hook disabled when the ping fails, and sends it nothing afterwards", async () => {
    const { sim, received } = makeSim([500, 200]);
    const page = await (await saveHook(sim, {})).text();
    expect(page).toContain("Saved, but disabled");
    expect(sim.state().webhooks[0]!.active).toBe(false);
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    await sim.addApplication({ jobId: job.id, name: "Ann Lee", email: "ann@example.com" });
    expect(received).toHaveLength(1);
  });

  it("refuses a form without a secret or with a bad URL, saving nothing", async () => {
    const { sim, received } = makeSim([200]);
    const noSecret = await saveHook(sim, { secret: "" });
    expect(noSecret.status).toBe(400);
    expect(await noSecret.text()).toContain("Secret key is required.");
    expect((await saveHook(sim, { url: "ftp://x" })).status).toBe(400);
    expect((await saveHook(sim, { url: "http://app.example.com/hook" })).status).toBe(400);
    expect((await saveHook(sim, { event: "everything" })).status).toBe(400);
    expect(sim.state().webhooks).toHaveLength(0);
    expect(received).toHaveLength(0);
  });
});

describe("deliveries", () => {
  it("signs the raw body (Unicode escaped before signing) and sends a Greenhouse-Event-ID", async () => {
    const { sim, received } = makeSim([200]);
    await saveHook(sim, {});
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    const made = await sim.addApplication({ jobId: job.id, name: "Zoë Núñez", email: "zoe@example.com", resumeText: "Zoë Núñez\nSenior engineer" });
    const d = received[1]!;
    expect(d.signature).toBe(hmac("s3cr3t-key", d.body));
    expect(d.signature).not.toBe(hmac("wrong-key", d.body));
    expect(d.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.body).toMatch(/^[\x20-\x7e]+$/);
    expect(d.body).toContain("Zo\\u00eb");
    const parsed = JSON.parse(d.body) as { action: string; payload: { application: { id: number; candidate: { first_name: string; attachments: Array<{ type: string; url: string }> }; jobs: Array<{ id: number }> } } };
    expect(parsed.action).toBe("new_candidate_application");
    expect(parsed.payload.application.id).toBe(made.applicationId);
    expect(parsed.payload.application.candidate.first_name).toBe("Zoë");
    expect(parsed.payload.application.jobs[0]!.id).toBe(job.id);
    const resume = await sim.handle(new Request(parsed.payload.application.candidate.attachments.find((a) => a.type === "resume")!.url));
    expect(resume.status).toBe(200);
  });

  it("retries a 5xx after 1, 15, 60, 120, 240 and 480 minutes (compressed 60×) on the sim clock, with the same bytes and event id", async () => {
    const { sim, received } = makeSim([200, 503]);
    await saveHook(sim, {});
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    await sim.addApplication({ jobId: job.id, name: "Ben Ode", email: "ben@example.com" });
    expect(received).toHaveLength(2);
    const gapsMs = [1, 15, 60, 120, 240, 480].map((m) => m * 1000);
    for (const gap of gapsMs) {
      const before = received.length;
      sim.advanceClock(gap - 1);
      await sim.whenIdle();
      expect(received).toHaveLength(before);
      sim.advanceClock(1);
      await sim.whenIdle();
      expect(received).toHaveLength(before + 1);
    }
    const attempts = received.slice(1);
    expect(attempts).toHaveLength(7);
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(attempts.map((a, i) => (i === 0 ? 0 : a.at - attempts[i - 1]!.at))).toEqual([0, ...gapsMs]);
    const delivery = sim.state().deliveries.find((x) => x.action === "new_candidate_application")!;
    expect(delivery).toMatchObject({ delivered: false, pending: false, nextAttemptAt: null });
    sim.advanceClock(24 * 3600_000);
    await sim.whenIdle();
    expect(received).toHaveLength(8);
  });

  it("counts only a 200 as delivered, stops once a retry gets one, and runs every due retry when the clock jumps", async () => {
    const { sim, received } = makeSim([200, 204, 502, 200]);
    await saveHook(sim, {});
    const job = sim.state().accounts[0]!.jobs.find((j) => j.status === "open")!;
    await sim.addApplication({ jobId: job.id, name: "Cy Dee", email: "cy@example.com" });
    sim.advanceClock(10 * 3600_000);
    await sim.whenIdle();
    const d = sim.state().deliveries.find((x) => x.action === "new_candidate_application")!;
    expect(d.attempts.map((a) => a.status)).toEqual([204, 502, 200]);
    expect(d.attempts.map((a) => a.at - START)).toEqual([0, 1000, 16_000]);
    expect(d.delivered).toBe(true);
    expect(received).toHaveLength(4);
  });

  it("sends stage changes, rejections and unrejections made through the API to hooks for those events", async () => {
    const { sim, received } = makeSim([200]);
    for (const event of ["candidate_stage_change", "reject_candidate", "unreject_candidate"]) await saveHook(sim, { event, name: event });
    const token = (await connect(sim)).access_token;
    const app = sim.context.accounts[0]!.applications.find((a) => a.status === "active")!;
    const to = sim.context.accounts[0]!.jobs.find((j) => j.id === app.job_id)!.stages.find((s) => s.id !== app.stage_id)!.id;
    await harvest(sim, token, "POST", `/applications/${app.id}/move`, { from_stage_id: app.stage_id, to_stage_id: to });
    await harvest(sim, token, "POST", `/applications/${app.id}/reject`, { rejection_reason_id: sim.context.accounts[0]!.rejectionReasons[0]!.id });
    await harvest(sim, token, "POST", `/applications/${app.id}/unreject`);
    const actions = received.map((r) => (JSON.parse(r.body) as { action: string }).action).filter((a) => a !== "ping");
    expect(actions).toEqual(["candidate_stage_change", "reject_candidate", "unreject_candidate"]);
  });
});
