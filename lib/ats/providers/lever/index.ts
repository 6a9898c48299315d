import type { AtsProvider, AtsResume, AtsResumeFile, AtsSession, ConnectionRef, Page, SessionOptions, ResultFormat, ResultNote } from "@/lib/ats/provider";
import { extractResumeText } from "@/lib/resumes/extract";
import { INTERACTIVE_RETRY, LeverApiError, LeverClient } from "./client";
import { completeConnect, currentEnvironment, startConnect } from "./connection";
import { FORMS_SCOPE, ResultForms } from "./form";
import { toAtsCandidate, toAtsJob, toAtsRejectionReason, toAtsStage, toAtsUser } from "./mapping";
import { toLeverNote } from "./note";
import { refreshIdleConnections } from "./tokens";
import type { Resume } from "./schemas";
import { leverEventKind, SUBSCRIBED_EVENTS, verifyLeverWebhook } from "./webhooks";

/** Lever behind the core's interface. Everything Lever-shaped stays in this folder. */

const nextOf = <T>(page: { items: T[]; next: string | null; hasNext: boolean }) => (page.hasNext && page.next ? page.next : null);

/** One connection's Lever calls. Tests hand in a client pointed at the simulator. */
export class LeverSession implements AtsSession {
  /** `connectionId` keeps the account's result form template; without it results can only be notes. */
  constructor(
    readonly client: LeverClient,
    private readonly connectionId?: string,
  ) {}

  private forms(): ResultForms {
    if (!this.connectionId) throw new Error("Results as forms need the connection");
    return new ResultForms(this.client, this.connectionId);
  }

  async listJobs({ states, limit, cursor }: { states: string[]; limit: number; cursor?: string }) {
    const page = await this.client.postingsPage({ state: states, limit, offset: cursor });
    return { items: page.items.map(toAtsJob), next: nextOf(page) };
  }

  async getJob(externalId: string) {
    return toAtsJob(await this.client.getPosting(externalId));
  }

  async listCandidates(params: { jobExternalId?: string; activeOnly?: boolean; createdSince?: Date; limit: number; cursor?: string }) {
    const page = await this.client.opportunitiesPage({
      posting_id: params.jobExternalId,
      ...(params.activeOnly ? { archived: false } : {}),
      created_at_start: params.createdSince?.getTime(),
      limit: params.limit,
      offset: params.cursor,
    });
    return { items: page.items.map((o) => toAtsCandidate(o, params.jobExternalId)), next: nextOf(page) } satisfies Page<ReturnType<typeof toAtsCandidate>>;
  }

  async getCandidate(externalId: string, options: { jobExternalId?: string } = {}) {
    return toAtsCandidate(await this.client.getOpportunity(externalId), options.jobExternalId);
  }

  /**
   * The newest résumé: parsed data from Lever, text from the file. A file Lever cannot process, or one
   * refused for its size or content, is recorded (`status`), not fatal: the candidate is imported and
   * screened on Lever's parsed data and the application.
   */
  async getResume(candidateExternalId: string): Promise<AtsResume> {
    const latest = await this.latestResume(candidateExternalId);
    if (!latest) return { status: "none", text: null, fileName: null, parsedPositions: [], parsedSchools: [] };
    const parsed = {
      parsedPositions: (latest.parsedData?.positions ?? []) as object[],
      parsedSchools: (latest.parsedData?.schools ?? []) as object[],
    };
    const fileName = latest.file?.name ?? null;
    try {
      const file = await this.client.downloadResume(candidateExternalId, latest.id);
      const extracted = await extractResumeText(file.bytes, { contentType: file.contentType, fileName: file.fileName ?? fileName });
      return { status: extracted.status, text: extracted.text, fileName, ...parsed };
    } catch (error) {
      if (error instanceof LeverApiError && error.code === "too_large") return { status: "too_large", text: null, fileName, ...parsed };
      if (error instanceof LeverApiError && (error.status === 422 || error.status === 404)) {
        return { status: error.status === 422 ? "unprocessable" : "missing", text: null, fileName, ...parsed };
      }
      throw error;
    }
  }

  private async latestResume(candidateExternalId: string): Promise<Resume | undefined> {
    const resumes = await this.client.resumes(candidateExternalId);
    return [...resumes].sort((a, b) => (b.file?.uploadedAt ?? b.createdAt ?? 0) - (a.file?.uploadedAt ?? a.createdAt ?? 0))[0];
  }

