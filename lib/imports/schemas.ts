import { z } from "zod";

/** Inputs of the import routes, parsed before anything is read or written. */

const leverId = z
  .string({ message: "expected a Lever id" })
  .trim()
  .min(1, { message: "must not be empty" })
  .max(100, { message: "is too long" })
  .regex(/^[A-Za-z0-9_-]+$/, { message: "is not a Lever id" });

export const POSTING_STATES = ["published", "internal", "closed"] as const;
export type PostingState = (typeof POSTING_STATES)[number];

export const PostingSearchSchema = z.object({
  states: z
    .array(z.enum(POSTING_STATES, { message: `state must be one of ${POSTING_STATES.join(", ")}` }))
    .max(POSTING_STATES.length)
    .default(["published", "internal"])
    .transform((s) => (s.length ? [...new Set(s)] : (["published", "internal"] as PostingState[]))),
  q: z.string().trim().max(200, { message: "search is limited to 200 characters" }).default(""),
  // Lever's opaque `next` token, passed back unchanged.
  offset: z.string().min(1).max(2000, { message: "page token is too long" }).optional(),
});
export type PostingSearch = z.infer<typeof PostingSearchSchema>;

export const MAX_POSTINGS_PER_IMPORT = 50;

export const ImportPostingsSchema = z.object({
  postingIds: z
    .array(leverId, { message: "postingIds must be a list of Lever posting ids" })
    .min(1, { message: "choose at least one posting" })
    .max(MAX_POSTINGS_PER_IMPORT, { message: `import at most ${MAX_POSTINGS_PER_IMPORT} postings at once` }),
});

export const StartApplicantImportSchema = z.object({
  includeArchived: z.boolean({ message: "includeArchived must be true or false" }).default(false),
  reimport: z.boolean({ message: "reimport must be true or false" }).default(false),
});
export type StartApplicantImport = z.infer<typeof StartApplicantImportSchema>;

/** Route params that are our own ids (cuid). Anything else cannot exist, so it is a 404, not a 400. */
export const isOwnId = (id: string) => /^[a-z0-9]{8,40}$/i.test(id);
