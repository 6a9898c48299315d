import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { pendingSchemaSql } from "./migrate";

describe("migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("schema.prisma and prisma/migrations agree (run `npm run db:diff -- --name x` when this fails)", async () => {
    expect(await pendingSchemaSql(t.database.adapter)).toBe("");
  });

  it("records applied migrations the way prisma migrate deploy does", async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      `SELECT migration_name, finished_at FROM _prisma_migrations`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
