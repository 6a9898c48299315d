import { z } from "zod";
import type { WriteBackKind } from "@/lib/generated/prisma/enums";

/**
 * What a write-back action asked for (WriteBackAction.payload, JSON), read through zod: a row written
 * by an earlier release, or edited by hand, is read as far as it is valid and never trusted by cast.
 */
const text = z.string().max(100_000);
const id = z.string().min(1).max(200);

export const NotePayload = z.looseObject({
  resultId: id,
  version: z.string().max(100).optional(),
  /** The note as the screening worded it; absent on notes asked for before it was kept here. */
  text: text.optional(),
  score: z.coerce.number().min(0).max(100).optional(),
  requiredTier: z.coerce.number().int().min(0).max(2).optional(),
});
export const StagePayload = z.looseObject({ stageId: id.optional(), externalStageId: id });
export const RejectPayload = z.looseObject({ archiveReasonId: id.optional(), externalArchiveReasonId: id });
/** Restoring needs nothing beyond the candidate. */
export const RestorePayload = z.looseObject({});

export type NotePayload = z.infer<typeof NotePayload>;

const SCHEMA = { NOTE: NotePayload, STAGE_CHANGE: StagePayload, ARCHIVE: RejectPayload, UNARCHIVE: RestorePayload } as const;

/** The payload for its kind, or null when it does not hold what that kind needs. */
export function readPayload<K extends WriteBackKind>(kind: K, payload: unknown): z.infer<(typeof SCHEMA)[K]> | null {
  const parsed = SCHEMA[kind].safeParse(payload);
  return parsed.success ? (parsed.data as z.infer<(typeof SCHEMA)[K]>) : null;
}

/** The app's own stage or reason id of any payload, for naming it in the history. */
export function localIds(payload: unknown): { stageId?: string; archiveReasonId?: string } {
  const parsed = z.looseObject({ stageId: id.optional(), archiveReasonId: id.optional() }).safeParse(payload);
  return parsed.success ? { stageId: parsed.data.stageId, archiveReasonId: parsed.data.archiveReasonId } : {};
}
