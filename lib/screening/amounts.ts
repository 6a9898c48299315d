import { fold, NUMBER_WORD_PATTERN, parseCount, stem } from "./text";

/**
 * Amounts other than years: "2,000+ hours on A320", "budgets over $1M", "60+ wpm", "5+ direct reports".
 * The words of such a criterion can all be in a résumé that states a smaller amount ("1,310 hours on
 * type"); the amount is what the criterion asks, so it is compared, not matched as a word.
 */
export interface AmountRequirement {
  value: number;
  /** A currency symbol, "people", or the stems of the words after the number ("hour", "room", "wpm"). */
  units: string[];
  /** As the criterion writes it ("2,000+ hours"). */
  text: string;
}

export interface StatedAmount {
  value: number;
  /** As the résumé writes it ("1,310 hours"). */
  text: string;
}

const SCALE: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9 };
const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(k|mm|mn|m|bn|b|thousand|million|billion)?\\b`;
const LEAD = `(over|more than|at least|minimum of|minimum|min\\.?|exceeding|in excess of|upwards of|above)`;
// "+" or "or more" after the number: "250 or more", "£5m or more", "$1M and up".
const CRITERION_AMOUNT = new RegExp(`(?:\\b${LEAD}\\s+)?([$€£])?${NUMBER}\\s*(\\+|\\s*\\bor (?:more|above|higher|greater)\\b|\\s*\\band (?:up|above)\\b)?`, "giu");
/** "at least five engineers": a number word after a lead, written as digits for the pattern above. */
const LEAD_WORD = new RegExp(`\\b${LEAD}\\s+(${NUMBER_WORD_PATTERN})\\b`, "gi");
const STATED_AMOUNT = new RegExp(`([$€£])?${NUMBER}\\s*\\+?`, "giu");
/** A number after these names a level or a version ("Level 3+", "Part 117"), not an amount. */
const NOT_AN_AMOUNT_BEFORE = /\b(level|levels|tier|grade|class|part|stage|step|band|version|type|phase|section|paper|unit|n|v|b|c|osha|iso|nist|icd)\s*$/i;
/** Nouns a head count is given in: "5+ direct reports" is met by "12 store managers". */
const PEOPLE =
  /^(staff|employees?|people|persons?|reports?|direct reports?|managers?|engineers?|developers?|nurses?|associates?|agents?|representatives?|reps?|technicians?|workers?|analysts?|supervisors?|team members?|crew members?|headcount|fte|ftes)$/i;
const UNIT_ALIASES: Readonly<Record<string, string>> = { h: "hour", hr: "hour", hrs: "hour", lb: "lb", lbs: "lb", pound: "lb", pounds: "lb" };
const FILLER = new Set(["of", "in", "on", "at", "for", "a", "an", "the", "per", "and", "or", "to", "with"]);

function valueOf(num: string, scale: string | undefined): number {
  return Number(num.replace(/,/g, "")) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
}

/** What a number counts, from the words after it: "hours", "flight hours", "direct reports" (people). */
function unitsOf(words: readonly string[]): string[] {
  const [first, second] = words.map((w) => w.toLowerCase());
  if (!first || FILLER.has(first)) return [];
  if (PEOPLE.test(first) || (second !== undefined && (PEOPLE.test(`${first} ${second}`) || PEOPLE.test(second)))) return ["people"];
  const out = [UNIT_ALIASES[first] ?? stem(first)];
  if (second !== undefined && !FILLER.has(second)) out.push(UNIT_ALIASES[second] ?? stem(second));
  return out;
}

/** The two words right after an amount, past a period ("$50k/month budgets" → "budgets"); none after punctuation. */
function wordsAfter(text: string, at: number): string[] {
  const after = text.slice(at, at + 60).replace(/^\s*\/\s*\p{L}+/u, "");
  const m = /^[\s-]*(\p{L}+)(?:[\s-]+(\p{L}+))?/u.exec(after);
  return m ? [m[1], m[2]].filter((w): w is string => w !== undefined) : [];
}

/** How many characters of `after` name what an amount counts: "hours", "direct reports", nothing after "$4M". */
function unitWords(after: string, currency: boolean, both = false): number {
  if (currency) return 0;
  const two = /^\s*\/?\s*[\p{L}-]+(\s+[\p{L}-]+)?/u.exec(after);
  if (!two) return 0;
  const one = /^\s*\/?\s*[\p{L}-]+/u.exec(after)?.[0] ?? "";
  const second = (two[1] ?? "").trim();
  return both || (!PEOPLE.test(one.replace(/^[\s/]+/, "")) && PEOPLE.test(second)) ? two[0].length : one.length;
}

/**
 * The amount a criterion asks for, written with "+" or "over", "at least" before it; and the
 * criterion's text without it, for the words to be matched.
 */
export function compileAmount(text: string): { amount: AmountRequirement; rest: string } | null {
  // Only a head count: "at least one project of $50M+" or "at least two of: A, B, C" are not amounts a résumé states.
  const src = fold(text).replace(LEAD_WORD, (whole: string, lead: string, word: string, at: number, all: string) =>
    unitsOf(wordsAfter(all, at + whole.length))[0] === "people" ? `${lead} ${parseCount(word) ?? word}` : whole,
  );
  for (const m of src.matchAll(CRITERION_AMOUNT)) {
    const [whole, lead, currency, num, scale, plus] = m;
    if (!num || (!lead && !plus)) continue;
    const at = m.index ?? 0;
    const before = src.slice(0, at);
    if (NOT_AN_AMOUNT_BEFORE.test(before) || /[\p{L}\d]$/u.test(before)) continue;
    const end = at + whole.length;
    let units = currency ? [currency] : unitsOf(wordsAfter(src, end));
    // "Site headcount of 250 or more", "a team of 8+": what is counted is named before the number.
    if (units.length === 0 && /\b(headcount|team|staff|workforce|crew|department|unit)\s+of\s*$/i.test(before)) units = ["people"];
    if (units.length === 0) continue;
    const written = src.slice(lead ? at + lead.length : at, end + unitWords(src.slice(end), currency !== undefined)).trim();
    return { amount: { value: valueOf(num, scale), units, text: written }, rest: `${before} ${src.slice(end)}`.replace(/\s+/g, " ").trim() };
  }
  return null;
}

/** Amounts in one of `units` a line states ("$4M budget", "1,310 flight hours", "team of 12 engineers"). */
export function statedAmounts(line: string, units: readonly string[]): StatedAmount[] {
  const src = fold(line);
  const out: StatedAmount[] = [];
  for (const m of src.matchAll(STATED_AMOUNT)) {
    const [whole, currency, num, scale] = m;
    if (!num) continue;
    const at = m.index ?? 0;
    const before = src.slice(0, at);
    if ((!currency && /[\p{L}\d.,]$/u.test(before)) || NOT_AN_AMOUNT_BEFORE.test(before)) continue;
    const end = at + whole.length;
    // "200–1,000 employees": the range's upper end is what it reaches.
    if (/^\s*-\s*[$€£]?\d/.test(src.slice(end))) continue;
    const found = currency ? [currency] : unitsOf(wordsAfter(src, end));
    const which = found.findIndex((u) => units.includes(u));
    if (which < 0) continue;
    out.push({ value: valueOf(num, scale), text: src.slice(at, end + unitWords(src.slice(end), currency !== undefined, which === 1)).trim() });
  }
  return out;
}

/**
 * Amounts in application answers and in the criteria asked of them: "50 lb", "30-32 hours", "40 hrs/week".
 * A range counts by its upper end; what an amount is per comes from the words right after it, else from
 * `context` (the question an answer replies to: "How many hours a week…" → week).
 */
export interface AnswerAmount {
  value: number;
  unit: "lb" | "hour" | "day";
  per: string | null;
}

const COUNT = `\\d{1,4}|${NUMBER_WORD_PATTERN}`;
const ANSWER_AMOUNT = new RegExp(`\\b(${COUNT})(?:\\s*(?:-|–|to|or)\\s*(${COUNT}))?\\s*(lbs?|pounds?|hours?|hrs?|h|days?)\\b`, "gi");
const AMOUNT_UNIT: Readonly<Record<string, AnswerAmount["unit"]>> = { lb: "lb", lbs: "lb", pound: "lb", pounds: "lb", hour: "hour", hours: "hour", hr: "hour", hrs: "hour", h: "hour", day: "day", days: "day" };
const PER = /\b(week|wk|day|shift|night|month|year)s?\b/i;
export function answerAmounts(text: string, context = ""): AnswerAmount[] {
  const t = fold(text);
  const fallback = PER.exec(fold(context))?.[1]?.toLowerCase().replace(/^wk$/, "week") ?? null;
  return [...t.matchAll(ANSWER_AMOUNT)].map((m) => {
    const after = PER.exec(t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12))?.[1]?.toLowerCase().replace(/^wk$/, "week");
    return { value: parseCount((m[2] ?? m[1]) as string) ?? 0, unit: AMOUNT_UNIT[(m[3] as string).toLowerCase()] as AnswerAmount["unit"], per: after ?? fallback };
  });
}

const MONEY = /([$€£])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b)?/gi;

/** The amounts of money in a text, "k" applied across a range ("$55-60K" → 55,000 and 60,000). */
export function moneyAmounts(text: string): number[] {
  const found = [...fold(text).matchAll(MONEY)].filter((m) => m[1] || m[3] || /\d{1,3},\d{3}/.test(m[2] as string));
  const values = found.map((m) => ({ n: Number((m[2] as string).replace(/,/g, "")), k: Boolean(m[3]) }));
  const anyK = values.some((v) => v.k);
  return values.map((v) => (v.k || (anyK && v.n < 1000) ? v.n * 1000 : v.n));
}
