import { describe, expect, it } from "vitest";
import { requiredState, requiredStateOfStored, scoreBreakdown, scoreVerdicts } from "./score";
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

describe("requiredState", () => {
  const criteria = [c("r1", "REQUIRED", "HIGH"), c("r2", "REQUIRED", "LOW"), c("p", "PREFERRED", "HIGH"), c("n", "NEUTRAL")];
  const state = (r1: Verdict, r2: Verdict, p: Verdict = "MET", n: Verdict = "MET") => requiredState(criteria, [v("r1", r1), v("r2", r2), v("p", p), v("n", n)]);

  it("is tier 0 when every REQUIRED criterion is met, whatever the others say", () => {
    expect(state("MET", "MET", "NOT_MET", "NOT_MET")).toMatchObject({ tier: 0, status: "met", required: 2, missing: [], partly: [], unknown: [] });
  });

  it("is tier 1 when no REQUIRED criterion is NOT_MET but one is partly met or unknown", () => {
    expect(state("MET", "PARTLY_MET")).toMatchObject({ tier: 1, status: "review", partly: [{ id: "r2" }], unknown: [] });
    expect(state("UNKNOWN", "MET")).toMatchObject({ tier: 1, status: "review", partly: [], unknown: [{ id: "r1" }] });
  });

  it("is tier 2 as soon as one REQUIRED criterion is NOT_MET, even with the others met or unknown", () => {
    expect(state("NOT_MET", "MET")).toMatchObject({ tier: 2, status: "missing", missing: [{ id: "r1" }] });
    expect(state("UNKNOWN", "NOT_MET")).toMatchObject({ tier: 2, status: "missing", missing: [{ id: "r2" }], unknown: [{ id: "r1" }] });
  });

  it("ignores preferred and neutral criteria for the tier, but lists every UNKNOWN verdict as needing review", () => {
    const s = state("MET", "MET", "UNKNOWN", "UNKNOWN");
    expect(s.tier).toBe(0);
    expect(s.needsReview.map((x) => x.id)).toEqual(["p", "n"]);
  });

  it("counts a REQUIRED criterion without a verdict as unknown, and is tier 0 when nothing is required", () => {
    expect(requiredState(criteria, [v("r1", "MET")])).toMatchObject({ tier: 1, unknown: [{ id: "r2" }] });
    expect(requiredState([c("p", "PREFERRED")], [v("p", "NOT_MET")])).toMatchObject({ tier: 0, status: "met", required: 0 });
    expect(requiredState([], [])).toMatchObject({ tier: 0, required: 0, needsReview: [] });
  });

  it("reads a stored result's verdicts, which carry the criterion's kind and text", () => {
    const stored = [
      { criterionId: "a", text: "Python", kind: "REQUIRED" as const, verdict: "NOT_MET" as const },
      { criterionId: "b", text: "Remote", kind: "NEUTRAL" as const, verdict: "UNKNOWN" as const },
    ];
    expect(requiredStateOfStored(stored)).toMatchObject({ tier: 2, missing: [{ id: "a", text: "Python" }], needsReview: [{ id: "b", text: "Remote" }] });
  });
});

describe("ranking by required tier, then score", () => {
  it("puts every candidate who meets all REQUIRED criteria above any who misses one, and needs-review in between", () => {
    const criteria = [c("req", "REQUIRED", "LOW"), c("p1", "PREFERRED", "HIGH"), c("p2", "PREFERRED", "HIGH")];
    const candidates = {
      missesRequired: [v("req", "NOT_MET"), v("p1", "MET"), v("p2", "MET")],
      meetsRequired: [v("req", "MET"), v("p1", "NOT_MET"), v("p2", "NOT_MET")],
      requiredUnknown: [v("req", "UNKNOWN"), v("p1", "MET"), v("p2", "NOT_MET")],
    };
    const ranked = Object.entries(candidates)
      .map(([name, verdicts]) => ({ name, score: scoreVerdicts(criteria, verdicts), tier: requiredState(criteria, verdicts).tier }))
      .sort((a, b) => a.tier - b.tier || b.score - a.score);
    expect(ranked.map((r) => [r.name, r.score])).toEqual([
      ["meetsRequired", 14],
      ["requiredUnknown", 43],
      ["missesRequired", 86],
    ]);
  });
});
