import { z } from "zod";

/** Inputs of the import routes, parsed before anything is read or written. */

const leverId = z
  .string({ error: "That is not a Lever id" })
  .trim()
  .min(1, { error: "That Lever id is empty" })
  .max(100, { error: "That Lever id is too long" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "That is not a Lever id" });

export const POSTING_STATES = ["published", "internal", "closed"] as const;
export type PostingState = (typeof POSTING_STATES)[number];

export const PostingSearchSchema = z.object({
  states: z
    .array(z.enum(POSTING_STATES, { error: "Choose published, internal or closed postings" }))
    .max(POSTING_STATES.length)
    .default(["published", "internal"])
    .transform((s) => (s.length ? [...new Set(s)] : (["published", "internal"] as PostingState[]))),
  q: z.string().trim().max(200, { error: "Search with at most 200 characters" }).default(""),
  // Lever's opaque `next` token, passed back unchanged.
  offset: z.string().min(1).max(2000, { error: "That page of Lever postings is no longer available. Start the search again." }).optional(),
});
export type PostingSearch = z.infer<typeof PostingSearchSchema>;

export const MAX_POSTINGS_PER_IMPORT = 50;

export const ImportPostingsSchema = z.object({
  postingIds: z
    .array(leverId, { error: "Choose the postings to import" })
    .min(1, { error: "Choose at least one posting" })
    .max(MAX_POSTINGS_PER_IMPORT, { error: `Import at most ${MAX_POSTINGS_PER_IMPORT} postings at once` }),
});

export const StartApplicantImportSchema = z.object({
  includeArchived: z.boolean({ error: "Choose whether to include archived applicants" }).default(false),
  reimport: z.boolean({ error: "Choose whether to import applicants again" }).default(false),
});
export type StartApplicantImport = z.infer<typeof StartApplicantImportSchema>;

/** Route params that are our own ids (cuid). Anything else cannot exist, so it is a 404, not a 400. */
export const isOwnId = (id: string) => /^[a-z0-9]{8,40}$/i.test(id);
