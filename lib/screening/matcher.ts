import { isWordToken, stem, tokenize, tokenizeWithSeparators, type CriterionToken, type Token } from "./text";
import { AGENT_ACTIVITIES, COMPARABLE, CONCEPTS, FIELD_FAMILIES, FILLER_WORDS, GENERIC_TERMS, LIGHT_TERMS, NOT_COMPARABLE_CATEGORIES, PROGRESS_OF, SENSES, type ConceptDef } from "./vocabulary";

/**
 * Term matching. A term is either a concept from the vocabulary ("@kubernetes", matching "k8s",
 * "Kubernetes", "EKS"…) or the Porter stem of a plain word ("underwrit"). Criteria compile into a
 * requirement: groups that must all be satisfied (AND), each group a set of alternatives (OR), each
 * alternative a set of terms (AND, concepts weigh 3× a plain word).
 */

export type Term = string;
export type Alternative = readonly Term[];
export type Group = readonly Alternative[];
export type Requirement = readonly Group[];

interface Phrase {
  concept: string;
  keys: readonly string[];
  /** Case-sensitive: keys are raw spellings, compared exactly. */
  cs: readonly boolean[];
  /** A product's name: compared lower-cased as written, not stemmed ("Contentful" is not "content"). */
  exact?: boolean;
}

const CONCEPT_PREFIX = "@";
export const conceptTerm = (id: string): Term => CONCEPT_PREFIX + id;
export const isConceptTerm = (t: Term): boolean => t.startsWith(CONCEPT_PREFIX);

class PhraseMatcher {
  private readonly byStem = new Map<string, Phrase[]>();
  private readonly byRaw = new Map<string, Phrase[]>();
  private readonly byLower = new Map<string, Phrase[]>();

  constructor(defs: readonly ConceptDef[]) {
    for (const c of defs) {
      for (const variant of c.variants) {
        const cs = variant.startsWith("=");
        const toks = tokenize(cs ? variant.slice(1) : variant);
        if (toks.length === 0) continue;
        const exact = !cs && c.product === true && toks.length === 1;
        const phrase: Phrase = { concept: c.id, keys: toks.map((t) => (cs ? t.raw : exact ? nameKey(t.lower) : t.stem)), cs: toks.map(() => cs), exact };
        const first = phrase.keys[0] as string;
        const map = cs ? this.byRaw : exact ? this.byLower : this.byStem;
        const list = map.get(first);
        if (list) list.push(phrase);
        else map.set(first, [phrase]);
      }
    }
    for (const list of [...this.byStem.values(), ...this.byRaw.values(), ...this.byLower.values()]) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** Phrases matching at `i`, longest first. `isWord(j)` says whether token j may be part of a phrase. */
  matchAt(tokens: readonly (Token | null)[], i: number, out: Phrase[]): void {
    const t = tokens[i];
    if (!t) return;
    const start = out.length;
    for (const list of [this.byStem.get(t.stem), this.byRaw.get(t.raw), this.byLower.get(nameKey(t.lower))]) if (list) for (const p of list) if (matches(p, tokens, i)) out.push(p);
    if (out.length - start > 1) out.sort((x, y) => y.keys.length - x.keys.length);
  }
}

/** A name as compared: lower-cased, one plural "s" dropped ("QuickBook" is "QuickBooks", "content" is not "Contentful"). */
const nameKey = (lower: string): string => (lower.length > 3 && lower.endsWith("s") ? lower.slice(0, -1) : lower);

function matches(p: Phrase, tokens: readonly (Token | null)[], i: number): boolean {
  for (let k = 1; k < p.keys.length; k++) {
    const t = tokens[i + k];
    if (!t) return false;
    if ((p.cs[k] ? t.raw : p.exact ? nameKey(t.lower) : t.stem) !== p.keys[k]) return false;
  }
  return true;
}

/** Concepts with `products` expanded into their own concepts that imply the category. */
let expandedSingleton: ConceptDef[] | null = null;
function concepts(): ConceptDef[] {
  if (expandedSingleton) return expandedSingleton;
  const out: ConceptDef[] = [];
  for (const c of CONCEPTS) {
    out.push({ id: c.id, variants: c.variants, implies: c.implies });
    for (const product of c.products ?? []) {
      const variants = product.split("|");
      const id = (variants[0] as string).replace(/^=/, "").toLowerCase().replace(/[^a-z0-9]+/g, "_");
      out.push({ id, variants, implies: [c.id], product: true });
    }
  }
  return (expandedSingleton = out);
}

let matcherSingleton: PhraseMatcher | null = null;
function matcher(): PhraseMatcher {
  return (matcherSingleton ??= new PhraseMatcher(concepts()));
}

/** Concept id → itself and everything it implies, transitively. */
let closureSingleton: Map<string, readonly string[]> | null = null;
function closure(): Map<string, readonly string[]> {
  if (closureSingleton) return closureSingleton;
  const defs = concepts();
  const direct = new Map<string, string[]>();
  for (const c of defs) direct.set(c.id, [...(direct.get(c.id) ?? []), ...(c.implies ?? [])]);
  const out = new Map<string, readonly string[]>();
  for (const c of defs) {
    const seen = new Set<string>([c.id]);
    const stack = [...(direct.get(c.id) ?? [])];
    while (stack.length) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(direct.get(id) ?? []));
    }
    out.set(c.id, [...seen].map(conceptTerm));
  }
  return (closureSingleton = out);
}

