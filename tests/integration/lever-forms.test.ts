import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createConnection } from "@/lib/ats/providers/lever/test-helpers";
import { applySettings } from "@/lib/connections/settings";
import { PRODUCT_SCOPES, connect } from "@/tools/lever-sim/testing";
import { drain, member, notesOf, screen, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

/**
 * Results as a Lever profile form, against the simulator through msw: the "Screening result" template
 * is created once per Lever account, each candidate has exactly one live form (a re-screen replaces
 * it), Lever's 429/5xx are retried, and a connection without the forms permission gets a clear error.
 */
describe("results as a Lever form", () => {
  let w: WriteBackBed;
  const prisma = () => w.bed.db.prisma;
  const state = () => w.bed.sim.state();
  const liveForms = (opportunityId: string) => state().forms.filter((f) => f.opportunityId === opportunityId && !f.deleted);
  const templateCreations = () => state().requests["POST /v1/form_templates"]?.["201"] ?? 0;

  beforeAll(async () => {
    w = await startWriteBackBed(4);
    await prisma().integrationSettings.update({ where: { connectionId: w.connectionId }, data: { resultFormat: "FORM" } });
  });
  afterAll(async () => {
    await w.close();
  });
  beforeEach(() => w.bed.sim.clearFaults());

  it("creates the template once for the account and posts one form per candidate instead of a note", async () => {
    const batch = w.candidates.slice(0, 3);
    for (const c of batch) await screen(w, c.id, 82);
    await drain(w);

    const accountId = state().accounts[0]!.id;
    const templates = state().formTemplates.filter((t) => t.accountId === accountId && !t.deleted);
    expect(templates).toHaveLength(1);
    expect(templates[0]!.text).toBe("Screening result");
    expect(templates[0]!.fields.map((f) => f.text)).toEqual(["Score (0–100)", "Required criteria", "Met", "Partly met", "Not met", "Needs review", "Screening details"]);
    expect(templateCreations()).toBe(1);
    const connection = await prisma().atsConnection.findUniqueOrThrow({ where: { id: w.connectionId } });
    expect(connection.resultTemplateExternalId).toBe(templates[0]!.id);

    for (const c of batch) {
      const forms = liveForms(c.externalId);
      expect(forms).toHaveLength(1);
      const value = (text: string) => forms[0]!.fields.find((f) => f.text === text)?.value;
      expect(value("Score (0–100)")).toBe("82");
      expect(value("Required criteria")).toBe("All required met");
      expect(value("Met")).toBe("• Five years of TypeScript (required)");
      expect(value("Needs review")).toBe("• Remote in Europe");
      expect(value("Screening details")).toContain(`/jobs/${w.jobId}/candidates/${c.id}`);
      expect(forms[0]!.user).toBe(w.actingUserId);
      expect(notesOf(w, c.externalId)).toEqual([]);
      const result = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: c.id } });
      expect(result.externalNoteId).toBe(forms[0]!.id);
    }
  });

  it("a re-screen replaces the form: exactly one live form, with the new result, and no second template", async () => {
    const c = w.candidates[0]!;
    const before = liveForms(c.externalId)[0]!;
    await screen(w, c.id, 35, "criteria-v2");
    await drain(w);
    const after = liveForms(c.externalId);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before.id);
    expect(after[0]!.fields.find((f) => f.text === "Score (0–100)")?.value).toBe("35");
    expect(after[0]!.fields.find((f) => f.text === "Required criteria")?.value).toBe("Missing required");
    expect(state().forms.find((f) => f.id === before.id)?.deleted).toBe(true);
    expect(templateCreations()).toBe(1);
  });

  it("Lever's 429 and 5xx are retried: each candidate still ends with exactly one live form", { timeout: 120_000 }, async () => {
    w.bed.sim.setFaults([{ status: 503, rate: 0.25 }, { status: 429, rate: 0.25 }]);
    for (const c of w.candidates) await screen(w, c.id, 64, "criteria-v3");
    await drain(w);
    const faulted = Object.entries(state().requests)
      .filter(([key]) => key.includes("/forms") || key.includes("form_templates"))
      .reduce((n, [, byStatus]) => n + (byStatus["503"] ?? 0) + (byStatus["429"] ?? 0), 0);
    expect(faulted).toBeGreaterThan(0);
    for (const c of w.candidates) {
      expect(liveForms(c.externalId)).toHaveLength(1);
      expect(liveForms(c.externalId)[0]!.fields.find((f) => f.text === "Score (0–100)")?.value).toBe("64");
    }
    const actions = await prisma().writeBackAction.findMany({ where: { organizationId: w.org.organizationId, kind: "NOTE" } });
    expect(actions.every((a) => a.status === "SUCCEEDED")).toBe(true);
    expect(templateCreations()).toBe(1);
  });

  it("a connection made without the forms permission is told to reconnect, in Settings and on the write-back", async () => {
    const tokens = await connect(w.bed.sim, { scope: PRODUCT_SCOPES, account: 1 });
    expect(tokens.scope).not.toContain("forms:");
    const created = await createConnection(w.bed.db, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token!, expiresAt: new Date(Date.now() + 3_600_000), scopes: tokens.scope.split(" ") });
    const admin = await member(w.bed, created.organizationId, "admin@old-connection.test", "ADMIN");
    await prisma().integrationSettings.create({ data: { organizationId: created.organizationId, connectionId: created.connectionId, postResults: true, resultFormat: "FORM" } });
    await expect(applySettings(admin, { connectionId: created.connectionId, postResults: true, updateStages: false, autoGenerateJobs: false, autoImportCandidates: false, resultFormat: "form" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("reconnect Lever: this connection was made before the app asked for the forms permission (forms:write:admin)"),
    });

    const opportunity = state().accounts[1]!;
    const job = await prisma().job.create({ data: { organizationId: created.organizationId, connectionId: created.connectionId, provider: "LEVER", externalId: opportunity.postings[0]!.id, title: "Old connection job", importedVia: "MANUAL" } });
    const externalId = (await w.bed.sim.addApplication({ postingId: opportunity.postings[0]!.id, name: "Ines Old" })).opportunityId;
    const candidate = await prisma().candidate.create({ data: { organizationId: created.organizationId, jobId: job.id, provider: "LEVER", externalId, name: "Ines Old", importedVia: "MANUAL" } });
    await screen(w, candidate.id, 70, "criteria-v1", admin);
    await drain(w, created.organizationId);
    const action = await prisma().writeBackAction.findFirstOrThrow({ where: { candidateId: candidate.id, kind: "NOTE" } });
    expect(action.status).toBe("FAILED");
    expect(action.lastError).toContain("does not have the forms permission (forms:write:admin). An admin reconnects Lever in Settings → ATS");
    expect(liveForms(externalId)).toEqual([]);
  });
});
