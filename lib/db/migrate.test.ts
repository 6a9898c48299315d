import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { openDatabase } from "./client";
import { pendingSchemaSql } from "./migrate";

describe("migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  // The comparison replays the migrations on a scratch database, so it runs on PGlite whichever
  // server the rest of the suite uses (the PostgreSQL driver adapter cannot read the catalog types
  // the engine introspects with).
  it("schema.prisma and prisma/migrations agree (run `npm run db:diff -- --name x` when this fails)", async () => {
    const scratch = await openDatabase({ kind: "pglite", dir: "memory://" });
    try {
      expect(await pendingSchemaSql(scratch.adapter)).toBe("");
    } finally {
      await scratch.close();
    }
  });

  it("records applied migrations the way prisma migrate deploy does", async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      `SELECT migration_name, finished_at FROM _prisma_migrations`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});

describe("migration files", () => {
  it("no comment holds a semicolon followed by more words: on PostgreSQL the schema engine splits statements at every semicolon, comments included", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { MIGRATIONS_DIR } = await import("./migrate");
    const offending = readdirSync(MIGRATIONS_DIR)
      .filter((name) => !name.endsWith(".toml"))
      .flatMap((name) =>
        readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")
          .split("\n")
          .filter((line) => /^\s*--.*;\s*\S/.test(line))
          .map((line) => `${name}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });
});
