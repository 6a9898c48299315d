/**
 * What the product needs of any ATS, in the product's words. The core (imports, reconcile, screening,
 * write-back, the settings page) speaks only these types; each ATS implements them in its own folder
 * under lib/ats/providers/<name>/ and is listed in lib/ats/registry.ts.
 *
 * Ids are the ATS's own, opaque to the core (`externalId`); the core stores them with the provider's
 * name, so rows imported from two ATSs never collide.
 */
import type { AtsEnvironment, AtsProvider as ProviderEnum } from "@/lib/generated/prisma/enums";

export type ProviderName = "lever" | "greenhouse";
export type ProviderColumn = ProviderEnum;

/** Which calls go first on a connection's shared rate limit: webhook work before bulk work. */
export type Priority = "high" | "low";

export interface SessionOptions {
  priority?: Priority;
  interactive?: boolean;
}

/** One page of a list, and the ATS's opaque cursor to the next (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface RequirementList {
  text: string;
  items: string[];
}

/** A job (Lever's posting). */
export interface AtsJob {
  externalId: string;
  title: string;
  team: string | null;
  department: string | null;
  location: string | null;
  commitment: string | null;
  /** "published" | "internal" | "closed" | … as the ATS names it. */
  state: string | null;
  confidential: boolean;
  description: string | null;
  descriptionHtml: string | null;
  requirementLists: RequirementList[];
  externalUrl: string | null;
  externalUpdatedAt: Date | null;
}

/** A question on the application and its answers. */
export interface AtsAnswer {
  text: string;
  fields: Array<{ text: string; value: string }>;
}

/** A candidacy for one job (Lever's opportunity with its application). */
export interface AtsCandidate {
  externalId: string;
  /** The job this candidacy applied to; null when it is not for a job (a sourced lead). */
  jobExternalId: string | null;
  externalApplicationId: string | null;
  externalPersonId: string | null;
  name: string | null;
  headline: string | null;
  emails: string[];
  phones: string[];
  location: string | null;
  links: string[];
  answers: AtsAnswer[];
  externalStageId: string | null;
  archived: { at: Date; externalReasonId: string | null } | null;
  externalCreatedAt: Date | null;
  externalUpdatedAt: Date | null;
  externalUrl: string | null;
}

/** The newest résumé of a candidacy: the file's text, and what the ATS parsed from it. */
export interface AtsResume {
  /** "parsed" when `text` holds the file's text; otherwise why not ("none", "too_large", "missing", …). */
  status: string;
  text: string | null;
  fileName: string | null;
  parsedPositions: object[];
  parsedSchools: object[];
}

/** The newest résumé's original file, as the ATS holds it now. */
export interface AtsResumeFile {
  bytes: Uint8Array;
  /** As the ATS (or whoever uploaded the file) claims it: untrusted. */
  contentType: string;
  /** As uploaded: untrusted. */
  fileName: string | null;
}

export interface AtsStage {
  externalId: string;
  text: string;
}

export interface AtsRejectionReason {
  externalId: string;
  text: string;
  /** "non-hired" reasons reject; "hired" ones close a candidacy as hired. */
  type: "hired" | "non-hired";
  active: boolean;
}

export interface AtsUser {
  externalId: string;
  name: string;
  active: boolean;
}

/** A webhook delivery, verified and reduced to what the core acts on. */
export interface AtsEvent {
  /** The ATS's id of this delivery: a replay with the same id is recorded once. */
  deliveryId: string;
  /**
   * What the core does with it. "test" is the ATS's test delivery (nothing to fetch);
   * "candidate.deleted": the person was deleted in the ATS, so the app deletes their data too.
   */
  kind: "candidate.created" | "candidate.changed" | "candidate.deleted" | "test" | "other";
  /** The ATS's event name, for the activity log. */
  name: string;
  triggeredAt: Date;
  externalCandidateId: string | null;
  externalApplicationId: string | null;
  /** The person (Lever's contact, Greenhouse's candidate) when the delivery names them. */
  externalPersonId?: string | null;
}

export type WebhookVerdict = { ok: true; event: AtsEvent } | { ok: false; status: 400 | 401; message: string };

/** The signing secrets of a connection's webhooks, opened for verification. */
export interface WebhookSecret {
  event: string;
  secret: string;
}

/** The result of a screening as the core words it; each provider formats it for its ATS. */
export interface ResultNote {
  /** Plain text, one line per part: headline, summary, verdicts, link back. */
  text: string;
  /** 0–100. */
  score: number;
  /** Where the REQUIRED criteria leave the candidate: 0 all met, 1 some unclear, 2 some not met. */
  requiredTier: 0 | 1 | 2;
  /** A string only this candidate's notes contain: a retried write looks for it before writing again. */
  marker: string;
  /** The same result in parts, for an ATS that writes it as a structured form (`capabilities.resultForms`). */
  form?: ResultForm;
}

/** A result's parts: the REQUIRED state in words, the criteria by verdict, and the link back (which contains the marker). */
export interface ResultForm {
  required: string;
  met: string[];
  partlyMet: string[];
  notMet: string[];
  needsReview: string[];
  link: string;
}

/** How a connection writes results: a note, or a form where the ATS has them. */
export type ResultFormat = "note" | "form";

