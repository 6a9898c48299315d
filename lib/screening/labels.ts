import type { RequiredState } from "./score";
import type { Verdict } from "./types";

/**
 * The words a recruiter reads for verdicts and for the REQUIRED state, in the app and in the Lever
 * note alike: one vocabulary, so the note never says something the app does not.
 */

/** UNKNOWN is "Needs review": the engine could not tell, so a person should look. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met", UNKNOWN: "Needs review" };

/** Short label for a result's REQUIRED state (badges next to the score); null when nothing is required. */
export function requiredLabel(state: Pick<RequiredState<unknown>, "status" | "required" | "unknown">): string | null {
  if (state.required === 0) return null;
  if (state.status === "missing") return "Missing required";
  if (state.status === "met") return "All required met";
  return state.unknown.length ? "Required needs review" : "Required partly met";
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
