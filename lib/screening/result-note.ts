import { requiredLabel, requiredSentence, VERDICT_LABEL } from "./labels";
import { requiredState, scoreBreakdown } from "./score";
import type { CriterionInput, CriterionVerdict, ScreeningOutput, Verdict } from "./types";

/**
 * The text of the result written back to the ATS (a note on the candidate), in the app's own words
 * (Met, Partly met, Not met, Needs review; "All required met", "Missing required"), so what a recruiter
 * reads in the ATS is what the app shows. Each provider decides how it carries the text and the score.
 */

/** The marks of the app's verdict icons, so the note looks like the pages. */
const MARK: Readonly<Record<Verdict, string>> = { MET: "✓", PARTLY_MET: "½", NOT_MET: "✕", UNKNOWN: "?" };

/** Stored verdicts may carry the criterion's text/kind/weight (ScreeningResult.verdicts JSON). */
export type NoteVerdict = CriterionVerdict & Partial<Pick<CriterionInput, "text" | "kind" | "weight">>;

export interface ResultNoteOptions {
  /** Link back to the candidate in this app. */
  candidateUrl: string;
  /** Criterion texts/kinds when the verdicts do not carry them. */
  criteria?: readonly CriterionInput[];
  /** Max characters of evidence quoted per criterion (default 160). */
  maxEvidence?: number;
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Plain-text note (ATS notes are plain text): the score with the REQUIRED state, the summary, each
 * criterion's verdict with a short quote (or, for one that needs review, why), the criteria that need
 * review, and the link back. Neutral criteria are listed after the scored ones. Without any scored
 * criterion the note says so and carries no score line.
 */
export function formatResultNote(result: Pick<ScreeningOutput, "score" | "summary" | "engine"> & { verdicts: readonly NoteVerdict[] }, options: ResultNoteOptions): string {
  const byId = new Map((options.criteria ?? []).map((c) => [c.id, c] as const));
  const maxEvidence = options.maxEvidence ?? 160;
  const rows = result.verdicts.map((v) => {
    const c = byId.get(v.criterionId);
    return { v, id: v.criterionId, text: oneLine(v.text ?? c?.text ?? v.criterionId, 120), kind: v.kind ?? c?.kind ?? "REQUIRED", weight: v.weight ?? c?.weight ?? "MEDIUM" };
  });
  const scored = rows.filter((r) => r.kind !== "NEUTRAL");
  const neutral = rows.filter((r) => r.kind === "NEUTRAL");
  const { scorable } = scoreBreakdown(rows, rows.map((r) => r.v));
  const required = requiredState(rows, rows.map((r) => r.v));
  const lines: string[] = [];
  const state = requiredLabel(required);
  lines.push(scorable ? `Screening score: ${result.score}/100${state ? ` · ${state}` : ""}` : "Screening: no scored criteria");
  if (required.required > 0) lines.push(`${requiredSentence(required)}.`);
  if (result.summary) lines.push(oneLine(result.summary, 400));
  const render = (r: (typeof rows)[number]) => {
    const tag = r.kind === "REQUIRED" ? " (required)" : r.kind === "PREFERRED" ? " (preferred)" : " (not scored)";
    lines.push(`${MARK[r.v.verdict]} ${VERDICT_LABEL[r.v.verdict]} — ${r.text}${tag}`);
    const quote = r.v.evidence[0];
    if (quote) lines.push(`    “${oneLine(quote, maxEvidence)}”`);
    else if (r.v.verdict === "UNKNOWN" && r.v.reason) lines.push(`    ${oneLine(r.v.reason, maxEvidence)}`);
  };
  if (scored.length) {
    lines.push("");
    lines.push("Criteria:");
    scored.forEach(render);
  }
  if (neutral.length) {
    lines.push("");
    lines.push("Other (not scored):");
    neutral.forEach(render);
  }
  lines.push("");
  lines.push(
    required.needsReview.length
      ? `Needs review (${required.needsReview.length}): ${required.needsReview.map((r) => r.text).join("; ")}`
      : "Nothing needs review.",
  );
  lines.push("");
  lines.push(`Screened by the ${result.engine === "llm" ? "AI" : "rule-based"} engine. Details: ${options.candidateUrl}`);
  return lines.join("\n");
}
