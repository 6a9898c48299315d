import { fold } from "./text";

/**
 * Spoken languages and how well: "Fluent Spanish" is not met by "Spanish (basic)". Levels follow
 * the CEFR scale (A1 = 1 … C2 = 6) and the words résumés and job posts use for it (ILR's
 * "professional working proficiency" is B2, "full professional" C1, "native or bilingual" C2).
 */

export const LANGUAGES = [
  "english", "spanish", "french", "german", "italian", "portuguese", "dutch", "swedish", "norwegian", "danish", "finnish",
  "polish", "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish", "russian", "ukrainian", "serbian",
  "croatian", "arabic", "hebrew", "persian", "farsi", "urdu", "hindi", "bengali", "punjabi", "tamil", "telugu", "gujarati",
  "marathi", "mandarin", "cantonese", "chinese", "japanese", "korean", "vietnamese", "thai", "indonesian", "malay", "tagalog",
  "filipino", "swahili", "amharic", "somali", "haitian creole", "american sign language", "asl",
  "catalan", "basque", "galician", "welsh", "irish", "afrikaans", "zulu", "xhosa", "yoruba", "igbo", "hausa", "malayalam",
  "kannada", "sinhala", "nepali", "burmese", "khmer", "mongolian", "kazakh", "uzbek", "georgian", "armenian", "lithuanian",
  "latvian", "estonian", "slovenian", "albanian", "macedonian", "bosnian", "icelandic", "maltese", "pashto", "dari", "kurdish",
  "tigrinya", "oromo", "cebuano", "bisaya", "ilocano", "javanese", "tamazight", "berber",
] as const;

// Names of the common languages in the languages of the résumés themselves (German, French, Spanish,
// Italian, Portuguese, Dutch, Polish), after folding accents ("Türkisch" → "turkisch").
const ENDONYMS: Readonly<Record<string, string>> = {
  deutsch: "german", englisch: "english", franzosisch: "french", spanisch: "spanish", italienisch: "italian", portugiesisch: "portuguese",
  turkisch: "turkish", russisch: "russian", polnisch: "polish", arabisch: "arabic", chinesisch: "mandarin", niederlandisch: "dutch",
  francais: "french", anglais: "english", allemand: "german", espagnol: "spanish", italien: "italian", portugais: "portuguese", arabe: "arabic",
  ingles: "english", aleman: "german", frances: "french", portugues: "portuguese", italiano: "italian", espanhol: "spanish", alemao: "german",
  inglese: "english", tedesco: "german", francese: "french", spagnolo: "spanish",
  nederlands: "dutch", engels: "english", duits: "german", frans: "french",
  polski: "polish", angielski: "english", niemiecki: "german",
  catala: "catalan", catalan: "catalan", euskara: "basque", galego: "galician", cymraeg: "welsh", gaeilge: "irish",
};
const ALIASES: Readonly<Record<string, string>> = { farsi: "persian", filipino: "tagalog", chinese: "mandarin", asl: "american sign language", espanol: "spanish", castellano: "spanish", ...ENDONYMS };
const canonical = (name: string) => ALIASES[name] ?? name;

/** Level words, longest first; values on the CEFR scale 1–6. */
const LEVEL_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(native|mother tongue|first language|bilingual|c2|ilr\s*5|near[- ]native|muttersprache|langue maternelle|lengua materna|madrelingua|moedertaal|lingua materna|jezyk ojczysty|bilingue|maternelle|materna|materno|nativo|nativa|natif|native|ojczysty|nadiu|nadiua)\b/i, 6],
  [/\b(full professional( proficiency)?|fluent|fluency|fluently|c1|advanced|ilr\s*4|proficient|excellent command|fliessend|verhandlungssicher|courant|fluido|fluente|vloeiend|biegly|avance|avancado|avanzado|avanzato)\b/i, 5],
  [/\b(professional working( proficiency)?|professional|business( level)?|b2|upper[- ]intermediate|working proficiency|ilr\s*3)\b/i, 4],
  [/\b(conversational|intermediate|b1|working knowledge|limited working( proficiency)?|ilr\s*2)\b/i, 3],
  // A school exam at 16 ("German (GCSE, grade C)") is a basic level.
  [/\b(elementary|a2|basic|beginner|limited|ilr\s*1|some|learning|grundkenntnisse|notions|gcse|o level|school)\b/i, 2],
  [/\b(a1|introductory|survival)\b/i, 1],
];

const LEVEL_NAMES: Readonly<Record<number, string>> = { 1: "beginner (A1)", 2: "basic (A2)", 3: "conversational (B1)", 4: "professional (B2)", 5: "fluent (C1)", 6: "native or bilingual (C2)" };

