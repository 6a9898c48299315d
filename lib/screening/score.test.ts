import { describe, expect, it } from "vitest";
import { scoreBreakdown, scoreVerdicts } from "./score";
import type { CriterionInput, CriterionVerdict, Verdict } from "./types";

const c = (id: string, kind: CriterionInput["kind"] = "REQUIRED", weight: CriterionInput["weight"] = "MEDIUM"): CriterionInput => ({ id, text: id, kind, weight });
const v = (criterionId: string, verdict: Verdict): CriterionVerdict => ({ criterionId, verdict, evidence: [], reason: "" });

describe("scoreVerdicts", () => {
  it("gives 100 when every criterion is met and 0 when none is", () => {
    const criteria = [c("a"), c("b")];
    expect(scoreVerdicts(criteria, [v("a", "MET"), v("b", "MET")])).toBe(100);
    expect(scoreVerdicts(criteria, [v("a", "NOT_MET"), v("b", "UNKNOWN")])).toBe(0);
  });

  it("gives half the weight for PARTLY_MET", () => {
    expect(scoreVerdicts([c("a")], [v("a", "PARTLY_MET")])).toBe(50);
    expect(scoreVerdicts([c("a"), c("b")], [v("a", "MET"), v("b", "PARTLY_MET")])).toBe(75);
  });

  it("weighs LOW 1, MEDIUM 2, HIGH 3", () => {
    const criteria = [c("h", "REQUIRED", "HIGH"), c("l", "PREFERRED", "LOW")];
    expect(scoreVerdicts(criteria, [v("h", "MET"), v("l", "NOT_MET")])).toBe(75);
    expect(scoreVerdicts(criteria, [v("h", "NOT_MET"), v("l", "MET")])).toBe(25);
    expect(scoreVerdicts([c("m", "REQUIRED", "MEDIUM"), c("l", "REQUIRED", "LOW")], [v("m", "MET"), v("l", "NOT_MET")])).toBe(67);
  });

  it("ignores NEUTRAL criteria whatever their verdict", () => {
    const criteria = [c("a"), c("n", "NEUTRAL", "HIGH")];
    expect(scoreVerdicts(criteria, [v("a", "MET"), v("n", "NOT_MET")])).toBe(100);
    expect(scoreVerdicts(criteria, [v("a", "NOT_MET"), v("n", "MET")])).toBe(0);
  });

  it("scores 0 and reports not scorable when every criterion is neutral (or there are none)", () => {
    const criteria = [c("n1", "NEUTRAL"), c("n2", "NEUTRAL")];
    expect(scoreBreakdown(criteria, [v("n1", "MET"), v("n2", "MET")])).toEqual({ score: 0, earned: 0, possible: 0, scorable: false });
    expect(scoreBreakdown([], [])).toMatchObject({ score: 0, scorable: false });
  });

  it("counts a missing verdict as UNKNOWN", () => {
    expect(scoreBreakdown([c("a"), c("b")], [v("a", "MET")])).toEqual({ score: 50, earned: 2, possible: 4, scorable: true });
  });
});
