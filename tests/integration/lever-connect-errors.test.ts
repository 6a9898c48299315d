import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as callback } from "@/app/api/integrations/[provider]/callback/route";
import { POST as connect } from "@/app/api/integrations/[provider]/connect/route";
import type { OrgContext } from "@/lib/auth/guard";
import { connectErrorMessage, connectErrors } from "@/lib/ats/connect-errors";
import { lever } from "@/lib/ats/providers/lever";
import { pointConfigAtSim } from "@/lib/ats/providers/lever/test-helpers";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

const LEVER = { params: Promise.resolve({ provider: "lever" }) };

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

/** Settings → ATS shows only the app's own words for a failed connection, whatever the URL says. */
describe("Lever connection errors travel as codes", () => {
  let t: TestDatabase;
  let restoreEnv: () => void;
  let admin: OrgContext;
  let recruiter: OrgContext;

  const startState = async () => {
    const res = await connect(new NextRequest("http://localhost:3000/api/integrations/lever/connect", { method: "POST", headers: { origin: "http://localhost:3000" } }), LEVER);
    return new URL(res.headers.get("location")!).searchParams.get("state")!;
  };
  const errorOf = (res: Response) => {
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/settings/ats");
    return location.searchParams.get("error");
  };

  beforeAll(async () => {
    restoreEnv = pointConfigAtSim();
    t = await createTestDatabase();
    admin = await makeOrg(t.prisma, "Codes", "OWNER");
    recruiter = await makeOrg(t.prisma, "Codes Two", "RECRUITER");
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
  });

  it("Lever's error_description (anyone can write it into the callback URL) never reaches the redirect", async () => {
    session.userId = admin.userId;
    const state = await startState();
    const crafted = encodeURIComponent("Your account is locked. Call +1 555 0100 to restore access");
    const res = await callback(new NextRequest(`http://localhost:3000/api/integrations/lever/callback?state=${state}&error=access_denied&error_description=${crafted}`), LEVER);
    expect(errorOf(res)).toBe("access_denied");
    expect(res.headers.get("location")).not.toMatch(/locked|555/);

    const other = await startState();
    const odd = await callback(new NextRequest(`http://localhost:3000/api/integrations/lever/callback?state=${other}&error=${encodeURIComponent("Call us now")}`), LEVER);
    expect(errorOf(odd)).toBe("ats_refused");
  });

  it("each refusal is a known code: a bad state, a replayed state, a recruiter", async () => {
    session.userId = admin.userId;
    expect(errorOf(await callback(new NextRequest("http://localhost:3000/api/integrations/lever/callback?state=nope&code=x"), LEVER))).toBe("state_invalid");
    const state = await startState();
    await callback(new NextRequest(`http://localhost:3000/api/integrations/lever/callback?state=${state}&error=access_denied`), LEVER);
    expect(errorOf(await callback(new NextRequest(`http://localhost:3000/api/integrations/lever/callback?state=${state}&code=x`), LEVER))).toBe("state_used");
    session.userId = recruiter.userId;
    expect(errorOf(await connect(new NextRequest("http://localhost:3000/api/integrations/lever/connect", { method: "POST" }), LEVER))).toBe("not_admin");
  });

  it("the page maps codes to its own messages; free text from the URL gets the generic one", () => {
    const messages = connectErrors(lever);
    expect(connectErrorMessage("access_denied", lever)).toBe(messages.access_denied);
    expect(messages.access_denied).toBe("Lever did not grant access. Only a Lever Super Admin can connect the app; you can try again at any time.");
    expect(connectErrorMessage("Your account is locked. Call +1 555 0100", lever)).toBe(messages.failed);
    expect(connectErrorMessage("constructor", lever)).toBe(messages.failed);
    expect(connectErrorMessage(undefined, lever)).toBeUndefined();
  });
});
