/**
 * The screening evaluation harness: an engine on labelled sets, as accuracy per verdict, per category,
 * per profession, the confusion matrix and the harmful rate.
 *
 *   npm run eval:screening -- [--set <file>]… [--engine local|llm|recorded] [--json]
 *                             [--recordings <file>] [--record <file>] [--list-held-out]
 *
 * - No --set: every tests/fixtures/screening/*.json; a file whose name contains "holdout" is held out.
 * - --engine local (default): the rule-based engine. llm: the live model named by SCREENING_LLM_*
 *   (with --record <file>, its answers are written there for the recorded engine). recorded: answers
 *   stored in --recordings <file> (default the shipped holdout recordings), replayed offline through
 *   the LLM engine's checks; cases without a recording are skipped and listed.
 * - Misclassified held-out pairs are counted but listed only with --list-held-out, so that reading the
 *   report does not tune rules on the held-out sets.
 * - --json: `{rows, summary}` on stdout and nothing else (progress and warnings go to stderr).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, screeningLlmFromEnv } from "@/lib/config";
import {
  asOfDate,
  candidateOf,
  criteriaOf,
  defaultSetFiles,
  EvalSetError,
  FIXTURES_DIR,
  formatReport,
  loadEvalSet,
  runSet,
  summarizeRuns,
  type EvalCase,
  type EvalTarget,
  type SetRun,
} from "@/lib/screening/eval";
import { createLlmEngine, LlmEngineError, type LlmAnswer } from "@/lib/screening/llm";
import { createLocalEngine } from "@/lib/screening/local";
import { createRecordedEngine, loadRecordings, recordingKey, type Recording } from "@/lib/screening/recorded";
import type { CandidateInput } from "@/lib/screening/types";

export const DEFAULT_RECORDINGS = path.join(FIXTURES_DIR, "recordings", "holdout-llm.json");

const ENGINES = ["local", "llm", "recorded"] as const;
type EngineName = (typeof ENGINES)[number];

export class UsageError extends Error {}

export interface HarnessResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Options {
  sets: string[];
  engine: EngineName;
  json: boolean;
  listHeldOut: boolean;
  recordings: string;
  record?: string;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        set: { type: "string", multiple: true },
        engine: { type: "string", default: "local" },
        json: { type: "boolean", default: false },
        "list-held-out": { type: "boolean", default: false },
        recordings: { type: "string" },
        record: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const engine = values.engine as string;
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine must be one of ${ENGINES.join(", ")}; got "${engine}"`);
  if (values.record && engine !== "llm") throw new UsageError("--record writes a live model's answers: use it with --engine llm");
  if (values.recordings && engine !== "recorded") throw new UsageError("--recordings is read by --engine recorded only");
  return {
    sets: values.set?.length ? values.set.map((f) => path.resolve(f)) : defaultSetFiles(),
    engine: engine as EngineName,
    json: values.json ?? false,
    listHeldOut: values["list-held-out"] ?? false,
    recordings: path.resolve(values.recordings ?? DEFAULT_RECORDINGS),
    record: values.record ? path.resolve(values.record) : undefined,
  };
}

/**
 * Runs the harness; `env` supplies SCREENING_LLM_* for --engine llm. Bad arguments, an unreadable
 * set or recordings file, or an incomplete SCREENING_LLM_* give exit code 2 and a message.
 */
export async function main(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  progress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<HarnessResult> {
  try {
    return await harness(argv, env, progress);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EvalSetError || error instanceof ConfigError || (error instanceof LlmEngineError && error.code === "no_recording")) {
      return { stdout: "", stderr: `${error.message}\n`, exitCode: 2 };
    }
    throw error;
  }
}

async function harness(argv: string[], env: Readonly<Record<string, string | undefined>>, progress: (line: string) => void): Promise<HarnessResult> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return { stdout: "", stderr: `${error.message}\nusage: npm run eval:screening -- [--set <file>]… [--engine local|llm|recorded] [--json] [--recordings <file>] [--record <file>]\n`, exitCode: 2 };
    }
    throw error;
  }

  let engineLabel: string = options.engine;
  let targetFor: (asOf: Date, cases: readonly EvalCase[]) => EvalTarget;
  const recorded: Recording[] = [];

  if (options.engine === "local") {
    targetFor = (asOf) => ({ engine: createLocalEngine({ now: () => asOf }) });
  } else if (options.engine === "recorded") {
    const file = loadRecordings(options.recordings);
    engineLabel = `recorded (${path.basename(options.recordings)}${file.model ? `, model ${file.model}` : ""})`;
    targetFor = (asOf, cases) => {
      const caseOf = new Map<CandidateInput, string>(cases.map((c) => [c.candidate, c.id]));
      const engine = createRecordedEngine(file, { fallback: createLocalEngine({ now: () => asOf }), caseIdOf: (candidate) => caseOf.get(candidate) });
      return { engine, covers: (c) => engine.has(candidateOf(c), criteriaOf(c), c.id) };
    };
  } else {
    const llm = screeningLlmFromEnv(env);
    if (!llm) return { stdout: "", stderr: "--engine llm needs SCREENING_LLM_BASE_URL and SCREENING_LLM_MODEL (and SCREENING_LLM_API_KEY if the endpoint asks for one)\n", exitCode: 2 };
    engineLabel = `llm (${llm.model})`;
    targetFor = (asOf, cases) => {
      const caseOf = new Map<CandidateInput, string>(cases.map((c) => [c.candidate, c.id]));
      const onAnswer = (a: LlmAnswer) =>
        recorded.push({ caseId: caseOf.get(a.candidate), key: recordingKey(a.candidate, a.criteria), answer: a.answer });
      return { engine: createLlmEngine({ ...llm, now: () => asOf }, { fallback: createLocalEngine({ now: () => asOf }), onAnswer }) };
    };
  }

  const runs: SetRun[] = [];
  for (const file of options.sets) {
    const set = loadEvalSet(file);
    progress(`screening ${path.basename(file)} (${set.cases.length} cases) with ${engineLabel}`);
    runs.push(await runSet(set, targetFor(asOfDate(set), set.cases), file));
  }
  const summary = summarizeRuns(engineLabel, runs);

  if (options.record) {
    const model = screeningLlmFromEnv(env)?.model ?? null;
    writeFileSync(options.record, JSON.stringify({ model, recordedAt: new Date().toISOString(), recordings: recorded }, null, 2) + "\n");
    progress(`${recorded.length} answers written to ${options.record}`);
  }

  const stdout = options.json
    ? JSON.stringify(
        {
          rows: runs.flatMap((r) => r.rows.map(({ set, split, caseId, profession, criterionId, kind, category, expected, got, reason }) => ({ set, split, caseId, profession, criterionId, kind, category, expected, got, reason }))),
          summary,
        },
        null,
        2,
      )
    : formatReport(summary, runs, { listHeldOut: options.listHeldOut });
  return { stdout: stdout + "\n", stderr: "", exitCode: 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (r) => {
      process.stderr.write(r.stderr);
      process.stdout.write(r.stdout);
      process.exitCode = r.exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
