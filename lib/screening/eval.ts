import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { compileCriteria, screenCompiled } from "./local";
import { VERDICTS, type Verdict } from "./types";

/**
 * Evaluation of the local engine on the labelled set in tests/fixtures/screening/eval-set.json:
 * accuracy overall and per expected verdict, and the confusion matrix (rows expected, columns got).
 */

const YM = z.object({ year: z.number().nullish(), month: z.number().nullish() }).nullish();
const EvalSetSchema = z.object({
  asOf: z.string(),
  cases: z.array(
    z.object({
      id: z.string(),
      profession: z.string(),
      candidate: z.object({
        resumeText: z.string().nullable(),
        positions: z.array(z.object({ org: z.string().nullish(), title: z.string().nullish(), summary: z.string().nullish(), start: YM, end: YM })),
        schools: z.array(z.object({ org: z.string().nullish(), degree: z.string().nullish(), field: z.string().nullish(), start: YM, end: YM })),
        answers: z.array(z.object({ question: z.string(), answer: z.string() })),
      }),
      criteria: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          kind: z.enum(["REQUIRED", "PREFERRED", "NEUTRAL"]),
          weight: z.enum(["LOW", "MEDIUM", "HIGH"]),
          expected: z.enum(["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"]),
        }),
      ),
    }),
  ),
});
export type EvalSet = z.infer<typeof EvalSetSchema>;

const FIXTURES = path.join(import.meta.dirname, "../../tests/fixtures/screening");
/** The development set (the engine's rules were fixed against it). */
export const EVAL_SET_PATH = path.join(FIXTURES, "eval-set.json");
/** Held-out pairs labelled after those fixes: the honest measure. */
export const HOLDOUT_SET_PATH = path.join(FIXTURES, "holdout-set.json");

export function loadEvalSet(file = EVAL_SET_PATH): EvalSet {
  return EvalSetSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export interface EvalRow {
  caseId: string;
  profession: string;
  criterionId: string;
  text: string;
  expected: Verdict;
  got: Verdict;
  reason: string;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  perVerdict: Record<Verdict, { total: number; correct: number; accuracy: number | null }>;
  /** confusion[expected][got] */
  confusion: Record<Verdict, Record<Verdict, number>>;
  perProfession: Record<string, { total: number; correct: number }>;
  rows: EvalRow[];
}


export function runEval(set: EvalSet = loadEvalSet()): EvalReport {
  const now = new Date(`${set.asOf}T00:00:00Z`);
  const rows: EvalRow[] = [];
  for (const c of set.cases) {
    const criteria = c.criteria.map(({ id, text, kind, weight }) => ({ id, text, kind, weight }));
    const out = screenCompiled(compileCriteria(criteria), c.candidate, now);
    for (const crit of c.criteria) {
      const v = out.verdicts.find((x) => x.criterionId === crit.id);
      rows.push({
        caseId: c.id,
        profession: c.profession,
        criterionId: crit.id,
        text: crit.text,
        expected: crit.expected,
        got: v?.verdict ?? "UNKNOWN",
        reason: v?.reason ?? "",
      });
    }
  }
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))])) as EvalReport["confusion"];
  const perVerdict = Object.fromEntries(VERDICTS.map((v) => [v, { total: 0, correct: 0, accuracy: null }])) as EvalReport["perVerdict"];
  const perProfession: EvalReport["perProfession"] = {};
  for (const r of rows) {
    confusion[r.expected][r.got]++;
    perVerdict[r.expected].total++;
    const p = (perProfession[r.profession] ??= { total: 0, correct: 0 });
    p.total++;
    if (r.expected === r.got) {
      perVerdict[r.expected].correct++;
      p.correct++;
    }
  }
  for (const v of VERDICTS) {
    const pv = perVerdict[v];
    pv.accuracy = pv.total ? pv.correct / pv.total : null;
  }
  const correct = rows.filter((r) => r.expected === r.got).length;
  return { total: rows.length, correct, accuracy: rows.length ? correct / rows.length : 0, perVerdict, confusion, perProfession, rows };
}

export function formatEvalReport(report: EvalReport, title = "Screening eval (local engine)"): string {
  const pct = (x: number | null) => (x === null ? "  n/a" : `${(x * 100).toFixed(1).padStart(5)}%`);
  const lines: string[] = [];
  lines.push(`${title}: ${report.correct}/${report.total} correct, accuracy ${pct(report.accuracy).trim()}`);
  lines.push("");
  lines.push("Per expected verdict (recall):");
  for (const v of VERDICTS) {
    const pv = report.perVerdict[v];
    lines.push(`  ${v.padEnd(10)} ${String(pv.correct).padStart(3)}/${String(pv.total).padEnd(3)} ${pct(pv.accuracy)}`);
  }
  lines.push("");
  lines.push("Per profession:");
  for (const [p, s] of Object.entries(report.perProfession)) lines.push(`  ${p.padEnd(12)} ${s.correct}/${s.total}`);
  lines.push("");
  lines.push("Confusion matrix (rows = expected, columns = engine):");
  lines.push(`  ${"".padEnd(10)} ${VERDICTS.map((v) => v.padStart(10)).join(" ")}`);
  for (const e of VERDICTS) lines.push(`  ${e.padEnd(10)} ${VERDICTS.map((g) => String(report.confusion[e][g]).padStart(10)).join(" ")}`);
  const wrong = report.rows.filter((r) => r.expected !== r.got);
  if (wrong.length) {
    lines.push("");
    lines.push("Misclassified:");
    for (const r of wrong) lines.push(`  [${r.caseId}/${r.criterionId}] "${r.text}": expected ${r.expected}, got ${r.got} — ${r.reason}`);
  }
  return lines.join("\n");
}
