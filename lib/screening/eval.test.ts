import { describe, expect, it } from "vitest";
import { EVAL_SET_PATH, HOLDOUT_SET_PATH, loadEvalSet, runEval } from "./eval";

describe("labelled evaluation sets", () => {
  it("development set: at least 40 pairs covering every verdict, accuracy ≥ 0.9 (measured 1.00)", () => {
    const report = runEval(loadEvalSet(EVAL_SET_PATH));
    expect(report.total).toBeGreaterThanOrEqual(40);
    for (const v of ["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"] as const) expect(report.perVerdict[v].total).toBeGreaterThan(0);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("held-out set: accuracy ≥ 0.85 (measured 0.94)", () => {
    const report = runEval(loadEvalSet(HOLDOUT_SET_PATH));
    expect(report.total).toBeGreaterThanOrEqual(30);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
