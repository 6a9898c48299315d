/** The simulator's records, shaped close to Harvest v3's flat objects (ids are integers, as in Greenhouse). */

export interface UserRec {
  id: number;
  first_name: string;
  last_name: string;
  name: string;
  primary_email_address: string;
  site_admin: boolean;
  disabled: boolean;
  /** Created at consent when a Site Admin authorizes "using a service account". */
  service_account: boolean;
  created_at: number;
  updated_at: number;
}

export interface StageRec {
  id: number;
  job_id: number;
  name: string;
  /** 0 is the first stage of the job. */
  priority: number;
  active: boolean;
}

export interface JobRec {
  id: number;
  name: string;
  requisition_id: string;
  status: "open" | "closed" | "draft";
  confidential: boolean;
  department: string;
  office: string;
  employment_type: string;
  /** The job post's HTML, as Greenhouse stores it. */
  content: string;
  created_at: number;
  updated_at: number;
  opened_at: number;
  stages: StageRec[];
  /** Drives the realistic résumés of its applicants (lever-sim's role families). */
  family: string;
  requiredSkills: string[];
  niceSkills: string[];
  minYears: number;
  location: string;
}

export interface RejectionReasonRec {
  id: number;
  name: string;
  type: { id: number; name: "We rejected them" | "They rejected us" | "None specified" };
}

export interface CandidateRec {
  id: number;
  first_name: string;
  last_name: string;
  email_addresses: Array<{ value: string; type: "personal" | "work" | "other" }>;
  phone_numbers: Array<{ value: string; type: "mobile" | "home" | "work" }>;
  company: string | null;
  title: string | null;
  tags: string[];
  created_at: number;
  updated_at: number;
  last_activity_at: number;
}

export interface AttachmentRec {
  id: number;
  candidate_id: number;
  application_id: number;
  filename: string;
  type: "resume" | "cover_letter";
  format: "pdf" | "docx";
  text: string;
  created_at: number;
}

export interface ApplicationRec {
  id: number;
  candidate_id: number;
  job_id: number;
  stage_id: number;
  status: "active" | "rejected" | "hired";
  source: string;
  applied_at: number;
  created_at: number;
  updated_at: number;
  last_activity_at: number;
  rejected_at: number | null;
  rejection_reason_id: number | null;
  answers: Array<{ question: string; answer: string }>;
  custom_fields: Record<string, string | number | null>;
}

export interface NoteRec {
  id: number;
  candidate_id: number;
  application_id: number | null;
  user_id: number;
  body: string;
  visibility: "admin_only" | "private" | "public";
  created_at: number;
  /** The OAuth client that wrote it; null for seeded human notes. */
  client_id: string | null;
}

export interface CustomFieldRec {
  id: number;
  name: string;
  name_key: string;
  field_type: "number" | "long_text" | "short_text";
}

export interface WebhookRec {
  id: number;
  account_id: number;
  name: string;
  event: string;
  url: string;
  secret: string;
  error_email: string;
  active: boolean;
  created_at: number;
  /** Why the save-time ping failed, when it did. */
  ping_error: string | null;
}

export interface AccountRec {
  id: number;
  name: string;
  /** Only Enterprise accounts have application custom fields. */
  enterprise: boolean;
  users: UserRec[];
  jobs: JobRec[];
  rejectionReasons: RejectionReasonRec[];
  customFields: CustomFieldRec[];
  candidates: CandidateRec[];
  applications: ApplicationRec[];
  attachments: AttachmentRec[];
  notes: NoteRec[];
}

export interface SimClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Shown on the consent page. */
  name: string;
  /** Fixed per client by Greenhouse partner support; the authorize request does not choose them. */
  scopes: string[];
}

export interface FaultRule {
  status?: number;
  rate: number;
  count?: number;
}

export interface AttemptRec {
  status: number;
  at: number;
  error?: string;
}

export interface DeliveryRec {
  id: string;
  webhookId: number;
  accountId: number;
  action: string;
  url: string;
  /** Exact bytes that were signed and are re-sent on every retry. */
  body: string;
  signature: string;
  eventId: string;
  ping: boolean;
  attempts: AttemptRec[];
  delivered: boolean;
  pending: boolean;
  /** Sim-clock time of the next attempt while pending. */
  nextAttemptAt: number | null;
}
