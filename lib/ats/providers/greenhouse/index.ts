import type { AtsProvider, AtsResume, AtsResumeFile, AtsSession, ConnectionRef, Page, SessionOptions, ResultNote } from "@/lib/ats/provider";
import { extractResumeText } from "@/lib/resumes/extract";
import { GreenhouseApiError, GreenhouseClient, INTERACTIVE_RETRY } from "./client";
import { completeConnect, currentEnvironment, startConnect } from "./connection";
import { GREENHOUSE_STATUS, toAtsCandidate, toAtsJob, toAtsRejectionReason, toAtsStages, toAtsUser } from "./mapping";
import { toGreenhouseNote } from "./note";
import { ApplicationSchema, AttachmentSchema, CandidateSchema, JobPostSchema, JobSchema, NoteSchema, RejectionReasonSchema, StageSchema, UserSchema, type Application, type Attachment, type JobPost, type Stage } from "./schemas";
import { refreshIdleConnections } from "./tokens";
import { greenhouseEventKind, SUBSCRIBED_EVENTS, verifyGreenhouseWebhook, WEBHOOK_EVENT_LABELS } from "./webhooks";

/** Greenhouse (Harvest v3) behind the core's interface. Everything Greenhouse-shaped stays in this folder. */

const MANUAL_WEBHOOKS = "Greenhouse web hooks are created by a Greenhouse admin in Configure → Dev Center → Web Hooks, not through the API";

/** Greenhouse ids are integers; anything else is refused before a request is made. */
function idOf(externalId: string, what: string): number {
  if (!/^\d{1,18}$/.test(externalId)) throw new GreenhouseApiError(404, "not_found", `No Greenhouse ${what} has the id ${JSON.stringify(externalId.slice(0, 40))}`);
  return Number(externalId);
}

export class GreenhouseSession implements AtsSession {
  private stageList: Promise<Stage[]> | undefined;

  constructor(readonly client: GreenhouseClient) {}

  /** Every job's stages, read once per session: candidacies name their stage by id, the core by name. */
  private allStages(): Promise<Stage[]> {
    this.stageList ??= this.client.all("job_interview_stages", StageSchema, { per_page: 500 }).catch((error: unknown) => {
      this.stageList = undefined;
      throw error;
    });
    return this.stageList;
  }

  private async stageNames(): Promise<Map<number, string>> {
    return new Map((await this.allStages()).map((s) => [s.id, s.name]));
  }

  private async posts(jobIds: number[]) {
    if (!jobIds.length) return new Map<number, JobPost>();
    const posts = await this.client.all("job_posts", JobPostSchema, { job_id: jobIds.join(","), per_page: 500 });
    return new Map(posts.map((p) => [p.job_id, p]));
  }

  async listJobs({ states, limit, cursor }: { states: string[]; limit: number; cursor?: string }) {
    const statuses = new Set(states.map((s) => GREENHOUSE_STATUS[s] ?? s));
    // Harvest filters on one status; for several, the page is read whole and filtered here.
    const query = statuses.size === 1 ? { status: [...statuses][0], per_page: limit } : { per_page: limit };
    const page = await this.client.page("jobs", JobSchema, query, cursor);
    const jobs = page.items.filter((j) => !j.status || statuses.has(j.status));
    const posts = await this.posts(jobs.map((j) => j.id));
    return { items: jobs.map((j) => toAtsJob(j, posts.get(j.id))), next: page.next };
  }

  async getJob(externalId: string) {
    const job = await this.client.get(`jobs/${idOf(externalId, "job")}`, JobSchema);
    return toAtsJob(job, (await this.posts([job.id])).get(job.id));
  }

  private async withPeople(apps: Application[]) {
    const ids = [...new Set(apps.map((a) => a.candidate_id))];
    const people = ids.length ? await this.client.all("candidates", CandidateSchema, { ids: ids.join(","), per_page: 500 }) : [];
    const byId = new Map(people.map((c) => [c.id, c]));
    const names = await this.stageNames();
    return apps.map((a) => toAtsCandidate(a, byId.get(a.candidate_id), names));
  }

  async listCandidates(params: { jobExternalId?: string; activeOnly?: boolean; createdSince?: Date; limit: number; cursor?: string }) {
    const query = {
      job_id: params.jobExternalId === undefined ? undefined : idOf(params.jobExternalId, "job"),
      status: params.activeOnly ? "active" : undefined,
      "created_at[gte]": params.createdSince?.toISOString(),
      per_page: params.limit,
    };
    const page = await this.client.page("applications", ApplicationSchema, query, params.cursor);
    return { items: await this.withPeople(page.items), next: page.next } satisfies Page<unknown>;
  }

  private application(externalId: string): Promise<Application> {
    return this.client.get(`applications/${idOf(externalId, "application")}`, ApplicationSchema);
  }

  /** A candidacy is a Greenhouse application, so `jobExternalId` needs no choosing. */
  async getCandidate(externalId: string) {
    const [one] = await this.withPeople([await this.application(externalId)]);
    return one!;
  }

