import { describe, expect, it } from "vitest";
import {
  asOfDate,
  computeMetrics,
  EVAL_SET_PATH,
  EvalSetError,
  HOLDOUT_SET_PATH,
  loadEvalSet,
  parseEvalSet,
  runSet,
  splitOf,
  summarizeRuns,
  type EvalSet,
} from "./eval";
import { createLocalEngine } from "./local";
import type { CriterionKind, ScreeningEngine, Verdict } from "./types";

type Pair = { id: string; kind: CriterionKind; expected: Verdict; got: Verdict | null; category?: string };

/** A hand-made set whose "engine" answers what each pair says it got (null: leaves the criterion out). */
function handMade(cases: { id: string; profession: string; pairs: Pair[] }[]): { set: EvalSet; engine: ScreeningEngine } {
  
  const set = parseEvalSet({
    asOf: "2026-03-15",
    provenance: "hand-made for the metric arithmetic",
    cases: cases.map((c) => ({
      id: c.id,
      profession: c.profession,
      candidate: { resumeText: c.id, positions: [], schools: [], answers: [] },
      criteria: c.pairs.map((p) => ({ id: p.id, text: `criterion ${p.id}`, kind: p.kind, weight: "MEDIUM", expected: p.expected, ...(p.category ? { category: p.category, why: "because" } : {}) })),
    })),
  });
  const engine: ScreeningEngine = {
    name: "local",
    async screen(candidate) {
      const c = cases.find((x) => x.id === candidate.resumeText)!;
      return {
        engine: "local",
        score: 0,
        summary: "",
        verdicts: c.pairs.filter((p) => p.got !== null).map((p) => ({ criterionId: p.id, verdict: p.got as Verdict, evidence: [], reason: "r" })),
      };
    },
  };
  return { set, engine };
}

const CASES = [
  {
    id: "a",
    profession: "nursing",
    pairs: [
      { id: "c1", kind: "REQUIRED", expected: "NOT_MET", got: "MET", category: "negation" },
      { id: "c2", kind: "PREFERRED", expected: "UNKNOWN", got: "MET", category: "soft-skill" },
      { id: "c3", kind: "REQUIRED", expected: "MET", got: "MET" },
      { id: "c4", kind: "REQUIRED", expected: "UNKNOWN", got: "UNKNOWN", category: "soft-skill" },
    ],
  },
  {
    id: "b",
    profession: "sales",
    pairs: [
      { id: "c1", kind: "REQUIRED", expected: "NOT_MET", got: "NOT_MET", category: "negation" },
      { id: "c2", kind: "PREFERRED", expected: "PARTLY_MET", got: "MET" },
      { id: "c3", kind: "NEUTRAL", expected: "NOT_MET", got: "UNKNOWN" },
      { id: "c4", kind: "REQUIRED", expected: "UNKNOWN", got: null },
    ],
  },
] satisfies { id: string; profession: string; pairs: Pair[] }[];

