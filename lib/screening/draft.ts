import { clean, htmlToText } from "@/lib/html";
import type { CriterionKind, CriterionWeight } from "./types";

/**
 * Criteria drafted from a job's requirement lists (Lever's posting lists, as plain-text items): one
 * per item, in plain words. A recruiter reviews and edits them before screening.
 */

/** What drafting reads of a job: its requirement lists and its description (plain text or HTML). */
export interface JobLike {
  requirementLists?: ReadonlyArray<{ text: string; items: readonly string[] }> | null;
  description?: string | null;
}

export interface CriterionDraft {
  text: string;
  kind: CriterionKind;
  weight: CriterionWeight;
  /** The list title the item came from ("Requirements"), or "description". */
  source: string;
}

const REQUIRED_TITLE =
  /\b(requirements?|required|qualifications?|what you(?:'|’)?ll need|what you need|what we(?:'|’)?re looking for|you have|you bring|you(?:'|’)?ll bring|must[- ]haves?|about you|who you are|skills|experience|minimum|basic|essential|you should have|we(?:'|’)?d love you to have|competenc(?:y|ies))\b/i;
const PREFERRED_TITLE = /\b(nice[- ]to[- ]haves?|bonus|preferred|pluses|plus|desired|desirable|ideally|extra credit|even better|added advantage|good to have)\b/i;
const NOT_REQUIREMENTS = /\b(responsibilities|what you(?:'|’)?ll do|what you will do|your role|the role|day[- ]to[- ]day|benefits|perks|we offer|what we offer|compensation|about us|our team|why join|how to apply|interview process)\b/i;

const PREFERRED_ITEM = /\b(nice[- ]to[- ]have|is a (big )?plus|a plus|bonus( points)?|preferred|preferably|desired|desirable|ideally|is an advantage|advantageous)\b/i;
const MUST_ITEM = /\b(must|required|requirement|mandatory|essential)\b/i;


function kindOfTitle(title: string): CriterionKind | null {
  if (PREFERRED_TITLE.test(title)) return "PREFERRED";
  if (NOT_REQUIREMENTS.test(title)) return null;
  if (REQUIRED_TITLE.test(title)) return "REQUIRED";
  return null;
}

function draftItem(text: string, listKind: CriterionKind, source: string): CriterionDraft {
  const kind: CriterionKind = listKind === "REQUIRED" && PREFERRED_ITEM.test(text) ? "PREFERRED" : listKind;
  const weight: CriterionWeight = kind === "PREFERRED" ? "LOW" : MUST_ITEM.test(text) ? "HIGH" : "MEDIUM";
  return { text, kind, weight, source };
}

/**
 * One draft per requirement item. Lists titled like "Requirements"/"What you need"/"Qualifications"
 * give REQUIRED criteria (HIGH weight when the item says must/required, else MEDIUM; an item that
 * says "is a plus"/"preferred" becomes PREFERRED); lists titled "Nice to have"/"Bonus"/"Preferred"
 * give PREFERRED criteria with LOW weight. Lists about responsibilities or benefits are skipped.
 * When no list qualifies, bullet lines under a requirements heading in the description are used.
 */
export function draftCriteriaFromJob(job: JobLike): CriterionDraft[] {
  const out: CriterionDraft[] = [];
  const seen = new Set<string>();
  const push = (d: CriterionDraft) => {
    const key = d.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const list of job.requirementLists ?? []) {
    const title = htmlToText(list.text);
    const kind = kindOfTitle(title);
    if (!kind) continue;
    for (const item of list.items.map(clean)) if (item.length >= 2) push(draftItem(item, kind, title));
  }
  if (out.length === 0 && job.description) {
    // Plain-text description: "Requirements:" heading followed by bullet lines.
    let kind: CriterionKind | null = null;
    for (const line of htmlToText(job.description).split("\n")) {
      const bullet = /^\s*[•·▪◦*\-–—]\s*(.+)$/.exec(line);
      if (bullet) {
        if (kind) push(draftItem(clean(bullet[1] ?? ""), kind, "description"));
      } else if (line.trim().length > 0 && line.trim().length <= 60) kind = kindOfTitle(line);
      else if (line.trim().length > 60) kind = null;
    }
  }
  return out;
}
