import type { RequiredState, RequiredStatus } from "./score";
import type { Verdict } from "./types";

/**
 * The words a recruiter reads for verdicts and for the REQUIRED state, in the app and in the Lever
 * note alike: one vocabulary, so the note never says something the app does not.
 */

/** UNKNOWN is "Needs review": the engine could not tell, so a person should look. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met", UNKNOWN: "Needs review" };

/**
 * Short label for a result's REQUIRED state (badges next to the score, the note's first line); null
 * when nothing is required. A requirement partly met also "needs review": a person decides whether
 * it is enough, as with one the engine could not tell (the sentence below says which is which).
 */
export const REQUIRED_LABEL: Readonly<Record<RequiredStatus, string>> = { met: "All required met", review: "Required needs review", missing: "Missing required" };

export function requiredLabel(state: Pick<RequiredState<unknown>, "status" | "required">): string | null {
  return state.required === 0 ? null : REQUIRED_LABEL[state.status];
}

/** The same state in a sentence that names the criteria (the Lever note, the candidate page). */
export function requiredSentence(state: RequiredState<{ text: string }>): string {
  const names = (list: { text: string }[]) => list.map((c) => c.text).join("; ");
  if (state.required === 0) return "No required criteria";
  if (state.status === "met") return "All required criteria met";
  if (state.status === "missing") return `Missing required: ${names(state.missing)}`;
  const parts = [state.unknown.length ? `Required needs review: ${names(state.unknown)}` : "", state.partly.length ? `Required partly met: ${names(state.partly)}` : ""];
  return parts.filter(Boolean).join(". ");
}
