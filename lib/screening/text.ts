import { stemmer } from "stemmer";

/**
 * Text normalization shared by criteria and résumés: Unicode folding (accents, dashes, quotes),
 * a few technical spellings protected from tokenization (C++, C#, .NET, Node.js), word tokens with
 * both their original spelling (for case-sensitive abbreviations such as "Go", "RN", "MS") and
 * their Porter stem, and segmentation of a résumé into quotable lines/sentences.
 */

export interface Token {
  /** The token as written (after folding), used for case-sensitive abbreviations. */
  raw: string;
  /** Lower-cased token. */
  lower: string;
  /** Porter stem of the lower-cased token. */
  stem: string;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Irregular past forms résumés use all the time ("led", "taught", "wrote"): stemmed as their verb. */
const IRREGULAR: Readonly<Record<string, string>> = {
  led: "lead", taught: "teach", wrote: "write", written: "write", built: "build", ran: "run", sold: "sell", made: "make",
  spoke: "speak", spoken: "speak", drove: "drive", driven: "drive", grew: "grow", grown: "grow", brought: "bring", began: "begin",
  begun: "begin", held: "hold", kept: "keep", won: "win", bought: "buy", thought: "think", chose: "choose", chosen: "choose",
  drew: "draw", drawn: "draw", gave: "give", given: "give", oversaw: "oversee", overseen: "oversee", undertook: "undertake",
  understood: "understand", sent: "send", spent: "spend", took: "take", taken: "take", told: "tell", trained: "train",
  shot: "shoot", fed: "feed", dealt: "deal", sought: "seek", rebuilt: "rebuild", rewrote: "rewrite", rewritten: "rewrite",
};

export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    const irregular = IRREGULAR[lower];
    if (irregular) {
      s = stemmer(irregular);
      stemCache.set(lower, s);
      return s;
    }
    // Numbers and very short tokens are kept as they are; the stemmer is English-only.
    s = lower.length <= 2 || /\d/.test(lower) ? lower : stemmer(lower);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(lower, s);
  }
  return s;
}

