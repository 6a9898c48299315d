import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLeverSim, type RunningLeverSim } from "./server";

let running: RunningLeverSim;
let receiver: Server;
let receiverUrl = "";
const bodies: string[] = [];
let failNext = 1;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(failNext-- > 0 ? 502 : 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  running = await startLeverSim({ port: 0, opportunitiesPerAccount: 10, webhookRetryDelaysMs: [30, 60], clients: [{ clientId: "c1", clientSecret: "s1", redirectUris: ["http://127.0.0.1:9/cb"] }] });
});
afterAll(async () => {
  await running.close();
  await new Promise((r) => receiver.close(r));
});

describe("startLeverSim (node:http)", () => {
  it("listens on a free port and uses the real URL as baseUrl / audience", async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.sim.baseUrl).toBe(running.url);
    const state = (await (await fetch(`${running.url}/_sim/state`)).json()) as { accounts: unknown[] };
    expect(state.accounts).toHaveLength(2);
  });

  it("serves the whole flow over HTTP, including binary downloads and webhook retries", async () => {
    const base = running.url;
    const params = new URLSearchParams({
      client_id: "c1",
      redirect_uri: "http://127.0.0.1:9/cb",
      response_type: "code",
      state: "st",
      audience: `${base}/v1/`,
      scope: "offline_access opportunities:write:admin resumes:read:admin webhooks:write:admin postings:read:admin",
    });
    expect((await fetch(`${base}/authorize?${params}`)).status).toBe(200);
    const admin = running.sim.state().accounts[1]!.users.find((u) => u.accessRole === "super admin")!;
    params.set("user_id", admin.id);
    params.set("decision", "accept");
    const consent = await fetch(`${base}/authorize`, { method: "POST", body: params, redirect: "manual" });
    const location = new URL(consent.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("st");
    const tokens = (await (
      await fetch(`${base}/oauth/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "authorization_code", client_id: "c1", client_secret: "s1", code: location.searchParams.get("code")!, redirect_uri: "http://127.0.0.1:9/cb" }),
      })
    ).json()) as { access_token: string };
    const headers = { authorization: `Bearer ${tokens.access_token}`, "content-type": "application/json" };

    const opps = (await (await fetch(`${base}/v1/opportunities?expand=applications`, { headers })).json()) as { data: Array<{ id: string }> };
    const withResume = running.sim.context.world.accounts[1]!.opportunities.find((o) => o.resumes[0]?.status === "processed" && o.confidentiality === "non-confidential")!;
    expect(opps.data.map((o) => o.id)).toContain(withResume.id);
    const dl = await fetch(`${base}/v1/opportunities/${withResume.id}/resumes/${withResume.resumes[0]!.id}/download`, { headers });
    expect(dl.status).toBe(200);
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toMatch(/%P|PK/);

    const hook = (await (await fetch(`${base}/v1/webhooks`, { method: "POST", headers, body: JSON.stringify({ url: receiverUrl, event: "applicationCreated" }) })).json()) as { data: { id: string } };
    await fetch(`${base}/_sim/webhooks/${hook.data.id}/enable`, { method: "POST" });
    const posting = running.sim.state().accounts[1]!.postings[0]!.id;
    const created = (await (
      await fetch(`${base}/_sim/applications`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ postingId: posting, name: "Fay Ito", email: "fay@example.com" }) })
    ).json()) as { deliveries: Array<{ attempts: Array<{ status: number }> }> };
    expect(created.deliveries[0]!.attempts.map((a) => a.status)).toEqual([502]);
    const end = Date.now() + 2000;
    while (!running.sim.state().deliveries[0]!.delivered && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(running.sim.state().deliveries[0]!.attempts.map((a) => a.status)).toEqual([502, 200]);
    expect(bodies[0]).toBe(bodies[1]);
  });
});
