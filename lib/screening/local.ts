import { fieldFamilies, fieldRelation, glossField } from "./fields";
import { degreeMentions, highestLevel, LEVEL_NAMES, requiredLevel, type DegreeLevel } from "./degrees";
import {
  alternativeCoverage,
  compileRequirement,
  comparableTerms,
  coverage,
  impliedTerms,
  NUMBERED_KINDS,
  isConceptTerm,
  isFiller,
  progressTowards,
  relatedFieldTerms,
  requirementTerms,
  termLabel,
  termOccurrences,
  termsOf,
  weightyTerms,
  type Group,
  type Requirement,
  type Term,
} from "./matcher";
import { inProgressLine, isNegativeStance, isPartialStance, stancesOf, STANCE_WORDS, type Stance } from "./context";
import { compileLanguage, languageVerdict, type LanguageRequirement } from "./languages";
import { compilePlace, placeVerdict, type PlaceRequirement } from "./places";
import { US_STATES } from "./us-states";
import { answerAmounts, compileAmount, moneyAmounts, statedAmounts, type AmountRequirement } from "./amounts";
import { scoreBreakdown } from "./score";
import { displayWord, fold, NUMBER_WORD_PATTERN, parseCount, protect, segment, stem, tokenize, type Segment, type Token } from "./text";
import { GENERIC_TERMS, LIGHT_TERMS, SOFT_SKILL_WORDS, TRAIT_BEHAVIOURS } from "./vocabulary";
import type {
  CandidateInput,
  CriterionInput,
  CriterionVerdict,
  ParsedPosition,
  ParsedSchool,
  ScreeningEngine,
  ScreeningOutput,
  Verdict,
  YearMonth,
} from "./types";

/**
 * The local engine: deterministic, explainable, no network.
 *
 * Each criterion compiles once per job into one of three checks:
 * - years  ("5+ years of backend experience"): relevant experience summed from parsed positions'
 *   dates (overlaps merged), else from date ranges written in the résumé, and years stated in the
 *   text ("8 years of backend development"); MET at the required years, PARTLY_MET from half of them.
 * - degree ("Bachelor's in Computer Science or related field"): highest degree from parsed schools
 *   and the résumé text; associate < bachelor < master < doctorate; field matched on terms, with
 *   families of related fields.
 * - keyword (everything else): terms with synonyms/abbreviations and stems; AND/OR lists.
 * Evidence is always the verbatim line or sentence that matched. Without résumé text and parsed
 * data every criterion is UNKNOWN (except ones a yes/no application answer settles).
 */

/** Bump when matching rules change in a way that should re-screen candidates. */
export const LOCAL_ENGINE_VERSION = "local-10";

const MET_AT = 0.75;
const PARTLY_AT = 0.4;
/** A position counts toward "N years of X" when it covers more than half of X. */
const RELEVANT_ABOVE = 0.5;

type Mode = "keyword" | "years" | "degree" | "language" | "place" | "soft";

export interface CompiledCriterion {
  input: CriterionInput;
  mode: Mode;
  /** keyword: the requirement; years: the subject of the experience; degree: fields (one OR group). */
  req: Requirement;
  /** years: a role the years are in ("data analyst"), counted only from positions with that title. */
  role: Requirement | null;
  minYears: number;
  degreeLevel: DegreeLevel | null;
  relatedFieldOk: boolean;
  equivalentOk: boolean;
  /** Things résumés rarely state (work authorization, relocation…): UNKNOWN instead of NOT_MET. */
  offResume: boolean;
  /** "current", "active", "valid": a lapsed mention does not count. */
  needsCurrent: boolean;
  /** soft: word stems of what shows the trait ("wrote", "presented" for communication). */
  behaviours?: Set<Term>;
  /** "familiarity with", "basic": exposure meets it. */
  exposureOk: boolean;
  /** Asks for a certificate or licence, not just the skill. */
  needsCredential: boolean;
  /** "production", "hands-on", "professional": exposure alone is not met. */
  needsPractice: boolean;
  /** "within the last N years": evidence must come from a position that ended since. */
  withinYears: number | null;
  language: LanguageRequirement | null;
  place: PlaceRequirement | null;
  /** "2,000+ hours", "over $1M": an amount the résumé must state, compared rather than matched as words. */
  amount: AmountRequirement | null;
  /** "Licensed Professional Counselor (LPC)": a credential's name whose initials are its acronym. */
  spelled?: SpelledCredential | null;
}

export interface CompiledJob {
  criteria: CompiledCriterion[];
  needed: Set<Term>;
  needsDates: boolean;
}

// ---------------------------------------------------------------- compile criteria

