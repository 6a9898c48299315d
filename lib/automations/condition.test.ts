import { describe, expect, it } from "vitest";
import { fromZod } from "@/lib/errors";
import { Condition, describeCondition, matchCondition, type RuleVerdict } from "./condition";

const v = (criterionId: string, kind: string, verdict: string): RuleVerdict => ({ criterionId, text: `Criterion ${criterionId}`, kind, verdict });
const result = (score: number, ...verdicts: RuleVerdict[]) => ({ score, verdicts });
const cond = (...clauses: unknown[]) => Condition.parse({ clauses });

describe("rule conditions", () => {
  it("a required criterion not met matches, naming only the unmet ones; all met does not", () => {
    const c = cond({ type: "any_required_not_met" });
    expect(matchCondition(c, result(40, v("a", "REQUIRED", "NOT_MET"), v("b", "REQUIRED", "MET"), v("p", "PREFERRED", "UNKNOWN")))).toEqual({
      matched: true,
      trigger: { score: 40, verdicts: [{ text: "Criterion a", kind: "REQUIRED", verdict: "NOT_MET" }] },
    });
    expect(matchCondition(c, result(100, v("a", "REQUIRED", "MET"), v("b", "REQUIRED", "PARTLY_MET")))).toEqual({ matched: false, needsReview: false });
  });

  it("an UNKNOWN verdict on a criterion the rule reads needs review and never matches; one it does not read is ignored", () => {
    const unknown = result(40, v("a", "REQUIRED", "NOT_MET"), v("b", "REQUIRED", "UNKNOWN"));
    expect(matchCondition(cond({ type: "any_required_not_met" }), unknown)).toEqual({ matched: false, needsReview: true });
    expect(matchCondition(cond({ type: "score_at_most", value: 50 }), result(40, v("a", "REQUIRED", "NOT_MET"), v("p", "PREFERRED", "UNKNOWN")))).toEqual({ matched: false, needsReview: true });
    expect(matchCondition(cond({ type: "criterion", criterionId: "a", verdict: "NOT_MET" }), unknown).matched).toBe(true);
    expect(matchCondition(cond({ type: "score_at_most", value: 50 }), result(40, v("a", "REQUIRED", "NOT_MET"), v("n", "NEUTRAL", "UNKNOWN"))).matched).toBe(true);
    // A criterion the result has no verdict for is not known either.
    expect(matchCondition(cond({ type: "criterion", criterionId: "gone", verdict: "MET" }), unknown)).toEqual({ matched: false, needsReview: true });
  });

  it("every clause must hold: all required met and a score of at least 80", () => {
    const c = cond({ type: "all_required_met" }, { type: "score_at_least", value: 80 });
    expect(matchCondition(c, result(80, v("a", "REQUIRED", "MET"), v("p", "PREFERRED", "NOT_MET"))).matched).toBe(true);
    expect(matchCondition(c, result(79, v("a", "REQUIRED", "MET"), v("p", "PREFERRED", "NOT_MET"))).matched).toBe(false);
    expect(matchCondition(c, result(90, v("a", "REQUIRED", "PARTLY_MET"), v("p", "PREFERRED", "MET"))).matched).toBe(false);
  });

  it("refuses conditions that cannot hold or are malformed, in plain words", () => {
    const message = (clauses: unknown) => {
      const parsed = Condition.safeParse({ clauses });
      return parsed.success ? null : fromZod(parsed.error).message;
    };
    expect(message([])).toMatch(/Add at least one condition/);
    expect(message([{ type: "all_required_met" }, { type: "any_required_not_met" }])).toMatch(/cannot both meet every required criterion and miss one/);
    expect(message([{ type: "score_at_least", value: 80 }, { type: "score_at_most", value: 50 }])).toMatch(/No score is at least 80 and at most 50/);
    expect(message([{ type: "score_at_least", value: 120 }])).toMatch(/Enter a score from 0 to 100/);
    expect(message([{ type: "criterion", criterionId: "a", verdict: "UNKNOWN" }])).toMatch(/Choose met, partly met or not met/);
    expect(message([{ type: "sometimes" }])).toMatch(/Choose a kind of condition/);
  });

  it("reads as plain sentences", () => {
    const c = cond({ type: "all_required_met" }, { type: "score_at_least", value: 80 }, { type: "criterion", criterionId: "a", verdict: "PARTLY_MET" });
    expect(describeCondition(c, (id) => (id === "a" ? "Five years of TypeScript" : undefined))).toEqual([
      "Every required criterion is met",
      "Score is at least 80",
      "“Five years of TypeScript” is partly met",
    ]);
  });
});