  /** The same résumé `getResume` reads; a file Lever cannot process (422) or has lost (404) is "none". */
  async getResumeFile(candidateExternalId: string): Promise<AtsResumeFile | null> {
    const latest = await this.latestResume(candidateExternalId);
    if (!latest) return null;
    try {
      const file = await this.client.downloadResume(candidateExternalId, latest.id);
      return { bytes: file.bytes, contentType: file.contentType, fileName: latest.file?.name ?? file.fileName };
    } catch (error) {
      if (error instanceof LeverApiError && (error.status === 422 || error.status === 404)) return null;
      throw error;
    }
  }

  async stages() {
    return (await this.client.stages()).map(toAtsStage);
  }

  async rejectionReasons() {
    return (await this.client.archiveReasons()).map(toAtsRejectionReason);
  }

  async users() {
    return (await this.client.users()).map(toAtsUser);
  }

  /** Replaces the note posted before, or posts one; a note deleted in Lever is posted again rather than failing forever. */
  async writeResult(candidateExternalId: string, note: ResultNote, { existingNoteId, actAs, format = "note" }: { existingNoteId: string | null; actAs: string | null; format?: ResultFormat }) {
    if (format === "form") return { noteId: await this.forms().write(candidateExternalId, note, existingNoteId, actAs), created: true };
    const body = toLeverNote(note);
    if (existingNoteId) {
      try {
        await this.client.updateNote(candidateExternalId, existingNoteId, body, actAs ?? undefined);
        return { noteId: existingNoteId, created: false };
      } catch (error) {
        if (!(error instanceof LeverApiError && error.status === 404)) throw error;
      }
    }
    return { noteId: await this.client.createNote(candidateExternalId, body, actAs ?? undefined), created: true };
  }

  async findResult(candidateExternalId: string, marker: string, format: ResultFormat = "note") {
    if (format === "form") return this.forms().find(candidateExternalId, marker);
    for await (const n of this.client.notes(candidateExternalId)) {
      if (n.fields.some((f) => typeof f.value === "string" && f.value.includes(marker))) return n.id;
    }
    return null;
  }

  async moveStage(candidateExternalId: string, stageExternalId: string, actAs: string | null) {
    await this.client.changeStage(candidateExternalId, stageExternalId, actAs ?? undefined);
  }

  async reject(candidateExternalId: string, reasonExternalId: string, actAs: string | null) {
    await this.client.archive(candidateExternalId, reasonExternalId, actAs ?? undefined);
  }

  async unreject(candidateExternalId: string, actAs: string | null) {
    await this.client.archive(candidateExternalId, null, actAs ?? undefined);
  }

  async registerWebhook(event: string, url: string) {
    const hook = await this.client.createWebhook({ url, event: event as (typeof SUBSCRIBED_EVENTS)[number] });
    return { externalId: hook.id, secret: hook.signatureToken };
  }

  async removeWebhook(externalId: string) {
    await this.client.deleteWebhook(externalId);
  }
}

export const lever: AtsProvider = {
  name: "lever",
  column: "LEVER",
  label: "Lever",
  adminRole: "Super Admin",
  capabilities: { webhookRegistration: "api", actsAsUser: true, confidentialJobs: true, unreject: true, editsResult: true, resultForms: { formsScope: FORMS_SCOPE } },
  webhookEvents: SUBSCRIBED_EVENTS,
  adminUi: {
    webhooks: "Settings → Integrations and API → Webhooks",
    authorizedApps: "Settings → Integrations and API → Authorized Apps",
    eventLabels: { applicationCreated: "Applications Created", candidateStageChange: "Candidate Stage Change", candidateArchiveChange: "Candidate Archive State Change", candidateDeleted: "Candidate Deleted" },
  },
  session: (connection: ConnectionRef, { priority = "high", interactive = false }: SessionOptions = {}) =>
    new LeverSession(LeverClient.forConnection(connection.id, { priority, retry: interactive ? INTERACTIVE_RETRY : undefined }), connection.id),
  verifyWebhook: ({ rawBody }, secrets) => verifyLeverWebhook(rawBody, secrets),
  webhookEventKind: leverEventKind,
  environment: currentEnvironment,
  startConnect,
  completeConnect,
  refreshIdleTokens: refreshIdleConnections,
};
