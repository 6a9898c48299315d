import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as runRoute } from "@/app/api/imports/[runId]/route";
import { actionError } from "@/lib/auth/guard";
import { createPrisma, openDatabase, setRuntimeForTests, type Database } from "@/lib/db/client";

// A signed-in user: the failure under test is the database's, not the session's.
vi.mock("@/lib/auth/index", () => ({ auth: async () => ({ user: { id: "user-1" } }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

/**
 * The database is down (nothing listens on port 1, as while PostgreSQL restarts): signed-in routes
 * answer 503 with a retry hint, like the webhook route, instead of a 500.
 */
describe("signed-in routes during a database outage", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: "postgres", url: "postgresql://screening:screening@127.0.0.1:1/screening", poolSize: 2 });
    setRuntimeForTests({ database, prisma: createPrisma(database) });
  });
  afterAll(async () => {
    setRuntimeForTests(undefined);
    await database.close();
  });

  it("answer 503 with Retry-After and a plain message", async () => {
    const res = await runRoute(new NextRequest("http://localhost/api/imports/run-1"), { params: Promise.resolve({ runId: "run-1" }) });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("database_unavailable");
    expect(body.error.message).toMatch(/try again/i);
  });

  it("server actions report the same as a 503 the form can show", async () => {
    const { prisma } = { prisma: createPrisma(database) };
    const error = await prisma.user.findFirst({ where: { id: "user-1" } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(actionError(error)).toMatchObject({ ok: false, status: 503 });
  });
});
