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

/**
 * Where a candidate stands on the REQUIRED criteria; one definition for the ranking, the Lever note
 * and the pages.
 *
 * - tier 0 ("met"): every REQUIRED criterion is MET (also when there is no REQUIRED criterion).
 * - tier 1 ("review"): none is NOT_MET, but some is PARTLY_MET or UNKNOWN. A partly met requirement
 *   is not a disqualification but not a pass either: a recruiter decides, as with an unknown one.
 * - tier 2 ("missing"): at least one REQUIRED criterion is NOT_MET.
 *
 * Ranking is by tier first, then by score, so a candidate missing a requirement never ranks above one
 * who meets them all, however many preferred criteria lift their score.
 * A criterion without a verdict counts as UNKNOWN, as in the score.
 * `needsReview` lists every criterion (any kind, neutral too) whose verdict is UNKNOWN.
 */
export type RequiredTier = 0 | 1 | 2;
export type RequiredStatus = "met" | "review" | "missing";

export interface RequiredState<C> {
  tier: RequiredTier;
  status: RequiredStatus;
  /** Number of REQUIRED criteria. */
  required: number;
  /** REQUIRED criteria NOT_MET. */
  missing: C[];
  /** REQUIRED criteria PARTLY_MET. */
  partly: C[];
  /** REQUIRED criteria UNKNOWN. */
  unknown: C[];
  /** Criteria of any kind whose verdict is UNKNOWN. */
  needsReview: C[];
}

export const REQUIRED_TIER: Readonly<Record<RequiredStatus, RequiredTier>> = { met: 0, review: 1, missing: 2 };

export function requiredState<C extends Pick<CriterionInput, "id" | "kind">>(criteria: readonly C[], verdicts: readonly ScoredVerdict[]): RequiredState<C> {
  const byId = new Map(verdicts.map((v) => [v.criterionId, v.verdict] as const));
  const missing: C[] = [];
  const partly: C[] = [];
  const unknown: C[] = [];
  const needsReview: C[] = [];
  let required = 0;
  for (const c of criteria) {
    const verdict = byId.get(c.id) ?? "UNKNOWN";
    if (verdict === "UNKNOWN") needsReview.push(c);
    if (c.kind !== "REQUIRED") continue;
    required++;
    if (verdict === "NOT_MET") missing.push(c);
    else if (verdict === "PARTLY_MET") partly.push(c);
    else if (verdict === "UNKNOWN") unknown.push(c);
  }
  const status: RequiredStatus = missing.length ? "missing" : partly.length || unknown.length ? "review" : "met";
  return { tier: REQUIRED_TIER[status], status, required, missing, partly, unknown, needsReview };
}

/** A stored result's verdicts carry their criterion's kind and text as screened. */
export function requiredStateOfStored<V extends ScoredVerdict & Pick<CriterionInput, "kind" | "text">>(verdicts: readonly V[]) {
  return requiredState(
    verdicts.map((v) => ({ id: v.criterionId, kind: v.kind, text: v.text })),
    verdicts,
  );
}
