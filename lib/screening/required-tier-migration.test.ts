import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { requiredStateOfStored } from "./score";
import type { Verdict } from "./types";

const MIGRATION = "screening_required_tier";

/**
 * Results screened before the REQUIRED tier existed get it from their stored verdicts when the
 * migration runs, with the same rules as `requiredState`; otherwise they would rank as if every
 * requirement were met until re-screened.
 */
describe(`migration ${MIGRATION}`, () => {
  let pg: PGlite;
  const names = readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).sort();
  const index = names.findIndex((n) => n.endsWith(`_${MIGRATION}`));
  const sql = (name: string) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");

  beforeAll(async () => {
    pg = new PGlite();
    for (const name of names.slice(0, index)) await pg.exec(sql(name));
  });
  afterAll(() => pg.close());

  const v = (kind: string, verdict: Verdict) => ({ criterionId: `${kind}-${verdict}-${Math.random()}`, text: `${kind} ${verdict}`, kind, weight: "MEDIUM", verdict, evidence: [], reason: "" });
  const rows: Record<string, unknown> = {
    allMet: [v("REQUIRED", "MET"), v("PREFERRED", "NOT_MET"), v("NEUTRAL", "UNKNOWN")],
    partly: [v("REQUIRED", "MET"), v("REQUIRED", "PARTLY_MET")],
    unknown: [v("REQUIRED", "UNKNOWN"), v("PREFERRED", "UNKNOWN")],
    missing: [v("REQUIRED", "UNKNOWN"), v("REQUIRED", "NOT_MET"), v("PREFERRED", "MET")],
    nothingRequired: [v("PREFERRED", "NOT_MET")],
    notAList: { broken: true },
  };

  it("fills requiredTier and needsReview from each result's verdicts, as requiredState does", async () => {
    // Results only: the rows they point to are not what this migration is about.
    await pg.exec("SET session_replication_role = replica");
    for (const [id, verdicts] of Object.entries(rows)) {
      await pg.query(
        `INSERT INTO "ScreeningResult" (id, "organizationId", "candidateId", engine, score, summary, verdicts, "criteriaHash", "updatedAt") VALUES ($1, 'org', $1, 'local', 50, '', $2, 'h', now())`,
        [id, JSON.stringify(verdicts)],
      );
    }
    await pg.exec(sql(names[index]!));
    const got = await pg.query<{ id: string; requiredTier: number; needsReview: number }>(`SELECT id, "requiredTier", "needsReview" FROM "ScreeningResult" ORDER BY id`);
    const byId = Object.fromEntries(got.rows.map((r) => [r.id, [r.requiredTier, r.needsReview]]));
    expect(byId).toEqual({ allMet: [0, 1], partly: [1, 0], unknown: [1, 2], missing: [2, 1], nothingRequired: [0, 0], notAList: [0, 0] });
    for (const [id, verdicts] of Object.entries(rows)) {
      if (!Array.isArray(verdicts)) continue;
      const state = requiredStateOfStored(verdicts as Parameters<typeof requiredStateOfStored>[0]);
      expect(byId[id], id).toEqual([state.tier, state.needsReview.length]);
    }
  });

  it("leaves no default behind, so a writer that forgets the tier fails instead of ranking the result first", async () => {
    await expect(
      pg.query(`INSERT INTO "ScreeningResult" (id, "organizationId", "candidateId", engine, score, summary, verdicts, "criteriaHash", "updatedAt") VALUES ('late', 'org', 'late', 'local', 1, '', '[]', 'h', now())`),
    ).rejects.toThrow(/null value in column "(needsReview|requiredTier)"/);
  });
});
