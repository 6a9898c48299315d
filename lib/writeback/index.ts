/**
 * Write-back to Lever: screening notes, stage changes and archives. Every write is a recorded
 * WriteBackAction (what, when, by whom, Lever's answer) executed by the worker through the
 * connection's shared rate limiter, retried with backoff, and never run again once it succeeded.
 */
export { requestResultNote } from "./notes";
export {
  applyCandidateAction,
  candidateActionOptions,
  restoreCandidate,
  undoCandidateAction,
  UNDO_WINDOW_MS,
  CandidateActionInput,
  MAX_CANDIDATES_PER_ACTION,
  type CandidateActionOutcome,
  type RestoreOutcome,
  type UndoOutcome,
} from "./candidate-actions";
export { cautionOf, lateStageIds, organizationLateStages, type Caution } from "./late-stage";
export { executeWriteBack, type ExecuteOptions, type ExecuteOutcome } from "./execute";
export { listWriteBacks, retryWriteBack, type WriteBackEntry } from "./history";
export { candidateUrl, type WriteBackJob } from "./record";