const FILLER = new Set(FILLER_WORDS.map((w) => tokenize(w)[0]?.stem ?? w));
export const isFiller = (stemmed: string): boolean => FILLER.has(stemmed) || /^\d+$/.test(stemmed);

const NEAR = 6;

/** "OSHA 30", "Series 7", "Level 4", "Band 7": an acronym or a rank word with its number names one thing, not OSHA in general. */
const RANK_WORDS = new Set(["level", "series", "part", "tier", "grade", "step", "class", "band", "division", "extension", "module", "stage", "type"]);
const ROMAN: Readonly<Record<string, string>> = { i: "1", ii: "2", iii: "3", iv: "4", v: "5" };
/** "5-axis", "3-way match", "12-lead ECG", "3-phase": the number before the word names the kind. */
export const NUMBERED_KINDS: ReadonlySet<string> = new Set(["axis", "way", "lead", "phase", "wire"]);
function numberedTerm(tokens: readonly (Token | CriterionToken | null)[], i: number): Term | null {
  const t = tokens[i];
  let n = tokens[i + 1];
  if (!t || !n || !("stem" in t) || !("stem" in n)) return null;
  if (/^\d{1,3}$/.test(t.lower) && NUMBERED_KINDS.has(n.lower)) return `${n.lower}#${t.lower}`;
  // "EPA Section 608" is EPA 608.
  if ((n.lower === "section" || n.lower === "sec") && /^[A-Z]{2,}$/.test(t.raw)) {
    const after = tokens[i + 2];
    if (after && "stem" in after && /^\d{1,3}$/.test(after.lower)) n = after;
  }
  const num = /^\d{1,3}$/.test(n.lower) ? n.lower : /^(i|ii|iii|iv|v)$/.test(n.raw.toLowerCase()) && /^[IV]+$/.test(n.raw) ? ROMAN[n.raw.toLowerCase()] : null;
  if (!num) return null;
  if (/^[A-Z]{2,}$/.test(t.raw) || RANK_WORDS.has(t.lower)) return `${t.lower}#${num}`;
  return null;
}

/** Whether a phrase found at `i` is meant in the concept's sense (see SENSES). */
function senseHolds(p: Phrase, tokens: readonly (Token | null)[], i: number): boolean {
  const rule = SENSES[p.concept];
  if (!rule) return true;
  const first = tokens[i];
  if (!first) return false;
  if (p.keys.length === 1) {
    if (rule.forms && !p.cs[0] && !rule.forms.includes(first.lower)) return false;
    if (rule.capitalized && !/^\p{Lu}/u.test(first.raw)) return false;
  }
  const next = tokens[i + p.keys.length];
  if (rule.notBefore && next && rule.notBefore.includes(next.lower)) return false;
  if (rule.near) {
    for (let k = Math.max(0, i - NEAR); k < Math.min(tokens.length, i + p.keys.length + NEAR); k++) {
      const t = tokens[k];
      if (t && rule.near.includes(t.lower)) return false;
    }
  }
  return true;
}

export interface Occurrence {
  term: Term;
  /** Token span [start, end). */
  start: number;
  end: number;
  /** Found as a broader concept of what the span names (SQL for "PL/SQL"). */
  implied?: boolean;
}

