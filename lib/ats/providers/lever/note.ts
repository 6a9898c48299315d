import type { ResultNote } from "@/lib/ats/provider";
import type { NoteInput } from "./schemas";

export type LeverNoteScore = 1 | 2 | 3 | 4;

/**
 * 0–100 → Lever's numeric note score, in quarters: 0–24 → 1, 25–49 → 2, 50–74 → 3, 75–100 → 4.
 * A result missing a REQUIRED criterion (tier 2) gets at most 2, whatever its score: Lever shows
 * 3 and 4 as a yes, and the app never ranks such a candidate above one who meets every requirement.
 * Out-of-range values are clamped; NaN maps to 1.
 */
export function leverScore(score: number, requiredTier: 0 | 1 | 2 = 0): LeverNoteScore {
  const s = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  const quarter: LeverNoteScore = s >= 75 ? 4 : s >= 50 ? 3 : s >= 25 ? 2 : 1;
  return requiredTier === 2 ? (Math.min(quarter, 2) as LeverNoteScore) : quarter;
}

/** The core's result as a Lever note: plain text, and Lever's 1–4 score. */
export const toLeverNote = (note: ResultNote): NoteInput => ({ value: note.text, score: leverScore(note.score, note.requiredTier) });
