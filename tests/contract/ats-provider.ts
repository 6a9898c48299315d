import { describe, expect, it } from "vitest";
import { AtsApiError, isPermanentAtsError } from "@/lib/ats/errors";
import type { AtsProvider, AtsSession, ConnectionRef } from "@/lib/ats/provider";

/**
 * The contract every ATS provider passes against its own simulator (docs/adding-an-ats.md). It speaks
 * only the core's interface: what the core relies on, whatever the ATS. A provider's test file calls
 * `providerContract` with a fixture that starts its simulator and a connection with stored tokens.
 */
export interface ContractFixture {
  provider: AtsProvider;
  connection: ConnectionRef;
  /** A new application in the simulator to `jobExternalId`; returns the candidacy's external id. */
  addCandidate(jobExternalId: string, name: string): Promise<string>;
  /** Switches the connection's registered webhooks on in the simulator (an ATS admin's step). */
  enableWebhooks(): Promise<void>;
  /**
   * For `webhookRegistration: "manual"`: what the ATS admin does by hand, one web hook per event at
   * `url` signed with `secret` (the secret the app generated and showed them).
   */
  configureWebhooks?(url: string, secret: string, events: readonly string[]): Promise<void>;
  /** Raw requests the simulator delivered to `url` so far. */
  deliveries(url: string): Array<{ rawBody: string; headers: Headers }>;
}

const HOOK_URL = "https://app.test/api/webhooks/contract/hook";

