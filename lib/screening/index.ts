/**
 * Candidate screening: criteria × résumé → verdicts, score and summary.
 *
 * `createEngine()` gives the local (embedded, deterministic) engine; `createEngine({ baseUrl, apiKey,
 * model, … })` gives the LLM engine, which falls back to the local one on failure.
 */
import { createLlmEngine, type LlmEngineConfig, type LlmEngineOptions } from "./llm";
import { createLocalEngine, type LocalEngineOptions } from "./local";
import type { ScreeningEngine } from "./types";

export type * from "./types";
export { VERDICTS } from "./types";
export { scoreVerdicts, scoreBreakdown, requiredState, requiredStateOfStored, REQUIRED_TIER, WEIGHT_POINTS, VERDICT_CREDIT, type ScoreBreakdown, type RequiredState, type RequiredStatus, type RequiredTier } from "./score";
export { VERDICT_LABEL, REQUIRED_LABEL, requiredLabel, requiredSentence } from "./labels";
export { criteriaHash } from "./hash";
export { draftCriteriaFromJob, type CriterionDraft, type JobLike } from "./draft";
export { formatResultNote, type NoteVerdict, type ResultNoteOptions } from "./result-note";
export { createLocalEngine, compileCriteria, screenCompiled, LOCAL_ENGINE_VERSION, type LocalEngineOptions, type CompiledJob } from "./local";
export { createLlmEngine, LlmEngineError, type LlmEngineConfig, type LlmEngineOptions } from "./llm";

export type EngineConfig = LlmEngineConfig & LlmEngineOptions;

/**
 * The engine to use: the LLM engine when `config` names an endpoint and model, else the local one.
 * An incomplete config (no baseUrl or model) also gives the local engine.
 */
export function createEngine(config?: Partial<EngineConfig> | null, local: LocalEngineOptions = {}): ScreeningEngine {
  if (config?.baseUrl && config.model) {
    const { fallback, ...llm } = config;
    return createLlmEngine({ ...llm, baseUrl: config.baseUrl, model: config.model, apiKey: config.apiKey ?? "" }, {
      fallback: fallback === undefined ? createLocalEngine(local) : fallback,
    });
  }
  return createLocalEngine(local);
}