let activitiesSingleton: Map<string, readonly string[]> | null = null;
/** The stems of the work a worker's title names ("machinist" → "machin"), by the title's stem. */
function activitiesOf(s: string): readonly string[] | undefined {
  activitiesSingleton ??= new Map(Object.entries(AGENT_ACTIVITIES).map(([agent, work]) => [stem(agent), work.map(stem)]));
  return activitiesSingleton.get(s);
}

/** Every occurrence of a term of `needed` in `tokens`, with its token span (concepts with what they imply). */
export function termOccurrences(tokens: readonly Token[], needed: ReadonlySet<Term>): Occurrence[] {
  const m = matcher();
  const cl = closure();
  const found: Phrase[] = [];
  const out: Occurrence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (needed.has(t.stem)) out.push({ term: t.stem, start: i, end: i + 1 });
    for (const a of activitiesOf(t.stem) ?? []) if (needed.has(a)) out.push({ term: a, start: i, end: i + 1, implied: true });
    const numbered = numberedTerm(tokens, i);
    if (numbered && needed.has(numbered)) out.push({ term: numbered, start: i, end: i + 2 });
    found.length = 0;
    m.matchAt(tokens, i, found);
    for (const p of found) {
      if (!senseHolds(p, tokens, i)) continue;
      for (const term of cl.get(p.concept) ?? []) if (needed.has(term)) out.push({ term, start: i, end: i + p.keys.length, implied: term !== conceptTerm(p.concept) });
    }
  }
  return out;
}

/**
 * All terms found in `tokens`, restricted to `needed` when given (the terms some criterion of the
 * job asks for: indexing only those keeps per-candidate work proportional to the job).
 */
export function termsOf(tokens: readonly Token[], needed?: ReadonlySet<Term>, into: Set<Term> = new Set()): Set<Term> {
  const m = matcher();
  const cl = closure();
  const found: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!needed || needed.has(t.stem)) into.add(t.stem);
    for (const a of activitiesOf(t.stem) ?? []) if (!needed || needed.has(a)) into.add(a);
    const numbered = numberedTerm(tokens, i);
    if (numbered && (!needed || needed.has(numbered))) into.add(numbered);
    found.length = 0;
    m.matchAt(tokens, i, found);
    for (const p of found) {
      if (!senseHolds(p, tokens, i)) continue;
      for (const term of cl.get(p.concept) ?? []) if (!needed || needed.has(term)) into.add(term);
    }
  }
  return into;
}

// ---------------------------------------------------------------- criteria → requirement

type Element = { terms: Term[]; paren: boolean } | { sep: "," | "/" | "or" | "and" | "(" | ")" };

/** Terms of a run of criterion tokens, concepts matched greedily (longest first). */
function elementsOf(tokens: readonly CriterionToken[]): Element[] {
  const m = matcher();
  // For phrase matching, "and"/"or" words are words (so "financial planning and analysis" matches);
  // punctuation breaks phrases.
  const words: (Token | null)[] = tokens.map((t) => {
    if (isWordToken(t)) return t;
    if (t.sep === "and") return { raw: "and", lower: "and", stem: "and" };
    if (t.sep === "or") return { raw: "or", lower: "or", stem: "or" };
    return null;
  });
  const out: Element[] = [];
  let current: Term[] | null = null;
  let depth = 0;
  const add = (term: Term) => {
    if (!current) {
      current = [];
      out.push({ terms: current, paren: depth > 0 });
    }
    if (!current.includes(term)) current.push(term);
  };
  const found: Phrase[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as CriterionToken;
    if (isWordToken(t)) {
      found.length = 0;
      m.matchAt(words, i, found);
      const best = found[0];
      if (best) {
        add(conceptTerm(best.concept));
        i += best.keys.length;
        continue;
      }
    }
    const numbered = numberedTerm(tokens, i);
    if (numbered) add(numbered);
    i++;
    if (!isWordToken(t)) {
      current = null;
      if (t.sep === "(") depth++;
      if (t.sep === ")") depth = Math.max(0, depth - 1);
      out.push({ sep: t.sep });
      continue;
    }
    if (!isFiller(t.stem) || levelInName(tokens, i - 1)) add(t.stem);
  }
  return out;
}

/**
 * "MOS Excel Expert", "AWS Certified Solutions Architect – Professional": a level word written as
 * part of a credential's name is the level asked, not filler.
 */
