import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { FALLBACK_REASON_PREFIX } from "./llm";
import { VERDICTS, type CandidateInput, type CriterionInput, type CriterionKind, type ScreeningEngine, type Verdict } from "./types";

/**
 * The evaluation harness: any engine (through `ScreeningEngine`) on any labelled file in the format of
 * tests/fixtures/screening/*.json. It is also how a customer checks an engine on their own labelled
 * data, so the format stays stable: new fields are optional.
 *
 * Every engine is measured the same way: one engine per set, built for that set's `asOf` date (a
 * "Present" position ends then), every case screened through `engine.screen`, and the labels compared
 * pair by pair. The metrics a recruiter cares about come first: accuracy per expected verdict, and the
 * harmful rate (a pair that is not met, or cannot be told, called MET), which is what makes a wrong
 * shortlist.
 */

const YM = z.object({ year: z.number().nullish(), month: z.number().nullish() }).nullish();
const VerdictEnum = z.enum(["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"]);

const EvalSetSchema = z.object({
  description: z.string().optional(),
  /** How the set was made (who wrote and labelled it, when, from what); free text or an object. */
  provenance: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  asOf: z.iso.date({ message: "expected the set's reference date as YYYY-MM-DD" }),
  cases: z.array(
    z.object({
      id: z.string().min(1),
      profession: z.string().min(1),
      candidate: z.object({
        resumeText: z.string().nullable(),
        positions: z.array(
          z.object({ org: z.string().nullish(), title: z.string().nullish(), summary: z.string().nullish(), location: z.string().nullish(), start: YM, end: YM }),
        ),
        schools: z.array(
          z.object({ org: z.string().nullish(), degree: z.string().nullish(), field: z.string().nullish(), summary: z.string().nullish(), start: YM, end: YM }),
        ),
        answers: z.array(z.object({ question: z.string(), answer: z.string() })),
      }),
      criteria: z
        .array(
          z.object({
            id: z.string().min(1),
            text: z.string().min(1),
            kind: z.enum(["REQUIRED", "PREFERRED", "NEUTRAL"]),
            weight: z.enum(["LOW", "MEDIUM", "HIGH"]),
            expected: VerdictEnum,
            /** The kind of error the pair probes (e.g. "negation", "recency"); reported per category. */
            category: z.string().min(1).optional(),
            /** Why the label is what it is, in a recruiter's words. */
            why: z.string().optional(),
          }),
        )
        .min(1),
    }),
  ),
});
export type EvalSet = z.infer<typeof EvalSetSchema>;
export type EvalCase = EvalSet["cases"][number];

export const FIXTURES_DIR = path.join(import.meta.dirname, "../../tests/fixtures/screening");
/** The development set (the engine's rules were fixed against it). */
export const EVAL_SET_PATH = path.join(FIXTURES_DIR, "eval-set.json");
/** Held-out pairs labelled after those fixes: the honest measure. */
export const HOLDOUT_SET_PATH = path.join(FIXTURES_DIR, "holdout-set.json");

export const UNCATEGORIZED = "uncategorized";

export type Split = "development" | "held-out";

/** A set is held out when its file name says so; rules are never tuned on those. */
export function splitOf(file: string): Split {
  return path.basename(file).toLowerCase().includes("holdout") ? "held-out" : "development";
}

