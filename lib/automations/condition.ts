import { z } from "zod";

/**
 * What a rule looks at in a screening result. A condition is a list of clauses that must all hold;
 * the list stays small and each clause reads as one line of the rule ("Score is at least 80").
 */
const criterionId = z.string({ error: "Choose a criterion" }).min(1, "Choose a criterion").max(50).regex(/^[\w-]+$/, "Choose one of the job's criteria");
const scoreValue = z
  .number({ error: "Enter a score from 0 to 100" })
  .int("Enter a whole number from 0 to 100")
  .min(0, "Enter a score from 0 to 100")
  .max(100, "Enter a score from 0 to 100");

export const Clause = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("all_required_met") }).strict(),
    z.object({ type: z.literal("any_required_not_met") }).strict(),
    z.object({ type: z.literal("score_at_least"), value: scoreValue }).strict(),
    z.object({ type: z.literal("score_at_most"), value: scoreValue }).strict(),
    // UNKNOWN is not offered: an unknown verdict needs a person, never a rule.
    z.object({ type: z.literal("criterion"), criterionId, verdict: z.enum(["MET", "PARTLY_MET", "NOT_MET"], { error: "Choose met, partly met or not met" }) }).strict(),
  ],
  { error: "Choose a kind of condition" },
);
export type Clause = z.infer<typeof Clause>;

export const Condition = z
  .object({ clauses: z.array(Clause, { error: "Add at least one condition" }).min(1, "Add at least one condition").max(6, "A rule has at most 6 conditions") })
  .strict()
  .superRefine((c, ctx) => {
    const types = new Set(c.clauses.map((x) => x.type));
    if (types.has("all_required_met") && types.has("any_required_not_met")) {
      ctx.addIssue({ code: "custom", message: "A candidate cannot both meet every required criterion and miss one: keep one of the two", path: ["clauses"] });
    }
    const least = Math.max(...c.clauses.flatMap((x) => (x.type === "score_at_least" ? [x.value] : [])));
    const most = Math.min(...c.clauses.flatMap((x) => (x.type === "score_at_most" ? [x.value] : [])));
    if (least > most) ctx.addIssue({ code: "custom", message: `No score is at least ${least} and at most ${most}`, path: ["clauses"] });
  });
export type Condition = z.infer<typeof Condition>;

/** A stored verdict as the rule reads it (lib/screening/run.ts StoredVerdict). */
export interface RuleVerdict {
  criterionId: string;
  text: string;
  kind: string;
  verdict: string;
}

export interface TriggerItem {
  text: string;
  kind: string;
  verdict: string;
}

/** What made a rule match: shown beside the suggestion, so a person sees why without opening the candidate. */
export interface Trigger {
  score: number;
  verdicts: TriggerItem[];
}

export type Match = { matched: true; trigger: Trigger } | { matched: false; needsReview: boolean };

const scored = (v: RuleVerdict) => v.kind === "REQUIRED" || v.kind === "PREFERRED";

/** The verdicts a clause reads; an UNKNOWN among them means the result needs a person first. */
function looksAt(clause: Clause, verdicts: RuleVerdict[]): RuleVerdict[] {
  switch (clause.type) {
    case "all_required_met":
    case "any_required_not_met":
      return verdicts.filter((v) => v.kind === "REQUIRED");
    case "score_at_least":
    case "score_at_most":
      return verdicts.filter(scored);
    case "criterion":
      return verdicts.filter((v) => v.criterionId === clause.criterionId);
  }
}

function holds(clause: Clause, result: { score: number; verdicts: RuleVerdict[] }): boolean {
  const required = result.verdicts.filter((v) => v.kind === "REQUIRED");
  switch (clause.type) {
    case "all_required_met":
      return required.every((v) => v.verdict === "MET");
    case "any_required_not_met":
      return required.some((v) => v.verdict === "NOT_MET");
    case "score_at_least":
      return result.score >= clause.value;
    case "score_at_most":
      return result.score <= clause.value;
    case "criterion":
      return result.verdicts.some((v) => v.criterionId === clause.criterionId && v.verdict === clause.verdict);
  }
}

/**
 * Whether a result matches a condition. A result with an UNKNOWN verdict on a criterion the
 * condition reads never matches (a person must look first); nor does one missing a criterion the
 * condition names, which is the same as not knowing.
 */
export function matchCondition(condition: Condition, result: { score: number; verdicts: RuleVerdict[] }): Match {
  const read = condition.clauses.flatMap((c) => looksAt(c, result.verdicts));
  const namedMissing = condition.clauses.some((c) => c.type === "criterion" && !result.verdicts.some((v) => v.criterionId === c.criterionId));
  if (namedMissing || read.some((v) => v.verdict === "UNKNOWN")) return { matched: false, needsReview: true };
  if (!condition.clauses.every((c) => holds(c, result))) return { matched: false, needsReview: false };
  const shown = new Map<string, TriggerItem>();
  for (const c of condition.clauses) {
    const relevant =
      c.type === "any_required_not_met"
        ? result.verdicts.filter((v) => v.kind === "REQUIRED" && v.verdict === "NOT_MET")
        : c.type === "all_required_met" || c.type === "criterion"
          ? looksAt(c, result.verdicts)
          : [];
    for (const v of relevant) shown.set(v.criterionId, { text: v.text, kind: v.kind, verdict: v.verdict });
  }
  return { matched: true, trigger: { score: result.score, verdicts: [...shown.values()] } };
}

const VERDICT_WORDS: Record<string, string> = { MET: "met", PARTLY_MET: "partly met", NOT_MET: "not met" };

/** The condition in plain words, one line per clause ("Score is at least 80"). */
export function describeCondition(condition: Condition, criterionText: (id: string) => string | undefined): string[] {
  return condition.clauses.map((c) => {
    switch (c.type) {
      case "all_required_met":
        return "Every required criterion is met";
      case "any_required_not_met":
        return "A required criterion is not met";
      case "score_at_least":
        return `Score is at least ${c.value}`;
      case "score_at_most":
        return `Score is at most ${c.value}`;
      case "criterion":
        return `“${criterionText(c.criterionId) ?? "A removed criterion"}” is ${VERDICT_WORDS[c.verdict]}`;
    }
  });
}
