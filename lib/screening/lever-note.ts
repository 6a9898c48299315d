import { scoreBreakdown } from "./score";
import type { CriterionInput, CriterionVerdict, ScreeningOutput, Verdict } from "./types";

/**
 * Write-back to Lever: the text of the note posted on the opportunity and Lever's 1–4 note score.
 */

export type LeverNoteScore = 1 | 2 | 3 | 4;
export const LEVER_SCORE_LABELS: Readonly<Record<LeverNoteScore, string>> = { 1: "Strong No", 2: "No", 3: "Yes", 4: "Strong Yes" };

/**
 * 0–100 → Lever's note score, in quarters: 0–24 → 1 (Strong No), 25–49 → 2 (No), 50–74 → 3 (Yes),
 * 75–100 → 4 (Strong Yes). Out-of-range values are clamped; NaN maps to 1.
 */
export function leverScore(score: number): LeverNoteScore {
  const s = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  if (s >= 75) return 4;
  if (s >= 50) return 3;
  if (s >= 25) return 2;
  return 1;
}

const MARK: Readonly<Record<Verdict, string>> = { MET: "✅ Met", PARTLY_MET: "◐ Partly met", NOT_MET: "❌ Not met", UNKNOWN: "❔ Unknown" };

/** Stored verdicts may carry the criterion's text/kind/weight (ScreeningResult.verdicts JSON). */
export type NoteVerdict = CriterionVerdict & Partial<Pick<CriterionInput, "text" | "kind" | "weight">>;

export interface LeverNoteOptions {
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
 * Plain-text note (Lever notes are plain text): the score with its Lever label, the summary, each
 * criterion's verdict with a short quote, and the link back. Neutral criteria are listed after the
 * scored ones. Without any scored criterion the note says so and carries no score line.
 */
export function formatLeverNote(result: Pick<ScreeningOutput, "score" | "summary" | "engine"> & { verdicts: readonly NoteVerdict[] }, options: LeverNoteOptions): string {
  const byId = new Map((options.criteria ?? []).map((c) => [c.id, c] as const));
  const maxEvidence = options.maxEvidence ?? 160;
  const rows = result.verdicts.map((v) => {
    const c = byId.get(v.criterionId);
    return { v, text: v.text ?? c?.text ?? v.criterionId, kind: v.kind ?? c?.kind ?? "REQUIRED", weight: v.weight ?? c?.weight ?? "MEDIUM" };
  });
  const scored = rows.filter((r) => r.kind !== "NEUTRAL");
  const neutral = rows.filter((r) => r.kind === "NEUTRAL");
  const { scorable } = scoreBreakdown(
    rows.map((r) => ({ id: r.v.criterionId, kind: r.kind, weight: r.weight })),
    rows.map((r) => r.v),
  );
  const lines: string[] = [];
  lines.push(scorable ? `Screening score: ${result.score}/100 (${LEVER_SCORE_LABELS[leverScore(result.score)]})` : "Screening: no scored criteria");
  if (result.summary) lines.push(oneLine(result.summary, 400));
  const render = (r: (typeof rows)[number]) => {
    const tag = r.kind === "PREFERRED" ? " (preferred)" : r.kind === "NEUTRAL" ? " (neutral)" : "";
    lines.push(`• ${MARK[r.v.verdict]} — ${oneLine(r.text, 120)}${tag}`);
    const quote = r.v.evidence[0];
    if (quote) lines.push(`    “${oneLine(quote, maxEvidence)}”`);
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
  lines.push(`Screened by the ${result.engine === "llm" ? "AI" : "rule-based"} engine. Details: ${options.candidateUrl}`);
  return lines.join("\n");
}
