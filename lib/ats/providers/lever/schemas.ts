import { z } from "zod";

/**
 * Shapes of what Lever sends us. Objects are loose: Lever adds fields over time and we keep what we
 * do not model rather than fail. Only what the product relies on is required; the rest is optional
 * or nullable because Lever omits empty fields on some accounts. Timestamps are epoch milliseconds.
 */

const str = z.string();
const optStr = z.string().nullish();
const millis = z.number().nullish();
const strings = z.array(z.string()).nullish().transform((v) => v ?? []);

// ---------- OAuth ----------

export const TokenResponseSchema = z.looseObject({
  access_token: str.min(1),
  refresh_token: str.min(1).optional(),
  token_type: str,
  scope: str.optional(),
  expires_in: z.number().int().positive().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// ---------- envelopes and errors ----------

export const LeverErrorBodySchema = z.looseObject({
  code: str.optional(),
  message: str.optional(),
});
export type LeverErrorBody = z.infer<typeof LeverErrorBodySchema>;

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    next: z.string().nullish(),
    hasNext: z.boolean().optional(),
  });
}

export function dataEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item });
}

export interface Page<T> {
  items: T[];
  /** Opaque offset token for the next page; pass back as `offset`, never build one. */
  next: string | null;
  hasNext: boolean;
}

// ---------- postings ----------

export const PostingSchema = z.looseObject({
  id: str,
  text: str,
  state: str.optional(),
  confidentiality: str.optional(),
  categories: z
    .looseObject({
      team: optStr,
      department: optStr,
      location: optStr,
      commitment: optStr,
      level: optStr,
      allLocations: strings.optional(),
    })
    .nullish(),
  content: z
    .looseObject({
      description: optStr,
      descriptionHtml: optStr,
      lists: z
        .array(z.looseObject({ text: optStr, content: optStr }))
        .nullish()
        .transform((v) => v ?? []),
      closing: optStr,
      closingHtml: optStr,
    })
    .nullish(),
  hiringManager: z.union([str, z.looseObject({ id: str })]).nullish(),
  owner: z.union([str, z.looseObject({ id: str })]).nullish(),
  tags: strings,
  urls: z.looseObject({ list: optStr, show: optStr, apply: optStr }).nullish(),
  workplaceType: optStr,
  createdAt: millis,
  updatedAt: millis,
});
export type Posting = z.infer<typeof PostingSchema>;

// ---------- opportunities and applications ----------

const PhoneSchema = z.looseObject({ type: optStr, value: str });

const ArchivedSchema = z.looseObject({ archivedAt: millis, reason: optStr }).nullish();