describe("evaluation metrics", () => {
  it("harmful rate: pairs expected NOT_MET or UNKNOWN that got MET, over those pairs, overall and on REQUIRED criteria", async () => {
    const { set, engine } = handMade(CASES);
    const m = computeMetrics((await runSet(set, { engine }, "hand.json")).rows);
    // Expected NOT_MET/UNKNOWN: a.c1 a.c2 a.c4 b.c1 b.c3 b.c4; called MET: a.c1, a.c2.
    expect(m.harmful.overall).toEqual({ pairs: 6, harmful: 2, rate: 2 / 6 });
    // REQUIRED among them: a.c1 a.c4 b.c1 b.c4; called MET: a.c1. PARTLY_MET called MET (b.c2) is wrong, not harmful.
    expect(m.harmful.required).toEqual({ pairs: 4, harmful: 1, rate: 0.25 });
  });

  it("accuracy overall, per expected verdict, per category (uncategorized when none), per profession, UNKNOWN right and the confusion matrix", async () => {
    const { set, engine } = handMade(CASES);
    const m = computeMetrics((await runSet(set, { engine }, "hand.json")).rows);
    expect([m.total, m.correct, m.accuracy]).toEqual([8, 4, 0.5]);
    expect(m.perVerdict).toEqual({
      MET: { total: 1, correct: 1, accuracy: 1 },
      PARTLY_MET: { total: 1, correct: 0, accuracy: 0 },
      NOT_MET: { total: 3, correct: 1, accuracy: 1 / 3 },
      UNKNOWN: { total: 3, correct: 2, accuracy: 2 / 3 },
    });
    expect(m.perCategory).toEqual({
      negation: { total: 2, correct: 1, accuracy: 0.5 },
      "soft-skill": { total: 2, correct: 1, accuracy: 0.5 },
      uncategorized: { total: 4, correct: 2, accuracy: 0.5 },
    });
    expect(m.perProfession).toEqual({ nursing: { total: 4, correct: 2, accuracy: 0.5 }, sales: { total: 4, correct: 2, accuracy: 0.5 } });
    // A criterion the engine left out counts as UNKNOWN, as the score counts it.
    expect(m.unknownRight).toEqual({ total: 3, correct: 2, accuracy: 2 / 3 });
    expect(m.confusion.NOT_MET).toEqual({ MET: 1, PARTLY_MET: 0, NOT_MET: 1, UNKNOWN: 1 });
    expect(m.confusion.UNKNOWN).toEqual({ MET: 1, PARTLY_MET: 0, NOT_MET: 0, UNKNOWN: 2 });
    expect(m.confusion.PARTLY_MET).toEqual({ MET: 1, PARTLY_MET: 0, NOT_MET: 0, UNKNOWN: 0 });
  });

  it("rates with nothing to count are null, not 0 (a set without negative pairs is not 'never harmful')", async () => {
    const { set, engine } = handMade([{ id: "a", profession: "x", pairs: [{ id: "c1", kind: "PREFERRED", expected: "MET", got: "MET" }] }]);
    const m = computeMetrics((await runSet(set, { engine }, "hand.json")).rows);
    expect(m.harmful.overall).toEqual({ pairs: 0, harmful: 0, rate: null });
    expect(m.unknownRight.accuracy).toBeNull();
    expect(computeMetrics([]).accuracy).toBeNull();
  });

  it("a set is held out when its file name says holdout; splits are pooled apart and skipped cases are listed", async () => {
    expect(splitOf("/x/holdout-set.json")).toBe("held-out");
    expect(splitOf("/x/customer-HOLDOUT-2.json")).toBe("held-out");
    expect(splitOf("/x/eval-set.json")).toBe("development");
    const { set, engine } = handMade(CASES);
    const dev = await runSet(set, { engine }, "/x/dev.json");
    const held = await runSet(set, { engine, covers: (c) => c.id === "a" }, "/x/my-holdout.json");
    expect(held.skippedCases).toEqual(["b"]);
    const summary = summarizeRuns("stub", [dev, held]);
    expect(summary.splits.development?.total).toBe(8);
    expect(summary.splits["held-out"]?.total).toBe(4);
    expect(summary.overall.total).toBe(12);
    expect(summary.sets.map((s) => [s.name, s.split])).toEqual([["dev.json", "development"], ["my-holdout.json", "held-out"]]);
  });
});

describe("labelled set format", () => {
  it("accepts the optional category, why and provenance fields, and dates the engine at the set's asOf", () => {
    const { set } = handMade(CASES);
    expect(set.provenance).toBe("hand-made for the metric arithmetic");
    expect(set.cases[0]!.criteria[0]).toMatchObject({ category: "negation", why: "because" });
    expect(asOfDate(set).toISOString()).toBe("2026-03-15T00:00:00.000Z");
  });

  it("a malformed set is refused with the file and the place named", () => {
    expect(() => parseEvalSet({ cases: [] }, "mine.json")).toThrow(/mine\.json is not a labelled screening set:\n {2}asOf:/);
    const bad = { asOf: "2026-01-01", cases: [{ id: "a", profession: "p", candidate: { resumeText: null, positions: [], schools: [], answers: [] }, criteria: [{ id: "c1", text: "t", kind: "REQUIRED", weight: "LOW", expected: "YES" }] }] };
    expect(() => parseEvalSet(bad, "mine.json")).toThrow(/cases\.0\.criteria\.0\.expected/);
    const dup = { ...bad, cases: [{ ...bad.cases[0]!, criteria: [{ ...bad.cases[0]!.criteria[0]!, expected: "MET" }, { ...bad.cases[0]!.criteria[0]!, expected: "MET" }] }] };
    expect(() => parseEvalSet(dup, "mine.json")).toThrow(EvalSetError);
    expect(() => loadEvalSet("/nonexistent/set.json")).toThrow(/cannot read \/nonexistent\/set\.json/);
  });
});

describe("the shipped labelled sets, local engine", () => {
  const local = async (file: string) => {
    const set = loadEvalSet(file);
    return computeMetrics((await runSet(set, { engine: createLocalEngine({ now: () => asOfDate(set) }) }, file)).rows);
  };

  it("development set: at least 40 pairs covering every verdict, accuracy ≥ 0.9 (measured 1.00)", async () => {
    const m = await local(EVAL_SET_PATH);
    expect(m.total).toBeGreaterThanOrEqual(40);
    for (const v of ["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"] as const) expect(m.perVerdict[v].total).toBeGreaterThan(0);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  // The first held-out set was labelled before the labelling rules of dev-2026-11.json were written;
  // where the two differ (a bachelor's in the field for a master's: partly there, not met by the rules
  // every later set follows) the engine follows the rules, and this set loses a pair.
  it("held-out set: accuracy ≥ 0.80 (measured 0.82)", async () => {
    const m = await local(HOLDOUT_SET_PATH);
    expect(m.total).toBeGreaterThanOrEqual(30);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.8);
  });
});
