import type { CriterionInput, CriterionVerdict, CriterionWeight, Verdict } from "./types";

/**
 * Score arithmetic, pure and shared by every engine (an LLM's own arithmetic is never trusted).
 *
 * - Each REQUIRED or PREFERRED criterion has a weight: LOW = 1, MEDIUM = 2, HIGH = 3.
 * - MET earns the full weight, PARTLY_MET half of it, NOT_MET and UNKNOWN nothing.
 * - score = round(100 × earned / Σ weights of the non-neutral criteria).
 * - NEUTRAL criteria never change the score (they only filter lists).
 * - A criterion without a verdict counts as UNKNOWN (earns nothing).
 * - No non-neutral criterion at all (none, or all neutral): there is nothing to score and the
 *   score is 0; `scoreBreakdown(...).scorable` is false so callers can hide it (the Lever note
 *   then carries no score).
 */

export const WEIGHT_POINTS: Readonly<Record<CriterionWeight, number>> = { LOW: 1, MEDIUM: 2, HIGH: 3 };
export const VERDICT_CREDIT: Readonly<Record<Verdict, number>> = { MET: 1, PARTLY_MET: 0.5, NOT_MET: 0, UNKNOWN: 0 };

export interface ScoreBreakdown {
  score: number;
  earned: number;
  possible: number;
  /** false when there is no REQUIRED/PREFERRED criterion (score is then 0 by definition). */
  scorable: boolean;
}

type ScoredCriterion = Pick<CriterionInput, "id" | "kind" | "weight">;
type ScoredVerdict = Pick<CriterionVerdict, "criterionId" | "verdict">;

export function scoreBreakdown(criteria: readonly ScoredCriterion[], verdicts: readonly ScoredVerdict[]): ScoreBreakdown {
  const byId = new Map(verdicts.map((v) => [v.criterionId, v.verdict] as const));
  let earned = 0;
  let possible = 0;
  for (const c of criteria) {
    if (c.kind === "NEUTRAL") continue;
    const points = WEIGHT_POINTS[c.weight];
    possible += points;
    earned += points * VERDICT_CREDIT[byId.get(c.id) ?? "UNKNOWN"];
  }
  if (possible === 0) return { score: 0, earned: 0, possible: 0, scorable: false };
  return { score: Math.round((100 * earned) / possible), earned, possible, scorable: true };
}

/** 0–100 score of the verdicts against their criteria (see module doc for the rules). */
export function scoreVerdicts(criteria: readonly ScoredCriterion[], verdicts: readonly ScoredVerdict[]): number {
  return scoreBreakdown(criteria, verdicts).score;
}