export const ApplicationSchema = z.looseObject({
  id: str,
  opportunityId: optStr,
  type: optStr,
  posting: optStr,
  name: optStr,
  email: optStr,
  phone: PhoneSchema.nullish(),
  company: optStr,
  links: strings,
  comments: optStr,
  user: optStr,
  customQuestions: z
    .array(
      z.looseObject({
        id: optStr,
        text: optStr,
        fields: z
          .array(z.looseObject({ text: optStr, value: z.unknown().optional(), type: optStr }))
          .nullish()
          .transform((v) => v ?? []),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  archived: ArchivedSchema,
  createdAt: millis,
});
export type Application = z.infer<typeof ApplicationSchema>;

const IdOrObject = z.union([str, z.looseObject({ id: str })]);

export const OpportunitySchema = z.looseObject({
  id: str,
  name: optStr,
  headline: optStr,
  contact: z.union([str, z.looseObject({ id: str })]).nullish(),
  emails: strings,
  phones: z.array(PhoneSchema).nullish().transform((v) => v ?? []),
  location: optStr,
  links: strings,
  stage: IdOrObject.nullish(),
  stageChanges: z.array(z.looseObject({ toStageId: optStr, updatedAt: millis })).nullish().transform((v) => v ?? []),
  archived: ArchivedSchema,
  tags: strings,
  sources: strings,
  origin: optStr,
  owner: IdOrObject.nullish(),
  followers: strings.optional(),
  // With expand=applications these are objects; without, ids. We always expand.
  applications: z.array(z.union([ApplicationSchema, str])).nullish().transform((v) => v ?? []),
  confidentiality: optStr,
  createdAt: millis,
  updatedAt: millis,
  lastAdvancedAt: millis,
  lastInteractionAt: millis,
  urls: z.looseObject({ list: optStr, show: optStr }).nullish(),
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

// ---------- résumés and files ----------

const YearMonth = z.looseObject({ year: z.number().nullish(), month: z.number().nullish() }).nullish();

export const ParsedDataSchema = z.looseObject({
  positions: z
    .array(
      z.looseObject({
        org: optStr,
        title: optStr,
        summary: optStr,
        location: optStr,
        start: YearMonth,
        end: YearMonth,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  schools: z
    .array(
      z.looseObject({
        org: optStr,
        degree: optStr,
        field: optStr,
        summary: optStr,
        start: YearMonth,
        end: YearMonth,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type ParsedData = z.infer<typeof ParsedDataSchema>;

const FileInfoSchema = z.looseObject({
  name: optStr,
  ext: optStr,
  size: z.number().nullish(),
  status: optStr,
  uploadedAt: millis,
  downloadUrl: optStr,
});

export const ResumeSchema = z.looseObject({
  id: str,
  createdAt: millis,
  file: FileInfoSchema.nullish(),
  parsedData: ParsedDataSchema.nullish(),
});
export type Resume = z.infer<typeof ResumeSchema>;

export const LeverFileSchema = z.looseObject({
  id: str,
  name: optStr,
  ext: optStr,
  size: z.number().nullish(),
  status: optStr,
  uploadedAt: millis,
  downloadUrl: optStr,
});
export type LeverFile = z.infer<typeof LeverFileSchema>;

// ---------- account settings ----------

export const ArchiveReasonSchema = z.looseObject({
  id: str,
  text: str,
  status: optStr,
  type: optStr,
});
export type ArchiveReason = z.infer<typeof ArchiveReasonSchema>;

export const StageSchema = z.looseObject({ id: str, text: str });
export type Stage = z.infer<typeof StageSchema>;

export const UserSchema = z.looseObject({
  id: str,
  name: optStr,
  username: optStr,
  email: optStr,
  accessRole: optStr,
  deactivatedAt: millis,
});
export type User = z.infer<typeof UserSchema>;

// ---------- writes ----------

/** A note as listed on an opportunity; its text is in `fields` (type "note"). */
export const NoteSchema = z.looseObject({
  id: str,
  fields: z.array(z.looseObject({ type: optStr, value: z.unknown() })).default([]),
  createdAt: millis,
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteCreatedSchema = dataEnvelope(z.looseObject({ noteId: str }));

export const NoteInputSchema = z.object({
  value: z.string().min(1),
  /** 1 Strong No … 4 Strong Yes. */
  score: z.number().int().min(1).max(4).optional(),
  secret: z.boolean().optional(),
  notifyFollowers: z.boolean().optional(),
  createdAt: z.number().int().optional(),
});
export type NoteInput = z.infer<typeof NoteInputSchema>;

// ---------- webhooks ----------

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

export const WebhookSchema = z.looseObject({
  id: str,
  event: str,
  url: str,
  configuration: z
    .looseObject({
      signatureToken: optStr,
      conditions: z.looseObject({ origins: strings.optional() }).nullish(),
    })
    .nullish(),
  createdAt: millis,
  updatedAt: millis,
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** `{data: webhook}` or, in some of Lever's responses, `{data: {data: webhook}}`: both give the webhook. */
export const WebhookResponseSchema = z.union([
  dataEnvelope(WebhookSchema).transform((body) => body.data),
  dataEnvelope(dataEnvelope(WebhookSchema)).transform((body) => body.data.data),
]);

// ---------- profile forms ----------

export const FormFieldSchema = z.looseObject({ id: str, type: z.string(), text: z.string() });
export const FormTemplateSchema = z.looseObject({ id: str, text: z.string(), instructions: z.string().nullish(), fields: z.array(FormFieldSchema).default([]) });
export type FormTemplate = z.infer<typeof FormTemplateSchema>;
export const FormTemplateCreatedSchema = dataEnvelope(FormTemplateSchema);
export const FormSchema = z.looseObject({
  id: str,
  baseTemplateId: optStr,
  fields: z.array(z.looseObject({ id: optStr, text: optStr, value: z.unknown().optional() })).default([]),
});
export type Form = z.infer<typeof FormSchema>;
export const FormCreatedSchema = dataEnvelope(FormSchema);

export interface FormTemplateInput {
  text: string;
  instructions: string;
  fields: Array<{ type: "text" | "textarea"; text: string; description: string; required: boolean }>;
}
export interface FormInput {
  baseTemplateId: string;
  fieldValues: Array<{ id: string; value: string }>;
}