const LANG_RE = new RegExp(`\\b(${[...LANGUAGES, "espanol", "castellano", ...Object.keys(ENDONYMS)].sort((a, b) => b.length - a.length).join("|")})\\b`, "gi");
/** LANG_RE without the global flag, to split a text at its first language name. */
const LANG_SPLIT = new RegExp(LANG_RE.source, "i");
const LANG_ALT = LANG_RE.source.slice(3, -3);
/** "German to Spanish translation": a pair of languages, from one into the other. */
const TRANSLATION_PAIR = new RegExp(`^\\s*(${LANG_ALT})\\s*(?:to|into|>|->|→|-)\\s*(${LANG_ALT})\\s+(?:translation|translating|interpreting|interpretation)s?\\b`, "i");

export interface LanguageRequirement {
  languages: string[];
  /** All listed ("Spanish and French") or any one ("Spanish or Portuguese"). */
  any: boolean;
  level: number;
}

/**
 * Graded tests of one language, on the CEFR scale: TOPIK and HSK levels 1–6 run A1 to C2, JLPT's N5
 * to N1 run A1 to C1.
 */
const TEST_LEVEL = /\b(topik|hsk)\s*(?:level\s*|grade\s*)?([1-6])\b|\bjlpt\s*(?:level\s*)?n?([1-5])\b|\bn([1-5])\s*(?:level\s*)?\(?jlpt\b/i;
/** TOEIC (listening and reading, 10–990) and IELTS bands, on the CEFR scale as ETS and Cambridge map them. */
const SCORE_LEVEL = /\btoeic\b[^0-9]{0,12}(\d{3})\b|\bielts\b[^0-9]{0,12}([4-9](?:\.[05])?)\b/i;
function scoreLevel(text: string): number | null {
  const m = SCORE_LEVEL.exec(text);
  if (!m) return null;
  if (m[1]) {
    const toeic = Number(m[1]);
    return toeic >= 945 ? 5 : toeic >= 785 ? 4 : toeic >= 550 ? 3 : toeic >= 225 ? 2 : 1;
  }
  const band = Number(m[2]);
  return band >= 8.5 ? 6 : band >= 7 ? 5 : band >= 5.5 ? 4 : band >= 4 ? 3 : 2;
}

/** "Korean (mother tongue, but rusty)": the level once had, no longer fluent; at most professional (B2). */
const RUSTY = /\b(rusty|out of practice|not used (it )?in years|haven'?t used|has faded|faded|needs? refreshing)\b/i;

function levelOf(text: string): number | null {
  const level = statedLevel(text);
  return level !== null && level > 4 && RUSTY.test(text) ? 4 : level;
}

function statedLevel(text: string): number | null {
  const test = TEST_LEVEL.exec(text);
  if (test) return test[2] ? Number(test[2]) : 6 - Number(test[3] ?? test[4]);
  const score = scoreLevel(text);
  if (score !== null) return score;
  for (const [re, level] of LEVEL_WORDS) if (re.test(text)) return level;
  return null;
}

/**
 * A criterion about speaking a language: it names one and is mostly about it ("Fluent Spanish",
 * "Professional working proficiency in German", "Bilingual English/Spanish"). Criteria that only
 * mention a language in passing ("Spanish-speaking customers" in a sales criterion) stay keyword checks.
 */
export function compileLanguage(criterion: string): LanguageRequirement | null {
  const t = fold(criterion);
  // "German to Spanish translation": translating from a language needs it at a fluent level, and into one too.
  const pair = TRANSLATION_PAIR.exec(t);
  if (pair) return { languages: [...new Set([canonical((pair[1] as string).toLowerCase()), canonical((pair[2] as string).toLowerCase())])], any: false, level: 5 };
  const found = [...t.matchAll(LANG_RE)].map((m) => canonical((m[1] as string).toLowerCase()));
  if (found.length === 0) return null;
  const rest = t.replace(LANG_RE, " ").replace(/\b(and|or|in|of|the|a|an|language|languages|speaker|speaking|spoken|written|verbal|skills?|proficiency|ability|to|speak|read|write|both|required|preferred|plus|level|at least|minimum|oral|communication|with)\b/gi, " ");
  const level = levelOf(t);
  const leftover = rest.replace(/[^a-z0-9]+/gi, " ").trim().split(" ").filter((w) => w && !levelOf(w));
  if (leftover.some((w) => !/^(experience|skills?|strong|excellent|good|native|fluent|must|be|is|are|able|communicate|conversation|conversational|bilingual|proficient|professional|working|business|level|cefr|[abc][12]|at|a|the|least|minimum|or|better|above|higher|toeic|ielts|score|band|\d{1,3}(\.\d)?|clinician|therapist|nurse|teacher|agent|representative|rep|associate|staff|candidate|caregiver)$/i.test(w))) return null;
  const languages = [...new Set(found)];
  // "Spanish or Portuguese" is either; "Bilingual English/Spanish" is both. The person named after it
  // ("Bilingual Spanish/English clinician") is who speaks them.
  return { languages, any: /\bor\b/i.test(t) || (/\//.test(t) && !/\bbilingual\b/i.test(t)), level: level ?? 3 };
}

export interface LanguageEvidence {
  level: number | null;
  quote: string;
  negated: boolean;
}

const LANGUAGE_CONTEXT = /\b(languages?|sprachen|sprachkenntnisse|langues|idiomas|lingue|talen|jezyki|speak\w*|spoken|bilingual|trilingual|multilingual|translat\w*|interpret\w*|fluent|native|mother tongue|proficien\w*|cefr|ielts|toefl|dele|delf|goethe|hsk|jlpt|topik)\b/i;
const NEGATION = /\b(no|not|without|never|don'?t|do not|cannot|can'?t)\b/i;

/** What a résumé line says of a language: its level in that clause (CEFR code, words), or none. */
function languageMentions(line: string, language: string): LanguageEvidence[] {
  const t = fold(line);
  const out: LanguageEvidence[] = [];
  // "TOEIC L&R 860", "IELTS 7.5": a test of English is English at that level, named or not.
  if (language === "english" && !/\benglish\b/i.test(t)) {
    const score = scoreLevel(t);
    if (score !== null) return [{ level: score, quote: line.trim(), negated: false }];
  }
  for (const m of t.matchAll(LANG_RE)) {
    if (canonical((m[1] as string).toLowerCase()) !== language) continue;
    // "Mandarin Oriental", "The French Laundry": a name, not the language.
    const nextWord = /^\s+(\p{Lu}[\p{L}]+)/u.exec(t.slice((m.index ?? 0) + m[0].length))?.[1];
    if (nextWord && !LANG_RE.test(nextWord) && levelOf(nextWord) === null && !/^(Speaker|Language|Languages|Teacher|Translation|Interpreter|Interpreting|Native|Fluent|Mother|Sign)$/.test(nextWord)) continue;
    LANG_RE.lastIndex = 0;
    // The clause around the mention: up to the neighbouring list separators.
    const before = t.slice(0, m.index).split(/[,;|•·]|\s[-–]\s(?=[A-Z])/).pop() ?? "";
    // A bracket after the language is about it, commas and all: "Arabic (heritage speaker, basic reading)".
    const rest = t.slice((m.index ?? 0) + m[0].length);
    const bracket = /^\s*\([^()]*\)/.exec(rest)?.[0];
    // Up to the next item, sentence or language ("German: A2. Spanish (native)"), unless the languages
    // share one level ("Spanish and English (bilingual)").
    const item = rest.split(/[,;|•·]|\.\s/)[0] ?? "";
    const ownPart = item.split(LANG_SPLIT)[0] ?? "";
    const after = bracket ?? (/^\s*(and|&|\/|or|y|et|und|e)?\s*$/i.test(ownPart) ? item : ownPart);
    const clause = `${before} ${after.slice(0, 60)}`;
    // A fading level may be said after a comma: "Portuguese: fluent, out of practice since 2015".
    const untilNext = rest.slice(0, 80).split(LANG_SPLIT)[0] ?? "";
    const level = levelOf(RUSTY.test(untilNext) ? `${clause} ${untilNext}` : clause);
    // "French bistro", "Spanish-style": an adjective, unless the line is about languages (or lists several).
    if (level === null && !LANGUAGE_CONTEXT.test(t) && [...t.matchAll(LANG_RE)].length < 2) continue;
    out.push({ level, quote: line.trim(), negated: NEGATION.test(before.slice(-30)) });
  }
  return out;
}

export interface LanguageVerdict {
  verdict: "MET" | "PARTLY_MET" | "NOT_MET" | "UNKNOWN";
  evidence: string[];
  reason: string;
}

const cap = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

const ENGLISH_FUNCTION_WORDS = new Set(["the", "and", "of", "to", "in", "for", "with", "on", "a", "an", "at", "by", "from", "as", "is", "was", "were", "our", "my", "i", "we", "into", "across", "over"]);

/** Whether the candidate's own lines read as English prose: one word in ten or more is an English function word. */
function writtenInEnglish(lines: readonly string[]): boolean {
  const words = lines.join(" ").toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return false;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length >= 0.1;
}

/** One sentence in English: "Yes, fully bilingual, I used Spanish every day at my last job". */
function englishSentence(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length >= 6 && words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length >= 0.15;
}

/** The verdict for one language requirement from the candidate's lines (résumé, answers). */
export function languageVerdict(req: LanguageRequirement, lines: readonly string[], substantive: boolean): LanguageVerdict {
  const per = req.languages.map((language) => {
    const mentions = lines.flatMap((l) => languageMentions(l, language));
    const positive = mentions.filter((m) => !m.negated);
    const stated = positive.filter((m) => m.level !== null).sort((a, b) => (b.level ?? 0) - (a.level ?? 0))[0];
    return { language, mentions, positive, stated };
  });
  const need = LEVEL_NAMES[req.level] ?? "working";
  // A line that says "bilingual" and names one language besides English: bilingual in it (and in English).
  const bilingualIn = per.flatMap((q) => {
    if (q.language === "english" || q.stated) return [];
    const m = q.positive.find((x) => /\bbilingu/i.test(x.quote) && (x.quote.match(LANG_RE) ?? []).filter((l) => canonical(l.toLowerCase()) !== "english").length === 1);
    return m ? [{ language: q.language, quote: m.quote }] : [];
  });
  const judge = (p: (typeof per)[number]): LanguageVerdict => {
    const name = cap(p.language);
    if (p.stated) {
      const lvl = p.stated.level as number;
      const has = `${name} at ${LEVEL_NAMES[lvl]}`;
      // Résumés rarely tell native from fully fluent: C1 meets "native or bilingual".
      if (lvl >= Math.min(req.level, 5)) return { verdict: "MET", evidence: [p.stated.quote], reason: `${has}; ${need} asked.` };
      // Two bands below what meets it is partly met from B1 up: conversational French for "bilingual".
      if (lvl === req.level - 1 || (lvl >= 3 && lvl >= Math.min(req.level, 5) - 2)) return { verdict: "PARTLY_MET", evidence: [p.stated.quote], reason: `${has}, below the ${need} asked.` };
      return { verdict: "NOT_MET", evidence: [p.stated.quote], reason: `${has}, well below the ${need} asked.` };
    }
    const own = bilingualIn.find((q) => q.language === p.language);
    if (own) return { verdict: "MET", evidence: [own.quote], reason: `Says they are bilingual in ${name}; ${need} asked.` };
    if (p.positive.length) {
      const quote = (p.positive[0] as LanguageEvidence).quote;
      if (req.level <= 3) return { verdict: "MET", evidence: [quote], reason: `Lists ${name}; ${need} asked.` };
      // A résumé written in English by someone who lists English speaks for their level.
      if (p.language === "english" && writtenInEnglish(lines)) return { verdict: "MET", evidence: [quote], reason: `Lists ${name} and writes the résumé in it; ${need} asked.` };
      return { verdict: "PARTLY_MET", evidence: [quote], reason: `Lists ${name} without saying how well; ${need} asked.` };
    }
    if (p.mentions.length) return { verdict: "NOT_MET", evidence: [(p.mentions[0] as LanguageEvidence).quote], reason: `States no ${name}.` };
    // "Yes, fully bilingual, I used Spanish every day" for "Bilingual Spanish/English": bilingual in the
    // other language, written in English, is bilingual in both.
    const bilingual = bilingualIn.find((q) => q.language !== p.language);
    if (p.language === "english" && bilingual && (writtenInEnglish(lines) || englishSentence(bilingual.quote))) {
      return { verdict: "MET", evidence: [bilingual.quote], reason: `Says they are bilingual in ${cap(bilingual.language)} and writes in English; ${need} asked.` };
    }
    if (p.language === "english" || !substantive) return { verdict: "UNKNOWN", evidence: [], reason: `The résumé does not say how well the candidate speaks ${name}.` };
    return { verdict: "NOT_MET", evidence: [], reason: `No mention of ${name}.` };
  };
  const results = per.map(judge);
  const order = { MET: 3, PARTLY_MET: 2, UNKNOWN: 1, NOT_MET: 0 } as const;
  const pick = req.any
    ? results.reduce((a, b) => (order[b.verdict] > order[a.verdict] ? b : a))
    : results.reduce((a, b) => (order[b.verdict] < order[a.verdict] ? b : a));
  return pick;
}