export function providerContract(name: string, setup: () => ContractFixture | Promise<ContractFixture>) {
  describe(`${name}: the ATS provider contract`, () => {
    let fixture: Promise<{ f: ContractFixture; session: AtsSession }> | undefined;
    const ready = () =>
      (fixture ??= (async () => {
        const f = await setup();
        return { f, session: f.provider.session(f.connection) };
      })());

    it("pages through jobs with the ATS's cursor: each job once, and getJob agrees with the list", async () => {
      const { session } = await ready();
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await session.listJobs({ states: ["published", "internal", "closed"], limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((j) => j.externalId));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen.length).toBeGreaterThan(3);
      expect(new Set(seen).size).toBe(seen.length);
      const job = await session.getJob(seen[0]!);
      expect(job.externalId).toBe(seen[0]);
      expect(job.title.length).toBeGreaterThan(0);
      expect(Array.isArray(job.requirementLists)).toBe(true);
    });

    it("lists a job's candidates with a cursor, active only on request, and reads one with its résumé", async () => {
      const { f, session } = await ready();
      const job = (await session.listJobs({ states: ["published"], limit: 1 })).items[0]!;
      const added = await f.addCandidate(job.externalId, "Contract Candidate");
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await session.listCandidates({ jobExternalId: job.externalId, limit: 5, cursor });
        for (const c of page.items) expect(c.jobExternalId).toBe(job.externalId);
        all.push(...page.items.map((c) => c.externalId));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(all).toContain(added);
      expect(new Set(all).size).toBe(all.length);
      const active = await session.listCandidates({ jobExternalId: job.externalId, activeOnly: true, limit: 100 });
      expect(active.items.every((c) => c.archived === null)).toBe(true);

      const one = await session.getCandidate(added);
      expect(one).toMatchObject({ externalId: added, jobExternalId: job.externalId, name: "Contract Candidate", archived: null });
      const resume = await session.getResume(added);
      expect(resume.status).toBe("parsed");
      expect(resume.text?.length ?? 0).toBeGreaterThan(50);
      // The original file, read again on demand: a real PDF or DOCX under the name `getResume` reported.
      const file = await session.getResumeFile(added);
      expect(file?.fileName).toBe(resume.fileName);
      expect(["%PDF-", "PK\u0003\u0004\u0014"]).toContain(Buffer.from(file!.bytes.subarray(0, 5)).toString("latin1"));
      expect(file!.contentType).toMatch(/^application\/(pdf|vnd\.openxmlformats-officedocument\.wordprocessingml\.document)$/);
    });

    it("mirrors stages, rejection reasons and users", async () => {
      const { session } = await ready();
      const [stages, reasons, users] = await Promise.all([session.stages(), session.rejectionReasons(), session.users()]);
      expect(stages.length).toBeGreaterThan(1);
      expect(reasons.some((r) => r.type === "non-hired" && r.active)).toBe(true);
      for (const r of reasons) expect(["hired", "non-hired"]).toContain(r.type);
      expect(users.some((u) => u.active)).toBe(true);
    });

    it("writes the result once and replaces it after; a lost write is found by its marker", async () => {
      const { f, session } = await ready();
      const job = (await session.listJobs({ states: ["published"], limit: 1 })).items[0]!;
      const id = await f.addCandidate(job.externalId, "Note Candidate");
      const marker = `/candidates/contract-${id}`;
      const first = await session.writeResult(id, { text: `Screening score: 40/100\nDetails: https://app.test${marker}`, score: 40, requiredTier: 2, marker }, { existingNoteId: null, actAs: null });
      expect(first.created).toBe(true);
      expect(await session.findResult(id, marker)).toBe(first.noteId);
      const second = await session.writeResult(id, { text: `Screening score: 90/100\nDetails: https://app.test${marker}`, score: 90, requiredTier: 0, marker }, { existingNoteId: first.noteId, actAs: null });
      if (f.provider.capabilities.editsResult) {
        expect(second).toEqual({ noteId: first.noteId, created: false });
      } else {
        // An ATS whose notes cannot be edited posts the new result beside the old; the marker finds the newest.
        expect(second.created).toBe(true);
        expect(second.noteId).not.toBe(first.noteId);
        expect(await session.findResult(id, marker)).toBe(second.noteId);
      }
      expect(await session.findResult(id, "/candidates/nobody")).toBeNull();
    });

    it("writes the result as a form where the ATS has forms: a replacement leaves only the new one, found by its marker", async () => {
      const { f, session } = await ready();
      if (!f.provider.capabilities.resultForms) return;
      const job = (await session.listJobs({ states: ["published"], limit: 1 })).items[0]!;
      const id = await f.addCandidate(job.externalId, "Form Candidate");
      const marker = `/candidates/contract-form-${id}`;
      const form = { required: "All required met", met: ["Five years of TypeScript (required)"], partlyMet: [], notMet: [], needsReview: [], link: `https://app.test${marker}` };
      const first = await session.writeResult(id, { text: "Screening score: 70/100", score: 70, requiredTier: 0, marker, form }, { existingNoteId: null, actAs: null, format: "form" });
      expect(await session.findResult(id, marker, "form")).toBe(first.noteId);
      const second = await session.writeResult(id, { text: "Screening score: 20/100", score: 20, requiredTier: 2, marker, form: { ...form, notMet: form.met, met: [] } }, { existingNoteId: first.noteId, actAs: null, format: "form" });
      expect(second.noteId).not.toBe(first.noteId);
      expect(await session.findResult(id, marker, "form")).toBe(second.noteId);
      // The note is not where the form went.
      expect(await session.findResult(id, marker)).toBeNull();
    });

    it("subscribes to the ATS's deletion of a candidate, which the core turns into deleting their data", async () => {
      const { f } = await ready();
      expect(f.provider.webhookEvents.filter((e) => f.provider.webhookEventKind(e) === "candidate.deleted")).toHaveLength(1);
    });

    it("moves a candidate to a stage, rejects with a reason and restores, as the ATS then reports", async () => {
      const { f, session } = await ready();
      const job = (await session.listJobs({ states: ["published"], limit: 1 })).items[0]!;
      const id = await f.addCandidate(job.externalId, "Stage Candidate");
      const stages = await session.stages();
      const target = stages[stages.length - 2]!;
      await session.moveStage(id, target.externalId, null);
      expect((await session.getCandidate(id)).externalStageId).toBe(target.externalId);
      const reason = (await session.rejectionReasons()).find((r) => r.type === "non-hired" && r.active)!;
      await session.reject(id, reason.externalId, null);
      expect((await session.getCandidate(id)).archived).toMatchObject({ externalReasonId: reason.externalId });
      if (!f.provider.capabilities.unreject) return;
      await session.unreject(id, null);
      expect((await session.getCandidate(id)).archived).toBeNull();
    });

    it("delivers signed webhooks the provider verifies; a forged or malformed one is refused", async () => {
      const { f, session } = await ready();
      const secrets: Array<{ event: string; secret: string; externalId: string | null }> = [];
      if (f.provider.capabilities.webhookRegistration === "api") {
        for (const event of f.provider.webhookEvents) {
          const hook = await session.registerWebhook(event, HOOK_URL);
          expect(hook.secret.length).toBeGreaterThan(8);
          secrets.push({ event, secret: hook.secret, externalId: hook.externalId });
        }
        await f.enableWebhooks();
      } else {
        if (!f.configureWebhooks) return;
        await expect(session.registerWebhook(f.provider.webhookEvents[0]!, HOOK_URL)).rejects.not.toBeInstanceOf(AtsApiError);
        const secret = "contract-manual-secret-0123456789";
        await f.configureWebhooks(HOOK_URL, secret, f.provider.webhookEvents);
        for (const event of f.provider.webhookEvents) secrets.push({ event, secret, externalId: null });
      }
      const job = (await session.listJobs({ states: ["published"], limit: 1 })).items[0]!;
      const id = await f.addCandidate(job.externalId, "Webhook Candidate");
      const delivered = f.deliveries(HOOK_URL);
      expect(delivered.length).toBeGreaterThan(0);
      const now = Date.now();
      const verdicts = delivered.map((d) => f.provider.verifyWebhook({ ...d, now }, secrets));
      const created = verdicts.find((v) => v.ok && v.event.kind === "candidate.created");
      expect(created && created.ok && created.event.externalCandidateId).toBe(id);
      expect(f.provider.verifyWebhook({ ...delivered[0]!, now }, [{ event: secrets[0]!.event, secret: "not-the-secret" }])).toMatchObject({ ok: false, status: 401 });
      expect(f.provider.verifyWebhook({ rawBody: "{not json", headers: new Headers(), now }, secrets)).toMatchObject({ ok: false, status: 400 });
      for (const s of secrets) if (s.externalId !== null) await session.removeWebhook(s.externalId);
    });

    it("surfaces the ATS's refusals as the core's error type, which the core does not retry", async () => {
      const { session } = await ready();
      const notFound = await session.getCandidate("does-not-exist").catch((e: unknown) => e);
      expect(notFound).toBeInstanceOf(AtsApiError);
      expect(isPermanentAtsError(notFound)).toBe(true);
    });
  });
}