const NAME_LEVELS = new Set(["expert", "professional", "advanced", "associate", "specialist"]);
function levelInName(tokens: readonly CriterionToken[], i: number): boolean {
  const t = tokens[i];
  if (!t || !isWordToken(t) || !NAME_LEVELS.has(t.lower) || !/^\p{Lu}/u.test(t.raw)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const p = tokens[k];
    if (!p || !isWordToken(p)) continue;
    return /^\p{Lu}/u.test(p.raw) && k > 0;
  }
  return false;
}

/**
 * Build a requirement from criterion text.
 * - Items linked by commas/"and" form AND groups; any "or" or "/" in a list makes the list one OR group.
 * - A parenthesis lists alternatives of the item before it ("cloud (AWS, GCP or Azure)").
 * - `anyOf`: every item is an alternative (used for fields of study).
 */
export function compileRequirement(text: string, anyOf = false): Requirement {
  const elements = elementsOf(tokenizeWithSeparators(text));
  const orHigher = /\b(or|and) (higher|above)\b/i.test(text);
  // Chains of items, with the joining separators.
  type Item = { terms: Term[]; paren: boolean };
  const chains: { items: Item[]; or: boolean }[] = [];
  let chain: { items: Item[]; or: boolean } | null = null;
  let pendingSep: string | null = null;
  for (const el of elements) {
    if ("sep" in el) {
      if (el.sep === "(" || el.sep === ")") {
        pendingSep ??= ",";
        continue;
      }
      pendingSep = pendingSep === "or" || pendingSep === "/" ? pendingSep : el.sep === "," && pendingSep ? pendingSep : el.sep;
      continue;
    }
    if (el.terms.length === 0) continue;
    if (!chain || pendingSep === null || pendingSep === "and") {
      // Adjacent items without a separator (can happen after filler) join the previous item.
      if (chain && pendingSep === null) {
        const last = chain.items.at(-1) as Item;
        for (const t of el.terms) if (!last.terms.includes(t)) last.terms.push(t);
        continue;
      }
      chain = { items: [{ terms: [...el.terms], paren: el.paren }], or: false };
      chains.push(chain);
    } else {
      // An "or" between items in brackets ("3D (Blender or Cinema 4D) for client work") names
      // alternatives of the item before them, not of the whole list.
      if ((pendingSep === "or" || pendingSep === "/") && !el.paren) chain.or = true;
      chain.items.push({ terms: [...el.terms], paren: el.paren });
    }
    pendingSep = null;
  }
  const groups: Group[] = [];
  for (const c of chains) {
    if (anyOf || c.or) {
      groups.push(c.items.map((it) => it.terms));
      continue;
    }
    // AND list; parenthesised items become alternatives of the item before them.
    let last: Alternative[] | null = null;
    let qualifier: Alternative[] | null = null;
    for (const it of c.items) {
      // "EPA 608 (Type II or Universal)": a rank in brackets is the one asked of the thing before, a
      // group of its own, with the other words in those brackets as its alternatives.
      // ("(Level 2 or higher)" still names the thing at any rank.)
      const ranked = !orHigher && it.terms.some((t) => RANK_WORDS.has(t.split("#")[0] as string) && t.includes("#"));
      if (it.paren && last && (ranked || qualifier)) {
        if (!qualifier) {
          qualifier = [];
          groups.push(qualifier);
        }
        qualifier.push(it.terms.filter((t) => !RANK_WORDS.has(t) && !/^(i{1,3}|iv|v|\d+)$/.test(t)));
        continue;
      }
      // "(AWS, GCP or Azure)" names alternatives; "(5,000+ employees)" only qualifies and is not one.
      if (it.paren && last) {
        if (it.terms.some((t) => isConceptTerm(t) || /^[a-z]{2,6}$/.test(t) && t.length <= 5)) last.push(it.terms);
      }
      else {
        qualifier = null;
        last = [it.terms];
        groups.push(last);
      }
    }
  }
  if (anyOf && groups.length > 1) return [groups.flat()];
  return groups;
}

export function requirementTerms(req: Requirement): Set<Term> {
  const s = new Set<Term>();
  for (const g of req) for (const a of g) for (const t of a) s.add(t);
  return s;
}

const termWeight = (t: Term) => (isConceptTerm(t) || t.includes("#") ? 3 : 1);

