import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT } from "./context";
import { startGreenhouseSim, type RunningGreenhouseSim } from "./server";
import { basic } from "./testing";

const START = Date.UTC(2026, 0, 15, 9);
let running: RunningGreenhouseSim;
let receiver: Server;
let receiverUrl = "";
const got: Array<{ body: string; signature: string; eventId: string }> = [];
let statuses: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("latin1")));
    req.on("end", () => {
      got.push({ body, signature: String(req.headers.signature), eventId: String(req.headers["greenhouse-event-id"]) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  running = await startGreenhouseSim({ port: 0, startTime: START, applicationsPerAccount: 40, clients: [{ ...DEFAULT_CLIENT, redirectUris: ["http://127.0.0.1:9/cb"] }] });
});
afterAll(async () => {
  await running.close();
  await new Promise((r) => receiver.close(r));
});

const post = (path: string, body: unknown) => fetch(`${running.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("startGreenhouseSim (node:http on an ephemeral port)", () => {
  it("runs consent, token, Link paging, a signed download and a 429 over real HTTP", async () => {
    const base = running.url;
    expect(running.sim.baseUrl).toBe(base);
    const page = await fetch(`${base}/authorize?${new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: "http://127.0.0.1:9/cb", response_type: "code", state: "st" })}`);
    expect(page.status).toBe(200);
    const admin = running.sim.state().accounts[0]!.users.find((u) => u.siteAdmin)!;
    const consent = await fetch(`${base}/authorize`, { method: "POST", redirect: "manual", body: new URLSearchParams({ client_id: DEFAULT_CLIENT.clientId, redirect_uri: "http://127.0.0.1:9/cb", state: "st", user_id: String(admin.id), decision: "allow" }) });
    expect(consent.status).toBe(302);
    const code = new URL(consent.headers.get("location")!).searchParams.get("code")!;
    const tokenRes = await fetch(`${base}/token`, { method: "POST", headers: { authorization: basic(DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret) }, body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: "http://127.0.0.1:9/cb" }) });
    expect(tokenRes.status).toBe(200);
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}` };

    const ids: number[] = [];
    let url: string | null = `${base}/v3/applications?per_page=15`;
    while (url) {
      const res: Response = await fetch(url, { headers });
      expect(res.status).toBe(200);
      ids.push(...((await res.json()) as Array<{ id: number }>).map((a) => a.id));
      url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
      if (url) expect(url.startsWith(`${base}/v3/applications?cursor=`)).toBe(true);
    }
    expect(ids.length).toBe(40);
    expect(new Set(ids).size).toBe(40);

    const att = ((await (await fetch(`${base}/v3/attachments?type=resume&per_page=1`, { headers })).json()) as Array<{ url: string }>)[0]!;
    const dl = await fetch(att.url);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).subarray(0, 2).toString()).toMatch(/%P|PK/);

    // The clock is frozen, so the 4 calls above and these share one 10-second window of 50.
    const remaining = Number((await fetch(`${base}/v3/users`, { headers })).headers.get("x-ratelimit-remaining"));
    expect(remaining).toBe(45);
    for (let i = 0; i < remaining; i++) expect((await fetch(`${base}/v3/users`, { headers })).status).toBe(200);
    const over = await fetch(`${base}/v3/users`, { headers });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("10");
    expect(over.headers.get("x-ratelimit-reset")).toBe(String(Math.ceil((START + 10_000) / 1000)));

    expect((await post("/_sim/clock", { advanceMs: 7 * 24 * 3600_000 + 1000 })).status).toBe(200);
    expect((await fetch(att.url)).status).toBe(403);
  });

  it("answers control API bad input with 400 and a plain message over HTTP", async () => {
    const res = await post("/_sim/applications", { jobId: "abc", name: "X", email: "x@example.com" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: "jobId is required and must be a job id (an integer)" });
  });

  it("delivers a signed web hook to a real receiver and retries a 5xx when /_sim/clock reaches the next attempt", async () => {
    const account = running.sim.state().accounts[0]!;
    statuses = [200, 502, 500];
    const saved = await fetch(`${running.url}/admin/web_hooks`, { method: "POST", body: new URLSearchParams({ account_id: String(account.id), name: "App", event: "new_candidate_application", url: receiverUrl, secret: "live-secret" }) });
    expect(await saved.text()).toContain("the ping succeeded");
    const job = account.jobs.find((j) => j.status === "open")!;
    const created = await post("/_sim/applications", { jobId: job.id, name: "Hana Sato", email: "hana@example.com" });
    expect(created.status).toBe(201);
    expect(got).toHaveLength(2);
    const first = got[1]!;
    expect(first.signature).toBe(`sha256 ${createHmac("sha256", "live-secret").update(Buffer.from(first.body, "latin1")).digest("hex")}`);
    await post("/_sim/clock", { advanceMs: 999 });
    expect(got).toHaveLength(2);
    await post("/_sim/clock", { advanceMs: 1 });
    expect(got).toHaveLength(3);
    await post("/_sim/clock", { advanceMs: 15_000 });
    expect(got).toHaveLength(4);
    expect(got.slice(1).map((g) => g.eventId)).toEqual([first.eventId, first.eventId, first.eventId]);
    const state = (await (await fetch(`${running.url}/_sim/state`)).json()) as { deliveries: Array<{ action: string; delivered: boolean; attempts: Array<{ status: number }> }> };
    const d = state.deliveries.find((x) => x.action === "new_candidate_application")!;
    expect(d.attempts.map((a) => a.status)).toEqual([502, 500, 200]);
    expect(d.delivered).toBe(true);
  });
});
