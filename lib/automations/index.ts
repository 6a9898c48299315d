/**
 * Automations with a person in the loop: per-job rules on screening results suggest advancing or
 * rejecting candidates; a person confirms or dismisses each suggestion (Needs decision) before
 * anything reaches the ATS, unless an admin let the rule apply on its own after a delay, during which
 * anyone can cancel it. Every outcome is recorded with the rule and the person (lib/decisions).
 */
export { Condition, describeCondition, matchCondition, type Clause, type Trigger } from "./condition";
export { evaluateRules, type EvaluateJob } from "./evaluate";
export { createRule, deleteRule, listRules, previewRule, updateRule, RuleInput, MIN_DELAY_MINUTES, MAX_DELAY_MINUTES, type RuleView } from "./rules";
export {
  applyDueSuggestion,
  cancelSuggestions,
  confirmSuggestions,
  dismissSuggestions,
  listPending,
  pendingCount,
  MAX_SUGGESTIONS_PER_REQUEST,
  type ApplyOutcome,
  type DecideOutcome,
  type SuggestionView,
} from "./suggestions";
