import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { fallBack, LlmEngineError, outputFromAnswer } from "./llm";
import type { CandidateInput, CriterionInput, ScreeningEngine } from "./types";

/**
 * The recorded engine: stored answers of an LLM replayed through exactly the checks the live LLM
 * engine applies (per-criterion validation, verbatim quotes, MET without a quote downgraded, local
 * fallback per criterion), so the evaluation harness and tests measure those checks offline and
 * repeatably. `npm run eval:screening -- --engine llm --record <file>` writes such a file from a live
 * model; hand-written files hold answers as a model would give them.
 *
 * A recording is found by `key` (a hash of the candidate's documents and the criteria, so it matches
 * only the input it was made for) or, for hand-written files, by the labelled case's id.
 */

const RecordingSchema = z
  .object({
    caseId: z.string().min(1).optional(),
    key: z.string().regex(/^[0-9a-f]{64}$/, { message: "expected the sha256 hex of the input" }).optional(),
    /** The completion: its JSON, or its raw text when the model did not answer JSON. */
    answer: z.unknown(),
    /** Why a hand-written answer is what it is. */
    note: z.string().optional(),
  })
  .refine((r) => r.caseId !== undefined || r.key !== undefined, { message: "a recording needs a caseId or a key" })
  .refine((r) => r.answer !== undefined, { message: "a recording needs an answer" });
export type Recording = z.infer<typeof RecordingSchema>;

const RecordingsFileSchema = z.object({
  description: z.string().optional(),
  model: z.string().nullish(),
  recordedAt: z.string().optional(),
  recordings: z.array(RecordingSchema),
});
export type RecordingsFile = z.infer<typeof RecordingsFileSchema>;

export function parseRecordings(json: unknown, file = "(recordings)"): RecordingsFile {
  const parsed = RecordingsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join(".") || "(top level)"}: ${i.message}`);
    throw new LlmEngineError(`${file} is not a recordings file:\n${issues.join("\n")}`, "no_recording");
  }
  return parsed.data;
}

export function loadRecordings(file: string): RecordingsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new LlmEngineError(`cannot read recordings ${file}: ${(error as Error).message}`, "no_recording");
  }
  return parseRecordings(json, file);
}

/** What the model was asked: the candidate's documents and the criteria (weights do not reach it). */
export function recordingKey(candidate: CandidateInput, criteria: readonly CriterionInput[]): string {
  const canonical = {
    resumeText: candidate.resumeText ?? null,
    positions: candidate.positions.map((p) => [p.title ?? null, p.org ?? null, p.location ?? null, p.summary ?? null, p.start ?? null, p.end ?? null]),
    schools: candidate.schools.map((s) => [s.org ?? null, s.degree ?? null, s.field ?? null, s.summary ?? null, s.start ?? null, s.end ?? null]),
    answers: candidate.answers.map((a) => [a.question, a.answer]),
    criteria: criteria.map((c) => [c.id, c.text.trim().replace(/\s+/g, " "), c.kind]),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export interface RecordedEngineOptions {
  /** Engine for criteria (or whole answers) the recording cannot settle; `null` to throw instead. */
  fallback: ScreeningEngine | null;
  /** The labelled case an input belongs to, for recordings keyed by case id. */
  caseIdOf?: (candidate: CandidateInput, criteria: readonly CriterionInput[]) => string | undefined;
}

export interface RecordedEngine extends ScreeningEngine {
  /** Whether a recording exists for this input (by key, or by `caseId`). */
  has(candidate: CandidateInput, criteria: readonly CriterionInput[], caseId?: string): boolean;
}

export function createRecordedEngine(file: RecordingsFile, options: RecordedEngineOptions): RecordedEngine {
  const byKey = new Map<string, Recording>();
  const byCase = new Map<string, Recording>();
  for (const r of file.recordings) {
    if (r.key) byKey.set(r.key, r);
    if (r.caseId) byCase.set(r.caseId, r);
  }
  const find = (candidate: CandidateInput, criteria: readonly CriterionInput[], caseId = options.caseIdOf?.(candidate, criteria)) =>
    byKey.get(recordingKey(candidate, criteria)) ?? (caseId !== undefined ? byCase.get(caseId) : undefined);
  const model = file.model ?? "recorded";

  return {
    name: "llm",
    has: (candidate, criteria, caseId) => find(candidate, criteria, caseId) !== undefined,
    async screen(candidate, criteria) {
      try {
        const recording = find(candidate, criteria);
        if (!recording) throw new LlmEngineError("no recorded answer for this candidate and these criteria", "no_recording");
        return await outputFromAnswer(recording.answer, candidate, criteria, options.fallback);
      } catch (error) {
        return fallBack(options.fallback, error, candidate, criteria, model);
      }
    },
  };
}