const GENERIC = new Set<Term>(GENERIC_TERMS);
const LIGHT = new Set<Term>(LIGHT_TERMS);

/** The terms of an alternative that must be found: light ones drop out beside a specific term. */
export function weightyTerms(alt: readonly Term[]): readonly Term[] {
  const anchored = alt.some((t) => !LIGHT.has(t) && !GENERIC.has(t));
  return anchored ? alt.filter((t) => !LIGHT.has(t)) : alt;
}

/**
 * Weighted share of an alternative's terms present (concepts weigh 3, plain words 1). When the
 * alternative names something specific and only its broad field words match, the share is 0.
 */
export function alternativeCoverage(alt: Alternative, has: (t: Term) => boolean): number {
  let total = 0;
  let got = 0;
  let specific = 0;
  let specificGot = 0;
  for (const t of weightyTerms(alt)) {
    const w = termWeight(t);
    const hit = has(t);
    total += w;
    if (hit) got += w;
    if (!GENERIC.has(t)) {
      specific++;
      if (hit) specificGot++;
    }
  }
  if (total === 0 || (specific > 0 && specificGot === 0)) return 0;
  return got / total;
}

export interface Coverage {
  /** Coverage of each group (best alternative), 0–1. */
  groups: number[];
  /** Index of the best alternative per group. */
  best: number[];
  min: number;
  mean: number;
}

export function coverage(req: Requirement, has: (t: Term) => boolean): Coverage {
  const groups: number[] = [];
  const best: number[] = [];
  for (const g of req) {
    let top = 0;
    let idx = 0;
    g.forEach((alt, i) => {
      const c = alternativeCoverage(alt, has);
      if (c > top) {
        top = c;
        idx = i;
      }
    });
    groups.push(top);
    best.push(idx);
  }
  const min = groups.length ? Math.min(...groups) : 0;
  const mean = groups.length ? groups.reduce((a, b) => a + b, 0) / groups.length : 0;
  return { groups, best, min, mean };
}

/** Concept ids that are "related fields" of `term` (itself included). */
export function relatedFieldTerms(term: Term): Set<Term> {
  const out = new Set<Term>([term]);
  if (!isConceptTerm(term)) return out;
  const id = term.slice(CONCEPT_PREFIX.length);
  for (const fam of FIELD_FAMILIES) if (fam.includes(id)) for (const f of fam) out.add(conceptTerm(f));
  return out;
}

/** Readable name of a term for reasons ("@postgresql" → "postgresql"). */
export function termLabel(t: Term): string {
  return isConceptTerm(t) ? t.slice(CONCEPT_PREFIX.length).replace(/_/g, " ") : t;
}

/** Broader concepts a concept term implies (excluding itself); empty for plain words. */
export function impliedTerms(term: Term): readonly Term[] {
  if (!isConceptTerm(term)) return [];
  return (closure().get(term.slice(CONCEPT_PREFIX.length)) ?? []).filter((t) => t !== term);
}

let comparableSingleton: Map<Term, Set<Term>> | null = null;
/** Concepts comparable to `term` but not the same (see COMPARABLE); empty for plain words. */
export function comparableTerms(term: Term): ReadonlySet<Term> {
  if (!comparableSingleton) {
    const map = new Map<Term, Set<Term>>();
    const link = (family: readonly string[]) => {
      for (const a of family) for (const b of family) if (a !== b) {
        const set = map.get(conceptTerm(a)) ?? new Set<Term>();
        set.add(conceptTerm(b));
        map.set(conceptTerm(a), set);
      }
    };
    COMPARABLE.forEach(link);
    for (const c of CONCEPTS) {
      if (!c.products?.length || NOT_COMPARABLE_CATEGORIES.has(c.id)) continue;
      link(c.products.map((p) => ((p.split("|")[0] as string).replace(/^=/, "").toLowerCase().replace(/[^a-z0-9]+/g, "_"))));
    }
    comparableSingleton = map;
  }
  return comparableSingleton.get(term) ?? new Set();
}

/** Terms whose holding shows `term` in progress ("EIT" for "PE license"). */
export function progressTowards(term: Term): Term[] {
  if (!isConceptTerm(term)) return [];
  const id = term.slice(CONCEPT_PREFIX.length);
  return Object.entries(PROGRESS_OF).filter(([, to]) => to === id).map(([from]) => conceptTerm(from));
}