/** What the connection's ATS can and cannot do, so the core and the UI can say so. */
export interface AtsCapabilities {
  /** "api": the app registers its webhooks; "manual": an admin pastes the URL and secret in the ATS. */
  webhookRegistration: "api" | "manual";
  /** Writes are made as a chosen ATS user (Lever's performAs). */
  actsAsUser: boolean;
  /** Jobs can be confidential in the ATS. */
  confidentialJobs: boolean;
  /** A rejected candidacy can be restored. */
  unreject: boolean;
  /** The result note can be replaced in place; otherwise a new screening posts a new note (Greenhouse's notes cannot be edited). */
  editsResult: boolean;
  /**
   * Results can be written as a form (Lever's profile forms), replaced on re-screen; `formsScope` is
   * the permission it needs, which connections made before the app asked for it lack.
   */
  resultForms: { formsScope: string } | null;
}

/** The calls of one connection, paced on its shared rate limit at the given priority. */
export interface AtsSession {
  listJobs(params: { states: string[]; limit: number; cursor?: string }): Promise<Page<AtsJob>>;
  getJob(externalId: string): Promise<AtsJob>;
  /** Candidacies, newest pages last; `activeOnly` leaves out archived (rejected or hired) ones. */
  listCandidates(params: { jobExternalId?: string; activeOnly?: boolean; createdSince?: Date; limit: number; cursor?: string }): Promise<Page<AtsCandidate>>;
  /** One candidacy; `jobExternalId` picks its application to that job when it has several. */
  getCandidate(externalId: string, options?: { jobExternalId?: string }): Promise<AtsCandidate>;
  getResume(candidateExternalId: string): Promise<AtsResume>;
  /**
   * The newest résumé's original file, read now (never stored, so a file deleted in the ATS is gone
   * here too); null when the candidacy has none. Larger than `RESUME_MAX_BYTES` throws `too_large`.
   */
  getResumeFile(candidateExternalId: string): Promise<AtsResumeFile | null>;
  stages(): Promise<AtsStage[]>;
  rejectionReasons(): Promise<AtsRejectionReason[]>;
  users(): Promise<AtsUser[]>;
  /**
   * Posts the result, or replaces `existingNoteId` (when `capabilities.editsResult`); returns the id of
   * the note that now carries it. With `format: "form"` (only when `capabilities.resultForms`) the result
   * is a form instead, and `existingNoteId` is the form it replaces.
   */
  writeResult(
    candidateExternalId: string,
    note: ResultNote,
    options: { existingNoteId: string | null; actAs: string | null; format?: ResultFormat },
  ): Promise<{ noteId: string; created: boolean }>;
  /** The note (or form) an earlier attempt may have written, found by its marker. */
  findResult(candidateExternalId: string, marker: string, format?: ResultFormat): Promise<string | null>;
  moveStage(candidateExternalId: string, stageExternalId: string, actAs: string | null): Promise<void>;
  reject(candidateExternalId: string, reasonExternalId: string, actAs: string | null): Promise<void>;
  /** Restores a rejected candidacy to its pipeline (only called when `capabilities.unreject`). */
  unreject(candidateExternalId: string, actAs: string | null): Promise<void>;
  /** Registers a webhook for `event` at `url`; returns its id and signing secret. */
  registerWebhook(event: string, url: string): Promise<{ externalId: string; secret: string }>;
  removeWebhook(externalId: string): Promise<void>;
}

/** The admin connecting an ATS: a provider binds its sign-in state to them (an OrgContext is one). */
export interface ConnectingAdmin {
  organizationId: string;
  userId: string;
}

/** A connection as providers need it. */
export interface ConnectionRef {
  id: string;
  organizationId: string;
}

/** An ATS behind the boundary. */
export interface AtsProvider {
  name: ProviderName;
  /** The column value stored on imported rows. */
  column: ProviderColumn;
  /** "Lever": the word the UI and messages use. */
  label: string;
  /** Who in the ATS may authorize the app ("Super Admin" in Lever), for messages. */
  adminRole: string;
  capabilities: AtsCapabilities;
  /** Events the app subscribes to (webhooks registered through the API, or the ones to set up by hand). */
  webhookEvents: readonly string[];
  /**
   * How the ATS's own screens name things, for the steps Settings → ATS asks an admin to take there:
   * where its webhooks are managed, where an admin revokes an authorized app (null: the ATS has no such
   * page), and each subscribed event's name as its webhook form shows it.
   */
  adminUi: { webhooks: string; authorizedApps: string | null; eventLabels: Readonly<Record<string, string>> };
  /**
   * The connection's calls, on its shared rate limit at the given priority. `interactive`: a person is
   * waiting for the answer, so a failing ATS is reported at once instead of retried for a minute.
   */
  session(connection: ConnectionRef, options?: SessionOptions): AtsSession;
  /**
   * Verifies a raw webhook request against the connection's secrets and reduces it to an event.
   * Never throws for bad input: a malformed or forged request is a 4xx verdict.
   */
  verifyWebhook(request: { rawBody: string; headers: Headers; now: number }, secrets: WebhookSecret[]): WebhookVerdict;
  /** What the core does with a recorded delivery of this event name (as `verifyWebhook` named it). */
  webhookEventKind(event: string): AtsEvent["kind"];
  /** The environment a new connection is made in (the simulator, a sandbox, production). */
  environment(): AtsEnvironment;
  /** Starts connecting (the OAuth consent URL to send the admin to). */
  startConnect(admin: ConnectingAdmin): Promise<URL>;
  /**
   * Completes the OAuth callback: checks the state, exchanges the code, stores the connection with
   * its tokens (one ATS account belongs to one organization) and says what it did.
   */
  completeConnect(admin: ConnectingAdmin, callbackUrl: URL): Promise<{ connectionId: string; reconnected: boolean; accountId: string }>;
  /** The periodic job (every 4 hours): keeps quiet connections' refresh tokens alive when the ATS expires unused ones. */
  refreshIdleTokens(now: Date): Promise<{ checked: number; refreshed: number; needsReconnect: number; failed: number }>;
}
