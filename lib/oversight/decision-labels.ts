import type { DecisionKind } from "@/lib/decisions/record";
import { VERDICT_LABEL } from "@/lib/screening/labels";
import type { Verdict } from "@/lib/screening/types";

/** What each kind of decision is called on the Explanation page, the report and the exports. */
export const DECISION_LABEL: Readonly<Record<DecisionKind, string>> = {
  ADVANCE: "Advanced",
  REJECT: "Rejected",
  RESTORE: "Restored",
  UNDO: "Undid a change",
  RESCREEN: "Asked for a re-screen",
  OVERRIDE: "Overrode a verdict",
  SUGGESTION_CONFIRMED: "Confirmed a suggestion",
  SUGGESTION_DISMISSED: "Dismissed a suggestion",
  AUTO_APPLIED: "Applied by an automation",
  CRITERIA_EDIT: "Edited the criteria",
  HUMAN_REVIEW_REQUESTED: "Recorded a request for human review",
  HUMAN_REVIEW_CLEARED: "Cleared the request for human review",
  DATA_DELETED: "Deleted the candidate's data",
};

export const decisionLabel = (kind: string): string => DECISION_LABEL[kind as DecisionKind] ?? kind;

const verdict = (v: unknown) => VERDICT_LABEL[v as Verdict] ?? String(v);
const list = (items: unknown) => (Array.isArray(items) ? items.map((i) => `“${(i as { text?: string }).text ?? ""}”`).join(", ") : "");

/** One sentence of what a decision's details say, in the recruiter's words. */
export function decisionSummary(kind: string, d: Record<string, unknown>): string {
  switch (kind) {
    case "ADVANCE":
      return d.stage ? `to ${String(d.stage)}` : "";
    case "REJECT":
      return d.reason ? `reason: ${String(d.reason)}` : "";
    case "OVERRIDE":
      return `“${String(d.criterion ?? "")}”: ${verdict(d.verdict)} (the AI said ${verdict(d.aiVerdict)}) because: ${String(d.reason ?? "")}`;
    case "CRITERIA_EDIT": {
      const parts = [
        Array.isArray(d.added) && d.added.length ? `added ${list(d.added)}` : "",
        Array.isArray(d.removed) && d.removed.length ? `removed ${list(d.removed)}` : "",
        Array.isArray(d.changed) && d.changed.length ? `changed ${list(d.changed)}` : "",
        d.reordered ? "reordered" : "",
        Array.isArray(d.keptProtected) && d.keptProtected.length
          ? `kept ${(d.keptProtected as Array<{ text: string; reason: string }>).map((k) => `“${k.text}” because: ${k.reason}`).join("; ")}`
          : "",
      ].filter(Boolean);
      return parts.join("; ");
    }
    case "HUMAN_REVIEW_REQUESTED":
      return d.note ? String(d.note) : "";
    default:
      return "";
  }
}