  /**
   * The newest résumé attachment, downloaded now (its URL is signed and expires). A file that cannot be
   * read is recorded, not fatal: the candidate is still imported and screened on the application.
   */
  async getResume(candidateExternalId: string): Promise<AtsResume> {
    const latest = await this.latestResume(candidateExternalId);
    const empty = { parsedPositions: [], parsedSchools: [] };
    if (!latest) return { status: "none", text: null, fileName: null, ...empty };
    try {
      const file = await this.client.download(latest.url);
      const extracted = await extractResumeText(file.bytes, { contentType: file.contentType, fileName: latest.filename });
      return { status: extracted.status, text: extracted.text, fileName: latest.filename, ...empty };
    } catch (error) {
      if (error instanceof GreenhouseApiError && error.code === "too_large") return { status: "too_large", text: null, fileName: latest.filename, ...empty };
      if (error instanceof GreenhouseApiError && [403, 404, 410].includes(error.status)) return { status: "missing", text: null, fileName: latest.filename, ...empty };
      throw error;
    }
  }

  private async latestResume(candidateExternalId: string): Promise<Attachment | undefined> {
    const appId = idOf(candidateExternalId, "application");
    const files = await this.client.all("attachments", AttachmentSchema, { application_ids: String(appId), type: "resume" });
    return [...files].sort((a, b) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? "") || b.id - a.id)[0];
  }

  /** The same attachment `getResume` reads, through a freshly signed URL; one Greenhouse no longer serves is "none". */
  async getResumeFile(candidateExternalId: string): Promise<AtsResumeFile | null> {
    const latest = await this.latestResume(candidateExternalId);
    if (!latest) return null;
    try {
      const file = await this.client.download(latest.url);
      return { bytes: file.bytes, contentType: file.contentType, fileName: latest.filename };
    } catch (error) {
      if (error instanceof GreenhouseApiError && [403, 404, 410].includes(error.status)) return null;
      throw error;
    }
  }

  async stages() {
    return toAtsStages(await this.allStages());
  }

  async rejectionReasons() {
    return (await this.client.all("rejection_reasons", RejectionReasonSchema, { per_page: 500 })).map(toAtsRejectionReason);
  }

  async users() {
    return (await this.client.all("users", UserSchema, { per_page: 500 })).map(toAtsUser);
  }

  /** Greenhouse notes cannot be edited: every result is a new note (`capabilities.editsResult` is false). */
  async writeResult(candidateExternalId: string, note: ResultNote) {
    const app = await this.application(candidateExternalId);
    const created = await this.client.post("notes", toGreenhouseNote(note, app.candidate_id, app.id), NoteSchema);
    return { noteId: String(created!.id), created: true };
  }

  /** The newest note carrying the marker (a re-screen posts a new one, so the newest is the current result). */
  async findResult(candidateExternalId: string, marker: string) {
    const app = await this.application(candidateExternalId);
    const notes = await this.client.all("notes", NoteSchema, { candidate_id: app.candidate_id, per_page: 500 });
    const found = notes.filter((n) => n.body?.includes(marker)).sort((a, b) => b.id - a.id)[0];
    return found ? String(found.id) : null;
  }

  /** Moves to the stage of that name in the application's own job; Greenhouse checks `from_stage_id` against stale moves. */
  async moveStage(candidateExternalId: string, stageExternalId: string) {
    const app = await this.application(candidateExternalId);
    const target = (await this.allStages()).find((s) => s.job_id === app.job_id && s.name === stageExternalId);
    if (!target) {
      throw new GreenhouseApiError(422, "unknown_stage", `The job of this candidacy has no stage named "${stageExternalId.slice(0, 80)}"`);
    }
    if (target.id === app.stage_id) return;
    await this.client.post(`applications/${app.id}/move`, { from_stage_id: app.stage_id, to_stage_id: target.id }, null);
  }

  async reject(candidateExternalId: string, reasonExternalId: string) {
    const appId = idOf(candidateExternalId, "application");
    await this.client.post(`applications/${appId}/reject`, { rejection_reason_id: idOf(reasonExternalId, "rejection reason") }, null);
  }

  async unreject(candidateExternalId: string) {
    await this.client.post(`applications/${idOf(candidateExternalId, "application")}/unreject`, {}, null);
  }

  registerWebhook(): Promise<{ externalId: string; secret: string }> {
    return Promise.reject(new Error(MANUAL_WEBHOOKS));
  }

  removeWebhook(): Promise<void> {
    return Promise.reject(new Error(MANUAL_WEBHOOKS));
  }
}

export const greenhouse: AtsProvider = {
  name: "greenhouse",
  column: "GREENHOUSE",
  label: "Greenhouse",
  adminRole: "Site Admin",
  // Writes appear under the authorizing user or, when a Site Admin chose it at consent, the service account:
  // Harvest v3 has no per-request "act as" for moves and rejections.
  capabilities: { webhookRegistration: "manual", actsAsUser: false, confidentialJobs: true, unreject: true, editsResult: false, resultForms: null },
  webhookEvents: SUBSCRIBED_EVENTS,
  adminUi: { webhooks: "Configure → Dev Center → Web Hooks", authorizedApps: null, eventLabels: WEBHOOK_EVENT_LABELS },
  session: (connection: ConnectionRef, { priority = "high", interactive = false }: SessionOptions = {}) =>
    new GreenhouseSession(GreenhouseClient.forConnection(connection.id, { priority, retry: interactive ? INTERACTIVE_RETRY : undefined })),
  verifyWebhook: ({ rawBody, headers, now }, secrets) => verifyGreenhouseWebhook(rawBody, headers, now, secrets),
  webhookEventKind: greenhouseEventKind,
  environment: currentEnvironment,
  startConnect,
  completeConnect,
  refreshIdleTokens: refreshIdleConnections,
};