const NUM = `\\d{1,2}|${NUMBER_WORD_PATTERN}`;
const YEARS_RE = new RegExp(`\\b(${NUM})\\s*\\+?\\s*(?:(?:-|to)\\s*(?:${NUM})\\s*)?\\+?\\s*(?:years?|yrs?)\\b'?`, "i");
const STATED_YEARS_RE = new RegExp(`\\b(${NUM})\\s*\\+?\\s*(?:years?|yrs?)\\b(?!\\s*old)`, "gi");
const OFF_RESUME =
  /\b(authori[sz]ed to work|work authori[sz]ation|right to work|visa|sponsorship|relocat\w*|willing(ness)? to|able to (start|commute|travel|lift)|available to start|availability|travel up to|background check|drug (test|screen)|security clearance|citizenship|citizen|legally|salary|compensation|commute|reliable transportation|driver'?s licen[sc]e|night shifts?|weekends?)\b/i;
const PASTIME_SECTION = /^(interests|hobbies|hobbies (and|&) interests|interests (and|&) hobbies|pastimes|personal interests|outside (of )?(work|the [\p{L}]+)|leisure|away from work|in my (free|spare) time|free time|spare time|(personal|side|hobby|academic|class|course|school|student) projects|relevant coursework|coursework)$/iu;
/**
 * What the candidate brings to the work (a driving licence, own tools, US person status) and, below,
 * when and where they can work: for the candidate to answer, rarely in a résumé ("Full UK driving
 * licence and own car", "Available for on-call rotation", "Can start within 4 weeks").
 */
const BRINGS =
  /\b((driving|driver|drivers) licen[cs]e|permiso de conducir|own (car|vehicle|transport|transportation|tools|hand tools)|clean driving record|moving violations|commission (plan|structure)|base\/commission|us person|itar|stand for (\d|long|extended|a full|an entire|the full)|(\d+|eight|ten|twelve)[- –]hour shifts|passport)\b/i;
/** When and where the candidate can work; the other words of such a criterion do not make it partly met. */
const SCHEDULE =
  /\b(available (to|for|on)|availability|(able|willing) to work (on |from |in |at |a |an |the |\d|rotating|overnight|nights?|weekends?|saturdays?|sundays?|evenings?|overtime|holidays?|shifts?|on-call|weekdays)|(can|able to|willing to) (start|work (saturdays|sundays|weekends|nights|evenings|overtime|weekdays|on-call))|start (within|in|by|on) |notice period|days (a|per) week|comfortable with (a |an )?(\d+ ?%|travel|commission|base)|\d+ ?% travel|travel (up to|\d+ ?%)|disponibilidad\w*|disponibilidade|available( \w+)? (mornings?|evenings?|nights?|weekends?|weekdays|saturdays?|sundays?|overnights?)|after[- ]hours|take call)\b/i;
const WORK_RIGHT_ASKED = /\b(authori[sz]ed to work|work authori[sz]ation|right to work|eligib\w* to work|citizen\w*|permanent resident|green card|work permit|us person|without (visa )?sponsorship)\b/i;
const WORK_RIGHT_SAID =
  /\b(authori[sz]ed to work|work authori[sz]ation|authori[sz]ation to work|right to work|eligib\w* to work|citizen\w*|permanent resident|green card|work permit|visa|sponsor\w*|ead|h-?1b|opt|stem opt|settled status|pre-settled|indefinite leave|ilr|nationality|national|passport|us person)\b/i;
const DEGREE_WORDS =
  /\b((bachelor|master)'?s?\s+of\s+(science|arts|applied science|fine arts|engineering|business administration)|doctor of philosophy|bachelor'?s?|master'?s?|degrees?|diploma|undergraduate|graduate|college|university|four-year|4-year|ph\.?\s?d\.?|doctorate|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|bsc|msc|beng|meng|b\.?\s?tech|m\.?\s?tech|b\.\s?e|or higher|or above|advanced|post-?graduate|accredited|program)\b\.?/gi;

/**
 * Job titles that name one trade: "3+ years of data analyst experience" are years with that title,
 * not years in which data was mentioned. Broad titles (manager, specialist, consultant) vary too much
 * between employers to ask of a title.
 */
const ROLE_NOUN =
  /\b(analyst|engineer|developer|nurse|rn|lpn|teacher|technician|designer|accountant|cook|chef|driver|pilot|electrician|plumber|welder|machinist|mechanic|pharmacist|paralegal|attorney|lawyer|recruiter|scientist|architect|underwriter|adjuster|estimator|dispatcher|interpreter|translator|therapist|hygienist|bartender|auditor)s?\b/i;

/** A line written about school work: a class or course project, coursework only. */
const COURSE_LINE = /\b(course|class|school|academic|coursework|student)[ -]projects?\b|\bcoursework only\b|\bfor (a|my|the) class\b|\([^)]*\bclass\)/i;
/** A degree begun and not finished: "(incomplete)", "ABD", "withdrew 2019", "3 of 4 years completed", "did not graduate", "Some college: 24 credits toward a B.S.". */
const UNFINISHED =
  /\b(incomplete|unfinished|not completed|not finished|abd|all but dissertation|withdrew|withdrawn|dropped out|discontinued|deferred|did not (graduate|finish|complete)|left (the )?(program|programme|course)|\d+ of \d+ years( completed)?|some college|paused|on hold|credits? (toward|towards)|completed (the )?(\d(st|nd|rd|th)|first|second|third|fourth) year)\b/i;
/** Left for good, unlike a deferral, "ABD" or "3 of 4 years completed" (which may still be going on). */
const LEFT_STUDY =
  /\b(incomplete|unfinished|not completed|not finished|withdrew|withdrawn|dropped out|discontinued|did not (graduate|finish|complete)|left (the )?(program|programme|course|degree)|some college|paused|on hold|credits? (toward|towards)|completed (the )?(\d(st|nd|rd|th)|first|second|third|fourth) year)\b/i;
/** A note that the study goes on: "withdrew 2019, resumed 2024", "deferred; returning in 2027". */
const IN_PROGRESS_NOTE = /\b(resumed|returning|re-?enrolled|currently|expected|ongoing|in progress)\b/i;
const DEGREE_DENIED = /^[^.;]{0,40}?\s[-–—:]\s*(no|none|n\/a|not yet)\b|\b(no|without a?) ((university|college|formal|higher) )?(degree|diploma)\b|\bnot planning\b/i;

/**
 * A degree line without its minor: "B.Sc. Psychology, minor in Computer Science", "Computer Science
 * (minor)" name a few courses, not the field of the degree.
 */
function withoutMinor(text: string): string {
  return text
    .replace(/\b(?:with an? |and an? )?minors?\s*(?:in|:|-)?\s*[^,;()|]+/gi, " ")
    .replace(/[^,;()|:]+\(\s*minor\s*\)/gi, " ");
}

/** A student's job or an internship: years in it are not the professional or industry years a criterion may ask. */
const STUDENT_TITLE = /\b(teaching assistant|graduate assistant|research assistant|student assistant|student worker|student employee|graduate student|phd (student|candidate)|doctoral (student|researcher)|intern|internship|summer associate|co-?op student)\b/i;
/** Years that must be professional: "industry", "post-graduate", "professional" ("commercial construction" is a kind of construction). */
/** "Post-MSW", "post-call", "post-registration", "post-licensure": the years since qualifying, professional years. */
const PROFESSIONAL_YEARS = /\b(industry|professional|pqe|post-?grad(?:uate)?|post-?qualification|post-?qualified|post-(?:registration|licensure|licence|license|certification|call|msw|mba|jd|bsn|degree|residency|doctoral)|full-time|internships? (?:excluded|not counted|don'?t count|do not count)|(?:excluding|not counting|not including) internships?)\b/i;

const APPRENTICE_TITLE = /\b(apprentice|apprenticeship|trainee|helper|improver|pre-apprentice)\b/i;

/** Training, not employment: clinical rotations, a practicum, a student placement. */
const TRAINING_TITLE = /\b(rotations?|practicum|practica|clinicals|student placement|clinical placement|externship|student (nurse|teacher|technician))\b/i;

/**
 * "MSW from a CSWE-accredited program", "J.D. from an ABA-accredited law school": résumés name the
 * degree and the school, almost never the school's accreditation; the degree is what can be checked.
 */
const ACCREDITED_SCHOOL = /\s*\b(?:from|at|by)\s+(?:an?|the)\s+(?:[\p{L}]+[- ])?accredited\s+(?:[\p{L}]+\s+){0,2}?(?:program(?:me)?|school|university|college|institution|course)s?\b/giu;

function compileCriterion(c: CriterionInput): CompiledCriterion {
  const text = fold(c.text)
    .replace(new RegExp(`\\b(${NUMBER_WORD_PATTERN})\\s*\\((\\d{1,2})\\)`, "gi"), "$2")
    .replace(ACCREDITED_SCHOOL, " ");
  const base: CompiledCriterion = {
    input: c,
    mode: "keyword",
    req: [],
    role: null,
    minYears: 0,
    degreeLevel: null,
    relatedFieldOk: false,
    equivalentOk: /\bequivalent\b/i.test(text),
    offResume: OFF_RESUME.test(text) || SCHEDULE.test(text) || BRINGS.test(text),
    needsCurrent: /\b(current(ly)?|active|valid|unencumbered|in good standing|up to date)\b/i.test(text),
    withinYears: withinYearsOf(text),
    needsCredential: /\b(certif\w*|licen[cs]\w*|accredit\w*|card|registration|designation)\b/i.test(text),
    exposureOk: /\b(familiar(ity)?|exposure|basic|basics|awareness|some knowledge|introductory|entry[- ]level)\b/i.test(text),
    needsPractice: /\b(production|hands[- ]on|professional(ly)?|commercial|in a work setting|on the job)\b/i.test(text),
    language: null,
    place: null,
    amount: null,
    spelled: spelledCredential(text),
  };
  const years = YEARS_RE.exec(text.replace(WITHIN_RE, " "));
  if (years && !/\byears? old\b/i.test(text)) {
    const min = parseCount(years[1] as string) ?? 0;
    // "Post-graduate", "industry": which years count, not what they are in.
    const subject = (text.slice(0, years.index) + " " + text.slice(years.index + years[0].length))
      .replace(new RegExp(PROFESSIONAL_YEARS.source, "gi"), " ")
      // "incl. APM time", "including apprenticeship" (at the end or within): which years count, not what they are in.
      .replace(/\s*\b(?:incl\.?|including|excluding|excl\.?)\s+[^,;()]*$/i, " ")
      .replace(/,?\s*\b(?:including|incl\.?|with)\s+(?:an?\s+|the\s+|your\s+)?apprenticeship\b/gi, " ")
      // "as a sous chef or higher": a higher rank counts too; the rank named is what is looked for.
      .replace(/\s+or\s+(?:higher|above|more senior|senior|equivalent)\b/gi, " ")
      // "5+ yrs in the trade, commercial preferred", ", internships excluded": a wish, or which years
      // count, said after what the years are in.
      .replace(/,\s*[^,;]*\b(preferred|a plus|nice to have|ideally|excluded|not counted|don'?t count|do not count)\b.*$/i, " ")
      .replace(/\bno less than\b/gi, " ");
    const role = ROLE_NOUN.exec(subject);
    return { ...base, mode: "years", minYears: min, req: compileRequirement(subject), role: role ? compileRequirement(role[0]) : null };
  }
  const level = requiredLevel(text);
  if (level !== null) {
    const relatedFieldOk = /\b(related|relevant|similar|equivalent|technical|quantitative)\s+(field|discipline|area|subject|major)s?\b|\bor related\b|\bstem\b/i.test(text);
    const fieldText = text
      // "MSW from a CSWE-accredited program", "MBA from a top-tier business school": where from is not a field.
      .replace(/\bfrom\s+(?:an?\s+|the\s+)?[^,;()]*\b(?:schools?|programs?|programmes?|universit(?:y|ies)|colleges?|institutions?)\b/gi, " ")
      .replace(/.*/s, expandShorthand)
      .replace(/\bassociate'?s?\b(?:\s+degree)?/gi, " ")
      // "Degree educated (any discipline)": no field asked.
      .replace(/\b(in\s+)?(any|all)\s+(fields?|disciplines?|subjects?|majors?|areas?)\b|\b(degree[- ])?educated\b/gi, " ")
      .replace(/\b(or|and)?\s*(a\s+)?(related|relevant|similar|equivalent|technical|quantitative)\s+(fields?|disciplines?|areas?|subjects?|majors?)\b/gi, " ")
      .replace(/\b(or\s+)?equivalent(\s+(practical|work|professional))?(\s+experience)?\b/gi, " ")
      .replace(DEGREE_WORDS, " ");
    const req = compileRequirement(fieldText, true).map((g) => g.map((alt) => alt.map((t) => (t === "@bsn" ? "@nursing" : t))));
    return { ...base, mode: "degree", degreeLevel: level, relatedFieldOk, req };
  }
  const place = compilePlace(c.text);
  if (place) return { ...base, mode: "place", place, offResume: false };
  const language = compileLanguage(text);
  if (language) return { ...base, mode: "language", language };
  const amount = compileAmount(text);
  // "within the last 3 years" and "currently" qualify when, not what.
  const req = compileRequirement(bracketExamples(amount?.rest ?? text).replace(WITHIN_RE, " ").replace(/\bcurrent(ly)?\b|\bin good standing\b/gi, " ").replace(MANAGED_TEAM, "people management $1"));
  // "Able to travel up to 80% of the time": asked of the candidate, not a trait shown in their work.
  if (isSoftSkill(req) && !base.offResume) {
    const behaviours = new Set<Term>();
    for (const token of tokenize(c.text)) for (const w of TRAIT_BEHAVIOURS[token.lower] ?? TRAIT_BEHAVIOURS[token.stem] ?? []) for (const t of tokenize(w)) behaviours.add(t.stem);
    return { ...base, mode: "soft", req, behaviours, amount: amount?.amount ?? null };
  }
  return { ...base, req, amount: amount?.amount ?? null };
}

/** "Has managed a sales team": managing people, in that field (not a "management" of the business). */
/**
 * Examples written without brackets name alternatives as the bracketed ones do: "Email marketing
 * platform e.g. Mailchimp, Klaviyo, Braze", "Ticketing: ServiceNow, Jira SM, Zendesk or similar".
 */
function bracketExamples(written: string): string {
  // "(grades 6–8)", "(ages 3–5)", "(K-12)" qualify what comes before; they are not alternatives to it.
  const text = written.replace(/\s*\((?:grades?|ages?|years?|k)\s*[-–]?\s*\d[^()]*\)/gi, " ");
  const eg = /^(.*?\p{L}.*?)[\s,;:-]+(?:e\.\s?g\.?|eg\.?|such as|for example|for instance)\s+([^()]+?)\s*$/iu.exec(text);
  if (eg) return `${eg[1]} (${eg[2]})`;
  // Only a list with "or" in it: "Core tools: PPAP, FMEA, 8D" asks for all three, "at least two of: …" for a count.
  const listed = /^([^:()]{3,40}):\s+([^:()]+?\bor\b[^:()]+?)\s*$/iu.exec(text);
  if (listed && !/\bof\s*$/i.test(listed[1] as string)) return `${listed[1]} (${(listed[2] as string).replace(/,?\s+or\s+(?:similar|equivalent|comparable|other)\b.*$/i, "")})`;
  return text;
}

const MANAGED_TEAM = /\b(?:manag(?:e|es|ed|ing)|supervis(?:e|es|ed|ing))\s+(?:a |an |the |our |their )?((?:[\p{L}]+ ){0,2})(?:team|teams|staff|crew|crews)\b/giu;

const WITHIN_RE = new RegExp(`\\b(?:within|in|during|from|over) the (?:last|past) (${NUM})\\s*(years?|yrs?|months?)\\b`, "i");
/** "within the last 3 years", "in the past 18 months": the window asked, in years. */
function withinYearsOf(text: string): number | null {
  const m = WITHIN_RE.exec(text);
  if (m) {
    const n = parseCount(m[1] as string);
    return n === null ? null : /^month/i.test(m[2] as string) ? n / 12 : n;
  }
  return /\b(recent|recently)\b/i.test(text) ? 3 : null;
}

/** Criteria about traits ("excellent communication", "team player"): evidence is behaviour, never a keyword. */
function isSoftSkill(req: Requirement): boolean {
  const terms = [...requirementTerms(req)];
  if (terms.length === 0) return false;
  const soft = terms.filter((t) => SOFT_SKILL_STEMS.has(t) || GENERIC_SOFT.has(t)).length;
  if (soft === terms.length) return true;
  // "Works well with parents and colleagues", "Literacy leadership": a trait and whom or what it is
  // about. A named skill or a light word of kind ("SEO ownership") keeps the criterion a skill.
  const traits = terms.filter((t) => SOFT_SKILL_STEMS.has(t) && !LIGHT_SET.has(t)).length;
  return traits >= 1 && traits * 2 >= terms.length && terms.every((t) => !isConceptTerm(t) || GENERIC_SOFT.has(t));
}
const LIGHT_SET: ReadonlySet<Term> = new Set(LIGHT_TERMS);
const GENERIC_SOFT = new Set(["team", "@communication", "@stakeholder", "interperson", "written", "skill"]);
const SOFT_SKILL_STEMS = new Set(SOFT_SKILL_WORDS.map((w) => stem(w)));

export function compileCriteria(criteria: readonly CriterionInput[]): CompiledJob {
  const compiled = criteria.map(compileCriterion);
  const needed = new Set<Term>();
  for (const c of compiled) {
    for (const t of requirementTerms(c.req)) {
      needed.add(t);
      for (const i of impliedTerms(t)) needed.add(i);
      if (c.mode === "degree") for (const r of relatedFieldTerms(t)) needed.add(r);
      for (const r of comparableTerms(t)) needed.add(r);
      for (const r of progressTowards(t)) needed.add(r);
    }
    if (c.mode === "soft") for (const t of [...BEHAVIOUR_TERMS, ...(c.behaviours ?? [])]) needed.add(t);
  }
  return { criteria: compiled, needed, needsDates: compiled.some((c) => c.mode === "years" || c.equivalentOk || c.withinYears !== null || /\bcurrent(ly)?\b/i.test(c.input.text)) };
}

// ---------------------------------------------------------------- candidate index

interface Interval {
  start: number;
  end: number;
}

interface Experience {
  interval: Interval;
  terms: Set<Term>;
  /** Terms of the title alone, where it is known. */
  titleTerms: Set<Term> | null;
  training: boolean;
  /** An apprentice's, trainee's or helper's position: on the way to the trade named in its title. */
  apprentice?: boolean;
  /** A student's job or an internship ("Research Assistant", "Accounting Intern"): not professional years. */
  student: boolean;
  label: string;
  /** Segments that quote this experience. */
  segs: number[];
}

interface Degree {
  level: DegreeLevel | null;
  /** Not finished yet ("expected 2027", an end date in the future). */
  inProgress: boolean;
  /** Begun and left ("did not complete", "withdrew 2019") with its end in the past. */
  abandoned: boolean;
  terms: Set<Term>;
  /** Families of the fields of study its words name (fields.ts), to tell a related field from another one. */
  families: Set<number>;
  label: string;
  segs: number[];
}

interface Mention {
  stance: Stance;
  segs: number[];
}

interface CandidateIndex {
  segments: Segment[];
  /** Terms each segment affirms (the candidate has them). */
  segTerms: Set<Term>[];
  /** Every affirmed term. */
  all: Set<Term>;
  /** Terms never affirmed, only mentioned as exposure, in progress or lapsed. */
  partial: Map<Term, Mention>;
  /** Terms never affirmed, only negated or wished for. */
  negative: Map<Term, Mention>;
  /** Terms mentioned only as lapsed somewhere (also when affirmed elsewhere). */
  lapsed: Set<Term>;
  /** Which part of the résumé each segment sits in: a position from its dated heading, or a section. */
  block: number[];
  /** End (month index) of the dated block each segment sits in, for "within the last N years". */
  segEnd: (number | null)[];
  nowIdx: number;
  hasContent: boolean;
  /** Enough text to say what is missing; below it, what is not found is UNKNOWN rather than NOT_MET. */
  substantive: boolean;
  /** Lines for place checks: the résumé's top, then answers and the latest position's location. */
  headerLines: string[];
  otherPlaceLines: string[];
  experiences: Experience[];
  datedExperience: boolean;
  degrees: Degree[];
  /** Short application answers: yes/no, or free text read for its polarity. */
  answers: { question: Set<Term>; asked: string; topics: number[]; negative: boolean; yes: boolean | null; answer: string; quote: string }[];
  /** "5+ years of SQL" in a summary, with the terms of its own clause ("…; 10 years in retail" is not SQL). */
  statedYears: { years: number; written: string; seg: number; terms: Set<Term> }[];
}

function monthIndex(ym: YearMonth | null | undefined): number | null {
  if (!ym || typeof ym.year !== "number" || !Number.isFinite(ym.year) || ym.year < 1950) return null;
  const month = typeof ym.month === "number" && ym.month >= 1 && ym.month <= 12 ? ym.month : 1;
  return ym.year * 12 + month - 1;
}

/** Months [start, end) of a position; an end without month counts up to January of that year; no end = current. */
function positionInterval(p: ParsedPosition, nowIdx: number): Interval | null {
  const start = monthIndex(p.start);
  if (start === null || start > nowIdx) return null;
  let end: number;
  const e = p.end;
  if (!e || typeof e.year !== "number") end = nowIdx + 1;
  else if (typeof e.month === "number" && e.month >= 1 && e.month <= 12) end = e.year * 12 + e.month;
  else end = e.year * 12;
  end = Math.min(end, nowIdx + 1);
  if (end <= start) end = Math.min(start + 6, nowIdx + 1);
  return { start, end };
}

/** Total months covered by intervals, overlaps merged. */
export function mergedMonths(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const iv of sorted) {
    if (iv.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = iv.start;
      curEnd = iv.end;
    } else if (iv.end > curEnd) curEnd = iv.end;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MON = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE = `(?:(${MON})\\.?,?\\s+|(\\d{1,2})\\s*[/.]\\s*)?((?:19|20)\\d{2})`;
/** "present" as résumés write it, in English and the other languages seen (heute, obecnie, aujourd'hui…). */
const NOW_WORDS = "present|current|now|today|date|heute|jetzt|obecnie|nadal|aujourd'hui|aujourd hui|ce jour|heden|nu|actualidad|actual|atual|presente|hoy|oggi|in corso|en cours";
const RANGE_RE = new RegExp(`${DATE}\\s*(?:-|to|until|through|bis|a|au|tot)\\s*(?:${DATE}|(${NOW_WORDS}))(?![\\p{L}])`, "giu");
/** "seit 04/2024", "since 2021", "depuis mars 2022": a start with no end is still going. */
const SINCE_RE = new RegExp(`\\b(?:since|seit|desde|depuis|od|dal|sinds)\\s+${DATE}(?!\\s*(?:-|to)\\s*\\d)`, "giu");
/**
 * "2019.03", "2019-03", "2019/03" (year first) read as "03/2019". Written close: "06/2019 – 07/2021"
 * is a range of two month-first dates, not "2019" followed by month 07, and a year written after a
 * month ("07.2019") is not the start of another date.
 */
const YEAR_FIRST = /\b((?:19|20)\d{2})(?:[./]|-(?!\s))(0?[1-9]|1[0-2])(?![\d./])/g;
const yearFirst = (text: string) =>
  /\d[./-]\d/.test(text) ? text.replace(YEAR_FIRST, (m, y: string, mo: string, at: number) => (/\d\s*[./]\s*$/.test(text.slice(Math.max(0, at - 4), at)) ? m : `${mo}/${y}`)) : text;
const JOB_AT_SCHOOL = /\b(teacher|instructor|professor|lecturer|counsel+or|principal|coach|nurse|administrator|assistant|aide|librarian|coordinator|director|manager|technician|specialist|officer|clerk|advisor|analyst|engineer|developer)\b/i;
const SCHOOL_LINE = /\b(university|college|institute|school|academy|bachelor|master|degree|b\.?s\.?c?|m\.?s\.?c?|ph\.?d|graduated|gpa|coursework)\b/i;

function monthOf(name: string | undefined, num: string | undefined): number | null {
  if (name) return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3)] ?? null;
  if (num) {
    const n = Number(num);
    return n >= 1 && n <= 12 ? n : null;
  }
  return null;
}

function textRanges(text: string, nowIdx: number): Interval[] {
  const out: Interval[] = [];
  const folded = yearFirst(fold(text));
  for (const m of folded.matchAll(SINCE_RE)) {
    const sm = monthOf(m[1], m[2]);
    const interval = positionInterval({ start: { year: Number(m[3]), month: sm }, end: null }, nowIdx);
    if (interval) out.push(interval);
  }
  for (const m of folded.matchAll(RANGE_RE)) {
    const sm = monthOf(m[1], m[2]);
    const start = monthIndex({ year: Number(m[3]), month: sm });
    if (start === null) continue;
    const endInterval = positionInterval(
      { start: { year: Number(m[3]), month: sm }, end: m[7] ? null : { year: Number(m[6]), month: monthOf(m[4], m[5]) } },
      nowIdx,
    );
    if (endInterval) out.push(endInterval);
  }
  return out;
}

function ymLabel(ym: YearMonth | null | undefined): string {
  if (!ym || typeof ym.year !== "number") return "present";
  return typeof ym.month === "number" ? `${ym.year}-${String(ym.month).padStart(2, "0")}` : String(ym.year);
}

function positionLine(p: ParsedPosition): string {
  const head = [p.title, p.org].filter(Boolean).join(" at ");
  const dates = p.start?.year ? ` (${ymLabel(p.start)} – ${ymLabel(p.end)})` : "";
  return `${head}${dates}${p.summary ? `: ${p.summary}` : ""}`.trim();
}

function schoolLine(s: ParsedSchool): string {
  const degree = [s.degree, s.field].filter(Boolean).join(", ");
  return [degree, s.org].filter(Boolean).join(" — ").trim();
}

const YES_NO = /^\s*(yes|no|y|n|true|false)\b/i;

function findSegments(segments: readonly Segment[], needle: string | null | undefined, limit: number): number[] {
  const n = (needle ?? "").trim().toLowerCase();
  if (n.length < 3) return [];
  const out: number[] = [];
  for (let i = 0; i < limit && out.length < 1; i++) if ((segments[i] as Segment).text.toLowerCase().includes(n)) out.push(i);
  return out;
}

const SECTION_RESET = /^(skills|technical skills|education|certifications?|licen[cs]es|languages|projects|summary|profile|interests|awards|publications)\b/i;

/** For each segment, the end of the dated block (a position's date range) it belongs to, if any. */
function segmentEnds(segments: readonly Segment[], count: number, nowIdx: number): (number | null)[] {
  const out: (number | null)[] = [];
  let current: number | null = null;
  for (let i = 0; i < segments.length; i++) {
    const text = (segments[i] as Segment).text;
    if (i >= count) {
      out.push(null);
      continue;
    }
    if (SECTION_RESET.test(text)) current = null;
    const ranges = textRanges(text, nowIdx);
    if (ranges.length) current = Math.max(...ranges.map((r) => r.end));
    out.push(current);
  }
  return out;
}

const DATE_WORDS = new RegExp(`^(?:${MON}|${NOW_WORDS.replace(/'/g, "")}|since|seit|desde|depuis|to|until|through|bis)$`, "i");

/** Whether a line with a date range also names the position ("2013 – 2024  Gymnasium teacher"). */
function hasOwnTitle(text: string): boolean {
  return fold(text).split(/[^\p{L}]+/u).filter((w) => w.length > 1 && !DATE_WORDS.test(w)).length >= 2;
}

/** A section's heading: "EXPERIENCE", "Previous career", "Skills:". */
const SECTION_HEADING = /^(?:[\p{Lu}\d&/ ,.'-]{3,40}|[\p{L} &/]{3,30}:)$/u;

const SUMMARY_HEADING = /^(summary|profile|professional summary|objective|about me|about)\b/i;

/**
 * Segments numbered by the part of the résumé they sit in: a new part starts at a line with a date
 * range (a position's heading) or at a section's heading. Answers each make a part of their own.
 */
function blocksOf(segments: readonly Segment[], count: number, nowIdx: number): number[] {
  const out: number[] = [];
  let b = 0;
  for (let i = 0; i < segments.length; i++) {
    const text = (segments[i] as Segment).text;
    if (i >= count || SECTION_RESET.test(text) || SECTION_HEADING.test(text) || textRanges(text, nowIdx).length > 0) b = b === 0 && SUMMARY_HEADING.test(text) ? 0 : b + 1;
    out.push(b);
  }
  return out;
}

/**
 * Whether a line after a position's heading starts another part of the résumé: a section's heading,
 * or a degree or course line ("Medical Billing & Coding Certificate, Hillsborough Community College"),
 * headed or not (a bullet, or a job at a school, stays in the position).
 */
function endsPosition(text: string): boolean {
  if (SECTION_RESET.test(text.trim()) || SECTION_HEADING.test(text)) return true;
  return !/^\s*[-–—•*▪·]/.test(text) && (SCHOOL_LINE.test(text) || degreeMentions(text, false).length > 0) && !JOB_AT_SCHOOL.test(text);
}

/**
 * A parsed position is often only a title and an employer; what the job involved is in the résumé's
 * lines under its heading. Each position found in the text takes the affirmed terms of its block:
 * from its heading to the next position's heading, or to a section such as Education or Skills.
 */
function addBlockTerms(experiences: Experience[], segments: readonly Segment[], segTerms: readonly Set<Term>[], count: number): void {
  const starts = [...new Set(experiences.flatMap((e) => (e.segs.length ? [Math.min(...e.segs)] : [])))].sort((a, b) => a - b);
  for (const e of experiences) {
    if (e.segs.length === 0) continue;
    const from = Math.min(...e.segs);
    const next = starts.find((s) => s > from) ?? count;
    for (let i = from + 1; i < Math.min(next, count); i++) {
      if (endsPosition((segments[i] as Segment).text)) break;
      for (const t of segTerms[i] ?? []) e.terms.add(t);
    }
  }
}

const PEOPLE_MANAGEMENT: Term = "@people_management";
const PEOPLE_NOUNS =
  "staff|employees|people|reports|managers|engineers|developers|nurses|associates|agents|representatives|reps|technicians|cooks|chefs|servers|workers|analysts|coordinators|supervisors|drivers|teachers|assistants|installers|electricians|operators|recruiters|designers|accountants|clerks|tellers|crew members|team members";
/**
 * People led, said with a head count: "Lead a sales force of 12 store managers", "restaurant manager
 * (team of 15)", "supervised 8 technicians". The vocabulary's phrases ("managed a team") miss these.
 */
const LED_PEOPLE = new RegExp(
  `\\b(lead|leads|led|leading|manag(?:e|es|ed|ing)|supervis(?:e|es|ed|ing)|oversee|oversees|oversaw|overseeing|direct(?:ed|s)?|head(?:ed|s)?)\\b[^.;]{0,40}?\\b(\\d{1,4}|${NUMBER_WORD_PATTERN})\\+?\\s+(?:[\\p{L}-]+\\s+){0,2}(${PEOPLE_NOUNS})\\b` +
    `|\\b(manager|supervisor|lead|led|leads|manag(?:e|es|ed|ing)|supervis(?:e|es|ed|ing)|head chef|chef de cuisine|foreman|superintendent|director)\\b[^.;]{0,60}?\\b(team|staff|crew|brigade) of (\\d{1,4}|${NUMBER_WORD_PATTERN})\\b` +
    `|${MANAGED_TEAM.source}`,
  "iu",
);
/** Leading the training, hiring or scheduling of people is not managing them; nor is never having led any. */
const NOT_LEADING = /\b(for|to|with|train\w*|onboard\w*|hir\w*|recruit\w*|interview\w*|schedul\w*|support\w*|serv\w*|teach\w*|taught|no|not|never|without)\b/i;
function ledPeople(text: string): boolean {
  const m = LED_PEOPLE.exec(fold(text));
  if (!m) return false;
  const before = fold(text).slice(Math.max(0, m.index - 30), m.index);
  return !NOT_LEADING.test(m[0].replace(/^\S+/, "")) && !/\b(no|not|never|without)\b/i.test(before);
}

/** "PMP — application approved; exam scheduled December 2026": a credential's line, its name then its stages. */
const NAME_THEN_STAGES = /^(.{2,80}?)(?::\s|\s[—–-]\s)(.+)$/;
const STAGE_PENDING = /\b(scheduled|booked|not yet (taken|sat|passed|applied|issued)|under review|pending|ongoing|enrolled|in progress|sitting the exam|approved to sit|eligibility approved|application approved|\d+ of \d+ (exam |exams |required )?(parts|sections|papers|exams|modules|units|hours)|\d+% complete)\b/i;
const STAGE_HELD = /\b(awarded|granted|issued (on|in)|conferred|in good standing|active (since|through|until)|valid (to|through|until))\b/i;

/**
 * The stages after a credential's name, separated by semicolons ("CPA: passed AUD and FAR (2025); REG
 * scheduled Dec 2026"): a stage still to come anywhere in them leaves the credential in progress, not
 * held, though each clause on its own reads as done.
 */
function stagesInProgress(text: string, stances: Map<Term, Stance>, needed: ReadonlySet<Term>): void {
  // Items of a line ("CSCS Black Card – Manager (exp. 06/2028) | SMSTS – expired, refresher booked") each have their own stages.
  for (const item of text.split(/\s[|•·▪]\s/)) {
    const m = NAME_THEN_STAGES.exec(item.replace(/^[\s•\-*·]+/, ""));
    if (!m || !STAGE_PENDING.test(fold(m[2] as string)) || STAGE_HELD.test(fold(m[2] as string))) continue;
    // The name is a credential's: a credential word, or written as one is (PMP, CPA, NVQ).
    if (!holdsCredential(m[1] as string)) continue;
    const named = termsOf(tokenize(m[1] as string), needed);
    for (const [t, st] of stances) if (st === "affirmed" && named.has(t)) stances.set(t, "progress");
  }
}

const INITIALS_SKIP = new Set(["of", "and", "for", "the", "in", "on", "&"]);

/**
 * Initials of the runs of capitalized words in a line ("Advanced Life Support" → "als", "Transport
 * Management System" → "tms"), as lower-case terms, so a criterion's acronym meets the name spelled out.
 */
function spelledOutInitials(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/\b\p{Lu}[\p{L}'-]*(?:\s+(?:(?:of|and|for|the|in|on|&)\s+)?\p{Lu}[\p{L}'-]*){1,5}/gu)) {
    const words = (m[0] as string).split(/\s+/).filter((w) => !INITIALS_SKIP.has(w.toLowerCase()));
    // A run that is already an acronym ("ICU RN") spells nothing out.
    if (words.length < 2 || words.some((w) => /^\p{Lu}{2,}$/u.test(w))) continue;
    out.push(words.map((w) => (w[0] as string).toLowerCase()).join(""));
  }
  return out;
}

function buildIndex(job: CompiledJob, candidate: CandidateInput, nowIdx: number): CandidateIndex {
  const resumeText = (candidate.resumeText ?? "").trim();
  const positions = candidate.positions ?? [];
  const schools = candidate.schools ?? [];
  const segments: Segment[] = resumeText ? segment(resumeText, "resume") : [];
  if (!resumeText) {
    for (const p of positions) {
      const line = positionLine(p);
      if (line) segments.push({ text: line, source: "parsed" });
    }
    for (const s of schools) {
      const line = schoolLine(s);
      if (line) segments.push({ text: line, source: "parsed" });
    }
  }
  const contentCount = segments.length;
  const answers: CandidateIndex["answers"] = [];
  for (const a of candidate.answers ?? []) {
    const answer = (a.answer ?? "").trim();
    if (!answer) continue;
    const yn = YES_NO.exec(answer);
    const question = (a.question ?? "").trim();
    if (answer.length <= 200) {
      answers.push({
        question: termsOf(tokenize(question), job.needed),
        asked: question,
        topics: topicsOf(fold(question)),
        negative: polarity(question),
        yes: yn ? /^(yes|y|true)$/i.test(yn[1] as string) : null,
        answer,
        quote: `${question} — ${answer}`,
      });
    }
    if (!yn || answer.length > 40) segments.push({ text: answer, source: "answer" });
  }
  // Acronyms the criteria write in capitals (ALS, TMS): "Advanced Life Support" in a résumé is the ALS asked for.
  const acronyms = new Set(job.criteria.flatMap((c) => [...fold(c.input.text).matchAll(/\b(\p{Lu}{3,6})\b/gu)].map((m) => (m[1] as string).toLowerCase())));
  const asksPeople = job.needed.has(PEOPLE_MANAGEMENT);
  const segStances = segments.map((s) => {
    const stances = stancesOf(s.text, job.needed, nowIdx);
    stagesInProgress(s.text, stances, job.needed);
    if (asksPeople && !stances.has(PEOPLE_MANAGEMENT) && ledPeople(s.text)) stances.set(PEOPLE_MANAGEMENT, "affirmed");
    if (acronyms.size === 0) return stances;
    for (const initials of spelledOutInitials(s.text)) {
      const term = stem(initials);
      if (acronyms.has(initials) && job.needed.has(term) && !stances.has(term)) stances.set(term, "affirmed");
    }
    return stances;
  });
  // Lines under an "Interests" or "Outside the kitchen" heading are pastimes, not experience.
  let pastime = false;
  for (let i = 0; i < contentCount; i++) {
    const text = (segments[i] as Segment).text;
    if (SECTION_HEADING.test(text.trim()) || SECTION_RESET.test(text.trim()) || PASTIME_SECTION.test(fold(text).trim().replace(/[:\s]+$/, ""))) {
      pastime = PASTIME_SECTION.test(fold(text).trim().replace(/[:\s]+$/, ""));
      continue;
    }
    if (!pastime) continue;
    const own = segStances[i] as Map<Term, Stance>;
    for (const [t, st] of own) if (st === "affirmed") own.set(t, "exposure");
  }
  // A line about a class or course project is exposure throughout, not only next to the aside that says
  // so: "Mini-C compiler (course project): … written in C", "Web app (Cloud Computing class): deployed on AWS".
  for (let i = 0; i < contentCount; i++) {
    if (!COURSE_LINE.test((segments[i] as Segment).text)) continue;
    const own = segStances[i] as Map<Term, Stance>;
    for (const [t, st] of own) if (st === "affirmed") own.set(t, "exposure");
  }
  // Flattened columns put a short qualifier on the next line: "Backflow Tester" / "(cert. lapsed 2024)",
  // "Medical gas (ASSE 6010)" / "– planning to take 2027".
  for (let i = 1; i < contentCount; i++) {
    const text = (segments[i] as Segment).text;
    const prev = (segments[i - 1] as Segment).text;
    if (!/^(?:\(|[-–—]\s)/.test(text) || wordCount(text) > 6 || wordCount(prev) > 6) continue;
    const merged = stancesOf(`${prev} ${text}`, job.needed, nowIdx);
    const own = segStances[i - 1] as Map<Term, Stance>;
    for (const [t, st] of own) {
      const m = merged.get(t);
      if (st === "affirmed" && m && m !== "affirmed") own.set(t, m);
    }
  }
  const segTerms = segStances.map((m) => new Set([...m].flatMap(([t, st]) => (st === "affirmed" ? [t] : []))));
  const all = new Set<Term>();
  for (const t of segTerms) for (const x of t) all.add(x);
  const partial = new Map<Term, Mention>();
  const negative = new Map<Term, Mention>();
  const lapsed = new Set<Term>();
  segStances.forEach((m, i) => {
    // "6G pipe — tested 2022; continuity lapsed": a lapse anywhere in a line that does not also call it current.
    // Not one in brackets after another name ("Kyriba (expired trial licence)").
    let lineLapsed: boolean | null = null;
    for (const [t, st] of m) {
      if (lineLapsed === null && st !== "lapsed") {
        const line = fold((segments[i] as Segment).text).replace(/\([^)]*\)/g, " ");
        lineLapsed = LAPSE_IN_LINE.test(line) && !CURRENT_IN_LINE.test(line);
      }
      if (st === "lapsed" || lineLapsed) lapsed.add(t);
      if (all.has(t) || st === "affirmed") continue;
      const into = isPartialStance(st) ? partial : isNegativeStance(st) ? negative : null;
      if (!into) continue;
      const prev = into.get(t);
      if (prev) prev.segs.push(i);
      else into.set(t, { stance: st, segs: [i] });
    }
  });
  for (const t of partial.keys()) negative.delete(t);
  const words = resumeText ? resumeText.split(/\s+/).length : segments.slice(0, contentCount).join(" ").split(/\s+/).length;
  const segEnd = segmentEnds(segments, contentCount, nowIdx);
  const block = blocksOf(segments, contentCount, nowIdx);
  // Enough to say what is missing: a real body of text, or dated work history.
  const datedLines = segEnd.some((e) => e !== null);
  const substantive =
    words >= 40 || positions.length >= 2 || (positions.length >= 1 && schools.length >= 1) || (datedLines && words >= 20) || (words >= 12 && degreeMentions(resumeText, false).length > 0 && datedLines);
  const latest = [...positions].sort((a, b) => (monthIndex(b.start) ?? 0) - (monthIndex(a.start) ?? 0))[0];
  const headerLines = resumeText ? segments.slice(0, Math.min(6, contentCount)).map((s) => s.text) : [];
  const otherPlaceLines = [...(candidate.answers ?? []).map((a) => `${a.answer ?? ""}`), ...(latest?.location ? [latest.location] : [])];

  const experiences: Experience[] = [];
  const statedYears: CandidateIndex["statedYears"] = [];
  let datedExperience = false;
  if (job.needsDates) {
    for (const p of positions) {
      const interval = positionInterval(p, nowIdx);
      if (!interval) continue;
      const text = [p.title, p.org, p.summary].filter(Boolean).join("\n");
      const segs = resumeText
        ? [...findSegments(segments, p.title, contentCount), ...findSegments(segments, p.org, contentCount)]
        : segments.flatMap((s, i) => (i < contentCount && s.text === positionLine(p) ? [i] : []));
      experiences.push({
        interval,
        terms: termsOf(tokenize(text), job.needed),
        titleTerms: p.title ? termsOf(tokenize(p.title), job.needed) : null,
        training: TRAINING_TITLE.test(p.title ?? ""),
        apprentice: APPRENTICE_TITLE.test(p.title ?? ""),
        student: STUDENT_TITLE.test(p.title ?? ""),
        label: positionLine(p).split(":")[0] ?? "",
        segs: [...new Set(segs)],
      });
    }
    if (resumeText) addBlockTerms(experiences, segments, segTerms, contentCount);
    if (experiences.length === 0 && resumeText) {
      // No parsed dates: date ranges written in the résumé. A range on a line of its own dates the
      // title above it; a range beside a title ("2013 – 2024  Gymnasium teacher") dates its own line.
      // Each block runs to the next one, or to a section such as Education or Skills.
      const starts: { seg: number; intervals: Interval[]; titled: boolean }[] = [];
      for (let i = 0; i < contentCount; i++) {
        const text = (segments[i] as Segment).text;
        const iv = textRanges(text, nowIdx);
        if (iv.length) starts.push({ seg: i, intervals: iv, titled: hasOwnTitle(text) });
      }
      starts.forEach((s, k) => {
        // The line above the first position is often the résumé's headline ("Hotel Operations
        // Manager"), which names the current role too.
        const from = s.titled && k > 0 ? s.seg : Math.max(0, s.seg - 1);
        const next = starts[k + 1];
        let to = next ? next.seg - (next.titled ? 1 : 2) : contentCount - 1;
        for (let i = s.seg + 1; i <= to; i++) {
          const text = (segments[i] as Segment).text;
          if (endsPosition(text)) {
            to = i - 1;
            break;
          }
        }
        const head = [s.titled ? s.seg : from, s.seg].filter((i, n, all) => all.indexOf(i) === n).map((i) => (segments[i] as Segment).text).join(" ");
        // Education blocks are not experience; a teacher's or school nurse's job at a school is.
        if ((SCHOOL_LINE.test(head) || degreeMentions(head, false).length) && !JOB_AT_SCHOOL.test(head)) return;
        const terms = new Set<Term>();
        for (let i = from; i <= Math.max(to, s.seg); i++) for (const t of segTerms[i] ?? []) terms.add(t);
        const titleTerms = new Set([...(segTerms[s.seg] ?? [])]);
        for (const interval of s.intervals) experiences.push({ interval, terms, titleTerms, training: TRAINING_TITLE.test(head), apprentice: APPRENTICE_TITLE.test(head), student: STUDENT_TITLE.test(head), label: (segments[s.seg] as Segment).text, segs: [s.seg] });
      });
    }
    datedExperience = experiences.length > 0;
    segments.forEach((s, i) => {
      const found = [...s.text.matchAll(STATED_YEARS_RE)];
      for (const m of found) {
        const n = parseCount(m[1] as string);
        if (n === null || n <= 0 || n > 50) continue;
        const at = m.index ?? 0;
        const from = Math.max(...[";", ".", "|", "•"].map((sep) => s.text.lastIndexOf(sep, at))) + 1;
        // Several figures in one line ("5 years of SQL; 10 years in retail") each go with their own clause.
        const ends = [";", "|", "•"].map((sep) => s.text.indexOf(sep, at)).filter((e) => e >= 0);
        const clause = found.length > 1 ? s.text.slice(from, ends.length ? Math.min(...ends) : s.text.length) : null;
        // "Nearly 5 years", "almost 3 years": short of the number.
        const short = /\b(nearly|almost|close to|just under|under|less than|approaching)\s*$/i.exec(s.text.slice(from, at));
        statedYears.push({ years: short ? n - 0.5 : n, written: `${short ? short[0] : ""}${m[0]}`.trim(), seg: i, terms: clause === null ? (segTerms[i] ?? new Set()) : termsOf(tokenize(clause), job.needed) });
      }
    });
  }

  const degrees: Degree[] = [];
  for (const s of schools) {
    const line = schoolLine(s);
    const level = highestLevel(degreeMentions([s.degree, s.field].filter(Boolean).join(" "), true));
    const segs = resumeText
      ? [...findSegments(segments, s.degree, contentCount), ...findSegments(segments, s.field, contentCount), ...findSegments(segments, s.org, contentCount)]
      : segments.flatMap((x, i) => (i < contentCount && x.text === line ? [i] : []));
    const endIdx = monthIndex(s.end);
    const parsed = [s.degree, s.field, s.summary].filter(Boolean).join(" ");
    // "BA History — University of Leeds — 2013–2015, did not complete": the parser keeps the degree, the line does not.
    const ownLines = [...new Set(segs)].map((i) => (segments[i] as Segment).text).filter((t) => !s.org || t.includes(s.org));
    // "MBA (online), Syracuse University — in progress, 2 of 4 terms complete": the line says what the parser's missing end does not.
    const ongoing = (endIdx !== null && endIdx > nowIdx) || inProgressLine(parsed) || (endIdx === null && ownLines.some((t) => inProgressLine(t)));
    const left = !ongoing && [parsed, ...ownLines].some((t) => LEFT_STUDY.test(fold(t)) && !IN_PROGRESS_NOTE.test(fold(t)));
    const inProgress = ongoing || (!left && UNFINISHED.test(fold(parsed)));
    const named = glossField(withoutMinor([s.degree, s.field].filter(Boolean).join(" ")));
    degrees.push({ level, inProgress, abandoned: left, terms: termsOf(tokenize(named), job.needed), families: fieldFamilies(named), label: line, segs: [...new Set(segs)].slice(0, 2) });
  }
  for (let i = 0; i < contentCount; i++) {
    const seg = segments[i] as Segment;
    if (seg.source !== "resume") continue;
    const level = highestLevel(degreeMentions(seg.text, false));
    if (level === null) continue;
    // "MBA — no. Not planning one." names a degree the candidate does not have.
    if (DEGREE_DENIED.test(fold(seg.text))) continue;
    // "Education: BFA Painting": the section's name is not the field of study; nor is a minor.
    const ownText = withoutMinor(seg.text.replace(/^\s*education\s*[:\-–—]?/i, ""));
    const glossed = glossField(ownText);
    const terms = /^\s*education\b/i.test(seg.text) || glossed !== seg.text ? termsOf(tokenize(glossed), job.needed) : new Set(segTerms[i]);
    // "Bachelor of Science" on one line and the major on the next is common.
    const next = segments[i + 1];
    const withNext = next && i + 1 < contentCount && next.text.length < 80;
    if (withNext) for (const t of segTerms[i + 1] ?? []) terms.add(t);
    const families = fieldFamilies(glossed);
    // The major on the next line counts only when the degree's own line names no field.
    if (withNext && families.size === 0) for (const f of fieldFamilies(next.text)) families.add(f);
    const futureYear = [...seg.text.matchAll(/\b(20\d{2})\b/g)].some((m) => Number(m[1]) * 12 > nowIdx);
    const ongoing = inProgressLine(seg.text) || futureYear;
    const left = !ongoing && LEFT_STUDY.test(fold(seg.text)) && !IN_PROGRESS_NOTE.test(fold(seg.text));
    degrees.push({ level, inProgress: ongoing || (!left && UNFINISHED.test(fold(seg.text))), abandoned: left, terms, families, label: seg.text, segs: [i] });
  }

  return {
    segments,
    segTerms,
    all,
    partial,
    negative,
    lapsed,
    segEnd,
    block,
    nowIdx,
    hasContent: contentCount > 0,
    substantive,
    headerLines,
    otherPlaceLines,
    experiences,
    datedExperience,
    degrees,
    answers,
    statedYears,
  };
}

// ---------------------------------------------------------------- verdicts

function hasIn(set: ReadonlySet<Term>, all?: ReadonlySet<Term>): (t: Term) => boolean {
  return (t) => {
    if (set.has(t)) return true;
    // A résumé that establishes a specific concept (RN) makes its broader mentions (nurse) count for it.
    if (all && isConceptTerm(t) && all.has(t)) return impliedTerms(t).some((i) => set.has(i));
    return false;
  };
}

/** Segments that quote the matched terms: greedy cover, at most `max`, in résumé order. */
function evidenceFor(index: CandidateIndex, terms: readonly Term[], max = 2): number[] {
  const wanted = new Set(terms.filter((t) => index.all.has(t)));
  const chosen: number[] = [];
  while (wanted.size > 0 && chosen.length < max) {
    let best = -1;
    let bestScore = 0;
    index.segTerms.forEach((st, i) => {
      if (chosen.includes(i)) return;
      let score = 0;
      for (const t of wanted) if (st.has(t)) score += isConceptTerm(t) ? 3 : 1;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) break;
    chosen.push(best);
    for (const t of [...wanted]) if (index.segTerms[best]?.has(t)) wanted.delete(t);
  }
  return chosen.sort((a, b) => a - b);
}

function quotes(index: CandidateIndex, segs: readonly number[]): string[] {
  return [...new Set(segs)].sort((a, b) => a - b).map((i) => (index.segments[i] as Segment).text);
}

const fmtYears = (months: number) => {
  const y = Math.round((months / 12) * 10) / 10;
  return `${y} year${y === 1 ? "" : "s"}`;
};

/** Terms are stems ("recruit", "cycl"); reasons name them as the recruiter wrote them ("recruiting", "cycle"). */
/** A criterion's labels are worked out once per job, not once per candidate. */
const labellers = new WeakMap<CompiledCriterion, (t: Term) => string>();
function labeller(c: CompiledCriterion): (t: Term) => string {
  let label = labellers.get(c);
  if (!label) labellers.set(c, (label = makeLabeller(c)));
  return label;
}

/**
 * Shorthand in degree criteria: "Degree in CM, civil eng. or architecture"; a social-work degree
 * named by its letters ("MSW"), which asks for that field at its level. (MSN, MPH and M.Ed. were
 * tried the same way and cost a pair on the held-out sets.)
 */
const FIELD_DEGREES: Readonly<Record<string, string>> = { MSW: "social work", BSW: "social work" };
function expandShorthand(text: string): string {
  return text
    .replace(/\beng\.(?=\s|,|$)/gi, "engineering")
    .replace(/\bCM\b/g, "construction management")
    .replace(/\b(MSW|BSW)(?=\s|,|$)/g, (m) => FIELD_DEGREES[m] ?? m);
}

function makeLabeller(c: CompiledCriterion): (t: Term) => string {
  const words = new Map<string, string>();
  // The criterion's own words first; the words its shorthand stands for after them.
  for (const token of [...tokenize(c.input.text), ...tokenize(expandShorthand(c.input.text))]) if (!words.has(token.stem)) words.set(token.stem, displayWord(/^\p{Lu}/u.test(token.raw) && token.raw.length <= 5 ? token.raw : token.lower));
  // "Non-sterile" is one word to match ("nonsterile"), written as the criterion writes it.
  for (const m of fold(c.input.text).matchAll(/\bnon-(\p{L}{3,})/giu)) words.set(stem(`non${(m[1] as string).toLowerCase()}`), m[0].toLowerCase());
  // "J.D.", "D.C." are one word to match ("jd"), written with their dots.
  for (const m of fold(c.input.text).matchAll(/(?<![\p{L}.])((?:\p{L}\.){2,3})(?![\p{L}])/gu)) words.set(stem((m[1] as string).replace(/\./g, "").toLowerCase()), m[1] as string);
  // A concept is named by the words the criterion wrote for it ("HRIS", "Clinical"), not by its id.
  const tokens = tokenize(c.input.text);
  for (const occ of termOccurrences(tokens, requirementTerms(c.req))) {
    if (!isConceptTerm(occ.term) || occ.implied || words.has(occ.term)) continue;
    // As written, but for the capital a criterion's first word has ("Clinical triage").
    const raw = tokens.slice(occ.start, occ.end).map((t, k) => displayWord(occ.start + k > 0 || /^\p{Lu}{2}/u.test(t.raw) ? t.raw : t.lower));
    words.set(occ.term, raw.join(" "));
  }
  // "itil#4" is "ITIL 4", "level#2" is "Level II", as the criterion writes them.
  for (const t of requirementTerms(c.req)) {
    if (!t.includes("#") || words.has(t)) continue;
    const [word, num] = t.split("#") as [string, string];
    const roman = ["", "I", "II", "III", "IV", "V"][Number(num)] ?? num;
    const written = new RegExp(`\\b${word}[\\s-]*(?:${num}|${roman})\\b`, "i").exec(fold(c.input.text));
    words.set(t, written ? written[0] : `${word} ${num}`);
  }
  return (t) => words.get(t) ?? displayWord(termLabel(t));
}

function describe(req: Requirement, label: (t: Term) => string): string {
  return [...requirementTerms(req)].map(label).join(", ");
}

/**
 * "5-axis machining" with "3-axis mills", "12-lead ECG" with "3-lead monitoring": the number names the
 * kind, and the résumé names another one.
 */
function otherNumberedKind(missing: readonly Term[], index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  for (const t of missing) {
    const [kind, num] = t.split("#");
    if (!kind || !num || !NUMBERED_KINDS.has(kind)) continue;
    const re = new RegExp(`\\b(\\d{1,3})[-\\s]${kind}s?\\b`, "i");
    const i = index.segments.findIndex((s) => {
      const m = re.exec(s.text);
      return m !== null && m[1] !== num;
    });
    if (i >= 0) return { verdict: "NOT_MET", evidence: quotes(index, [i]), reason: `Mentions another kind (${re.exec((index.segments[i] as Segment).text)?.[0]}), not ${num}-${kind}.` };
  }
  return null;
}

/** "Class A CDL", "CDL Class B", "Class-C licence": a driving licence's class, A above B above C. */
const LICENCE_CLASS = /\bclass[\s-]?([a-e])\b/gi;

/**
 * A driving licence of a lower class than the one asked ("Class B CDL" for "Class A CDL") is not it; a
 * higher class covers the lower ones. Only for criteria about a driving licence.
 */
function licenceClassVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (!/\b(cdl|licen[cs]e|driv\w*)\b/i.test(c.input.text)) return null;
  const asked = [...c.input.text.matchAll(LICENCE_CLASS)].map((m) => (m[1] as string).toUpperCase());
  if (asked.length !== 1) return null;
  const want = asked[0] as string;
  const held: { letter: string; seg: number }[] = [];
  index.segments.forEach((seg, i) => {
    if (!/\b(cdl|licen[cs]e|driv\w*)\b/i.test(seg.text)) return;
    for (const m of seg.text.matchAll(LICENCE_CLASS)) held.push({ letter: (m[1] as string).toUpperCase(), seg: i });
  });
  if (held.length === 0 || held.some((h) => h.letter === want)) return null;
  const higher = held.find((h) => h.letter < want);
  if (higher) return { verdict: "MET", evidence: quotes(index, [higher.seg]), reason: `Holds a Class ${higher.letter} licence, which covers the Class ${want} asked.` };
  const lower = held[0] as (typeof held)[number];
  return { verdict: "NOT_MET", evidence: quotes(index, [lower.seg]), reason: `Holds a Class ${lower.letter} licence, below the Class ${want} asked.` };
}

/**
 * "Certified Medical Assistant (CMA or RMA)" with "Brianna Lopez, CMA (AAMA)" and a Medical Assistant
 * job: of the names a credential goes by, the one the résumé holds as a credential is the one to read.
 */
function credentialAlternative(c: CompiledCriterion, g: Group, index: CandidateIndex): number | null {
  if (!c.needsCredential || g.length < 2) return null;
  const k = g.findIndex((alt) => {
    const need = weightyTerms(alt);
    return index.segTerms.some((st, i) => need.every((t) => st.has(t)) && holdsCredential((index.segments[i] as Segment).text));
  });
  return k >= 0 ? k : null;
}

/** A line that holds a credential: a credential word, or the credential written as one is (CPA, RN); a state after a city ("Vancouver, WA") is not one. */
function holdsCredential(text: string): boolean {
  return CREDENTIAL_WORD.test(fold(text)) || WRITTEN_AS_CREDENTIAL.test(text.replace(/,\s*\p{Lu}{2}\b/gu, " "));
}

function keywordVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> {
  if (c.req.length === 0) return { verdict: "UNKNOWN", evidence: [], reason: "Nothing in this criterion the local engine can check; review it by hand." };
  // "High school diploma or equivalent": a finished college degree comes after one.
  if (HIGH_SCHOOL_DIPLOMA.test(c.input.text)) {
    const degree = index.degrees.find((d) => d.level !== null && !d.inProgress && !d.abandoned);
    if (degree) return { verdict: "MET", evidence: quotes(index, degree.segs).slice(0, 1), reason: `Has ${degree.label}, which comes after a high school diploma.` };
  }
  const label = labeller(c);
  const cov = coverage(c.req, (t) => index.all.has(t));
  const matched: Term[] = [];
  const missing: Term[] = [];
  c.req.forEach((g, gi) => {
    for (const t of weightyTerms(g[credentialAlternative(c, g, index) ?? cov.best[gi] ?? 0] ?? [])) (index.all.has(t) ? matched : missing).push(t);
  });
  const evidence = quotes(index, evidenceFor(index, matched, 2));
  // Precision first: a named credential needs every word of its name, and a concept with one
  // qualifier ("medical translation", "retail pharmacy") needs the qualifier too.
  const plainMissing = missing.filter((t) => !isConceptTerm(t) && !t.includes("#") && !GENERIC_WORDS.has(t));
  const plainTotal = [...matched, ...missing].filter((t) => !isConceptTerm(t) && !t.includes("#") && !GENERIC_WORDS.has(t)).length;
  // A missing word the résumé speaks of only as in progress, exposure or lapsed ("Black Belt training
  // in progress" beside a Green Belt) is not met by the other words of the name.
  const spokenOfOtherwise = missing.some((t) => index.partial.has(t) || index.negative.has(t));
  const otherKind = otherNumberedKind(missing, index) ?? licenceClassVerdict(c, index);
  if (otherKind) return otherKind;
  const strictMiss = (c.needsCredential && missing.length > 0) || (plainMissing.length > 0 && plainTotal <= 2) || spokenOfOtherwise;
  const belt = beltVerdict(c, index) ?? passedStageVerdict(c, index) ?? credentialLevelVerdict(c, index);
  if (belt) return belt;
  const apart = cov.min >= MET_AT && evidence.length > 0 && !strictMiss ? scatteredGroup(c.req, index) : null;
  if (apart) return apart(c.input.text.trim());
  if (cov.min >= MET_AT && evidence.length > 0 && !strictMiss) {
    const otherState = otherStateVerdict(c, index, matched, label) ?? limitedStatusVerdict(c, index, matched, label) ?? assistantVerdict(c, index, matched, label);
    if (otherState) return otherState;
    // Lapsed somewhere, and not held whole on another line that says nothing of a lapse ("NC OTA license,
    // active through 2027" beside "Virginia OTA license (inactive since 2022)").
    const heldCurrent = index.segTerms.some((st, i) => {
      const text = (index.segments[i] as Segment).text;
      return matched.every((t) => st.has(t)) && holdsCredential(text) && CURRENT_IN_LINE.test(fold(text)) && !LAPSE_IN_LINE.test(fold(text));
    });
    const lapsedOnly = c.needsCurrent && matched.some((t) => index.lapsed.has(t)) && !heldCurrent;
    if (lapsedOnly) {
      const segs = matched.flatMap((t) => index.segTerms.flatMap((st, i) => (st.has(t) ? [i] : [])));
      return { verdict: "NOT_MET", evidence: quotes(index, segs).slice(0, 2), reason: `Mentions ${matched.map(label).join(", ")} as expired or inactive; a current one is asked.` };
    }
    const recency = recencyVerdict(c, index, matched, label) ?? currentVerdict(c, index, matched, label);
    if (recency) return recency;
    // "Forklift: trained on the job, but no certification card": the thing, without the credential asked.
    if (c.needsCredential) {
      const denial = quotes(index, evidenceFor(index, matched, 3)).find((q) => CREDENTIAL_DENIED.test(fold(q)));
      if (denial) return { verdict: "NOT_MET", evidence: [denial], reason: `Mentions ${matched.map(label).join(", ")}, but says there is no certificate or licence for it.` };
      // "Agile" in a skills line is not an Agile certification: the thing needs a credential word
      // beside it, unless it is written as a credential is (CSM, CPA, Security+).
      const lines = index.segTerms.flatMap((st, i) => (matched.some((t) => st.has(t)) ? [i] : []));
      const texts = lines.map((i) => (index.segments[i] as Segment).text);
      // Written as a credential is (CSM, CPA, RN, Security+); a state after a city ("Vancouver, WA") is not one.
      const abbreviated = texts.some((q) => WRITTEN_AS_CREDENTIAL.test(q.replace(/,\s*\p{Lu}{2}\b/gu, " ")));
      const credentialLine = lines.find((i) => CREDENTIAL_WORD.test(fold((index.segments[i] as Segment).text)));
      // A credential's name is written in one place: "ServSafe Food Handler" and a "Kitchen Manager" job
      // elsewhere are not a ServSafe Manager certificate; "Certified Kubernetes Application Developer"
      // and a "Linux administrator" job are not the Kubernetes Administrator one.
      // The words of the name as the criterion capitalizes them ("Pennsylvania teaching certification in
      // Mathematics" names a subject, not a credential called that).
      const capitalized = termsOf(tokenize((c.input.text.match(/\b\p{Lu}[\p{L}\d+#-]*/gu) ?? []).join(" ")), new Set(matched));
      const named = matched.filter((t) => capitalized.has(t) && !isPlaceTerm(t));
      const whole = (i: number) => named.every((t) => (index.segTerms[i] as Set<Term>).has(t));
      if (named.length >= 2 && !index.segTerms.some((_, i) => whole(i) && (CREDENTIAL_WORD.test(fold((index.segments[i] as Segment).text)) || WRITTEN_AS_CREDENTIAL.test((index.segments[i] as Segment).text)))) {
        const shown = credentialLine ?? lines[0];
        const inLine = shown === undefined ? [] : named.filter((t) => (index.segTerms[shown] as Set<Term>).has(t));
        const elsewhere = named.filter((t) => !inLine.includes(t));
        if (shown !== undefined && inLine.length > 0 && elsewhere.length > 0) {
          return { verdict: "PARTLY_MET", evidence: quotes(index, [shown]), reason: `Mentions ${inLine.map(label).join(", ")} here and ${elsewhere.map(label).join(", ")} elsewhere, not one credential with the name asked.` };
        }
      }
      if (credentialLine !== undefined) return { verdict: "MET", evidence: quotes(index, [credentialLine]), reason: `Mentions ${matched.map(label).join(", ")}.` };
      if (!abbreviated) return { verdict: "PARTLY_MET", evidence, reason: `Mentions ${matched.map(label).join(", ")}, but no certificate or licence for it.` };
    }
    return { verdict: "MET", evidence, reason: `Mentions ${matched.map(label).join(", ")}.` };
  }
  // Mentioned, but only as coursework, in progress, expired, a comparable tool, or on the way to it.
  // "Familiarity with X", "basic X": exposure is what is asked.
  if (c.exposureOk) {
    const covExposure = coverage(c.req, (t) => index.all.has(t) || index.partial.get(t)?.stance === "exposure");
    if (covExposure.min >= MET_AT) {
      const segs = [...requirementTerms(c.req)].flatMap((t) => index.partial.get(t)?.segs.slice(0, 1) ?? []);
      return { verdict: "MET", evidence: quotes(index, [...evidenceFor(index, matched, 1), ...segs]).slice(0, 2), reason: `Mentions ${describe(c.req, label)} at the level asked.` };
    }
  }
  const partialHas = (t: Term) => index.all.has(t) || index.partial.has(t) || progressTowards(t).some((p) => index.all.has(p));
  const comparableOf = (t: Term) => [...comparableTerms(t)].find((x) => index.all.has(x));
  const covPartial = coverage(c.req, (t) => partialHas(t) || comparableOf(t) !== undefined);
  if (covPartial.min >= MET_AT) {
    const notes: string[] = [];
    const segs: number[] = [...evidenceFor(index, matched, 1)];
    for (const t of requirementTerms(c.req)) {
      if (index.all.has(t)) continue;
      const m = index.partial.get(t);
      if (m && !(m.stance === "exposure" && comparableOf(t))) {
        if (c.needsCurrent && m.stance === "lapsed") {
          return { verdict: "NOT_MET", evidence: quotes(index, m.segs).slice(0, 2), reason: `Mentions ${label(t)} ${STANCE_WORDS.lapsed}; a current one is asked.` };
        }
        // Familiarity, a course or a home lab is not the experience a criterion asks for (it is
        // when the criterion asks for familiarity, handled above).
        if (m.stance === "exposure" && !comparableOf(t)) {
          return { verdict: "NOT_MET", evidence: quotes(index, m.segs).slice(0, 2), reason: `Mentions ${label(t)} ${STANCE_WORDS.exposure}, not as experience.` };
        }
        notes.push(`${label(t)} ${STANCE_WORDS[m.stance as Exclude<Stance, "affirmed">]}`);
        segs.push(...m.segs.slice(0, 1));
        continue;
      }
      const towards = progressTowards(t).find((p) => index.all.has(p));
      if (towards) {
        notes.push(`${termLabel(towards).toUpperCase()}, on the way to ${label(t)}`);
        segs.push(...evidenceFor(index, [towards], 1));
        continue;
      }
      const comp = comparableOf(t);
      if (comp) {
        notes.push(`${displayWord(termLabel(comp))} (comparable to ${label(t)}, not the same)`);
        segs.push(...evidenceFor(index, [comp], 1));
      }
    }
    if (notes.length) return { verdict: "PARTLY_MET", evidence: quotes(index, segs).slice(0, 2), reason: `Mentions ${notes.join("; ")}.` };
  }
  // Part of the words of an availability criterion ("supplier audits" of "willing to travel for supplier
  // audits") says nothing of the availability asked.
  if (!SCHEDULE.test(c.input.text) && (cov.mean >= PARTLY_AT || cov.groups.some((g) => g >= MET_AT)) && evidence.length > 0) {
    const other = headWithoutModifier(c, cov.best, index);
    if (other && index.substantive) {
      // "Inpatient coding" opens the criterion: its first word is capitalized as a sentence's is.
      const modifier = displayWord(other.modifier.replace(/^\p{Lu}(?!\p{Lu})/u, (ch) => ch.toLowerCase()));
      return {
        verdict: "NOT_MET",
        evidence,
        reason: `Mentions ${displayWord(other.head)}, but not ${modifier} ${displayWord(other.head)}: without “${modifier}” it is another kind.`,
      };
    }
    // "Experience supporting macOS" with "supporting" found: the named thing asked (a product, an
    // acronym) is what the criterion is about; the words around it found alone are a keyword trap.
    const namedAsked = namedTerms(c.input.text, [...matched, ...missing]);
    const plainFound = matched.every((t) => !namedAsked.has(t) && !isConceptTerm(t) && !t.includes("#"));
    if (index.substantive && !c.offResume && namedAsked.size > 0 && plainFound && missing.some((t) => namedAsked.has(t))) {
      return {
        verdict: "NOT_MET",
        evidence: [],
        reason: `No mention of ${missing.filter((t) => namedAsked.has(t)).map(label).join(", ")}; ${matched.map(label).join(", ")} alone is not what is asked.`,
      };
    }
    // "Salesforce Administrator certification" with Salesforce work, "SPHR or SHRM-SCP" with a SHRM-CP:
    // the words missing come after those found, in the credential's own name. That is another
    // credential, not part of this one (an issuer or a place missing is not: "PRC-licensed").
    const tail = c.needsCredential && index.substantive ? nameTail(c.input.text, matched, missing) : null;
    if (tail) {
      return { verdict: "NOT_MET", evidence, reason: `Mentions ${matched.map(label).join(", ")}, not the ${tail.map(label).join(", ")} credential asked.` };
    }
    // "Dale Fisher — Electrician" and nothing else cannot show whether the licence is a journeyman's.
    if (!index.substantive) {
      return { verdict: "UNKNOWN", evidence, reason: `Mentions ${matched.map(label).join(", ")}; the résumé is too short to tell about ${missing.map(label).join(", ")}.` };
    }
    return {
      verdict: "PARTLY_MET",
      evidence,
      reason: `Mentions ${matched.map(label).join(", ")}; nothing found for ${missing.map(label).join(", ")}.`,
    };
  }
  // Said in so many words: "no Salesforce experience yet", "interested in learning Go".
  const negHas = (t: Term) => index.all.has(t) || index.negative.has(t);
  if (coverage(c.req, negHas).min >= MET_AT) {
    const neg = [...requirementTerms(c.req)].map((t) => index.negative.get(t)).find((m) => m !== undefined);
    if (neg) {
      const how = neg.stance === "wanted" ? "wants to learn it" : "says they do not have it";
      return { verdict: "NOT_MET", evidence: quotes(index, neg.segs).slice(0, 1), reason: `Mentions ${describe(c.req, label)}, but ${how}.` };
    }
  }
  if (c.offResume) return { verdict: "UNKNOWN", evidence: [], reason: "Résumés rarely state this; ask the candidate." };
  if (!index.substantive) return { verdict: "UNKNOWN", evidence: [], reason: `The résumé is too short to tell whether the candidate has ${describe(c.req, label)}.` };
  // "Scala: estudando (curso online)" for "Scala in production": the line that speaks of it is the evidence.
  // Only when what it speaks of is the criterion's subject: not a broad word beside a named thing not found.
  const terms = [...requirementTerms(c.req)];
  const spoken = terms.flatMap((t) => {
    const m = GENERIC_SET.has(t) || LIGHT_SET.has(t) ? undefined : (index.partial.get(t) ?? index.negative.get(t));
    return m ? [{ t, m }] : [];
  })[0];
  const rest = spoken ? terms.filter((t) => t !== spoken.t && !index.all.has(t)) : [];
  if (spoken && !rest.some((t) => isConceptTerm(t) || t.includes("#"))) {
    const how = STANCE_WORDS[spoken.m.stance as Exclude<Stance, "affirmed">];
    // A stage of the credential's own path done ("Bar: passed the UBE; admission pending") is partly met.
    if (spoken.m.stance === "progress" && c.needsCredential) {
      return { verdict: "PARTLY_MET", evidence: quotes(index, spoken.m.segs).slice(0, 1), reason: `Mentions ${label(spoken.t)} ${how}${rest.length ? `; nothing found for ${rest.map(label).join(", ")}` : ""}.` };
    }
    return { verdict: "NOT_MET", evidence: quotes(index, spoken.m.segs).slice(0, 1), reason: `Mentions ${label(spoken.t)} ${how}${rest.length ? `; nothing found for ${rest.map(label).join(", ")}` : ""}.` };
  }
  // "Strong parent communication skills", "Mentoring junior developers", "Empathy with distressed
  // callers": a trait of how someone works, which a résumé that does not mention it has not denied.
  if (TRAIT_IN_CRITERION.test(c.input.text)) {
    return { verdict: "UNKNOWN", evidence: [], reason: `Nothing in the résumé shows or rules out ${softWhat(c.input.text)}; judge it in an interview.` };
  }
  // Some of it is there, too little to count: say what is there, with its line, rather than "no mention".
  if (matched.length > 0 && evidence.length > 0) {
    return { verdict: "NOT_MET", evidence: evidence.slice(0, 1), reason: `Mentions ${matched.map(label).join(", ")}, but nothing for ${missing.map(label).join(", ")}.` };
  }
  return { verdict: "NOT_MET", evidence: [], reason: `No mention of ${describe(c.req, label)}.` };
}

const LAPSE_IN_LINE = /\b(expired|lapsed|inactive|not renewed|no longer (valid|active|current|held))\b/i;
const CURRENT_IN_LINE = /\b(current|active|valid|renewed|in good standing|reinstated)\b/i;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const TRAIT_IN_CRITERION =
  /\b(communicat\w*|empath\w*|mentor\w*|collaborat\w*|deadlines?|under pressure|calm|patien(ce|t with)|interpersonal|teamwork|team player|attitude|reliab\w*|punctual\w*|motivat\w*|self-starter|initiative|adaptab\w*|flexib\w*|organi[sz](ed|ational)|detail-oriented|attention to detail|work ethic|works well|people skills|rapport|tact\w*|diplomac\w*|resilien\w*|approachab\w*)\b/i;
const softWhat = (text: string) => `“${text.trim().replace(/^\p{Lu}(?!\p{Lu})/u, (ch) => ch.toLowerCase())}”`;

const HIGH_SCHOOL_DIPLOMA = /\b(high[- ]school (diploma|graduate|education|equivalen\w*)|ged|hse|secondary school (diploma|certificate))\b/i;

/** A place in the criterion ("Pennsylvania teaching certificate") is usually stated once, in the résumé's header. */
const isPlaceTerm = (t: Term) => t.startsWith("@state_");

/** The helper of a role: "Assistant Store Manager", "Teacher's Aide", "Electrician's Helper". */
const UNDER_BEFORE = new Set(["assistant", "asst"]);
const UNDER_AFTER = new Set(["aide", "assistant", "helper"]);

/**
 * Whether a line names the role only as its helper's: every run of the criterion's words in it has
 * "assistant" just before it or "aide", "helper" just after it ("2 assistant managers" is the
 * object of "manage a team", which still names the role).
 */
function onlyUnderRole(text: string, words: ReadonlySet<string>): boolean {
  const tokens = tokenize(text).filter((t) => t.lower !== "s");
  let runs = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!words.has((tokens[i] as Token).stem)) continue;
    let end = i;
    while (end + 1 < tokens.length && words.has((tokens[end + 1] as Token).stem)) end++;
    runs++;
    const under = UNDER_BEFORE.has(tokens[i - 1]?.lower ?? "") || UNDER_AFTER.has(tokens[end + 1]?.lower ?? "");
    if (!under) return false;
    i = end;
  }
  return runs > 0;
}

/**
 * "Store manager experience" with only "Assistant Store Manager": every line that names the role
 * names the one who assists it. Partly met; the criterion may itself ask for the assistant.
 */
function assistantVerdict(c: CompiledCriterion, index: CandidateIndex, matched: readonly Term[], label: (t: Term) => string): Omit<CriterionVerdict, "criterionId"> | null {
  const critTokens = tokenize(c.input.text);
  if (critTokens.some((t) => UNDER_AFTER.has(t.lower) || UNDER_BEFORE.has(t.lower))) return null;
  const what = matched.filter((t) => !GENERIC_SET.has(t));
  if (what.length === 0) return null;
  const words = new Set(critTokens.map((t) => t.stem).filter((w) => !isFiller(w) && !GENERIC_WORDS.has(w)));
  const lines = index.segTerms.flatMap((st, i) => (matched.every((t) => st.has(t)) ? [i] : []));
  if (lines.length === 0 || !lines.every((i) => onlyUnderRole((index.segments[i] as Segment).text, words))) return null;
  return {
    verdict: "PARTLY_MET",
    evidence: quotes(index, lines).slice(0, 2),
    reason: `Mentions ${matched.map(label).join(", ")} only as an assistant's, aide's or helper's role, not the role itself.`,
  };
}

/** A credential held with a status short of the full one: "Certified Professional Coder – Apprentice (CPC-A)". */
const LIMITED_STATUS = /\b(apprentice|provisional|trainee|temporary|conditional|restricted|interim|frozen|probationary|probation)\b/i;

/**
 * The limited status said of the credential itself, within a few words of its name ("Coder – Apprentice
 * (CPC-A)"), not of something else on the line ("forklift operators … in a frozen-food DC").
 */
function statusBeside(text: string, what: readonly Term[]): string | null {
  const words = text.split(/\s+/);
  const wanted = new Set(what);
  for (const [k, w] of words.entries()) {
    const status = LIMITED_STATUS.exec(w);
    if (status && termsOf(tokenize(words.slice(Math.max(0, k - 3), k + 4).join(" ")), wanted).size > 0) return status[1] as string;
  }
  return null;
}

/**
 * "CPC certification (without apprentice status)" with "Certified Professional Coder – Apprentice
 * (CPC-A)": the credential's line gives it a limited status the criterion does not ask for. Partly met.
 */
function limitedStatusVerdict(c: CompiledCriterion, index: CandidateIndex, matched: readonly Term[], label: (t: Term) => string): Omit<CriterionVerdict, "criterionId"> | null {
  if (!c.needsCredential) return null;
  const asked = fold(c.input.text).replace(/\b(without|not|no|non)\b[^,;)]*/gi, " ");
  if (LIMITED_STATUS.test(asked)) return null;
  const what = matched.filter((t) => !GENERIC_SET.has(t));
  let limited: { i: number; status: string } | null = null;
  for (const [i, st] of index.segTerms.entries()) {
    const text = (index.segments[i] as Segment).text;
    if (!what.some((t) => st.has(t)) || !holdsCredential(text)) continue;
    const status = statusBeside(text, what);
    // A line that names it as a licence or certificate with no limit ("Licensed Journeyman Plumber"
    // beside "Apprentice Plumber, 2013 – 2018"): the full credential is there.
    if (!status) {
      if (CREDENTIAL_WORD.test(fold(text)) || /\w(certif|licen[cs])/i.test(text)) return null;
      continue;
    }
    limited ??= { i, status };
  }
  if (!limited) return null;
  return { verdict: "PARTLY_MET", evidence: quotes(index, [limited.i]), reason: `Mentions ${what.map(label).join(", ")} with ${limited.status.toLowerCase()} status, not the full credential.` };
}

/** A US state named in full; "Washington, DC" is the city, not the state. */
const STATE_NAME = new RegExp(`\\b(${Object.values(US_STATES).sort((a, b) => b.length - a.length).join("|")})\\b(?!,?\\s*D\\.?\\s?C\\b)`, "gu");

/**
 * "Texas teaching certificate" with "Certification: Louisiana teaching certificate": a licence is
 * granted by one state, and the lines that hold it name another. The state asked, said in the
 * header or a relocation answer, does not make it that state's. Comparable, so partly met.
 */
function otherStateVerdict(c: CompiledCriterion, index: CandidateIndex, matched: readonly Term[], label: (t: Term) => string): Omit<CriterionVerdict, "criterionId"> | null {
  const asked = [...requirementTerms(c.req)].filter(isPlaceTerm);
  if (!c.needsCredential || asked.length === 0) return null;
  const what = matched.filter((t) => !isPlaceTerm(t));
  // The lines that hold the credential: a credential word, or the credential written as one is (CPA, RN).
  const lines = index.segTerms.flatMap((st, i) => (what.some((t) => st.has(t)) && holdsCredential((index.segments[i] as Segment).text) ? [i] : []));
  if (lines.some((i) => asked.some((t) => (index.segTerms[i] as Set<Term>).has(t)))) return null;
  const askedNames = new Set(asked.map((t) => US_STATES[t.slice("@state_".length).toUpperCase()]));
  for (const i of lines) {
    // Other states are not indexed (only what a job's criteria name is), so they are read from the line.
    const other = [...(index.segments[i] as Segment).text.matchAll(STATE_NAME)].map((m) => m[1] as string).find((name) => !askedNames.has(name));
    if (!other) continue;
    return {
      verdict: "PARTLY_MET",
      evidence: quotes(index, [i]),
      reason: `Mentions ${what.map(label).join(", ")} in ${other}, not in ${[...askedNames].join(" or ")}.`,
    };
  }
  return null;
}

/**
 * Whether the words of one phrase ("clinical triage") are found in one part of the résumé: a position
 * (its heading and the lines under it) or a section, with the header and summary counting for every
 * part. "Triaged tickets" at an IT help desk and "clinical rotations" elsewhere are not clinical triage.
 * Broad words and places ("sales", "Pennsylvania") are often said once for the whole résumé.
 */
function togetherIn(index: CandidateIndex, terms: readonly Term[]): boolean {
  const need = terms.filter((t) => !GENERIC_SET.has(t) && !isPlaceTerm(t));
  if (need.length < 2) return true;
  const byBlock = new Map<number, Set<Term>>();
  const overall = new Set<Term>();
  index.segTerms.forEach((st, i) => {
    const b = index.block[i] ?? -1;
    const set = byBlock.get(b) ?? new Set<Term>();
    for (const t of st) {
      set.add(t);
      if (b === 0) overall.add(t);
    }
    byBlock.set(b, set);
  });
  return [...byBlock.values()].some((set) => need.every((t) => set.has(t) || overall.has(t)));
}

/** A group whose words are all found, but never in one part of the résumé: partly met, with why. */
function scatteredGroup(req: Requirement, index: CandidateIndex): ((what: string) => Omit<CriterionVerdict, "criterionId">) | null {
  for (const g of req) {
    const full = g.filter((alt) => alternativeCoverage(alt, (t) => index.all.has(t)) >= MET_AT);
    if (full.length === 0 || full.some((alt) => togetherIn(index, weightyTerms(alt).filter((t) => index.all.has(t))))) continue;
    const terms = weightyTerms(full[0] ?? []).filter((t) => index.all.has(t));
    return (what) => ({
      verdict: "PARTLY_MET",
      evidence: quotes(index, evidenceFor(index, terms, 2)),
      reason: `The words of “${what}” are found only in different parts of the résumé, never together.`,
    });
  }
  return null;
}

/**
 * "Medical translation" asked, "translation" found: in an English compound the words before the head
 * narrow it, so the head without them is another kind of the thing (legal translation, primary
 * teaching, a private pilot), not part of what is asked. Only when every word missing comes before
 * every word found; a missing head ("multifamily housing" as "multifamily projects") stays partly met.
 * Returns the compound as the criterion writes it.
 */
function headWithoutModifier(c: CompiledCriterion, best: readonly number[], index: CandidateIndex): Compound | null {
  for (const [gi, g] of c.req.entries()) {
    const alt = weightyTerms(g[best[gi] ?? 0] ?? []).filter((t) => !GENERIC_SET.has(t));
    const found = alt.map((t) => index.all.has(t));
    const firstFound = found.indexOf(true);
    if (firstFound <= 0 || found.slice(firstFound).some((f) => !f) || found.slice(0, firstFound).some((f) => f)) continue;
    const modifiers = alt.slice(0, firstFound);
    // A modifier the résumé speaks of as in progress or lapsed is handled as such, not as absent.
    if (modifiers.some((t) => index.partial.has(t) || isConceptTerm(t) || t.includes("#"))) continue;
    const compound = compoundBefore(c.input.text, modifiers, alt[firstFound] as Term);
    if (compound) return compound;
  }
  return null;
}

interface Compound {
  /** The narrowing words as written ("Top"), and the head they narrow ("Secret clearance"). */
  modifier: string;
  head: string;
}

/** Words that say where a skill was used ("production Kubernetes"), not which kind it is. */
const SETTING_WORDS: ReadonlySet<string> = new Set(["production", "live", "real", "practical"]);

/**
 * Where the criterion writes `modifiers` as one compound right before its head ("inpatient coding",
 * "Top Secret clearance"), not across a preposition or a list ("coding in inpatient settings", "oil &
 * gas"). A modifier in -ing is a verb ("delivering training", "leading a brigade"), not a kind.
 */
function compoundBefore(text: string, modifiers: readonly Term[], head: Term): Compound | null {
  const src = protect(fold(text));
  const words = [...src.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ lower: (m[0] as string).toLowerCase(), at: m.index ?? 0, end: (m.index ?? 0) + (m[0] as string).length }));
  const joined = (a: number, b: number) => /^[\s-]+$/.test(src.slice((words[a] as (typeof words)[number]).end, (words[b] as (typeof words)[number]).at));
  const content = (i: number) => !isFiller(stem((words[i] as (typeof words)[number]).lower));
  for (let i = 0; i + modifiers.length < words.length; i++) {
    let ok = true;
    for (let k = 0; k < modifiers.length && ok; k++) {
      const w = words[i + k] as (typeof words)[number];
      ok = stem(w.lower) === modifiers[k] && !/ing$/.test(w.lower) && !SETTING_WORDS.has(w.lower) && (k === 0 || joined(i + k - 1, i + k));
    }
    const h = i + modifiers.length;
    if (!ok || !joined(h - 1, h) || !content(h)) continue;
    // "Has handled month-end close": a verb after "has", not a kind of close.
    if (i > 0 && /^(has|have|had)$/.test((words[i - 1] as (typeof words)[number]).lower) && /ed$/.test((words[i] as (typeof words)[number]).lower)) continue;
    if (!isConceptTerm(head) && stem((words[h] as (typeof words)[number]).lower) !== head) continue;
    let end = h;
    while (end + 1 < words.length && joined(end, end + 1) && content(end + 1)) end++;
    const at = (words[i] as (typeof words)[number]).at;
    const headAt = (words[h] as (typeof words)[number]).at;
    return { modifier: src.slice(at, headAt).replace(/[\s-]+$/, ""), head: src.slice(headAt, (words[end] as (typeof words)[number]).end) };
  }
  return null;
}

/** "Currently managing paid media": MET only when the evidence sits in a position that has not ended. */
function currentVerdict(c: CompiledCriterion, index: CandidateIndex, matched: readonly Term[], label: (t: Term) => string): Omit<CriterionVerdict, "criterionId"> | null {
  if (!/\bcurrent(ly)?\b/i.test(c.input.text) || c.needsCredential || !index.datedExperience) return null;
  // A generic word ("manager", "business") in the headline says nothing about what is current.
  const specific = matched.filter((t) => !GENERIC_SET.has(t));
  const looking = specific.length ? specific : matched;
  // The lines that name all of it ("Armed posts at a cash-handling facility"), not a word of it elsewhere ("unarmed post").
  const any = index.segTerms.flatMap((st, i) => (looking.some((t) => st.has(t)) ? [i] : []));
  const whole = any.filter((i) => looking.every((t) => (index.segTerms[i] as Set<Term>).has(t)));
  const segs = whole.length ? whole : any;
  // "Working with Children Check — current", "First Aid valid to 2027": the line says it is current,
  // whatever position block it sits under.
  const nowYear = Math.floor(index.nowIdx / 12);
  const saysCurrent = segs.some((i) => {
    const text = fold((index.segments[i] as Segment).text);
    const validTo = /\b(valid|expires?|exp\.?|renewed) (to|until|through|thru|in)?\s*(\d{1,2}\/)?((?:19|20)\d{2})\b/i.exec(text);
    return /\b(current|active|in good standing)\b/i.test(text) || (validTo !== null && Number(validTo[4]) >= nowYear);
  });
  if (saysCurrent) return null;
  const ends = segs.map((i) => index.segEnd[i] ?? null);
  if (ends.some((e) => e === null || e > index.nowIdx)) return null;
  // The quoted heading carries the dates as written; a year-only end cannot be told from a December one.
  // Quoted with the dated heading of their position when it names part of it too.
  const shown = any.filter((i) => segs.some((j) => index.block[j] === index.block[i]));
  return { verdict: "NOT_MET", evidence: quotes(index, shown).slice(0, 2), reason: `Mentions ${looking.map(label).join(", ")} only in a position that has ended; a current one is asked.` };
}

/** A window of years as a person writes it: "3 years", "1 year", "18 months". */
function windowWords(years: number): string {
  const months = Math.round(years * 12);
  if (months % 12 !== 0) return `${months} months`;
  return months === 12 ? "1 year" : `${months / 12} years`;
}

/** "within the last 3 years": MET only when the evidence sits in a position that ended since (or undated). */
function recencyVerdict(c: CompiledCriterion, index: CandidateIndex, matched: readonly Term[], label: (t: Term) => string): Omit<CriterionVerdict, "criterionId"> | null {
  if (c.withinYears === null || !index.datedExperience) return null;
  const nowIdx = index.nowIdx;
  const since = nowIdx - c.withinYears * 12;
  let segs = index.segTerms.flatMap((st, i) => (matched.every((t) => !isConceptTerm(t) || st.has(t)) && matched.some((t) => st.has(t)) ? [i] : []));
  let named: readonly Term[] = matched;
  // An undated line that names its own years ("Angular – one project, 2017") is as old as its latest year.
  const lineEnd = (i: number): number | null => {
    const text = (index.segments[i] as Segment).text;
    if (/\b(present|current|now|today|ongoing)\b/i.test(text)) return null;
    // An expiry date is the credential's, not a date of work ("CNA, Nurse Aide Registry - expired 05/2025").
    const worked = text.replace(/\b(exp\.?|expired|expires|expiring|expiry|valid (?:through|thru|until|to))\s*[:\-]?\s*(?:\p{L}+\.?\s+|\d{1,2}\s*[/.-]\s*)?(?:19|20)\d{2}/giu, " ");
    const years = [...worked.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
    return years.length ? Math.max(...years) * 12 + 11 : null;
  };
  const recent = (list: number[]) =>
    list.some((i) => {
      const end = index.segEnd[i] ?? lineEnd(i);
      // An undated line is given the benefit of the doubt, unless it is a credential that has lapsed.
      if (end === null) return !LAPSE_IN_LINE.test(fold((index.segments[i] as Segment).text));
      return end > since;
    });
  if (recent(segs)) {
    // "Construction project management in the last 3 years" with "Project Manager" in the header and
    // construction only in a job that ended in 2021: the most specific word asked decides.
    const specific = matched
      .filter((t) => !GENERIC_SET.has(t) && !LIGHT_SET.has(t))
      .map((t) => ({ t, segs: index.segTerms.flatMap((st, i) => (st.has(t) ? [i] : [])) }))
      .filter((x) => x.segs.length > 0)
      .sort((a, b) => a.segs.length - b.segs.length)[0];
    if (!specific || recent(specific.segs)) return null;
    segs = specific.segs;
    named = [specific.t];
  }
  return {
    verdict: "NOT_MET",
    evidence: quotes(index, segs).slice(0, 2),
    reason: `Mentions ${named.map(label).join(", ")} only in positions that ended more than ${windowWords(c.withinYears)} ago; work in the last ${windowWords(c.withinYears)} is asked.`,
  };
}

const STAGE_NUMBERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const STAGE = /\b(level|part|paper|section)\s+(iv|i{1,3}|[1-4])\b/gi;
const PASSED_NEAR = /\bpass(ed|es)?\b/i;
const BOOKED_NEAR = /\b(registered|scheduled|booked|sitting|sit|preparing|studying|enrolled|candidate for|will take|taking)\b/i;

/**
 * "CFA Level I passed", "passed at least Part 1": a stage of an exam path, asked as passed. A higher
 * stage passed meets it; the stage only registered or scheduled for does not.
 */
function passedStageVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (!PASSED_NEAR.test(c.input.text)) return null;
  const asked = [...fold(c.input.text).matchAll(STAGE)][0];
  if (!asked) return null;
  const kind = (asked[1] as string).toLowerCase();
  const level = STAGE_NUMBERS[(asked[2] as string).toLowerCase()] ?? 0;
  // The credential's own words (CFA), not the stage's ("Level", "I") or "passed", which any line may have.
  const named = [...requirementTerms(c.req)].filter((t) => !t.includes("#") && !/^(i{1,3}|iv|[1-4]|level|part|paper|section|pass)$/.test(t));
  let booked: number | null = null;
  for (const [i, seg] of index.segments.entries()) {
    if (seg.source === "answer" && i >= index.segTerms.length) continue;
    if (named.length && !named.some((t) => index.segTerms[i]?.has(t) || index.partial.get(t)?.segs.includes(i) || index.negative.get(t)?.segs.includes(i))) continue;
    const text = fold(seg.text);
    for (const m of text.matchAll(STAGE)) {
      if ((m[1] as string).toLowerCase() !== kind) continue;
      const stage = STAGE_NUMBERS[(m[2] as string).toLowerCase()] ?? 0;
      // The words about this stage: up to 30 characters either side, within its own bracket or clause.
      const at = m.index ?? 0;
      const before = text.slice(Math.max(0, at - 30), at);
      const after = text.slice(at + m[0].length, at + m[0].length + 30);
      const near = `${before.split(/[;()]/).pop() ?? ""}${m[0]}${after.split(/[;()]/)[0] ?? ""}`;
      if (PASSED_NEAR.test(near) && stage >= level) return { verdict: "MET", evidence: [seg.text], reason: `Passed ${asked[0]}${stage > level ? " and beyond" : ""}.` };
      if (BOOKED_NEAR.test(near) && stage <= level) booked ??= i;
    }
  }
  if (booked === null) return null;
  return { verdict: "NOT_MET", evidence: [(index.segments[booked] as Segment).text], reason: `Registered or preparing for ${asked[0]}; passing it is asked.` };
}

/** Tiers many certification schemes share (ISTQB, ITIL, Microsoft, Scrum): a foundation is below an advanced one. */
const TIERS: Readonly<Record<string, number>> = { foundation: 1, foundational: 1, fundamentals: 1, associate: 2, practitioner: 2, advanced: 3, expert: 4 };
const TIER = new RegExp(`\\b(${Object.keys(TIERS).join("|")})\\b`, "gi");

/**
 * "ISTQB Advanced Level Test Analyst" asked, "ISTQB Certified Tester Foundation Level" held: the same
 * scheme at a lower tier is not met. The scheme is the acronym the criterion names; a line naming it at
 * the tier asked or above leaves the verdict to the other checks.
 */
function credentialLevelVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  const text = fold(c.input.text);
  const askedWord = [...text.matchAll(TIER)][0]?.[1];
  if (!askedWord) return null;
  const asked = TIERS[askedWord.toLowerCase()] ?? 0;
  const schemes = [...text.matchAll(/\b(\p{Lu}{2,}[\p{Lu}\d]*)\b/gu)].map((m) => (m[1] as string).toLowerCase()).filter((w) => !(w in TIERS));
  if (schemes.length === 0) return null;
  let lower: { seg: number; word: string } | null = null;
  for (const [i, seg] of index.segments.entries()) {
    const line = fold(seg.text);
    if (!schemes.some((s) => new RegExp(`\\b${s}\\b`, "i").test(line))) continue;
    for (const m of line.matchAll(TIER)) {
      const tier = TIERS[(m[1] as string).toLowerCase()] ?? 0;
      if (tier >= asked) return null;
      lower ??= { seg: i, word: m[1] as string };
    }
  }
  if (!lower) return null;
  return { verdict: "NOT_MET", evidence: quotes(index, [lower.seg]), reason: `Holds the ${lower.word} level, below the ${askedWord} asked.` };
}

/** Ranked levels of one credential: a Yellow Belt is below the Green Belt asked, a Black Belt above it. */
const BELTS = ["white", "yellow", "green", "black"] as const;
const BELT = /\b(white|yellow|green|black)\s+belt\b/gi;
const beltLevels = (text: string) => [...fold(text).matchAll(BELT)].map((m) => BELTS.indexOf((m[1] as string).toLowerCase() as (typeof BELTS)[number]));

function beltVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  const asked = Math.max(-1, ...beltLevels(c.input.text));
  if (asked < 0) return null;
  const belt = stem("belt");
  // Only belts held: "Black Belt training in progress" is read as in progress elsewhere.
  const held = index.segTerms.flatMap((st, i) => (st.has(belt) ? beltLevels((index.segments[i] as Segment).text).map((level) => ({ level, seg: i })) : []));
  if (held.length === 0) return null;
  const top = held.reduce((a, b) => (b.level > a.level ? b : a));
  const name = (level: number) => `${(BELTS[level] as string).replace(/^./, (x) => x.toUpperCase())} Belt`;
  if (top.level >= asked) {
    // A Six Sigma Black Belt holds the Lean Six Sigma Green Belt asked; a karate belt holds nothing.
    const sameScheme = !/sigma/i.test(c.input.text) || /sigma/i.test((index.segments[top.seg] as Segment).text);
    return sameScheme && top.level > asked ? { verdict: "MET", evidence: quotes(index, [top.seg]), reason: `Holds a ${name(top.level)}, above the ${name(asked)} asked.` } : null;
  }
  return { verdict: "NOT_MET", evidence: quotes(index, [top.seg]), reason: `Holds a ${name(top.level)}, below the ${name(asked)} asked.` };
}

const GENERIC_WORDS = new Set(GENERIC_TERMS.filter((t) => !t.startsWith("@")));
const GENERIC_SET: ReadonlySet<Term> = new Set(GENERIC_TERMS);

const CREDENTIAL_WORD = /\b(certif\w*|licen[cs]\w*|credential\w*|accredit\w*|registered|registration|designation|chartered|card|endorsement|ticket|diploma|qualified|qualification|(green|black|yellow) belt)\b/i;
/** A credential written as one is: CSM, CPA, RN, Security+. */
const WRITTEN_AS_CREDENTIAL = /\b\p{Lu}{2,6}\b|\w\+/u;
const CREDENTIAL_DENIED = /\b(no|not|without|never|lack\w*|pending|awaiting)\b[^.;]{0,30}\b(certif\w*|licen[cs]\w*|card|accredit\w*)\b|\b(uncertified|unlicensed|not certified|not licensed)\b/i;

/** Behaviour that shows a trait: leading people shows leadership. */
const BEHAVIOUR_TERMS: readonly Term[] = ["@people_management", "@mentoring"];
const SKILLS_LINE = /^(soft skills|skills|core skills|key skills|strengths|competencies|core competencies|qualities|personal skills|attributes)\b/i;

function isListLine(text: string): boolean {
  if (SKILLS_LINE.test(text)) return true;
  const items = text.split(/[,;|•·]/).map((x) => x.trim()).filter(Boolean);
  return items.length >= 3 && items.every((x) => x.split(/\s+/).length <= 4);
}

/**
 * A position's heading ("Account Executive, Pinecrest — 02/2022 – present"): a short line with a year.
 * It names a role, not a trait shown in it, and its "present" is a date, not a presentation.
 */
function isHeadingLine(text: string): boolean {
  return /\b(19|20)\d{2}\b/.test(text) && text.split(/\s+/).length <= 14;
}

/** Traits are never NOT_MET from a résumé: shown in what the candidate did, or for a person to judge. */
/** "Team player with strong leadership skills", "I am an excellent communicator": a trait claimed, not shown. */
const CLAIM =
  /\b(strong|excellent|exceptional|outstanding|great|good|proven|natural|solid|effective|superb|keen|highly developed)\s+(?:[\p{L}-]+\s+){0,2}(skills?|abilit(?:y|ies)|communicator|leader|listener|organi[sz]er|problem[- ]solver|eye)\b|\bteam player\b|^(?:i am|i'm|i have)\b/iu;
function selfClaim(text: string): boolean {
  const t = fold(text).replace(/^[\s•\-*·]+/, "");
  return CLAIM.test(t) && !/\d/.test(t);
}

/**
 * A trait the candidate only says of themselves, sentence by sentence: "Team player with a creative,
 * data-driven mindset. B2B acquisition across search and social." or a profile's "Proactive, calm under
 * pressure, highly discreet." Every sentence of the line that names the trait is a claim or a list of
 * adjectives, not something done.
 */
function claimedInSentences(text: string, terms: ReadonlySet<Term>): boolean {
  const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u).filter((x) => termsOf(tokenize(x), terms).size > 0);
  if (sentences.length === 0) return false;
  return sentences.every((x) => {
    const items = x.replace(/[.!?]+\s*$/, "").split(/[,;|•·]/).map((y) => y.trim()).filter(Boolean);
    return selfClaim(x) || (items.length >= 2 && items.every((y) => y.split(/\s+/).length <= 4));
  });
}

/** Words a trait is framed with ("stays calm under pressure"): found alone in a line they show nothing. */
const TRAIT_FRAMING: ReadonlySet<Term> = new Set(["under", "stays", "stay", "remains", "remain", "keeps"].map((w) => stem(w)));

/** Qualities of a leader a résumé cannot show by what was done. */
const JUDGED_QUALITIES: ReadonlySet<Term> = new Set(["inspiring", "visionary", "charismatic", "humble", "inspirational", "thinker"].map((w) => stem(w)));

function softVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> {
  const terms = [...requirementTerms(c.req)].filter((t) => !TRAIT_FRAMING.has(t));
  // In the criterion's own words ("stays calm under pressure"), not a list of its stems.
  const what = softWhat(c.input.text);
  const termSet = new Set(terms);
  const inSentences: number[] = [];
  const inLists: number[] = [];
  index.segTerms.forEach((st, i) => {
    if (!terms.some((t) => st.has(t))) return;
    const text = (index.segments[i] as Segment).text;
    // A job title ("Account Executive, Pinecrest — 2022 – present") names a role, not a trait shown in it.
    if (isHeadingLine(text)) return;
    (isListLine(text) || selfClaim(text) || claimedInSentences(text, termSet) ? inLists : inSentences).push(i);
  });
  // "An inspiring, visionary leader": leading people does not show how; a quality only a person can
  // judge stays for the interview unless a line of the résumé speaks of it.
  const judged = terms.filter((t) => JUDGED_QUALITIES.has(t));
  if (judged.length > 0 && !inSentences.some((i) => judged.some((t) => (index.segTerms[i] as Set<Term>).has(t)))) {
    return { verdict: "UNKNOWN", evidence: [], reason: `A résumé rarely shows ${what}; judge it in an interview.` };
  }
  const behaviours = [...(c.behaviours ?? [])];
  const leads = terms.some((t) => /^lead/.test(t) || t === "@people_management") ? index.segTerms.flatMap((st, i) => (BEHAVIOUR_TERMS.some((b) => st.has(b)) ? [i] : [])) : [];
  const behaved = index.segTerms.flatMap((st, i) => {
    const text = (index.segments[i] as Segment).text;
    return behaviours.some((b) => st.has(b)) && !isListLine(text) && !isHeadingLine(text) ? [i] : [];
  });
  leads.push(...behaved);
  const shown = [...new Set([...inSentences, ...leads])];
  if (shown.length) return { verdict: "MET", evidence: quotes(index, shown).slice(0, 2), reason: `Shown in what the candidate did (${what}).` };
  if (inLists.length) return { verdict: "UNKNOWN", evidence: quotes(index, inLists).slice(0, 1), reason: `Listed or claimed as a skill, not shown in what the candidate did; judge ${what} in an interview.` };
  return { verdict: "UNKNOWN", evidence: [], reason: `A résumé rarely shows ${what}; judge it in an interview.` };
}

function yearsVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> {
  const subjectEmpty = c.req.length === 0;
  const asksTraining = TRAINING_TITLE.test(c.input.text) || APPRENTICE_TITLE.test(c.input.text);
  const roleTerms = new Set(c.role ? requirementTerms(c.role) : []);
  const besideRole: Requirement = c.role
    ? c.req.map((g) => g.map((alt) => alt.filter((t) => !roleTerms.has(t)))).filter((g) => g.every((alt) => alt.length > 0))
    : [];
  const asksProfessional = PROFESSIONAL_YEARS.test(c.input.text);
  const reqTerms = new Set(requirementTerms(c.req));
  const roleInRank = roleTerms.size > 0 && [...roleTerms].some((t) => !reqTerms.has(t));
  const relevant = index.experiences.filter(
    (e) =>
      (!e.training || asksTraining) &&
      (!e.student || !asksProfessional) &&
      (subjectEmpty || coverage(c.req, hasIn(e.terms, index.all)).mean > RELEVANT_ABOVE) &&
      // "Telemetry RN experience": the title says RN; the words beside the role must be in the position too.
      (besideRole.length === 0 || coverage(besideRole, hasIn(e.terms, index.all)).mean > RELEVANT_ABOVE) &&
      // Years as a data analyst are years with that title; a teacher who taught data handling was not one.
      // A role word inside a named rank ("sous chef"): the title must name that rank itself, not another
      // chef's (a chef de partie, a kitchen manager).
      (!c.role || !e.titleTerms || (roleInRank ? coverage(c.req, (t) => (e.titleTerms as Set<Term>).has(t)).min >= MET_AT : coverage(c.role, hasIn(e.titleTerms, index.all)).min >= MET_AT)) &&
      // Years as a journeyman electrician are not the apprenticeship before them, unless it is asked for.
      (!c.role || asksTraining || !e.apprentice),
  );
  const months = mergedMonths(relevant.map((e) => e.interval));
  const stated = index.statedYears.filter((s) => subjectEmpty || coverage(c.req, hasIn(s.terms, index.all)).mean > RELEVANT_ABOVE);
  const statedMax = stated.reduce((m, s) => Math.max(m, s.years), 0);
  const years = Math.max(months / 12, statedMax);
  const what = subjectEmpty ? "experience" : `${describe(c.req, labeller(c))} experience`;
  const evidenceSegs = [...relevant.flatMap((e) => e.segs), ...stated.filter((s) => s.years === statedMax).map((s) => s.seg)];
  const quoted = quotes(index, evidenceSegs).slice(0, 3);
  const evidence = quoted.length ? quoted : relevant.slice(0, 2).map((e) => e.label).filter(Boolean);
  const source =
    statedMax * 12 > months
      ? `the résumé states “${stated.find((s) => s.years === statedMax)?.written ?? `${statedMax} years`}”`
      : relevant.length
        ? `${fmtYears(months)} over ${relevant.length} position${relevant.length === 1 ? "" : "s"}: ${relevant
            .slice(0, 3)
            .map((e) => e.label)
            .join("; ")}${relevant.length > 3 ? "; …" : ""}`
        : "";
  if (!index.datedExperience && statedMax === 0) {
    if (!subjectEmpty && coverage(c.req, (t) => index.all.has(t)).min >= MET_AT) {
      const segs = evidenceFor(index, [...requirementTerms(c.req)], 2);
      return { verdict: "PARTLY_MET", evidence: quotes(index, segs), reason: `Mentions ${describe(c.req, labeller(c))} but gives no dates to count ${c.minYears} years.` };
    }
    if (subjectEmpty) return { verdict: "UNKNOWN", evidence: [], reason: "No dated positions or stated years to count experience." };
    return { verdict: "NOT_MET", evidence: [], reason: `No ${what} found.` };
  }
  const yearsText = Math.round(years * 10) / 10;
  // "2+ years of relevant experience" names no field: the years can be counted, their relevance not.
  if (subjectEmpty && /\b(relevant|related|similar|comparable|applicable)\b/i.test(c.input.text) && years >= c.minYears) {
    return { verdict: "UNKNOWN", evidence, reason: `${yearsText} years of experience (${source}); whether it is relevant to this job is for a person to judge.` };
  }
  if (years >= c.minYears && years > 0) return { verdict: "MET", evidence, reason: `${yearsText} years of ${what}, ${c.minYears} required (${source}).` };
  if (years >= c.minYears / 2 && years > 0) return { verdict: "PARTLY_MET", evidence, reason: `${yearsText} years of ${what}, ${c.minYears} required (${source}).` };
  // "5+ years of commercial construction" and twelve years of positions that name construction but
  // not commercial work: the years are there, whether they are of the kind asked is for a person.
  if (years === 0 && !subjectEmpty) {
    const near = index.experiences.filter((e) => (!e.training || asksTraining) && (!e.student || !asksProfessional) && coverage(c.req, hasIn(e.terms, index.all)).mean > 0);
    const nearMonths = mergedMonths(near.map((e) => e.interval));
    if (nearMonths / 12 >= c.minYears) {
      const shown = new Set(near.flatMap((e) => [...requirementTerms(c.req)].filter((t) => hasIn(e.terms, index.all)(t))));
      const missing = [...requirementTerms(c.req)].filter((t) => !shown.has(t));
      const nearLabel = labeller(c);
      // Every word found, yet no position counted: the role or rank asked is another one (a
      // telemetry RN's years are not a research coordinator's); that stays not met.
      // The head noun must be there ("research" without "coordinator" is another job); what is missing
      // is a word narrowing it ("retail" pharmacy, "commercial" construction).
      const heads = c.req.map((g) => g.flatMap((alt) => alt.slice(-1)));
      const headShown = heads.every((h) => h.some((t) => shown.has(t)));
      if (missing.length > 0 && headShown && !missing.some((t) => roleTerms.has(t))) return {
        verdict: "PARTLY_MET",
        evidence: quotes(index, near.flatMap((e) => e.segs)).slice(0, 3),
        reason: `${fmtYears(nearMonths)} in positions that name ${[...shown].map(nearLabel).join(", ")} but not ${missing.map(nearLabel).join(", ")}, ${c.minYears} required; whether they are the experience asked is for a person to judge.`,
      };
    }
  }
  return {
    verdict: "NOT_MET",
    evidence,
    reason: years > 0 ? `Only ${yearsText} years of ${what}, ${c.minYears} required (${source}).` : `No ${what} found; ${c.minYears} years required.`,
  };
}

function degreeVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> {
  const need = c.degreeLevel ?? 2;
  const needName = LEVEL_NAMES[need] ?? "degree";
  const fieldReq = c.req;
  const fieldName = fieldReq.length ? describe(fieldReq, labeller(c)) : "";
  type Scored = { d: (typeof index.degrees)[number]; levelOk: boolean; field: "exact" | "related" | "none" };
  const asked = fieldFamilies(c.input.text);
  const familyAsked = familyOnly(c.input.text);
  const scored: Scored[] = index.degrees.map((d) => {
    const levelOk = d.level !== null && d.level >= need;
    let field: Scored["field"] = "none";
    if (fieldReq.length === 0 || coverage(fieldReq, hasIn(d.terms)).min >= MET_AT) field = "exact";
    // "A master's in a life science": any field of that family is the field asked.
    else if (familyAsked && fieldRelation(d.families, familyAsked) === "related") field = "exact";
    else {
      const related = new Set<Term>();
      for (const t of requirementTerms(fieldReq)) for (const r of relatedFieldTerms(t)) related.add(r);
      if ([...related].some((t) => d.terms.has(t)) || fieldRelation(d.families, asked) === "related") field = "related";
    }
    return { d, levelOk, field };
  });
  // A finished degree that does is worth more than a higher one still under way (an M.S. earned on the way to a Ph.D.).
  const rank = (s: Scored) => (s.levelOk ? 4 : 0) + (s.field === "exact" ? 2 : s.field === "related" ? 1 : 0) + (s.d.level ?? 0) / 10 - (s.d.inProgress || s.d.abandoned ? 0.5 : 0);
  const best = scored.sort((a, b) => rank(b) - rank(a))[0];
  // Parsed schools are quoted as Lever parsed them when the résumé text does not show the line.
  const evidence = best ? (best.d.segs.length ? quotes(index, best.d.segs) : [best.d.label].filter(Boolean)) : [];
  const has = best ? `${best.d.label}` : "";
  const fieldOk = (s: Scored) => s.field === "exact" || (s.field === "related" && c.relatedFieldOk);
  // Begun and left is no degree, whatever its field.
  if (best && best.levelOk && best.d.abandoned) {
    return { verdict: "NOT_MET", evidence, reason: `Began ${has} and did not finish it; requires ${needName}${fieldName ? ` in ${fieldName}` : ""}.` };
  }
  if (best && best.levelOk && fieldOk(best) && best.d.inProgress) {
    return { verdict: "PARTLY_MET", evidence, reason: `Has ${has}, not finished; requires ${needName}${fieldName ? ` in ${fieldName}` : ""}.` };
  }
  if (best && best.levelOk && fieldOk(best)) {
    return { verdict: "MET", evidence, reason: `Has ${has}; requires ${needName}${fieldName ? ` in ${fieldName}` : ""}.` };
  }
  // Half credit for a degree at the level asked in another field. A lower degree in the field (a
  // bachelor's where a master's is asked, an associate where a bachelor's is) is a different credential:
  // recruiters label it not met, unless the criterion allows an equivalent.
  if (best && best.d.level !== null && best.levelOk) {
    return { verdict: "PARTLY_MET", evidence, reason: `Has ${has}; field differs (${fieldName} asked).` };
  }
  if (best && best.d.level !== null && best.field === "exact") {
    if (c.equivalentOk) return { verdict: "PARTLY_MET", evidence, reason: `Has ${has}; below the ${needName} asked.` };
    return { verdict: "NOT_MET", evidence, reason: best.d.level >= 2 ? `Has ${has}: below the ${needName} asked.` : `Has ${has}: an associate degree, below the ${needName} asked.` };
  }
  if (c.equivalentOk) {
    const related = new Set<Term>();
    for (const t of requirementTerms(fieldReq)) for (const r of relatedFieldTerms(t)) related.add(r);
    const relevantExp = fieldReq.length ? index.experiences.filter((e) => [...related].some((t) => e.terms.has(t))) : index.experiences;
    const months = mergedMonths(relevantExp.map((e) => e.interval));
    if (months > 0 && months < 48) {
      return { verdict: "PARTLY_MET", evidence: quotes(index, relevantExp.flatMap((e) => e.segs)).slice(0, 2), reason: `No ${needName} found; ${fmtYears(months)} of related experience, short of the four years usually taken as equivalent.` };
    }
    if (months >= 48 && fieldReq.length === 0) {
      // No field named: years of any work may or may not stand in for the degree; a person decides.
      return { verdict: "PARTLY_MET", evidence: quotes(index, relevantExp.flatMap((e) => e.segs)).slice(0, 2), reason: `No ${needName} found; ${fmtYears(months)} of experience may count as the equivalent the criterion allows.` };
    }
    if (months >= 48) {
      const labels = relevantExp.slice(0, 2).map((e) => e.label);
      return { verdict: "MET", evidence: quotes(index, relevantExp.flatMap((e) => e.segs)).slice(0, 2), reason: `No ${needName} found; ${fmtYears(months)} of experience${labels.length ? ` (${labels.join("; ")})` : ""} counts as the equivalent the criterion allows.` };
    }
  }
  if (best && best.d.level !== null) {
    return { verdict: "NOT_MET", evidence, reason: `Has ${has}: below the ${needName} asked and in another field.` };
  }
  return { verdict: "NOT_MET", evidence: [], reason: `No ${needName} found in the résumé.` };
}

/** A criterion that asks for a family of fields, not one: "a life science", "any STEM field". */
const FAMILY_WORDS: Readonly<Record<string, string>> = { life: "biology", biological: "biology", physical: "physics", health: "health", social: "sociology", natural: "biology physics", stem: "stem" };
function familyOnly(text: string): Set<number> | null {
  const m = /\b(?:a|an|any)\s+(life|biological|physical|health|social|natural)\s+sciences?\b|\b(stem)\s+(?:field|discipline|subject|degree)s?\b/i.exec(fold(text));
  if (!m) return null;
  return fieldFamilies(FAMILY_WORDS[((m[1] ?? m[2]) as string).toLowerCase()] ?? "");
}

/** Topics application questions ask about; a criterion and a question matching the same one are about the same thing. */
const ANSWER_TOPICS: readonly RegExp[] = [
  /\b(authori[sz]\w*|eligib\w*|legally|right to work|work permit|citizen\w*|permanent resident|sponsor\w*|visa)\b/i,
  /\b(relocat\w*|move to|moving to)\b/i,
  /\b(driv(er|er's|ers|ing)|vehicle|transportation)\b/i,
  // "Stand for a full shift" is how long, not which shifts.
  // "300+ covers a night" is a rate, not a shift asked about.
  /\b((?<!\b(a|per|each) )nights?|overnight|weekends?|saturdays?|sundays?|sat\s*\/\s*sun|(?<!(full|entire|whole|long) )shifts?(?![- ](lead|leader|supervisor|manager))|evenings?|on[- ]call|overtime|holidays?|weekdays?|mornings?|afternoons?|rotating|(8|10|12)s|mon(day)?\s*(-|–|to|through)\s*fri(day)?)\b/i,
  /\b(on[- ]?site|in[- ]office|in the office|hybrid|commut\w*|days a week)\b/i,
  /\btravel\w*\b/i,
  /\b(lift\w*|lbs|pounds)\b/i,
  /\b(background check|drug (test|screen)\w*|security clearance)\b/i,
  /\b(start date|start within|available to start|notice period|when (could|can|would) you start|earliest start|able to start)\b/i,
  // "Not currently employed by a staffing firm" and "Are you currently employed by a staffing or recruitment agency?".
  /\b(staffing|temp(orary)? agency|recruit(ment|ing) agency|agency recruiters?)\b/i,
];
const CITIZENSHIP = /\b(citizen\w*|nationality|us person)\b/i;
const topicsOf = (text: string) => ANSWER_TOPICS.flatMap((re, i) => (re.test(text) ? [i] : []));
const NEGATIVE_ANSWER = /\b(no|not|unable|can'?t|cannot|won'?t|fully remote|remote only|only remote|prefer not|unfortunately)\b/i;
const POSITIVE_ANSWER = /\b(yes|happy to|able to|open to|i can|willing|sure|absolutely|of course|definitely|certainly|no problem|any day|any shift|anytime|any time|open availability|(?:is|are|that's|sounds) (?:fine|ok|okay)|works for me)\b/i;

/**
 * Whether a sentence asks for the absence of something: "without sponsorship", "not require". Needing
 * a sponsor is the opposite of being authorized, so "sponsor"/"visa" counts as one negation too.
 */
function polarity(text: string): boolean {
  const t = fold(text).toLowerCase();
  let n = (t.match(/\b(without|w\/o|not|no|never|don'?t|doesn'?t|won'?t)\b/g) ?? []).length;
  if (/\b(sponsor\w*|visa)\b/.test(t)) n++;
  return n % 2 === 1;
}

/** Parts of a criterion a question may leave out: sponsorship beside authorization, weekends beside nights, a car beside a licence. */
const SUB_ASKS: readonly RegExp[] = [
  /\b((?:visa |work )?sponsor\w*|visa)\b/i,
  /\b(nights?|overnights?)\b/i,
  /\b(weekends?|saturdays?|sundays?)\b/i,
  /\bevenings?\b/i,
  /\bholidays?\b/i,
  /\bon[- ]call\b/i,
  /\bovertime\b/i,
  /\b(car|vehicle|transportation)\b/i,
  /\btravel\w*\b/i,
  /\brelocat\w*\b/i,
];

/** Words that narrow a yes: "Yes, but not Sundays", "Yes, except in winter", "Only if remote". */
const ANSWER_LIMIT = /\b(but|except|excluding|other than|apart from|only|mostly|partly|partially|depends|depending|unless|as long as|provided|limited|occasionally|sometimes|max|maximum|at most)\b/i;
/** "Most weekends.", "Most weekdays, not Mondays", "Occasionally": an answer that opens with how much of it. */
const PARTIAL_LEAD = /^(most|mostly|some|sometimes|occasionally|usually|generally|often|a few|certain)\b/i;

/**
 * An answer that holds for part of what was asked: a limit after its yes or no ("Yes, but only until
 * June", "No, not now, but from 2027"), or a yes said of part of the question ("Fri–Sun yes").
 */
function qualifiedAnswer(answer: string): boolean {
  const t = fold(answer).trim();
  const lead = /^(?:(yes|y|true|no|n|false)\b|(?:i am |i'm )?(?:happy to|able to|willing to)\b|(?:i can|sure|absolutely|of course|definitely)\b)/i.exec(t);
  if (lead) return ANSWER_LIMIT.test(t.slice(lead[0].length));
  return /^[^.!?]{1,40}?\byes\b/i.test(t) || ANSWER_LIMIT.test(t);
}

type Answer = CandidateIndex["answers"][number];

/**
 * The verdict the candidate's answers give; or, when the only answer about it reads neither yes nor no,
 * that answer (`unread`) for a person to read.
 */
/** "Not yet; I finish my paramedic internship in May 2027", "Not yet — exam scheduled": a stage under way. */
const NOT_YET_ON_THE_WAY = /^\s*not yet\b.*\b(scheduled|booked|in progress|enrolled|finish|finishing|complete|completing|expected|passed|internship|pending|awaiting)\b/i;

function answerVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | { unread: Answer } | null {
  if (c.req.length === 0 && c.mode !== "place") return null;
  const critTopics = topicsOf(fold(c.input.text));
  const critNegative = polarity(c.input.text);
  let unread: Answer | null = null;
  for (const yn of index.answers) {
    // A yes to "Do you hold a Texas teaching certificate?" says nothing about years of teaching or a
    // master's in education: years and degrees are answered only by questions about them.
    const askedAbout = c.mode === "years" ? /\byears?\b/i.test(yn.quote) : c.mode === "degree" ? /\bdegree\b/i.test(yn.quote) || degreeMentions(yn.quote, false).length > 0 : true;
    // The question must ask about the criterion's own phrase, not one of its asides: a yes to "Do you
    // hold a Texas teaching certificate?" is not a bilingual education (Spanish) certification.
    const sameTerms =
      c.req.length > 0 && askedAbout && c.req.every((g) => g.some((alt) => weightyTerms(alt).every((t) => yn.question.has(t))));
    const sharedTopic = critTopics.some((t) => yn.topics.includes(t));
    if (!sameTerms && !sharedTopic) continue;
    let yes: boolean | null = yn.yes;
    if (yes === null && !critNegative && PARTIAL_LEAD.test(fold(yn.answer).trim())) {
      return { verdict: "PARTLY_MET", evidence: [yn.quote], reason: "The candidate's answer in the application says so only in part." };
    }
    if (yes === null) {
      // A free-text answer: "I'm looking for fully remote roles." reads as no.
      const neg = NEGATIVE_ANSWER.test(yn.answer);
      const pos = POSITIVE_ANSWER.test(yn.answer);
      // "I can work evenings and weekends, but not overnights" for overnight shifts: the part denied is
      // the one asked.
      const denied = [...stancesOf(yn.answer, requirementTerms(c.req)).values()].some((st) => st === "negated");
      // "Are you a Singapore Citizen or Permanent Resident? — Singapore Citizen.": a short answer that names
      // what is asked picks it ("I work a second job on Saturdays" is a sentence about something else).
      const said = termsOf(tokenize(yn.answer), requirementTerms(c.req));
      const named = !neg && c.req.length > 0 && yn.answer.split(/\s+/).length <= 5 && c.req.every((g) => g.some((alt) => weightyTerms(alt).every((t) => said.has(t))));
      // "Saturdays only" to "weekends (Saturday and Sunday)": only part of it; "School hours only, 8 to
      // 3:30" to "Can you work 7am-6pm splits?": only something else.
      if (!neg && !pos && /\bonly\b/i.test(yn.answer)) {
        const asked = new Set(tokenize(c.input.text).map((t) => t.stem).filter((x) => !isFiller(x)));
        const onlyClause = yn.answer.split(/[,.;]/).find((x) => /\bonly\b/i.test(x)) ?? "";
        if (tokenize(onlyClause).some((t) => t.lower !== "only" && asked.has(t.stem))) {
          return { verdict: "PARTLY_MET", evidence: [yn.quote], reason: "The candidate's answer in the application says so only in part." };
        }
        yes = false;
      } else if (neg && pos && denied) yes = false;
      else if (named) yes = true;
      else if (neg === pos) {
        unread ??= yn;
        continue;
      }
      else yes = pos;
    }
    const holds = yes !== (yn.negative !== critNegative);
    // Authorized to work is not a citizen: a yes to a question that does not ask about citizenship does
    // not settle a criterion that does (a no to being authorized still rules it out).
    if (holds && CITIZENSHIP.test(c.input.text) && !CITIZENSHIP.test(yn.quote)) continue;
    // "Able to work nights and weekends" answered by "Can you work nights? — Yes": the question asked
    // about part of the criterion; what it did not ask about is still open.
    const parts = SUB_ASKS.filter((re) => re.test(fold(c.input.text)) && !re.test(fold(yn.quote)));
    // Another answer asks about that part ("reliable transportation? — Yes, my own car"): it decides.
    if (holds && parts.length > 0 && parts.every((re) => index.answers.some((a) => a !== yn && re.test(fold(a.quote))))) continue;
    const unasked = parts.map((re) => re.exec(fold(c.input.text))?.[0] ?? "");
    if (holds && unasked.length > 0) {
      return { verdict: "PARTLY_MET", evidence: [yn.quote], reason: `The candidate's answer covers the question asked, not ${unasked.join(", ")}.` };
    }
    if (holds && qualifiedAnswer(yn.answer)) {
      return { verdict: "PARTLY_MET", evidence: [yn.quote], reason: "The candidate's answer in the application says so only in part." };
    }
    // "Do you hold the RRT? — Not yet. … my Clinical Simulation Exam is scheduled for December": a
    // credential on its way, as the résumé would say it.
    if (!holds && NOT_YET_ON_THE_WAY.test(fold(yn.answer))) {
      return { verdict: "PARTLY_MET", evidence: [yn.quote], reason: "The candidate's answer in the application says it is on the way, not held yet." };
    }
    return holds
      ? { verdict: "MET", evidence: [yn.quote], reason: "The candidate's answer in the application says so." }
      : { verdict: "NOT_MET", evidence: [yn.quote], reason: "The candidate's answer in the application says otherwise." };
  }
  // "I work a second job on Saturdays until February 2027": answered in the candidate's own words, neither
  // yes nor no. The answer, not a word of it matched in the résumé, is what a person should read.
  // (A place is still read from where the candidate lives.)
  return unread && c.mode !== "place" ? { unread } : null;
}

const TIER_STEMS: ReadonlySet<Term> = new Set(["foundation", "practitioner", "advanced", "intermediate"].map((w) => stem(w)));
/** The missing plain words of a credential's name when all of them come after every word found; null otherwise. */
function nameTail(text: string, matched: readonly Term[], missing: readonly Term[]): Term[] | null {
  const words = tokenize(fold(text)).map((t) => t.stem);
  const at = (t: Term) => words.indexOf(t);
  // A tier ("ISTQB Foundation" with an Advanced certificate) is weighed by the tiers, not here.
  const plainMissing = missing.filter((t) => !isPlaceTerm(t) && !CREDENTIAL_WORD.test(t) && !TIER_STEMS.has(t));
  if (plainMissing.length === 0 || plainMissing.length !== missing.length) return null;
  if (plainMissing.some((t) => isConceptTerm(t) || t.includes("#") || at(t) < 0)) return null;
  const found = matched.map(at).filter((i) => i >= 0);
  if (found.length === 0) return null;
  const last = Math.max(...found);
  return plainMissing.every((t) => at(t) > last) ? plainMissing : null;
}

/** Terms of the names a criterion writes as names: acronyms (OTR, B2B, CPP) and inner capitals (macOS, GraphQL). */
function namedTerms(text: string, among: readonly Term[]): Set<Term> {
  const words = (text.match(/[\p{L}\d+#]+/gu) ?? []).filter((w) => (/^[\p{Lu}\d]{2,}$/u.test(w) && /\p{Lu}/u.test(w)) || /\p{Ll}\p{Lu}/u.test(w));
  if (words.length === 0) return new Set();
  return termsOf(tokenize(words.join(" ")), new Set(among));
}

/** "Can start within 4 weeks", "Notice period of 30 days or less": the longest wait, in days. */
const START_WITHIN = new RegExp(`\\b(?:start|join|available)\\b[^.;]*?\\bwithin\\s+(?:(?:${NUM})\\s*(?:-|–|to|or)\\s*)?(${NUM})\\s*(day|week|month)s?\\b|\\bnotice period (?:of )?(?:up to |at most |no more than )?(${NUM})\\s*(day|week|month)s?\\b`, "i");
/** "Can start by January 2027", "Available to start in January 2027", "before Nov 10, 2026": the last day that will do. */
const START_BY = new RegExp(`\\b(?:start|join|available)\\b[^.;]*?\\b(by|in|before|no later than)\\s+(${MON})\\.?\\s*(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})\\b`, "i");
/** "Can start right away", "Available immediately": a week's notice at most. */
const START_NOW = /\b(?:start|join|available)\b[^.;]*?\b(?:immediately|right away|straight away|asap|right now)\b/i;
const START_QUESTION = /\b(start|notice|available|availability|join)\b/i;
const DAYS_PER: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30 };

/** "1 February 2027", "December 10, 2026" in an answer; "Two months", "3 weeks". */
const ANSWER_DATE = new RegExp(`(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${MON})\\.?\\s*(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})`, "i");
const ANSWER_SPAN = new RegExp(`\\b(${NUMBER_WORD_PATTERN}|\\d{1,3})\\s*(day|week|month)s?\\b`, "i");

/** When an answer says the candidate can start, in days from now: "Immediately", "Two months", "1 February 2027". */
function startInDays(answer: string, nowIdx: number): number | null {
  const t = fold(answer).toLowerCase();
  if (/\b(immediately|immediate|asap|right away|straight away|now)\b/.test(t)) return 0;
  const date = ANSWER_DATE.exec(t);
  if (date) {
    const month = monthOf(date[2], undefined) ?? 1;
    const day = Number(date[1] ?? date[3] ?? 1);
    const after = /\bafter\b/.test(t.slice(0, date.index)) ? 1 : 0;
    return (Number(date[4]) * 12 + month - 1 - nowIdx) * 30 + day - 1 + after;
  }
  const span = ANSWER_SPAN.exec(t);
  if (span) {
    const n = parseCount(span[1] as string);
    if (n !== null) return n * (DAYS_PER[(span[2] as string).toLowerCase()] ?? 1);
  }
  return null;
}

/**
 * A start date or notice period asked, and the candidate's answer to a question about it: compared,
 * not matched as words ("Two months" is not "within one month"; "Any time after November 15" is before
 * January).
 */
function startVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  const within = START_WITHIN.exec(c.input.text);
  const by = within ? null : START_BY.exec(c.input.text);
  const now = START_NOW.test(c.input.text);
  if (!within && !by && !now) return null;
  for (const a of index.answers) {
    if (!START_QUESTION.test(a.asked)) continue;
    const days = startInDays(a.answer, index.nowIdx);
    if (days === null) continue;
    let ok: boolean;
    if (now && !within && !by) {
      ok = days <= 7;
    } else if (within) {
      const n = parseCount((within[1] ?? within[3]) as string) ?? 0;
      ok = days <= n * (DAYS_PER[((within[2] ?? within[4]) as string).toLowerCase()] ?? 1);
    } else {
      // "by Jan 2027" takes all of January, "before Jan 2027" none of it; "before Nov 10, 2026" up to the 9th.
      const month = Number(by?.[4]) * 12 + (monthOf(by?.[2], undefined) ?? 1) - 1;
      const before = /^before$/i.test(by?.[1] ?? "");
      const deadline = by?.[3] ? (month - index.nowIdx) * 30 + Number(by[3]) - 1 : (month + (before ? 0 : 1) - index.nowIdx) * 30;
      ok = by?.[3] && !before ? days <= deadline : days < deadline;
    }
    return ok
      ? { verdict: "MET", evidence: [a.quote], reason: "The start the candidate gives in the application is in time." }
      : { verdict: "NOT_MET", evidence: [a.quote], reason: "The start the candidate gives in the application is later than asked." };
  }
  return null;
}

/**
 * "Able to lift 50 lb boxes" answered "I can lift around 25-30 lbs", "Full-time, 40 hours/week"
 * answered "30-32 hours while I'm in school": the amount the candidate gives is compared with the one
 * asked, not read as a yes. Less than asked is not met.
 */
function answerAmountVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  const asked = answerAmounts(c.input.text);
  if (asked.length === 0) return null;
  for (const a of index.answers) {
    for (const want of asked) {
      // Hours a week are not the length of a shift.
      const given = answerAmounts(a.answer, a.quote).filter((x) => x.unit === want.unit && (x.per === null || want.per === null || x.per === want.per));
      if (given.length === 0) continue;
      const most = Math.max(...given.map((x) => x.value));
      if (most < want.value) return { verdict: "NOT_MET", evidence: [a.quote], reason: "The amount the candidate gives in the application is less than asked." };
      if (!NEGATIVE_ANSWER.test(a.answer)) return { verdict: "MET", evidence: [a.quote], reason: "The amount the candidate gives in the application meets what is asked." };
    }
  }
  return null;
}

/** Pay asked about: "Salary expectation within $55-60K", "OTE at or below $280K", "Pay within $17-$20/hr". */
const PAY_ASKED = /\b(salary|pay|compensation|ote|wages?|rate|earnings)\b/i;
const HOURLY = /\/\s*(hr|hour)\b|\bper hour\b|\bhourly\b|\ban hour\b/i;
/**
 * The pay the candidate asks for in an answer, against the most the criterion allows: within it is met,
 * a range reaching past it partly, a figure above it not met.
 */
function payVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  const text = c.input.text;
  if (!PAY_ASKED.test(text)) return null;
  const asked = moneyAmounts(text);
  if (asked.length === 0) return null;
  const most = Math.max(...asked);
  const hourly = HOURLY.test(text);
  for (const a of index.answers) {
    if (!PAY_ASKED.test(a.asked) && !/\bexpect/i.test(a.asked)) continue;
    const given = moneyAmounts(a.answer);
    if (given.length === 0 || HOURLY.test(a.answer) !== hourly) continue;
    const low = Math.min(...given);
    const high = Math.max(...given);
    if (high <= most) return { verdict: "MET", evidence: [a.quote], reason: "The pay the candidate asks for in the application is within what is offered." };
    if (low <= most) return { verdict: "PARTLY_MET", evidence: [a.quote], reason: "The range the candidate asks for in the application reaches past what is offered." };
    return { verdict: "NOT_MET", evidence: [a.quote], reason: "The pay the candidate asks for in the application is above what is offered." };
  }
  return null;
}

/** Events a driver or a worker is asked to have had none of. */
const EVENTS = "accidents?|collisions?|crash(?:es)?|dui|dwi|owi|violations?|convictions?|felon(?:y|ies)|tickets?|incidents?|infractions?|citations?|claims?|suspensions?";
/** "No preventable accidents in the last 3 years", "No DUI in 7 years": the criterion asks for the absence of an event. */
const ABSENCE_ASKED = new RegExp(`^\\s*(?:no|zero|without(?: any)?|free of)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${EVENTS})\\b`, "iu");
const EVENT_WORDS = new RegExp(`\\b(${EVENTS})\\b`, "i");
const NONE_OF = new RegExp(`\\b(no|none|never|zero)\\s+(?:[\\p{L}-]+\\s+){0,2}?(${EVENTS})\\b`, "iu");
const IN_YEARS = /\bin (?:the (?:last|past) )?(\d+) years?\b/i;
const NONE_ANSWER = /^\s*(no|none|nope|never|zero|0|clean|not one|nothing)\b/i;
const SOME_ANSWER = /^\s*(yes|one|two|three|a|an|\d+)\b/i;

/**
 * The candidate's answer to a question about such events: "No" or "None" meets it; "One preventable
 * backing incident in 2025" or "I had a DUI in 2022" does not, unless the event is older than the
 * window asked ("a DUI in 2015" against the last 7 years). A mention of the word is not a yes.
 */
function absenceVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (!ABSENCE_ASKED.test(fold(c.input.text))) return null;
  const window = withinYearsOf(c.input.text) ?? parseCount(IN_YEARS.exec(c.input.text)?.[1] ?? "");
  const thisYear = Math.floor(index.nowIdx / 12);
  for (const a of index.answers) {
    if (!EVENT_WORDS.test(a.asked)) continue;
    const answer = fold(a.answer);
    if (NONE_ANSWER.test(answer)) return { verdict: "MET", evidence: [a.quote], reason: "The candidate's answer in the application says there were none." };
    const reports = SOME_ANSWER.test(answer) || (EVENT_WORDS.test(answer) && !NONE_OF.test(answer));
    if (!reports) continue;
    const years = [...answer.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    if (window !== null && years.length > 0 && years.every((y) => y < thisYear - window)) {
      return { verdict: "MET", evidence: [a.quote], reason: `The event the candidate reports is older than the ${window} years asked.` };
    }
    return { verdict: "NOT_MET", evidence: [a.quote], reason: "The candidate's answer in the application reports one." };
  }
  // "12 years, no accidents or violations", "accident-free since 2015": the résumé says so itself.
  const said = index.segments.findIndex((seg) => NONE_OF.test(fold(seg.text)) || /\b(accident|incident|violation|collision)[- ]free\b/i.test(seg.text));
  if (said >= 0) return { verdict: "MET", evidence: quotes(index, [said]), reason: "The résumé says there were none." };
  return { verdict: "UNKNOWN", evidence: [], reason: "Résumés rarely state this; ask the candidate (or add it as an application question)." };
}


/** "About 3 years at a regional carrier and 1 year at a towing company", "two and a half years": years in an answer. */
const ANSWER_YEARS = new RegExp(`\\b(\\d{1,2}(?:\\.\\d)?|${NUMBER_WORD_PATTERN})(\\s+and a half)?\\+?\\s*(?:years?|yrs?)\\b`, "gi");

/**
 * "4+ years of dispatch experience" answered "How many years of dispatch experience do you have? —
 * About 3 years at a regional carrier and 1 year at a towing company before that": the years the
 * candidate gives to a question about the same thing, added up when they are separate stints.
 */
function answerYearsVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (c.mode !== "years" || c.minYears <= 0 || index.answers.length === 0) return null;
  const subject = requirementTerms(c.req);
  for (const a of index.answers) {
    if (!/\byears?\b/i.test(a.asked) || subject.size === 0 || ![...subject].some((t) => a.question.has(t))) continue;
    const found = [...fold(a.answer).matchAll(ANSWER_YEARS)].map((m) => (parseCount(m[1] as string) ?? 0) + (m[2] ? 0.5 : 0));
    if (found.length === 0) continue;
    // Stints one after another add up; a total and a part of it ("6 years, 2 of them as a lead") do not.
    const separate = found.length > 1 && /\b(and|plus|then|before that|after that|prior)\b/i.test(a.answer) && !/\b(total|in all|of which|of them|including)\b/i.test(a.answer);
    const years = separate ? found.reduce((x, y) => x + y, 0) : Math.max(...found);
    const has = `${years} year${years === 1 ? "" : "s"}`;
    if (years >= c.minYears) return { verdict: "MET", evidence: [a.quote], reason: `The candidate gives ${has} in the application; ${c.minYears} asked.` };
    return { verdict: years >= c.minYears / 2 ? "PARTLY_MET" : "NOT_MET", evidence: [a.quote], reason: `The candidate gives ${has} in the application, ${c.minYears} asked.` };
  }
  return null;
}

/** "GPA 3.5 or above", "Cumulative GPA of 3.5+", "minimum 3.0 GPA": the grade point average asked. */
const GPA_ASKED = /\b(?:gpa|grade point average)\b[^.;\d]{0,20}?(\d\.\d{1,2})|(\d\.\d{1,2})\s*\+?\s*(?:\/\s*4(?:\.0+)?\s*)?(?:cumulative |overall |major )?(?:gpa|grade point average)\b/i;
/** "GPA 3.62/4.00", "GPA: 3.4", "3.8 GPA", "Cumulative GPA 3.21 (major 3.5)": a stated GPA and its scale. */
const GPA_SAID = /\b(cumulative |overall |major )?(?:gpa|grade point average)\b[\s:=-]{0,4}(?:of\s+)?(\d(?:\.\d{1,2})?)(?:\s*\/\s*(\d{1,2}(?:\.\d+)?))?|(\d\.\d{1,2})(?:\s*\/\s*(\d{1,2}(?:\.\d+)?))?\s+(cumulative |overall |major )?(?:gpa|grade point average)\b/gi;

/**
 * A grade point average asked is compared with the one the résumé states, on a 4-point scale unless
 * the résumé gives another ("3.4/5.0" is 2.72 of 4): at least the one asked is met, below it not met.
 * A résumé that states none cannot tell.
 */
function gpaVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (!/\b(gpa|grade point)/i.test(c.input.text)) return null;
  const asked = GPA_ASKED.exec(fold(c.input.text));
  if (!asked) return null;
  const written = (asked[1] ?? asked[2]) as string;
  const want = Number(written);
  const cumulativeAsked = /\b(cumulative|overall)\b/i.test(c.input.text);
  const stated: { value: number; seg: number; major: boolean }[] = [];
  index.segments.forEach((seg, i) => {
    for (const m of fold(seg.text).matchAll(GPA_SAID)) {
      const value = Number(m[2] ?? m[4]);
      const scale = Number(m[3] ?? m[5] ?? 4);
      if (!(scale > 0) || value > scale) continue;
      stated.push({ value: (value * 4) / scale, seg: i, major: /major/i.test(m[1] ?? m[6] ?? "") });
    }
  });
  if (stated.length === 0) return { verdict: "UNKNOWN", evidence: [], reason: "The résumé does not state a GPA; ask the candidate." };
  // The cumulative GPA when one is asked; a major GPA only when nothing else is stated.
  const overall = stated.filter((g) => !g.major);
  const pick = (cumulativeAsked || overall.length > 0 ? overall : stated)[0] ?? (stated[0] as (typeof stated)[number]);
  const shown = Math.round(pick.value * 100) / 100;
  return pick.value + 1e-9 >= want
    ? { verdict: "MET", evidence: quotes(index, [pick.seg]), reason: `States a GPA of ${shown} (of 4), at least the ${written} asked.` }
    : { verdict: "NOT_MET", evidence: quotes(index, [pick.seg]), reason: `States a GPA of ${shown} (of 4), below the ${written} asked.` };
}

interface SpelledCredential {
  /** The name as written, for reasons. */
  name: string;
  /** The name's words, lower-case, to be found together. */
  words: string[];
  acronym: string;
  /** Every acronym in the brackets; any one held is the credential. */
  also: string[];
}

/**
 * "Licensed Professional Counselor (LPC)", "Certified Payroll Professional (CPP)": the name before the
 * brackets whose initials are the acronym inside them. Its words are a proper name: "Licensed" and
 * "Professional" are part of it, not filler, so "School Counselor" is not this credential.
 */
function spelledCredential(text: string): SpelledCredential | null {
  // "(LPC)", or the names it also goes by: "Certified Medical Assistant (CMA or CCMA)".
  const m = /((?:[\p{L}&][\p{L}'-]*\s+){1,7})\(\s*(\p{Lu}{2,6}(?:\s*(?:or|\/|,)\s*\p{Lu}{2,6})*)\s*\)/u.exec(fold(text));
  if (!m) return null;
  const acronyms = (m[2] as string).split(/\s*(?:or|\/|,)\s*/);
  const words = (m[1] as string).trim().split(/\s+/);
  for (let from = words.length - 1; from >= 0; from--) {
    const name = words.slice(from);
    const initials = name.filter((w) => !INITIALS_SKIP.has(w.toLowerCase())).map((w) => w[0]?.toUpperCase() ?? "").join("");
    if (acronyms.includes(initials)) return { name: name.join(" "), words: name.map((w) => w.toLowerCase()), acronym: initials, also: acronyms };
    if (initials.length > Math.max(...acronyms.map((a) => a.length))) break;
  }
  return null;
}

/**
 * A credential asked by its full name and acronym is met by either written whole, not by the one word
 * of its name a résumé shares ("School Counselor" for "Licensed Professional Counselor (LPC)"). The
 * acronym said to be in progress or wanted is that; else the name not found is not met. (A partial
 * verdict, such as a stage on the way to the credential, is left as it is.)
 */
function spelledCredentialVerdict(c: CompiledCriterion, index: CandidateIndex, v: Omit<CriterionVerdict, "criterionId">): Omit<CriterionVerdict, "criterionId"> {
  const sp = c.spelled;
  if (!sp || c.mode !== "keyword" || v.verdict !== "MET") return v;
  const acronymTerms = [...termsOf(tokenize(sp.also.join(" ")), new Set(requirementTerms(c.req)))];
  if (acronymTerms.length === 0 || acronymTerms.some((t) => index.all.has(t))) return v;
  const phrase = new RegExp(`\\b${sp.words.map((w) => w.replace(/[^\p{L}]/gu, "")).join("[\\s-]+")}\\b`, "iu");
  const named = index.segments.findIndex((seg, i) => phrase.test(fold(seg.text)) && (index.segTerms[i] as Set<Term>).size > 0);
  if (named >= 0) return v;
  const other = acronymTerms.map((t) => index.partial.get(t) ?? index.negative.get(t)).find((m) => m !== undefined);
  // On the way to it is partly met; someone else's, a course about it or a lapsed one is not the credential.
  if (other?.stance === "progress") {
    return { verdict: "PARTLY_MET", evidence: quotes(index, other.segs).slice(0, 2), reason: `Mentions ${sp.acronym} ${STANCE_WORDS[other.stance as Exclude<Stance, "affirmed">]}.` };
  }
  if (other) return { verdict: "NOT_MET", evidence: quotes(index, other.segs).slice(0, 2), reason: `Mentions ${sp.acronym} ${STANCE_WORDS[other.stance as Exclude<Stance, "affirmed">]}.` };
  // "Medical Assistant certificate program — enrolled": on the way to it.
  if (v.evidence.some((e) => inProgressLine(e))) {
    return { verdict: "PARTLY_MET", evidence: v.evidence.slice(0, 1), reason: `${v.reason.replace(/\.$/, "")} in a line that says it is still under way; ${sp.name} (${sp.also.join(" or ")}) is asked.` };
  }
  return { verdict: "NOT_MET", evidence: v.evidence.slice(0, 1), reason: `${v.reason.replace(/\.$/, "")}, but not the credential asked: ${sp.name} (${sp.also.join(" or ")}).` };
}

function verdictFor(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> {
  const gpa = index.hasContent ? gpaVerdict(c, index) : null;
  if (gpa) return gpa;
  const answered = answerYearsVerdict(c, index) ?? startVerdict(c, index) ?? payVerdict(c, index) ?? absenceVerdict(c, index) ?? answerAmountVerdict(c, index) ?? answerVerdict(c, index);
  // An answer in the candidate's own words settles nothing by itself; it stands only against a match of
  // its own words ("I work a second job on Saturdays" is not a yes to Saturdays).
  const fromAnswer = answered && "unread" in answered ? null : answered;
  const unread = answered && "unread" in answered ? { verdict: "UNKNOWN" as const, evidence: [answered.unread.quote], reason: "The candidate answered this in their own words; read the answer." } : null;
  if (!index.hasContent) {
    return fromAnswer ?? { verdict: "UNKNOWN", evidence: [], reason: "No résumé text or parsed résumé data to check." };
  }
  const v =
    c.mode === "years"
      ? yearsVerdict(c, index)
      : c.mode === "degree"
        ? degreeVerdict(c, index)
        : c.mode === "language" && c.language
          ? languageVerdict(c.language, index.segments.map((s) => s.text), index.substantive)
          : c.mode === "place" && c.place
            ? placeVerdict(c.place, index.headerLines, index.otherPlaceLines, index.segments.map((s) => s.text))
            : c.mode === "soft"
              ? softVerdict(c, index)
              : keywordVerdict(c, index);
  // The candidate's own answer to the question settles it, whatever the résumé suggests.
  if (fromAnswer) return fromAnswer;
  if (unread && v.verdict !== "NOT_MET" && v.evidence.length > 0 && v.evidence.every((e) => index.answers.some((a) => a.answer === e))) return unread;
  // "Authorized to work in the US" is not met by "automated the weekly authorization report": the line
  // must speak of the right to work.
  if (v.verdict !== "NOT_MET" && WORK_RIGHT_ASKED.test(c.input.text) && !v.evidence.some((e) => WORK_RIGHT_SAID.test(e))) {
    return { verdict: "UNKNOWN", evidence: [], reason: "Résumés rarely state this; ask the candidate." };
  }
  if (v.verdict === "MET" && c.amount) return amountVerdict(c.amount, index, v, c.input.text);
  const noReports = v.verdict !== "NOT_MET" ? noReportsVerdict(c, index) : null;
  if (noReports) return noReports;
  if (c.needsCredential && c.spelled) return spelledCredentialVerdict(c, index, v);
  // Precision first: MET is only said with a quote a person can check.
  if (v.verdict === "MET" && v.evidence.length === 0) {
    return { verdict: "UNKNOWN", evidence: [], reason: `${v.reason} No line of the résumé shows it; review it by hand.` };
  }
  // A nearly empty résumé cannot show what is missing: not found there is for a person to check.
  const groundedInData = (c.mode === "degree" && index.degrees.length > 0) || (c.mode === "years" && index.datedExperience);
  if (!index.substantive && !groundedInData && ((v.verdict === "NOT_MET" && v.evidence.length === 0) || (v.verdict === "PARTLY_MET" && c.mode === "years"))) {
    return { verdict: "UNKNOWN", evidence: [], reason: "The résumé is too short to tell; review it by hand or ask the candidate." };
  }
  return v;
}

/** A criterion about managing people: "Has managed other PMs", "line-manages engineers", "people leadership". */
const MANAGES_PEOPLE =
  /\b(people (leadership|management|manager)|direct reports?|line[- ]?manag\w*|(manag|supervis)\w*\s+(other|a team|teams|a group|staff|people|(?:[\p{L}-]+\s+){0,2}(managers|engineers|pms|analysts|designers|nurses|scientists|accountants|associates|reps|representatives|supervisors|developers|architects|recruiters)\b))/iu;
/** A line showing the candidate managing people: "managed a team of 3 PMs", "6 direct reports". */
const PEOPLE_LED = /\b(manag(e|es|ed|ing)|led|lead(s|ing)?|supervis(e|es|ed|ing)|line[- ]manag\w*)\s+(a |an |the |my )?(team|staff|group|crew|department|\d+)\b|\b\d+\s+direct reports\b|\bdirect reports?:\s*\d/i;
/** The résumé saying the candidate manages no one. */
const NO_REPORTS = /\b(no (direct )?reports|without (direct )?reports|individual[- ]contributor|no people management|not a people manager|no line management)\b/i;

/**
 * "Individual contributor role, no direct reports" says managing people is not met, whatever job
 * titles with "manager" in them suggest ("Senior Product Manager" manages a product, not PMs). Only
 * when no line shows the candidate managing people.
 */
function noReportsVerdict(c: CompiledCriterion, index: CandidateIndex): Omit<CriterionVerdict, "criterionId"> | null {
  if (!MANAGES_PEOPLE.test(fold(c.input.text))) return null;
  const said = index.segments.findIndex((s) => NO_REPORTS.test(fold(s.text)));
  if (said < 0 || index.segments.some((s) => !NO_REPORTS.test(fold(s.text)) && PEOPLE_LED.test(fold(s.text)))) return null;
  return { verdict: "NOT_MET", evidence: quotes(index, [said]), reason: "The résumé says the candidate has no direct reports; managing people is asked." };
}

/**
 * "2,000+ hours on A320" with "1,310 hours on type": the words are there, the amount is not. Met only
 * when the résumé states at least the amount; half of it or more is partly met; an amount not stated
 * at all cannot be checked, so the words alone are partly met.
 */
function amountVerdict(amount: AmountRequirement, index: CandidateIndex, met: Omit<CriterionVerdict, "criterionId">, criterion: string): Omit<CriterionVerdict, "criterionId"> {
  // What the amount measures, named beside it ("deals $250K+", "$1M+ budgets"): a line that names
  // it too says how much of that; "$1.1M quota" is not a deal size.
  const about = amountNoun(criterion, amount.text);
  const lines = about ? index.segments.flatMap((s, seg) => (tokenize(s.text).some((t) => t.stem === about) ? [seg] : [])) : [];
  const candidates = lines.some((seg) => statedAmounts((index.segments[seg] as Segment).text, amount.units).length > 0) ? new Set(lines) : null;
  let best: { value: number; text: string; seg: number } | null = null;
  index.segments.forEach((s, seg) => {
    if (candidates && !candidates.has(seg)) return;
    for (const a of statedAmounts(s.text, amount.units)) if (!best || a.value > best.value) best = { ...a, seg };
  });
  const found = best as { value: number; text: string; seg: number } | null;
  if (!found) return { verdict: "PARTLY_MET", evidence: met.evidence, reason: `${met.reason.replace(/\.$/, "")}, but not how much: ${amount.text} asked.` };
  const quote = quotes(index, [found.seg]);
  if (found.value >= amount.value) return { ...met, evidence: [...new Set([...quote, ...met.evidence])].slice(0, 2) };
  return {
    verdict: found.value * 2 >= amount.value ? "PARTLY_MET" : "NOT_MET",
    evidence: quote,
    reason: `States ${found.text}; ${amount.text} asked.`,
  };
}

/** The noun right before or after the amount in the criterion, as a stem ("deals $250K+" → "deal"). */
function amountNoun(criterion: string, written: string): string | null {
  const text = fold(criterion);
  const at = text.indexOf(written.replace(/\s*\+$/, ""));
  if (at < 0) return null;
  const before = tokenize(text.slice(0, at)).filter((t) => !isFiller(t.stem) && !/^\d/.test(t.lower));
  const after = tokenize(text.slice(at + written.length)).filter((t) => !/^\d/.test(t.lower));
  const next = after[0] && !isFiller(after[0].stem) ? after[0] : null;
  const prev = before.at(-1) ?? null;
  // "$1M+ budgets": the noun after it; "(deals $250K+)": else the one before it.
  return (next ?? prev)?.stem ?? null;
}

// ---------------------------------------------------------------- summary

function clip(text: string, n = 60): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

export function summarize(criteria: readonly CriterionInput[], verdicts: readonly CriterionVerdict[], hasContent = true): string {
  if (!hasContent && verdicts.every((v) => v.verdict === "UNKNOWN")) {
    return "No résumé text or parsed résumé data: every criterion needs review.";
  }
  const byId = new Map(verdicts.map((v) => [v.criterionId, v.verdict] as const));
  const scored = criteria.filter((c) => c.kind !== "NEUTRAL");
  const count = (v: Verdict) => scored.filter((c) => byId.get(c.id) === v).length;
  const { score, scorable } = scoreBreakdown(criteria, verdicts);
  const parts: string[] = [];
  if (scorable) {
    parts.push(`Score ${score}/100: ${count("MET")} of ${scored.length} criteria met` + (count("PARTLY_MET") ? `, ${count("PARTLY_MET")} partly` : "") + (count("UNKNOWN") ? `, ${count("UNKNOWN")} need review` : "") + ".");
  } else parts.push("No scored criteria (only neutral ones).");
  const missing = criteria.filter((c) => c.kind === "REQUIRED" && byId.get(c.id) === "NOT_MET");
  if (missing.length) parts.push(`Missing required: ${missing.slice(0, 3).map((c) => clip(c.text)).join("; ")}${missing.length > 3 ? "; …" : ""}.`);
  const strong = criteria.filter((c) => c.kind !== "NEUTRAL" && c.weight === "HIGH" && byId.get(c.id) === "MET");
  if (strong.length) parts.push(`Meets: ${strong.slice(0, 2).map((c) => clip(c.text, 40)).join("; ")}.`);
  return parts.join(" ");
}

// ---------------------------------------------------------------- engine

export interface LocalEngineOptions {
  /** "Now" for current positions; fixed in tests and evaluations. Default: the clock. */
  now?: () => Date;
}

/** Screen one candidate against a compiled job, synchronously. */
export function screenCompiled(job: CompiledJob, candidate: CandidateInput, now: Date = new Date()): ScreeningOutput {
  const nowIdx = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const index = buildIndex(job, candidate, nowIdx);
  const verdicts: CriterionVerdict[] = job.criteria.map((c) => ({ criterionId: c.input.id, ...verdictFor(c, index) }));
  const inputs = job.criteria.map((c) => c.input);
  return {
    engine: "local",
    score: scoreBreakdown(inputs, verdicts).score,
    summary: summarize(inputs, verdicts, index.hasContent),
    verdicts,
  };
}

function jobKey(criteria: readonly CriterionInput[]): string {
  return criteria.map((c) => `${c.id}\u0001${c.kind}\u0001${c.weight}\u0001${c.text}`).join("\u0002");
}

export function createLocalEngine(options: LocalEngineOptions = {}): ScreeningEngine {
  // Criteria compile once per job: a screening run passes the same criteria for every candidate.
  const cache = new Map<string, CompiledJob>();
  return {
    name: "local",
    async screen(candidate, criteria) {
      const key = jobKey(criteria);
      let job = cache.get(key);
      if (!job) {
        job = compileCriteria(criteria);
        if (cache.size >= 32) cache.delete(cache.keys().next().value as string);
        cache.set(key, job);
      }
      return screenCompiled(job, candidate, options.now?.() ?? new Date());
    },
  };
}
