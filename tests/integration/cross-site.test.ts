import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { pointConfigAtSim } from "@/lib/ats/providers/lever/test-helpers";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

// The session is the only source of the organization: tests choose who is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Routes that are not called by the signed-in browser: Lever's webhooks (signed), Auth.js (its own CSRF
 * token) and the read-only API (a bearer token, no cookie; its write methods only ever answer 405).
 */
const NOT_BROWSER_JSON = [/^webhooks\//, /^auth\//, /^integrations\/\[provider\]\/(connect|callback)\//, /^v1\//];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [path] : [];
  });
}

/** Every state-changing handler of every JSON route under app/api, found on disk so a new route is covered too. */
async function stateChangingHandlers() {
  const root = join(process.cwd(), "app/api");
  const found: { route: string; method: string; handler: Handler }[] = [];
  for (const file of routeFiles(root)) {
    const route = relative(root, file);
    if (NOT_BROWSER_JSON.some((re) => re.test(route))) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof mod[method] === "function") found.push({ route, method, handler: mod[method] as Handler });
    }
  }
  return found;
}

describe("cross-site requests", () => {
  let t: TestDatabase;
  let restoreEnv: () => void;
  let admin: OrgContext;
  const params = new Proxy({}, { get: () => "c0000000000000000000000000" }) as Record<string, string>;

  beforeAll(async () => {
    restoreEnv = pointConfigAtSim();
    t = await createTestDatabase();
    admin = await makeOrg(t.prisma, "Csrf", "OWNER");
    session.userId = admin.userId;
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
  });

  it("every state-changing JSON route refuses text/plain and forms (415) and other origins (403), before doing anything", async () => {
    const handlers = await stateChangingHandlers();
    expect(handlers.map((h) => `${h.method} ${h.route}`)).toEqual(expect.arrayContaining(["POST candidates/actions/route.ts", "PUT jobs/[jobId]/criteria/route.ts"]));
    const body = JSON.stringify({});
    const send = (h: (typeof handlers)[number], headers: Record<string, string>) =>
      h.handler(new NextRequest("http://localhost:3000/api/x", { method: h.method, body, headers }), { params: Promise.resolve(params) });
    for (const h of handlers) {
      const name = `${h.method} ${h.route}`;
      expect((await send(h, { "content-type": "text/plain" })).status, name).toBe(415);
      expect((await send(h, { "content-type": "application/x-www-form-urlencoded" })).status, name).toBe(415);
      expect((await send(h, {})).status, name).toBe(415);
      expect((await send(h, { "content-type": "application/json", origin: "http://sibling.localhost:3000" })).status, name).toBe(403);
      expect((await send(h, { "content-type": "application/json", "sec-fetch-site": "same-site" })).status, name).toBe(403);
      // The app's own pages get past the check (to the route's own answer: 404 for the made-up id, 400, 200…).
      const own = await send(h, { "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
      expect([403, 415], name).not.toContain(own.status);
    }
  });

  it("Connect Lever: a GET or another site's POST starts nothing; the app's own form does", async () => {
    const { GET, POST } = await import("@/app/api/integrations/[provider]/connect/route");
    const states = () => t.prisma.oAuthState.count({ where: { userId: admin.userId } });
    const post = (headers: Record<string, string>) =>
      POST(new NextRequest("http://localhost:3000/api/integrations/lever/connect", { method: "POST", headers }), { params: Promise.resolve({ provider: "lever" }) });

    const viaGet = await GET(new NextRequest("http://localhost:3000/api/integrations/lever/connect"), { params: Promise.resolve({ provider: "lever" }) });
    expect(viaGet.headers.get("location")).toBe("http://localhost:3000/settings/ats?ats=lever");
    for (const headers of [{ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, { origin: "http://sibling.localhost:3000", "sec-fetch-site": "same-site" }]) {
      const res = await post(headers);
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get("location")!).pathname).toBe("/settings/ats");
      expect(new URL(res.headers.get("location")!).searchParams.get("error")).toBeTruthy();
    }
    expect(await states()).toBe(0);

    const own = await post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" });
    expect(own.status).toBe(303);
    expect(own.headers.get("location")).toMatch(/^http:\/\/lever-sim\.test\/.*authorize/);
    expect(await states()).toBe(1);
  });
});
