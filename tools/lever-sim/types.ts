/**
 * Internal records of the simulated Lever world. Public JSON shapes (what /v1 returns) are built from
 * these in api.ts, so the wire format lives in one place.
 */

export type AccessRole = "super admin" | "admin" | "team member" | "limited team member" | "interviewer";

export interface SimClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Shown on the consent page; defaults to "Screening app". */
  name?: string;
}

export interface UserRec {
  id: string;
  name: string;
  username: string;
  email: string;
  accessRole: AccessRole;
  jobTitle: string;
  createdAt: number;
  deactivatedAt: number | null;
}

export interface StageRec {
  id: string;
  text: string;
}

export interface ArchiveReasonRec {
  id: string;
  text: string;
  status: "active" | "inactive";
  type: "non-hired" | "hired";
}

export type PostingState = "published" | "internal" | "closed" | "draft" | "pending" | "rejected";

export interface PostingRec {
  id: string;
  text: string;
  family: string;
  state: PostingState;
  confidentiality: "non-confidential" | "confidential";
  categories: { team: string; department: string; location: string; commitment: string; level: string };
  workplaceType: "onsite" | "remote" | "hybrid";
  description: string;
  lists: Array<{ text: string; items: string[] }>;
  closing: string;
  tags: string[];
  ownerId: string;
  hiringManagerId: string;
  createdAt: number;
  updatedAt: number;
  /** What the screening side can score against; not a Lever field (kept out of /v1 responses). */
  requiredSkills: string[];
  niceSkills: string[];
  minYears: number;
}

export interface ParsedPosition {
  org: string;
  title: string;
  summary: string;
  location?: string;
  start: { year: number; month: number } | null;
  end: { year: number; month: number } | null;
}

export interface ParsedSchool {
  org: string;
  degree: string;
  field: string;
  summary?: string;
  start: { year: number; month?: number } | null;
  end: { year: number; month?: number } | null;
}

export interface ResumeRec {
  id: string;
  createdAt: number;
  fileName: string;
  ext: "pdf" | "docx";
  /** The type the uploader claimed, served as is instead of the extension's (hostile uploads). */
  contentType?: string;
  /** "error" = Lever could not process the file: its download answers 422. */
  status: "processed" | "error";
  text: string;
  parsedData: { positions: ParsedPosition[]; schools: ParsedSchool[] };
}

export interface FileRec {
  id: string;
  createdAt: number;
  name: string;
  ext: "pdf" | "docx";
  status: "processed" | "error";
  text: string;
}

export interface CustomField {
  type: "text" | "textarea" | "multiple-choice" | "dropdown";
  text: string;
  value: string;
  options?: Array<{ text: string }>;
  required: boolean;
}

export interface ApplicationRec {
  id: string;
  opportunityId: string;
  createdAt: number;
  type: "posting" | "referral" | "user";
  postingId: string;
  name: string;
  email: string;
  phone: { type: string; value: string } | null;
  company: string | null;
  links: string[];
  comments: string | null;
  userId: string | null;
  customQuestions: Array<{ id: string; text: string; createdAt: number; completedAt: number; fields: CustomField[] }>;
  archived: { archivedAt: number; reason: string } | null;
}

export interface OpportunityRec {
  id: string;
  accountId: string;
  contactId: string;
  name: string;
  headline: string;
  emails: string[];
  phones: Array<{ type: string; value: string }>;
  location: string;
  links: string[];
  stageId: string;
  stageChanges: Array<{ toStageId: string; toStageIndex: number; updatedAt: number; userId: string | null }>;
  archived: { archivedAt: number; reason: string } | null;
  tags: string[];
  sources: string[];
  origin: "applied" | "sourced" | "referred" | "agency" | "university" | "internal";
  ownerId: string | null;
  followers: string[];
  confidentiality: "non-confidential" | "confidential";
  createdAt: number;
  updatedAt: number;
  lastInteractionAt: number;
  lastAdvancedAt: number;
  applications: ApplicationRec[];
  resumes: ResumeRec[];
  files: FileRec[];
}

export interface NoteRec {
  id: string;
  accountId: string;
  opportunityId: string;
  value: string;
  secret: boolean;
  score: number | null;
  notifyFollowers: boolean;
  createdAt: number;
  updatedAt: number;
  userId: string;
  /** Only notes created through the API may be replaced or deleted by the API. */
  viaApi: boolean;
  clientId: string | null;
  deletedAt: number | null;
}

export interface AccountRec {
  id: string;
  name: string;
  users: UserRec[];
  stages: StageRec[];
  archiveReasons: ArchiveReasonRec[];
  postings: PostingRec[];
  /** Kept sorted by (createdAt, id): the order of GET /opportunities. */
  opportunities: OpportunityRec[];
}

export const WEBHOOK_EVENTS = [
  "applicationCreated",
  "candidateStageChange",
  "candidateArchiveChange",
  "candidateHired",
  "candidateDeleted",
  "interviewCreated",
  "interviewUpdated",
  "interviewDeleted",
  "contactCreated",
  "contactUpdated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookRec {
  id: string;
  accountId: string;
  clientId: string;
  url: string;
  event: WebhookEvent;
  conditions: { origins?: string[] } | null;
  signatureToken: string;
  createdAt: number;
  updatedAt: number;
  /** Lever sends nothing until a Super Admin toggles the webhook on (here: /_sim/webhooks/:id/enable). */
  enabled: boolean;
}

export interface DeliveryAttempt {
  /** HTTP status, or 0 when the request failed (network error, timeout). */
  status: number;
  at: number;
  error?: string;
}

export interface DeliveryRec {
  id: string;
  webhookId: string;
  accountId: string;
  event: string;
  url: string;
  test: boolean;
  payload: Record<string, unknown>;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  /** True while more attempts are scheduled. */
  pending: boolean;
}

/** With probability `rate` a /v1 request is hit: it waits `latencyMs`, then (if `status`) fails with it. */
export interface FaultRule {
  status?: 429 | 500 | 502 | 503 | 504;
  rate: number;
  latencyMs?: number;
  /** How many more faulty responses; undefined = unlimited. */
  count?: number;
}
