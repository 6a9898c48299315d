import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "./migrate";

const MIGRATION = "ats_provider_external_ids";

/**
 * The schema moved from Lever's names to provider + external ids. A database with data from before
 * must keep every row and every id: renamed columns, the provider filled in, the payload ids of pending
 * write-backs and the account claims carried over, and the new unique keys in force.
 */
describe(`migration ${MIGRATION}`, () => {
  let pg: PGlite;
  const names = readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).sort();
  const index = names.findIndex((n) => n.endsWith(`_${MIGRATION}`));
  const sql = (name: string) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");

  beforeAll(async () => {
    pg = new PGlite();
    for (const name of names.slice(0, index)) await pg.exec(sql(name));
    await pg.exec(`
      INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org', 'Acme', 'acme', now());
      INSERT INTO "AtsConnection" (id, "organizationId", environment, "leverAccountId", "accountClaim", "actingLeverUserId", "actingLeverUserName", "updatedAt")
        VALUES ('conn', 'org', 'SIMULATOR', 'acct-1', 'SIMULATOR:acct-1', 'user-9', 'Sam Admin', now());
      INSERT INTO "Job" (id, "organizationId", "connectionId", "leverPostingId", title, "leverUrl", "importedVia", "updatedAt")
        VALUES ('job', 'org', 'conn', 'posting-1', 'Engineer', 'https://hire.lever.co/p/1', 'MANUAL', now());
      INSERT INTO "Stage" (id, "organizationId", "connectionId", "leverStageId", text, "updatedAt") VALUES ('stage', 'org', 'conn', 'lever-stage-1', 'Phone screen', now());
      INSERT INTO "ArchiveReason" (id, "organizationId", "connectionId", "leverArchiveReasonId", text, type, "updatedAt") VALUES ('reason', 'org', 'conn', 'lever-reason-1', 'Underqualified', 'non-hired', now());
      INSERT INTO "Candidate" (id, "organizationId", "jobId", "leverOpportunityId", "leverApplicationId", "leverContactId", name, "leverStageId", "stageId", "importedVia", "updatedAt")
        VALUES ('cand', 'org', 'job', 'opp-1', 'app-1', 'contact-1', 'Ada', 'lever-stage-1', 'stage', 'WEBHOOK', now());
      INSERT INTO "ScreeningResult" (id, "organizationId", "candidateId", engine, score, summary, verdicts, "criteriaHash", "requiredTier", "needsReview", "leverNoteId", "updatedAt")
        VALUES ('res', 'org', 'cand', 'local', 80, '', '[]', 'h', 0, 0, 'note-1', now());
      INSERT INTO "WriteBackAction" (id, "organizationId", "connectionId", "candidateId", kind, payload, "idempotencyKey", "leverNoteId", "leverResponse", "updatedAt") VALUES
        ('wb-stage', 'org', 'conn', 'cand', 'STAGE_CHANGE', '{"stageId":"stage","leverStageId":"lever-stage-1"}', 'k1', NULL, NULL, now()),
        ('wb-reject', 'org', 'conn', 'cand', 'ARCHIVE', '{"archiveReasonId":"reason","leverArchiveReasonId":"lever-reason-1"}', 'k2', NULL, NULL, now()),
        ('wb-note', 'org', 'conn', 'cand', 'NOTE', '{"resultId":"res","version":"v1"}', 'k3', 'note-1', '{"ok":true,"method":"POST"}', now());
      INSERT INTO "WebhookDelivery" (id, "organizationId", "connectionId", token, event, "triggeredAt", "leverOpportunityId", "leverApplicationId")
        VALUES ('del', 'org', 'conn', 'tok-1', 'applicationCreated', now(), 'opp-1', 'app-1');
    `);
    await pg.exec(sql(names[index]!));
  });
  afterAll(() => pg.close());

  const one = async <T>(query: string) => (await pg.query<T>(query)).rows[0]!;

  it("keeps every row and id under the new names, with the provider filled in", async () => {
    expect(await one(`SELECT "externalAccountId", "accountClaim", "actingUserExternalId", "actingUserName" FROM "AtsConnection"`)).toEqual({
      externalAccountId: "acct-1",
      accountClaim: "lever:SIMULATOR:acct-1",
      actingUserExternalId: "user-9",
      actingUserName: "Sam Admin",
    });
    expect(await one(`SELECT provider, "externalId", "externalUrl" FROM "Job"`)).toEqual({ provider: "LEVER", externalId: "posting-1", externalUrl: "https://hire.lever.co/p/1" });
    expect(await one(`SELECT provider, "externalId", "externalApplicationId", "externalPersonId", "externalStageId", "stageId" FROM "Candidate"`)).toEqual({
      provider: "LEVER",
      externalId: "opp-1",
      externalApplicationId: "app-1",
      externalPersonId: "contact-1",
      externalStageId: "lever-stage-1",
      stageId: "stage",
    });
    expect(await one(`SELECT provider, "externalId" FROM "Stage"`)).toEqual({ provider: "LEVER", externalId: "lever-stage-1" });
    expect(await one(`SELECT provider, "externalId" FROM "ArchiveReason"`)).toEqual({ provider: "LEVER", externalId: "lever-reason-1" });
    expect(await one(`SELECT "externalNoteId" FROM "ScreeningResult"`)).toEqual({ externalNoteId: "note-1" });
    expect(await one(`SELECT "externalCandidateId", "externalApplicationId" FROM "WebhookDelivery"`)).toEqual({ externalCandidateId: "opp-1", externalApplicationId: "app-1" });
  });

  it("carries the ATS ids inside pending write-backs' payloads, and their answers", async () => {
    const rows = await pg.query<{ id: string; payload: unknown; externalNoteId: string | null; externalResponse: unknown }>(
      `SELECT id, payload, "externalNoteId", "externalResponse" FROM "WriteBackAction" ORDER BY id`,
    );
    expect(Object.fromEntries(rows.rows.map((r) => [r.id, r.payload]))).toEqual({
      "wb-note": { resultId: "res", version: "v1" },
      "wb-reject": { archiveReasonId: "reason", externalArchiveReasonId: "lever-reason-1" },
      "wb-stage": { stageId: "stage", externalStageId: "lever-stage-1" },
    });
    expect(rows.rows.find((r) => r.id === "wb-note")).toMatchObject({ externalNoteId: "note-1", externalResponse: { ok: true, method: "POST" } });
  });

  it("makes ids unique per organization and provider: a second row for the same Lever id is refused", async () => {
    await expect(
      pg.exec(`INSERT INTO "Candidate" (id, "organizationId", "jobId", provider, "externalId", name, "importedVia", "updatedAt") VALUES ('dup', 'org', 'job', 'LEVER', 'opp-1', 'Ada again', 'MANUAL', now())`),
    ).rejects.toThrow(/unique/i);
    await expect(pg.exec(`INSERT INTO "Job" (id, "organizationId", "externalId", title, "importedVia", "updatedAt") VALUES ('nop', 'org', 'posting-2', 'No provider', 'MANUAL', now())`)).rejects.toThrow(
      /provider/,
    );
  });
});
