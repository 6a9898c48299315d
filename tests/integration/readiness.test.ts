import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { GET as readyRoute } from "@/app/api/ready/route";
import { createPrisma, openDatabase, setRuntimeForTests } from "@/lib/db/client";
import { checkReadiness } from "@/lib/health/readiness";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues } from "@/lib/jobs/definitions";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

describe("GET /api/ready", () => {
  let t: TestDatabase;
  let boss: PgBoss;
  beforeAll(async () => {
    t = await createTestDatabase();
    boss = createBoss(t.database, { schedule: false, supervise: false });
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
    await t.close();
  });

  it("is not ready before the job queue is set up, and says what is missing", async () => {
    const res = await readyRoute();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.status).toBe("not_ready");
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.migrations).toEqual({ ok: true });
    expect(body.checks.queue!.ok).toBe(false);
  });

  it("is ready once the queue is set up", async () => {
    await boss.start();
    await ensureQueues(boss);
    const res = await readyRoute();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, queue: { ok: true } } });
  });

  it("is not ready while a migration of the release is not applied", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    // The release's migrations, all applied, plus one that is not.
    const released = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const name of [...released.map((d) => d.name), "29990101000000_next_release"]) mkdirSync(path.join(dir, name));
    const readiness = await checkReadiness(dir);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.migrations).toEqual({ ok: false, detail: "pending: 29990101000000_next_release" });
  });

  it("is not ready while the database does not answer", async () => {
    const down = await openDatabase({ kind: "postgres", url: "postgresql://screening:screening@127.0.0.1:1/screening", poolSize: 2 });
    setRuntimeForTests({ database: down, prisma: createPrisma(down) });
    try {
      const res = await readyRoute();
      expect(res.status).toBe(503);
      expect(((await res.json()) as { checks: { database: unknown } }).checks.database).toEqual({ ok: false, detail: "unreachable" });
    } finally {
      setRuntimeForTests({ database: t.database, prisma: t.prisma });
      await down.close();
    }
  });
});