/** Fold accents and typographic punctuation so "résumé", "Bachelor’s" and "2019–2021" normalize. */
const KEPT_WHOLE = /[łŁøØđĐ]/;
export function fold(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
  // Letters NFKD keeps whole: Polish ł, Nordic ø, Croatian đ ("wygasł" → "wygasl").
  return KEPT_WHOLE.test(folded) ? folded.replace(/[łŁøØđĐ]/g, (ch) => ({ ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D" })[ch] as string) : folded;
}

const PROTECT: ReadonlyArray<[RegExp, string]> = [
  [/c\+\+/gi, " cplusplus "],
  [/\bci\s*\/\s*cd\b/gi, " cicd "],
  [/c#/gi, " csharp "],
  // "Non-sterile" is one word, the opposite of "sterile": a criterion that asks for it is met by it.
  [/\bnon-(\p{L}{3,})/giu, "non$1"],
  // CompTIA's credentials: "Security+" is a certificate, not security; "A+" is not the letter a.
  [/\b(security|network|cloud|linux|server|project|data|cysa|pentest|a)\+(?![\p{L}\p{N}])/giu, " $1plus "],
  [/f#/gi, " fsharp "],
  // "A/B tests", "GD&T": one thing each, not the letters.
  [/\ba\s*\/\s*b(?:\s+test(?:s|ing|ed)?)?\b/gi, " abtest "],
  [/\ba-b\s+test(?:s|ing|ed)?\b/gi, " abtest "],
  // Shorthand for people: "C-suite execs", "payroll for 1,000+ EEs".
  [/\bexecs\b/gi, "executives"],
  [/\bEEs\b/g, "employees"],
  [/\bgd\s*&\s*t\b/gi, " gdandt "],
  // "P&L", "M&A": one thing each ("nothing found for P, L" read as two letters that match any initial).
  // "Line-managed five engineers" is managing them; "first-line" and "front-line" managers are one kind.
  [/\bline[- ]manag(e|es|ed|ing|ement|er|ers)\b/gi, "manag$1"],
  [/\b(?:front|first)[- ]line\b/gi, "frontline"],
  // "Outreach.io", "Jasper.ai": the product's name, not a word and a domain.
  [/\b([a-z][a-z0-9]+)\.(?:io|ai)\b/gi, "$1"],
  // "Authorized to work w/o sponsorship".
  [/\bw\/o\b/gi, "without"],
  // "A qualified solicitor" is a solicitor; "ACCA qualified", "qualified in 2014" say the credential is held.
  [/\bqualified\s+(?!(?:in|as|since|by|to|from|with|for|on|at|and|or|through|via)\b)(?=\p{L})/giu, ""],
  // "P&L responsibility" is P&L owned, as "P&L ownership" is.
  [/\bp\s*&\s*l(?:\s+(?:responsibility|accountability|ownership))?\b/gi, " pandl "],
  [/\bprofit (?:and|&) loss\b/gi, " pandl "],
  [/\bm\s*&\s*a\b/gi, " manda "],
  [/\bmergers (?:and|&) acquisitions\b/gi, " manda "],
  // A licence letter after a credential's acronym is part of its name: "OTR/L", "COTA/L" (a lone "L" would match anything).
  [/\b([A-Z]{2,5})\/L\b(?!\/)/g, " $1L "],
  [/\.net\b/gi, " dotnet "],
  [/\b([a-z0-9]+)\.js\b/gi, " $1js "],
  [/\b(node|vue|next|nuxt|react|express|angular|ember|three|d3)\s+js\b/gi, " $1js "],
  // Dotted initials are one word: "D.C.", "J.D.", "U.S." (single letters would match any initial).
  [/(?<![\p{L}.])(\p{L})\.(\p{L})\.(?:(\p{L})\.)?(?![\p{L}])/gu, "$1$2$3"],
  [/\b([a-z]+)'s\b/gi, "$1"],
  [/\bs'\b/gi, "s"],
];

const WORD = /[\p{L}\p{N}]+/gu;

/** Technical spellings made single words ("C++" → "cplusplus"), on folded text. */
export function protect(folded: string): string {
  let t = folded;
  for (const [re, rep] of PROTECT) t = t.replace(re, rep);
  return t;
}

/** How a protected spelling is written for people ("cplusplus" → "C++"). */
const DISPLAY: Readonly<Record<string, string>> = { cplusplus: "C++", csharp: "C#", fsharp: "F#", dotnet: ".NET", cicd: "CI/CD", abtest: "A/B testing", gdandt: "GD&T", pandl: "P&L", manda: "M&A" };
export function displayWord(word: string): string {
  const plus = /^(security|network|cloud|linux|server|project|data|cysa|pentest|a)plus$/i.exec(word);
  // CompTIA writes them capitalized ("Security+", "CySA+") whatever case the token reached here in.
  if (plus) return `${(plus[1] as string).toLowerCase() === "cysa" ? "CySA" : (plus[1] as string).replace(/^./, (ch) => ch.toUpperCase())}+`;
  return DISPLAY[word.toLowerCase()] ?? word.replace(/^([a-z0-9]+)js$/i, (m, base: string) => (/^(node|vue|next|nuxt|react|express|angular|ember|three|d3)$/i.test(base) ? `${base}.js` : m));
}

export function tokenize(text: string): Token[] {
  const t = protect(fold(text));
  const out: Token[] = [];
  for (const m of t.matchAll(WORD)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    out.push({ raw, lower, stem: stem(lower) });
  }
  return out;
}

/** Criterion-side tokens also keep the list separators that decide AND/OR structure. */
export type CriterionToken = Token | { sep: "," | "/" | "or" | "and" | "(" | ")" };

export function tokenizeWithSeparators(text: string): CriterionToken[] {
  let t = fold(text);
  for (const [re, rep] of PROTECT) t = t.replace(re, rep);
  const out: CriterionToken[] = [];
  for (const m of t.matchAll(/[\p{L}\p{N}]+|[,;/()]/gu)) {
    const raw = m[0];
    if (raw === "," || raw === ";") out.push({ sep: "," });
    else if (raw === "/") out.push({ sep: "/" });
    else if (raw === "(" || raw === ")") out.push({ sep: raw });
    else {
      const lower = raw.toLowerCase();
      if (lower === "or") out.push({ sep: "or" });
      else if (lower === "and" || lower === "plus") out.push({ sep: "and" });
      else out.push({ raw, lower, stem: stem(lower) });
    }
  }
  return out;
}

export function isWordToken(t: CriterionToken): t is Token {
  return "stem" in t;
}

export interface Segment {
  /** Verbatim substring of the source text (trimmed): what is quoted as evidence. */
  text: string;
  source: "resume" | "parsed" | "answer";
}

const MAX_SEGMENT = 320;

/** A run of spaces or a tab inside a line: the gutter between two columns of a flattened PDF. */
const GUTTER = /\t+|\s{4,}/;

/**
 * A line of a two-column résumé flattened to text ("• Write memos under ASC 606        CMA — Part 1
 * passed 05/2025") is two lines that never belonged together. Split only where both sides read as text
 * of their own (three words or more); "Analyst, Acme      Jan 2020 – Present" keeps its date.
 */
function columns(line: string): string[] {
  if (!GUTTER.test(line.trim())) return [line];
  const parts = line.trim().split(GUTTER);
  const words = (p: string) => p.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (parts.length < 2 || parts.some((p) => words(p) < 3)) return [line];
  return parts;
}

/**
 * Split a résumé into quotable units: lines, and within long lines sentences or bullet items.
 * Every returned `text` is a verbatim substring of `text`.
 */
export function segment(text: string, source: Segment["source"] = "resume"): Segment[] {
  const out: Segment[] = [];
  for (const line of text.split(/\r?\n/).flatMap(columns)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.length <= 160) {
      out.push({ text: trimmed, source });
      continue;
    }
    // Long line: split after sentence ends and around inline bullets; pieces stay verbatim.
    for (const piece of trimmed.split(/(?<=[.!?;])\s+(?=[\p{Lu}\d•·▪\-*])|\s+[•·▪]\s+/u)) {
      const p = piece.trim();
      if (!p) continue;
      if (p.length <= MAX_SEGMENT) out.push({ text: p, source });
      else {
        // Very long run-on text (e.g. a PDF without line breaks): cut at word boundaries.
        let rest = p;
        while (rest.length > MAX_SEGMENT) {
          let cut = rest.lastIndexOf(" ", MAX_SEGMENT);
          if (cut < 80) cut = MAX_SEGMENT;
          out.push({ text: rest.slice(0, cut).trim(), source });
          rest = rest.slice(cut).trim();
        }
        if (rest) out.push({ text: rest, source });
      }
    }
  }
  return out;
}

/** "five" → 5; digits parsed as numbers. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};

export function parseCount(word: string): number | null {
  const n = Number(word);
  if (Number.isFinite(n) && word.trim() !== "") return n;
  return NUMBER_WORDS[word.toLowerCase()] ?? null;
}

export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join("|");
