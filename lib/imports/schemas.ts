import { z } from "zod";

/** Inputs of the import routes, parsed before anything is read or written. */

/** An id in the ATS: opaque to the app, but never a path or a query. */
const atsId = z
  .string({ error: "That is not an id from your ATS" })
  .trim()
  .min(1, { error: "That ATS id is empty" })
  .max(100, { error: "That ATS id is too long" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "That is not an id from your ATS" });

export const POSTING_STATES = ["published", "internal", "closed"] as const;
export type PostingState = (typeof POSTING_STATES)[number];

export const PostingSearchSchema = z.object({
  states: z
    .array(z.enum(POSTING_STATES, { error: "Choose published, internal or closed postings" }))
    .max(POSTING_STATES.length)
    .default(["published", "internal"])
    .transform((s) => (s.length ? [...new Set(s)] : (["published", "internal"] as PostingState[]))),
  q: z.string().trim().max(200, { error: "Search with at most 200 characters" }).default(""),
  // The ATS's opaque `next` token, passed back unchanged.
  offset: z.string().min(1).max(2000, { error: "That page of postings is no longer available. Start the search again." }).optional(),
});
export type PostingSearch = z.infer<typeof PostingSearchSchema>;

export const MAX_POSTINGS_PER_IMPORT = 50;

export const ImportPostingsSchema = z.object({
  postingIds: z
    .array(atsId, { error: "Choose the postings to import" })
    .min(1, { error: "Choose at least one posting" })
    .max(MAX_POSTINGS_PER_IMPORT, { error: `Import at most ${MAX_POSTINGS_PER_IMPORT} postings at once` }),
});

export const StartApplicantImportSchema = z.object({
  includeArchived: z.boolean({ error: "Choose whether to include archived applicants" }).default(false),
  reimport: z.boolean({ error: "Choose whether to import applicants again" }).default(false),
});
export type StartApplicantImport = z.infer<typeof StartApplicantImportSchema>;