/** Every labelled set shipped in tests/fixtures/screening/, sorted by name. */
export function defaultSetFiles(dir = FIXTURES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

export class EvalSetError extends Error {
  override readonly name = "EvalSetError";
}

/** Parse a labelled set; a bad file stops with its name and the first problems, path by path. */
export function parseEvalSet(json: unknown, file = "(set)"): EvalSet {
  const parsed = EvalSetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join(".") || "(top level)"}: ${i.message}`);
    throw new EvalSetError(`${file} is not a labelled screening set:\n${issues.join("\n")}`);
  }
  const seen = new Set<string>();
  for (const c of parsed.data.cases) {
    if (seen.has(c.id)) throw new EvalSetError(`${file}: case id "${c.id}" appears twice`);
    seen.add(c.id);
    const ids = new Set<string>();
    for (const cr of c.criteria) {
      if (ids.has(cr.id)) throw new EvalSetError(`${file}: case "${c.id}" has criterion id "${cr.id}" twice`);
      ids.add(cr.id);
    }
  }
  return parsed.data;
}

export function loadEvalSet(file = EVAL_SET_PATH): EvalSet {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new EvalSetError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvalSetError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseEvalSet(json, file);
}

export const criteriaOf = (c: EvalCase): CriterionInput[] => c.criteria.map(({ id, text, kind, weight }) => ({ id, text, kind, weight }));
export const candidateOf = (c: EvalCase): CandidateInput => c.candidate;

// ---------------------------------------------------------------- running

export interface EvalRow {
  set: string;
  split: Split;
  caseId: string;
  profession: string;
  criterionId: string;
  text: string;
  kind: CriterionKind;
  category: string;
  expected: Verdict;
  got: Verdict;
  reason: string;
}

export interface EvalTarget {
  engine: ScreeningEngine;
  /** false: the engine cannot screen this case (e.g. no recorded answer); it is skipped and counted. */
  covers?: (c: EvalCase) => boolean;
}

export interface SetRun {
  name: string;
  file: string;
  split: Split;
  asOf: string;
  provenance?: EvalSet["provenance"];
  rows: EvalRow[];
  skippedCases: string[];
  /** Cases the engine could not screen itself (e.g. the LLM failed): the fallback engine's verdicts were measured. */
  fallbackCases: { caseId: string; reason: string }[];
  /** Pairs whose verdict came from the fallback engine for that criterion alone. */
  fallbackCriteria: number;
}

/** The set's reference date as the engine's "now" (midnight UTC). */
export const asOfDate = (set: EvalSet): Date => new Date(`${set.asOf}T00:00:00Z`);

/**
 * Screen every case of one set. `target` is built by the caller for this set's date, so an engine's
 * clock never moves a label. A criterion the engine left out counts as UNKNOWN (as the score does).
 */
export async function runSet(set: EvalSet, target: EvalTarget, file = "(set)"): Promise<SetRun> {
  const name = path.basename(file);
  const split = splitOf(file);
  const skippedCases: string[] = [];
  const fallbackCases: SetRun["fallbackCases"] = [];
  const screened = await Promise.all(
    set.cases.map(async (c) => {
      if (target.covers && !target.covers(c)) {
        skippedCases.push(c.id);
        return [];
      }
      const out = await target.engine.screen(candidateOf(c), criteriaOf(c));
      if (out.fallback) fallbackCases.push({ caseId: c.id, reason: out.fallback.reason });
      const byId = new Map(out.verdicts.map((v) => [v.criterionId, v] as const));
      return c.criteria.map((cr): EvalRow => {
        const v = byId.get(cr.id);
        return {
          set: name,
          split,
          caseId: c.id,
          profession: c.profession,
          criterionId: cr.id,
          text: cr.text,
          kind: cr.kind,
          category: cr.category ?? UNCATEGORIZED,
          expected: cr.expected,
          got: v?.verdict ?? "UNKNOWN",
          reason: v ? v.reason : "the engine gave no verdict for this criterion",
        };
      });
    }),
  );
  const rows = screened.flat();
  const fallbackCriteria = rows.filter((r) => r.reason.startsWith(FALLBACK_REASON_PREFIX)).length;
  // Cases finish in any order; the report lists them in the set's order.
  const order = new Map(set.cases.map((c, i) => [c.id, i] as const));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  skippedCases.sort(byOrder);
  fallbackCases.sort((a, b) => byOrder(a.caseId, b.caseId));
  return { name, file, split, asOf: set.asOf, provenance: set.provenance, rows, skippedCases, fallbackCases, fallbackCriteria };
}

// ---------------------------------------------------------------- metrics

export interface Tally {
  total: number;
  correct: number;
  /** correct / total; null when there is nothing to count. */
  accuracy: number | null;
}

export interface HarmRate {
  /** Pairs expected NOT_MET or UNKNOWN. */
  pairs: number;
  /** Of those, the ones the engine called MET. */
  harmful: number;
  /** harmful / pairs; null when there is no such pair. */
  rate: number | null;
}

export interface Metrics {
  total: number;
  correct: number;
  accuracy: number | null;
  /** Recall per expected verdict. */
  perVerdict: Record<Verdict, Tally>;
  perCategory: Record<string, Tally>;
  perProfession: Record<string, Tally>;
  /** confusion[expected][got] */
  confusion: Record<Verdict, Record<Verdict, number>>;
  /** Expected NOT_MET or UNKNOWN, got MET: overall and on REQUIRED criteria. */
  harmful: { overall: HarmRate; required: HarmRate };
  /** Recall on expected UNKNOWN: how often "cannot tell" is said when it should be. */
  unknownRight: Tally;
}

const ratio = (n: number, d: number): number | null => (d ? n / d : null);

function tally(rows: readonly EvalRow[]): Tally {
  const correct = rows.filter((r) => r.expected === r.got).length;
  return { total: rows.length, correct, accuracy: ratio(correct, rows.length) };
}

function groupTally(rows: readonly EvalRow[], key: (r: EvalRow) => string): Record<string, Tally> {
  const groups = new Map<string, EvalRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, tally(groups.get(k)!)]));
}

export const isHarmful = (r: Pick<EvalRow, "expected" | "got">): boolean => r.got === "MET" && (r.expected === "NOT_MET" || r.expected === "UNKNOWN");

function harmRate(rows: readonly EvalRow[]): HarmRate {
  const pairs = rows.filter((r) => r.expected === "NOT_MET" || r.expected === "UNKNOWN");
  const harmful = pairs.filter(isHarmful).length;
  return { pairs: pairs.length, harmful, rate: ratio(harmful, pairs.length) };
}

export function computeMetrics(rows: readonly EvalRow[]): Metrics {
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))])) as Metrics["confusion"];
  for (const r of rows) confusion[r.expected][r.got]++;
  const perVerdict = Object.fromEntries(VERDICTS.map((v) => [v, tally(rows.filter((r) => r.expected === v))])) as Metrics["perVerdict"];
  const all = tally(rows);
  return {
    total: all.total,
    correct: all.correct,
    accuracy: all.accuracy,
    perVerdict,
    perCategory: groupTally(rows, (r) => r.category),
    perProfession: groupTally(rows, (r) => r.profession),
    confusion,
    harmful: { overall: harmRate(rows), required: harmRate(rows.filter((r) => r.kind === "REQUIRED")) },
    unknownRight: perVerdict.UNKNOWN,
  };
}

export interface EvalSummary {
  engine: string;
  sets: (Omit<SetRun, "rows"> & { metrics: Metrics })[];
  /** Development and held-out sets pooled separately (only the splits present). */
  splits: Partial<Record<Split, Metrics>>;
  overall: Metrics;
}

export function summarizeRuns(engine: string, runs: readonly SetRun[]): EvalSummary {
  const splits: EvalSummary["splits"] = {};
  for (const split of ["held-out", "development"] as const) {
    const rows = runs.filter((r) => r.split === split).flatMap((r) => r.rows);
    if (rows.length) splits[split] = computeMetrics(rows);
  }
  return {
    engine,
    sets: runs.map(({ rows, ...run }) => ({ ...run, metrics: computeMetrics(rows) })),
    splits,
    overall: computeMetrics(runs.flatMap((r) => r.rows)),
  };
}

// ---------------------------------------------------------------- text report

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
const frac = (t: Tally) => `${t.correct}/${t.total} (${pct(t.accuracy)})`;
const harm = (h: HarmRate) => `${h.harmful}/${h.pairs} (${pct(h.rate)})`;

export function formatMetrics(m: Metrics, title: string): string {
  const lines: string[] = [];
  lines.push(`${title}: ${m.correct}/${m.total} exact (${pct(m.accuracy)})`);
  lines.push(`  harmful (expected NOT_MET/UNKNOWN, got MET): ${harm(m.harmful.overall)}; on REQUIRED criteria: ${harm(m.harmful.required)}`);
  lines.push(`  UNKNOWN right: ${frac(m.unknownRight)}`);
  lines.push("  per expected verdict:");
  for (const v of VERDICTS) lines.push(`    ${v.padEnd(12)} ${frac(m.perVerdict[v])}`);
  lines.push("  per category:");
  for (const [k, t] of Object.entries(m.perCategory)) lines.push(`    ${k.padEnd(24)} ${frac(t)}`);
  lines.push("  per profession:");
  for (const [k, t] of Object.entries(m.perProfession)) lines.push(`    ${k.padEnd(24)} ${frac(t)}`);
  lines.push("  confusion (rows expected, columns got):");
  lines.push(`    ${"".padEnd(12)}${VERDICTS.map((v) => v.padStart(12)).join("")}`);
  for (const e of VERDICTS) lines.push(`    ${e.padEnd(12)}${VERDICTS.map((g) => String(m.confusion[e][g]).padStart(12)).join("")}`);
  return lines.join("\n");
}

/**
 * Held-out rows that are wrong are counted, not listed, unless asked for: a rule written after reading a
 * held-out failure is tuned on it, and the held-out figure stops measuring what it is kept for.
 */
export function formatReport(summary: EvalSummary, runs: readonly SetRun[], options: { listHeldOut?: boolean } = {}): string {
  const out: string[] = [`Screening evaluation, engine: ${summary.engine}`, ""];
  for (const s of summary.sets) {
    const skipped = s.skippedCases.length ? `; ${s.skippedCases.length} case(s) skipped (the engine cannot screen them): ${s.skippedCases.join(", ")}` : "";
    const [head, ...rest] = formatMetrics(s.metrics, `${s.name} [${s.split}, as of ${s.asOf}${skipped}]`).split("\n");
    out.push(head!);
    if (s.provenance) {
      const made = typeof s.provenance === "string" ? s.provenance : Object.entries(s.provenance).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ");
      out.push(`  provenance: ${made.length > 240 ? `${made.slice(0, 239)}…` : made}`);
    }
    out.push(...rest);
    if (s.fallbackCases.length) {
      out.push(`  screened by the fallback engine instead (these rows measure it, not ${summary.engine}):`);
      for (const f of s.fallbackCases) out.push(`    ${f.caseId}: ${f.reason}`);
    }
    if (s.fallbackCriteria) out.push(`  ${s.fallbackCriteria} pair(s) answered by the fallback engine for that criterion alone`);
    out.push("");
  }
  if (summary.sets.length > 1) {
    for (const [split, m] of Object.entries(summary.splits)) out.push(formatMetrics(m, `all ${split} sets`), "");
    out.push(formatMetrics(summary.overall, "all sets"), "");
  }
  const allWrong = runs.flatMap((r) => r.rows).filter((r) => r.expected !== r.got);
  const wrong = options.listHeldOut ? allWrong : allWrong.filter((r) => r.split !== "held-out");
  const unlisted = allWrong.length - wrong.length;
  if (unlisted) out.push(`${unlisted} held-out pair(s) misclassified, not listed (--list-held-out lists them).`, "");
  if (wrong.length) {
    out.push("Misclassified (! = harmful):");
    for (const r of wrong) {
      out.push(`  ${isHarmful(r) ? "!" : " "} [${r.set} ${r.caseId}/${r.criterionId} ${r.kind} ${r.category}] "${r.text}": expected ${r.expected}, got ${r.got}: ${r.reason}`);
    }
  }
  return out.join("\n").trimEnd();
}
