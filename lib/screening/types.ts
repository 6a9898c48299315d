/**
 * The screening engine's public types. They mirror the Prisma enums (CriterionKind, CriterionWeight,
 * Verdict) as string unions so this module stays free of the generated client.
 */

export type CriterionKind = "REQUIRED" | "PREFERRED" | "NEUTRAL";
export type CriterionWeight = "LOW" | "MEDIUM" | "HIGH";
export type Verdict = "MET" | "PARTLY_MET" | "NOT_MET" | "UNKNOWN";

export const VERDICTS: readonly Verdict[] = ["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"];

export interface CriterionInput {
  id: string;
  /** One requirement in plain words, e.g. "5+ years of backend experience". */
  text: string;
  kind: CriterionKind;
  weight: CriterionWeight;
}

/** Lever's `{year, month}` (month 1–12); any part may be missing. */
export interface YearMonth {
  year?: number | null;
  month?: number | null;
}

/** A position from Lever's résumé `parsedData.positions`. */
export interface ParsedPosition {
  org?: string | null;
  title?: string | null;
  summary?: string | null;
  location?: string | null;
  start?: YearMonth | null;
  /** Missing/null end means "current position". */
  end?: YearMonth | null;
}

/** A school from Lever's résumé `parsedData.schools`. */
export interface ParsedSchool {
  org?: string | null;
  degree?: string | null;
  field?: string | null;
  summary?: string | null;
  start?: YearMonth | null;
  end?: YearMonth | null;
}

export interface ApplicationAnswer {
  question: string;
  answer: string;
}

export interface CandidateInput {
  resumeText: string | null;
  positions: ParsedPosition[];
  schools: ParsedSchool[];
  answers: ApplicationAnswer[];
}

export interface CriterionVerdict {
  criterionId: string;
  verdict: Verdict;
  /** Verbatim quotes (a line or sentence) from the résumé text, parsed data or application answers. */
  evidence: string[];
  /** One short sentence explaining the verdict. */
  reason: string;
}

export interface ScreeningOutput {
  /** The engine that produced this result ("local" also when the LLM engine fell back). */
  engine: "local" | "llm";
  /** 0–100; see `scoreVerdicts`. */
  score: number;
  summary: string;
  verdicts: CriterionVerdict[];
  /** Set when the LLM engine failed and the local engine produced the result instead. */
  fallback?: { from: "llm"; reason: string };
}

export interface ScreeningEngine {
  readonly name: "local" | "llm";
  screen(candidate: CandidateInput, criteria: readonly CriterionInput[]): Promise<ScreeningOutput>;
}
