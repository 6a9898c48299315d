import { z } from "zod";

/**
 * Harvest v3's bodies as we read them. Loose objects: Greenhouse may add fields at any time, and only
 * the ones the product uses are checked. Ids are integers in Greenhouse; the core sees them as strings.
 */

const id = z.number().int();
const named = z.looseObject({ name: z.string().nullish() }).nullish();

export const JobSchema = z.looseObject({
  id,
  name: z.string(),
  status: z.string().nullish(),
  confidential: z.boolean().nullish(),
  department: named,
  office: named,
  employment_type: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobPostSchema = z.looseObject({
  id,
  job_id: id,
  title: z.string().nullish(),
  location: named,
  content: z.string().nullish(),
  live: z.boolean().nullish(),
});
export type JobPost = z.infer<typeof JobPostSchema>;

export const StageSchema = z.looseObject({ id, job_id: id, name: z.string(), priority: z.number().nullish(), active: z.boolean().nullish() });
export type Stage = z.infer<typeof StageSchema>;

export const RejectionReasonSchema = z.looseObject({ id, name: z.string(), type: z.looseObject({ name: z.string().nullish() }).nullish() });
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const UserSchema = z.looseObject({ id, name: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish(), disabled: z.boolean().nullish() });
export type User = z.infer<typeof UserSchema>;

export const ApplicationSchema = z.looseObject({
  id,
  candidate_id: id,
  job_id: id.nullish(),
  stage_id: id.nullish(),
  status: z.string(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  rejected_at: z.string().nullish(),
  rejection_reason_id: id.nullish(),
  answers: z.array(z.looseObject({ question: z.string(), answer: z.string().nullish() })).nullish(),
});
export type Application = z.infer<typeof ApplicationSchema>;

const valued = z.array(z.looseObject({ value: z.string() })).nullish();

export const CandidateSchema = z.looseObject({
  id,
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  company: z.string().nullish(),
  title: z.string().nullish(),
  email_addresses: valued,
  phone_numbers: valued,
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const AttachmentSchema = z.looseObject({
  id,
  application_id: id.nullish(),
  filename: z.string(),
  type: z.string(),
  url: z.string(),
  created_at: z.string().nullish(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const NoteSchema = z.looseObject({ id, candidate_id: id, body: z.string().nullish(), created_at: z.string().nullish() });
export type Note = z.infer<typeof NoteSchema>;

export const ErrorBodySchema = z.looseObject({
  message: z.string().nullish(),
  errors: z.array(z.looseObject({ message: z.string().nullish(), field: z.string().nullish() })).nullish(),
});

export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.number().nullish(),
  scope: z.string().nullish(),
});

/** A web hook delivery: `{action, payload}`; the payload's shape depends on the action. */
export const WebhookBodySchema = z.looseObject({
  action: z.string().min(1),
  payload: z
    .looseObject({
      application: z.looseObject({ id: id.nullish(), candidate_id: id.nullish(), candidate: z.looseObject({ id: id.nullish() }).nullish() }).nullish(),
      // delete_candidate names the person and the applications deleted with them.
      person: z.looseObject({ id: id.nullish(), deleted_application_ids: z.array(id).max(1000).nullish() }).nullish(),
    })
    .nullish(),
});
