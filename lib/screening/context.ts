import { termOccurrences, type Term } from "./matcher";
import { fold, protect, stem, type Token } from "./text";

/**
 * How a résumé sentence speaks of what it mentions. A keyword is not a skill: "no Salesforce
 * experience yet", "familiar with Kubernetes, not used in production", "preparing for the OSCP" all
 * name the thing a criterion asks for. This is NegEx's idea (a cue opens a scope over the words
 * after it, up to the end of its clause) extended with cues of exposure, progress, wish and lapse,
 * and with cues that follow the thing they qualify ("CPA candidate", "Python (coursework)").
 *
 * - affirmed: the candidate has it.
 * - exposure: only coursework, a home lab, familiarity, basics → at most partly met.
 * - progress: a credential or degree under way ("candidate", "Level I", "expected 2027") → partly met.
 * - lapsed: held once, expired or inactive now → partly met; not met when the criterion asks for current.
 * - negated: the sentence says the candidate does not have it → not met, with that sentence as evidence.
 * - wanted: the candidate wishes to learn it ("interested in learning Go") → not met.
 */
export type Stance = "affirmed" | "exposure" | "progress" | "lapsed" | "negated" | "wanted";

/** Which stance wins when a term appears several times: any affirmed mention shows the skill. */
const STANCE_RANK: Readonly<Record<Stance, number>> = { affirmed: 5, progress: 4, lapsed: 3, exposure: 3, wanted: 1, negated: 0 };

/** `paren`: an aside in brackets, whose commas are its own; a colon's or dash's aside is often a list. */
type Item = { tok: Token } | { brk: "hard" | "soft" | "open" | "close"; paren?: boolean };

const HARD_WORDS = new Set(["but", "however", "although", "though", "whereas", "except", "while"]);

/** Words written with a period that does not end the sentence ("exp. 03/2024"). */
const ABBREVIATED = new Set(["exp", "approx", "etc", "vs", "no", "mr", "ms", "mrs", "dr", "inc", "st", "jr", "sr", "dept", "est", "incl", "e", "g", "i", "cert", "certs", "lic", "qual"]);
const lastWord = (out: readonly Item[]): string => {
  const last = out[out.length - 1];
  return last && "tok" in last ? last.tok.lower : "";
};

/** Words and clause breaks of a sentence, folded and with technical spellings protected like `tokenize`. */
function items(text: string): Item[] {
  const t = protect(fold(text));
  const out: Item[] = [];
  for (const m of t.matchAll(/[\p{L}\p{N}]+|[.;!?]+(?=\s|$)|:(?=\s|$)|\s[-–—]+\s|[,/·•▪|]|\(|\)|\[|\]/gu)) {
    const raw = m[0];
    if (/^[\p{L}\p{N}]/u.test(raw)) {
      const lower = raw.toLowerCase();
      if (HARD_WORDS.has(lower)) out.push({ brk: "hard" });
      else out.push({ tok: { raw, lower, stem: stem(lower) } });
    } else if (raw === "," || raw === "/" || raw === "·" || raw === "•" || raw === "▪" || raw === "|") out.push({ brk: "soft" });
    else if (raw === "(" || raw === "[") out.push({ brk: "open", paren: true });
    else if (raw === ":" || /^\s[-–—]+\s$/.test(raw)) out.push({ brk: "open" });
    else if (raw === ")" || raw === "]") out.push({ brk: "close" });
    else if (raw === "." && ABBREVIATED.has(lastWord(out))) continue;
    else out.push({ brk: "hard" });
  }
  return out;
}

interface Cue {
  words: readonly string[];
  stance: Exclude<Stance, "affirmed">;
}

const cue = (stance: Cue["stance"], ...phrases: string[]): Cue[] => phrases.map((p) => ({ words: p.split(" "), stance }));

/** Cues that qualify the words after them, up to the end of the clause. Lower-case words. */
const PRE_CUES: readonly Cue[] = [
  ...cue("negated", "no", "not", "never", "without", "lack", "lacks", "lacking", "lacked", "none", "nor", "neither", "zero"),
  // The other one was used: "Jira rather than Asana", "Azure instead of GCP".
  ...cue("negated", "rather than", "instead of", "in place of", "as opposed to", "yet to", "not yet", "never had the chance"),
  // Left out of a list: "every major cloud apart from GCP", "all BI tools other than Looker". ("Except"
  // starts a clause of its own, whose sense depends on the one before: "no AWS except S3".)
  ...cue("negated", "apart from", "other than", "excluding"),
  // The same in the other languages résumés here are written in (German, Dutch, French, Spanish, Polish).
  ...cue("negated", "kein", "keine", "keinen", "ohne", "nicht", "geen", "niet", "sans", "aucun", "aucune", "pas de", "sin", "sem", "nao", "brak", "bez", "nie"),
  // Basics and study in those languages: "notions de Kubernetes", "curso de Scala", "Grundkenntnisse in SAP".
  ...cue("exposure", "notions de", "notions d", "nocoes de", "nociones de", "conocimientos basicos", "grundkenntnisse", "basiskennis", "estudando", "estudiando", "curso de", "cours de", "kurs"),
  ...cue("wanted", "preparing for", "prepare for", "preparing", "studying for", "planning to take", "plan to take", "working toward", "working towards", "interested in", "eager to", "hoping to", "hope to", "would like to", "want to", "wants to", "plan to", "planning to", "looking to learn", "aspiring", "keen to", "excited to learn", "goal is to", "next step", "goal", "move into", "transition into", "transition to", "break into", "hope to move",
    "will complete", "will take", "will sit", "will obtain", "will earn", "will start", "will begin", "nominated for", "selected for", "approved for",
    "would love to", "love to", "willing to learn", "open to learning", "happy to learn",
    // Only thought of: "Considering an LPN-to-RN bridge program in 2027".
    "considering", "exploring", "thinking about", "looking into",
    // A career objective names the job wanted: "Objective: To obtain a Team Leader position".
    "to obtain", "seeking a", "seeking an", "seeking", "looking for a", "looking for an", "objective", "career objective"),
  ...cue(
    "exposure",
    "familiar with", "familiarity with", "exposure to", "exposed to", "basic knowledge", "basic understanding", "basics of", "beginner",
    "introductory", "intro to", "introduction to", "some knowledge", "limited", "coursework", "coursework in", "course in", "courses in",
    "class project", "academic project", "academic", "currently learning", "learning", "self study", "studied", "tutorial", "tutorials",
    "hobby", "home lab", "homelab", "shadowed", "observed", "awareness of", "aware of", "touched", "dabbled", "conceptual",
    // A product tried out, not used at work: "walked through a BambooHR free trial".
    "walked through", "free trial", "trial account", "demo account", "demo of",
    // Learning about it, not doing it: "read up on Kubernetes", "attended a Tableau webinar", "an online course on Python".
    "exposure level", "beginner level", "basic level", "novice", "theoretical", "theoretical knowledge", "in theory",
    "read up on", "reading up on", "read about", "reading about", "watched", "attended a", "attended an", "attended the", "course on", "courses on", "online course", "online courses", "webinar on", "webinars on",
    // Someone else's role or skill: "reported to the nurse manager", "assisted the controller".
    "reported to", "reporting to", "reports to", "assisted the", "assisting the", "helped the", "assistant to", "my manager",
    // Assisting people who hold it: "assist licensed gasfitters on heat sections".
    "assist the", "assisted our", "assist our", "assisting our", "helped our", "assist licensed", "assisted licensed", "assisting licensed", "assist certified", "assisted certified", "assisting certified", "assist senior", "assisted senior",
    // Done to the candidate: "under the supervision of the Executive Chef".
    "under the supervision of", "under supervision of", "under the direction of", "under the guidance of",
  ),
  ...cue(
    "progress",
    "pursuing", "enrolled in", "candidate for",
    "sitting for", "sit for", "registered for", "scheduled to take", "expected", "anticipated", "in progress", "pending", "eligible",
    "student", "toward", "towards", "hours toward", "hours towards",
  ),
  ...cue("lapsed", "expired", "lapsed", "formerly", "former", "previously held", "inactive", "previously used", "formerly used", "used to use"),
];

/** Cues that qualify the words just before them ("CPA candidate", "Kubernetes (home lab only)"). */
const POST_CUES: readonly Cue[] = [
  ...cue("exposure", "estudando", "estudiando", "curso", "cours", "notions", "grundkenntnisse", "free trial", "trial account", "trial version", "demo account", "demo only", "sandbox only", "coursework", "course", "courses", "class", "classes", "home lab", "homelab", "lab only", "personal project", "personal projects", "side project", "side projects", "hobby", "webinar", "webinars", "seminar", "seminars", "meetup", "meetups", "tutorials", "videos", "concepts", "overview", "minimal", "limited", "theoretical", "theory only", "in theory", "novice",
    // Practising for it or auditing it, not holding it: "(practice exams only)", "(audit track)".
    "practice exam", "practice exams", "practice test", "practice tests", "audit track", "audit only", "audited", "study guide", "basic", "basics", "beginner", "elementary", "familiarity", "exposure", "academic", "tutorial", "not in production", "not used in production", "not professionally", "only in school", "school project", "learning",
    // Watched others do it: "Commercial chillers: shadowed senior techs on 2 jobs", "a one-day hospital pharmacy visit".
    "shadowed", "shadowing", "observed only", "observation only", "observation", "observation shift", "observation shifts", "as a student", "visit", "site visit", "field trip", "tour", "open day",
    // "Go (reading level, small CLI tools)", "PTW (básico)": a level below use.
    "reading level", "reading knowledge", "basico", "basica", "basique",
    // Someone else's work: "(transfer pricing certifications were handled by the firm's separate TP team)",
    // "Extension 2 is taught by the Head Teacher".
    "handled by", "were handled by", "was handled by", "done by", "owned by", "performed by", "taught by", "is taught by", "led by", "managed by", "run by",
    "written by", "are written by", "is written by", "built by", "are built by", "is built by", "programmed by", "configured by", "maintained by", "administered by", "operated by",
    // Only looked at or tried: "Primavera P6 – review only", "Blender — just for fun", "(one-day training only)".
    "review only", "read only", "view only", "for fun", "just for fun", "training only",
    // Learning platforms: "GCP — completed Google Cloud Skills Boost labs", "Salesforce (Trailhead badges)".
    "skills boost", "qwiklabs", "trailhead", "udemy", "coursera", "pluralsight", "codecademy", "datacamp", "linkedin learning", "freecodecamp"),
  ...cue(
    "progress",
    "candidate", "in progress", "expected", "pending", "in training", "trainee", "exam scheduled", "scheduled", "level i", "level 1", "level ii", "level 2", "part qualified", "underway", "ongoing", "eligible",
    "awaiting", "awaiting results", "being issued", "apprentice", "sat the", "training in progress", "part 1 passed", "part i passed",
  ),
  ...cue("lapsed", "expired", "lapsed", "inactive", "not renewed", "no longer active", "revoked", "suspended", "surrendered", "cancelled", "canceled", "no longer valid",
    // In the résumé's own language: "expirée 2023", "wygasł 2022", "vencida em 2024", "abgelaufen".
    "expiree", "expire", "expirado", "expirada", "vencido", "vencida", "caducado", "caducada", "abgelaufen", "verlopen", "wygasl", "wygasla", "wygaslo", "wygasle", "scaduto", "scaduta"),
  ...cue("negated", "not required", "none", "n a"),
  ...cue("wanted", "preparing", "planned", "planning", "next year", "someday", "goal", "will complete", "will take", "will sit", "will start", "to be completed", "to be taken",
    // Studied for, not held: "Palo Alto PCNSE — studying", "ASQ CQA — studying; plan to sit the exam".
    "studying", "studying for", "in preparation", "plan to", "plans to", "planning to", "intend to", "intends to", "aim to",
    // Planned, in the résumé's own language: "RHCE – Prüfung geplant für 2027", "examen prévu", "egzamin planowany".
    "geplant", "prufung geplant", "gepland", "prevu", "prevue", "previsto", "prevista", "planowany", "planowane", "planowana",
    // Being prepared: "Certificación ASE: en preparación", "in Vorbereitung", "w przygotowaniu".
    "en preparacion", "em preparacao", "in vorbereitung", "in voorbereiding", "w przygotowaniu", "en preparation"),
];

const byFirstWord = (cues: readonly Cue[]) => {
  const map = new Map<string, Cue[]>();
  for (const c of cues) map.set(c.words[0] as string, [...(map.get(c.words[0] as string) ?? []), c]);
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
};
const PRE_BY_FIRST = byFirstWord(PRE_CUES);
const POST_BY_FIRST = byFirstWord(POST_CUES);

/** How far a cue reaches, in words. */
const PRE_SCOPE = 7;
const POST_SCOPE = 3;

/** "Code 95 niet in bezit", "Staplerschein: nicht vorhanden": a denial right after the thing. */
const NOT_WORDS = new Set(["not", "no", "never", "without", "nicht", "niet", "kein", "keine", "geen", "brak", "pas"]);

const NEG_CONTRACTION = new Set(["don", "doesn", "didn", "haven", "hasn", "hadn", "isn", "aren", "wasn", "weren", "can", "couldn", "won", "wouldn", "never"]);

function matchCue(words: readonly Token[], at: number, c: Cue): boolean {
  for (let k = 0; k < c.words.length; k++) if (words[at + k]?.lower !== c.words[k]) return false;
  return true;
}

const LIMITED_AMOUNTS = new Set(["experience", "exposure", "knowledge", "familiarity", "use", "usage", "hands", "practical", "professional", "working", "understanding", "proficiency"]);
const LIMITED_OBJECTS = new Set(["downtime", "outages", "cost", "costs", "spend", "spending", "risk", "risks", "access", "churn", "errors", "losses", "loss", "waste", "turnover", "delays", "overtime", "liability", "damage", "rework", "returns", "scrap", "shrinkage", "variance"]);

const LEARNING_NOUN_AFTER = new Set(["and", "management", "development", "platform", "platforms", "systems", "journal", "journals", "disability", "disabilities", "difficulty", "difficulties", "support", "outcomes", "objectives", "plans", "materials", "resources", "environment", "environments", "centre", "center", "styles", "needs", "analytics", "experiences", "pathways", "culture", "logs", "activities", "goals", "modules", "content", "designer", "design", "specialist", "partner", "lead", "programs", "programmes", "solutions"]);
const LEARNING_NOUN_BEFORE = new Set(["machine", "deep", "e", "online", "distance", "blended", "early", "adult", "lifelong", "reinforcement", "supervised", "unsupervised", "social", "emotional", "experiential", "workplace", "digital", "federated", "transfer"]);

/** A word that only looks like a cue: "no." the number, "not only", "no later than", "no. 1". */
function falseCue(words: readonly Token[], at: number, c: Cue): boolean {
  const next = words[at + c.words.length]?.lower;
  if (c.words[0] === "no" && c.words.length === 1) return next === undefined || /^\d/.test(next) || next === "later" || next === "more" || next === "less";
  if (c.words[0] === "not" && c.words.length === 1) return next === "only" || next === "just";
  // "Limited downtime of the Kafka cluster": the verb, not a little of it.
  // A bullet that opens with it is the verb too, unless a little of something follows ("Limited experience with").
  if (c.words[0] === "limited" && c.words.length === 1) return next !== undefined && (LIMITED_OBJECTS.has(next) || (at === 0 && !LIMITED_AMOUNTS.has(next)));
  // "Learning journals on Tapestry", "machine learning", "early learning": the noun, not studying.
  if (c.words[0] === "learning" && c.words.length === 1) return LEARNING_NOUN_AFTER.has(next ?? "") || LEARNING_NOUN_BEFORE.has(words[at - 1]?.lower ?? "");
  // "CDL Class A", "Class 1 licence", "Class II medical device": a licence's or a product's class, not a course.
  if ((c.words[0] === "class" || c.words[0] === "classes") && c.words.length === 1) return /^([a-e]|\d{1,2}|i{1,3}|iv|v)$/.test(next ?? "");
  // "working toward" is a wish (planning); "hours logged toward", "student … toward" are a stage done.
  if ((c.words[0] === "toward" || c.words[0] === "towards") && c.words.length === 1) return /^work/.test(words[at - 1]?.lower ?? "");
  return false;
}

interface Clause {
  words: Token[];
  /** Index in `words` where each parenthetical that follows a word starts, for post cues. */
  parenAfter: Map<number, { from: number; to: number }>;
  /** Word indexes where a parenthetical, a colon's or a dash's aside starts. */
  opens: Set<number>;
  /** Word indexes after a comma outside any aside: the next list item; post cues stop there. */
  softs: Set<number>;
}

/** Clauses of a sentence: hard breaks end a scope; a parenthetical belongs to the word before it. */
function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let cur: Clause = { words: [], parenAfter: new Map(), opens: new Set(), softs: new Set() };
  let parenFrom = -1;
  let inBrackets = false;
  for (const it of items(text)) {
    if ("tok" in it) {
      cur.words.push(it.tok);
      continue;
    }
    if (it.brk === "open") {
      // "X: home lab only", "X — expired", "X (coursework)": what follows qualifies X.
      if (parenFrom > 0) cur.parenAfter.set(parenFrom - 1, { from: parenFrom, to: cur.words.length });
      parenFrom = cur.words.length;
      inBrackets = it.paren === true;
      cur.opens.add(cur.words.length);
    } else if (it.brk === "close") {
      if (parenFrom > 0) cur.parenAfter.set(parenFrom - 1, { from: parenFrom, to: cur.words.length });
      parenFrom = -1;
    } else if (it.brk === "soft") {
      // "Mechanic: riveting, structural repair, NDT (eddy current, Level I)": the colon's list items
      // are items; the commas in brackets are the aside's own.
      if (parenFrom < 0 || !inBrackets) cur.softs.add(cur.words.length);
    } else if (it.brk === "hard" && inBrackets && parenFrom >= 0) {
      // "SHRM-CP (2019; lapsed 12/2022)": a semicolon inside brackets separates the aside's own parts.
      continue;
    } else if (it.brk === "hard") {
      if (parenFrom > 0) cur.parenAfter.set(parenFrom - 1, { from: parenFrom, to: cur.words.length });
      if (cur.words.length) out.push(cur);
      cur = { words: [], parenAfter: new Map(), opens: new Set(), softs: new Set() };
      parenFrom = -1;
    }
  }
  if (parenFrom > 0) cur.parenAfter.set(parenFrom - 1, { from: parenFrom, to: cur.words.length });
  if (cur.words.length) out.push(cur);
  return out;
}

/** The stance of the words [start, end) of a clause. */
const MONTH_WORDS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** "exp. 08/2026", "valid through 03/2024", "expires Jan 2025" with that date already past; the cue in scope, its date may run past it. */
function expiredIn(w: readonly Token[], from: number, to: number, nowIdx: number | undefined): boolean {
  if (nowIdx === undefined) return false;
  for (let i = from; i < to; i++) {
    const word = (w[i] as Token).lower;
    const expiry = word === "exp" || word === "expires" || word === "expiring" || word === "expiry" || (word === "valid" && /^(through|thru|until|till)$/.test(w[i + 1]?.lower ?? ""));
    if (!expiry) continue;
    for (let k = i + 1; k < Math.min(w.length, i + 5); k++) {
      const y = (w[k] as Token).lower;
      if (!/^(19|20)\d{2}$/.test(y)) continue;
      const prev = w[k - 1]?.lower ?? "";
      const month = /^\d{1,2}$/.test(prev) ? Number(prev) : (MONTH_WORDS[prev.slice(0, 3)] ?? 12);
      return Number(y) * 12 + Math.min(12, Math.max(1, month)) - 1 < nowIdx;
    }
  }
  return false;
}

/** "CPA exam: passed AUD and FAR": the exam named right after a credential is not the credential. */
const EXAM_WORDS = new Set(["exam", "exams", "examination"]);

const TEAM_NOUNS = new Set(["team", "teams", "group", "groups", "department", "departments", "squad", "engineers", "developers", "consultants", "specialists", "experts", "admins", "administrators", "vendor", "vendors",
  // Someone else's role: "the monthly P&L review with the district manager".
  "manager", "managers", "director", "directors", "supervisor", "supervisors", "officer", "officers", "partner", "partners", "physician", "physicians", "attorney", "attorneys", "controller", "owner", "owners"]);
const BESIDE_WORDS = new Set(["with", "alongside", "liaised", "liaising", "liaise", "partnered", "supported", "supporting", "between"]);
const PASTIME_HEADING = /^(interests|hobbies|hobby|pastimes|personal interests|outside work|leisure)\b/;

function besideTeam(w: readonly Token[], start: number, end: number): boolean {
  const team = w.slice(end, end + 3).some((t) => TEAM_NOUNS.has(t.lower));
  if (!team) return false;
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) if (BESIDE_WORDS.has((w[i] as Token).lower)) return true;
  return false;
}

const PASSIVE_HELD = /^(certif|licens|accredit|regist|approv|qualif|endors|recogni[sz]|award|sponsor|recommend|employ|hire|promot|select|nominat|credential|board)/;
const OWNING_VERBS = new Set(["ran", "runs", "run", "owns", "own", "owned", "built", "builds", "writes", "wrote", "does", "did", "handles", "handled", "performs", "performed", "programs", "programmed", "configures", "configured", "maintains", "maintained", "administers", "administered", "operates", "operated"]);
const OTHER_PARTY_DETERMINERS = new Set(["the", "their", "a", "an", "his", "her", "its"]);

/**
 * Another party named as doing the thing: before the mention in its clause ("the vendor ran the
 * Relativity review"), or in the aside that follows it ("UKG timekeeping (the payroll team owns the
 * system)"). The party is a team or role noun after "the"/"their"/"a"; "our team", "my team" include
 * the candidate.
 */
function othersDoIt(w: readonly Token[], start: number, postTo: number, own: ReadonlyArray<{ from: number; to: number }>): boolean {
  const party = (i: number, from = -1) =>
    TEAM_NOUNS.has(w[i]?.lower ?? "") &&
    OWNING_VERBS.has(w[i + 1]?.lower ?? "") &&
    // Named with "the"/"their", or opening an aside on its own ("(payroll team owns the system)").
    (OTHER_PARTY_DETERMINERS.has(w[i - 1]?.lower ?? "") || OTHER_PARTY_DETERMINERS.has(w[i - 2]?.lower ?? "") || (from >= 0 && i - from <= 2));
  for (let i = start - 2; i >= Math.max(0, start - PRE_SCOPE); i--) if (party(i)) return true;
  for (const aside of own) for (let i = aside.from; i < Math.min(aside.to, postTo + 8); i++) if (party(i, aside.from)) return true;
  return false;
}

/** Words that name a person by the work or the credential they hold ("the wound nurse", "three CFP professionals"). */
const PERSON_NOUNS = new Set(
  ("nurse practitioner professional officer technician therapist physician attorney inspector supervisor manager director advisor adviser " +
    "agent pharmacist colleague counselor counsellor preceptor mentor doctor surgeon dentist accountant auditor lawyer architect electrician " +
    "clinician provider dietitian hygienist engineer planner adjuster specialist consultant coordinator")
    .split(" ")
    .flatMap((n) => [n, `${n}s`]),
);
/** What is done to or for a person named by a credential: "under the supervising OTR's plans". */
const PERSON_OBJECTS = new Set(["plans", "plan", "supervision", "oversight", "direction", "guidance", "orders", "order", "sign", "signoff", "review", "caseload", "team"]);
/** Words before a person the candidate works for or beside: "assists the facility wound nurse", "witnessed by the state QEI". */
const ASSISTING = new Set(["assist", "assists", "assisted", "assisting", "support", "supports", "supported", "supporting", "with", "under", "by", "alongside", "beside", "shadowing", "shadowed"]);
const PERSON_DETERMINERS = new Set(["the", "a", "an", "our", "their", "his", "her", "my", "its", "each", "two", "three", "four", "five", "several"]);
/** Between such a lead and the mention: the mention is then in another phrase than the person's. */
const PHRASE_BREAKS = new Set(["with", "in", "using", "on", "for", "to", "via", "through", "into", "from", "across", "at", "and", "as", "while", "including", "by"]);

/**
 * A credential or a role named as someone else the candidate assists, supports or works beside:
 * "assists the facility wound nurse (WCC)", "supported the QA Director, the plant's SQF Practitioner",
 * "co-leads a group with the clinic's CASAC", "tests witnessed by the state QEI". The phrase after the
 * lead names a person (a person noun, or a credential's acronym ending the clause or followed by what
 * is done for that person); the candidate's own credential is not named so ("with my RN licence").
 */
function anotherPerson(clause: Clause, start: number, end: number): boolean {
  const w = clause.words;
  for (let lead = start - 2; lead >= Math.max(0, start - 8); lead--) {
    if (!ASSISTING.has((w[lead] as Token).lower) || !PERSON_DETERMINERS.has(w[lead + 1]?.lower ?? "")) continue;
    // "Board certified by the ABIM", "credentialed by the AAPC": the issuer of the candidate's own credential.
    if ((w[lead] as Token).lower === "by" && PASSIVE_HELD.test(w[lead - 1]?.lower ?? "")) return false;
    if (w.slice(lead + 2, start).some((t) => PHRASE_BREAKS.has(t.lower))) return false;
    const person = w.slice(lead + 2, Math.min(w.length, end + 2)).some((t) => PERSON_NOUNS.has(t.lower));
    const acronym = end - start === 1 && /^\p{Lu}{2,6}$/u.test((w[start] as Token).raw);
    const endsPhrase = end === w.length || clause.softs.has(end) || clause.opens.has(end) || PERSON_OBJECTS.has(w[end]?.lower ?? "");
    return person || (acronym && endsPhrase);
  }
  return false;
}

function stanceAt(clause: Clause, start: number, end: number, nowIdx?: number, needed?: ReadonlySet<Term>): Stance {
  const w = clause.words;
  // Post cues: the next few words, and any aside (parenthesis, colon, dash) that starts among them
  // ("ACLS (AHA) — exp. 08/2026", "PE exam: not yet taken").
  // A mention inside a longer name ("AWS Certified Solutions Architect – Associate (2020, expired 2023)")
  // is qualified by what follows the whole name.
  let nameEnd = end;
  while (nameEnd < w.length && nameEnd - end < 6 && !clause.softs.has(nameEnd) && /^\p{Lu}/u.test((w[nameEnd] as Token).raw)) nameEnd++;
  let postTo = Math.min(w.length, nameEnd + POST_SCOPE);
  // An aside right after another ("CPR/AED/First Aid (Red Cross) - exp 01/2025") qualifies the same
  // name, unless the one before ran into the next item ("BLS – valid to 2027 • ACLS – expired").
  let prev: { from: number; to: number } | null = null;
  for (const [after, aside] of [...clause.parenAfter].sort((a, b) => a[0] - b[0])) {
    const p: { from: number; to: number } | null = prev;
    const chained = p !== null && after === p.to - 1 && ![...clause.softs].some((k) => k > p.from && k <= after);
    if (!(after >= end - 1 && after < nameEnd + POST_SCOPE) && !chained) continue;
    postTo = Math.max(postTo, aside.to);
    prev = aside;
  }
  if (expiredIn(w, end, postTo, nowIdx)) return "lapsed";
  // The aside that follows the mention is about it, commas and all ("CISSP: passed exam, endorsement pending").
  const own = [...clause.parenAfter].filter(([after]) => after >= end - 1 && after < nameEnd + POST_SCOPE).map(([, aside]) => aside);
  const inOwnAside = (i: number) => own.some((a) => i >= a.from && i < a.to);
  // "ITIL 4 Foundation — course completed, exam booked", "CHRL: 4 of 6 required courses completed":
  // a course on the way to an exam or a credential is progress toward it, not mere coursework.
  const after = w.slice(end, postTo).map((t) => t.lower).join(" ");
  if (/\b(exam|exams|test) (booked|scheduled)\b/.test(after)) return "progress";
  // Units done anywhere in the rest of the clause: "studying, due 2027 (4 of 8 units complete)".
  if (/\b\d+ of \d+ (?:[a-z]+ ){0,2}(courses|modules|units|exams|papers|sections|parts|terms)\b/.test(w.slice(end).map((t) => t.lower).join(" "))) return "progress";
  for (let i = end; i < postTo; i++) {
    // "Advanced Cardiac Life Support (AHA), Basic Life Support": the next item is not a qualifier.
    // A lapse or progress cue right after the comma still qualifies it ("CSM 2019, lapsed 2021").
    if (i > end && clause.softs.has(i) && !inOwnAside(i) && !(POST_BY_FIRST.get((w[i] as Token).lower) ?? []).some((c) => c.stance === "lapsed" || c.stance === "progress")) break;
    let hit: Cue | undefined;
    for (const c of POST_BY_FIRST.get((w[i] as Token).lower) ?? []) {
      if (matchCue(w, i, c) && !falseCue(w, i, c)) {
        hit = c;
        break;
      }
    }
    // "GST registrations (transfer pricing … were handled by the TP team)": whose work an aside names is
    // the aside's subject, not the word before the bracket.
    if (hit && hit.words.at(-1) === "by" && [...clause.opens].some((k) => k > end && k <= i)) hit = undefined;
    // "lapsed in 2021, renewed 2024": held again since.
    if (hit?.stance === "lapsed" && /(?<!\b(not|never) )\b(renewed|reinstated|recertified|restored)\b/.test(w.slice(i).map((t) => t.lower).join(" "))) return "affirmed";
    if (hit) return hit.stance;
    if (NOT_WORDS.has((w[i] as Token).lower)) return "negated";
  }
  // Done to the candidate, not by them: "supervised by the head chef", "under the supervision of".
  // (Certified, licensed or registered by a body is the candidate's own credential.)
  const term = w[start] as Token;
  if (w[end]?.lower === "by" && /ed$/.test(term.lower) && !PASSIVE_HELD.test(term.lower)) return "exposure";
  if (w[end]?.lower === "of" && (w[start - 1]?.lower === "under" || (w[start - 1]?.lower === "the" && w[start - 2]?.lower === "under"))) return "exposure";
  // The one who does it, named after "by": "(draws performed by CVTs)", "reviewed by the CPA" is
  // another party, not the candidate's credential ("certified by AAPC" names the issuer of one).
  const by = w[start - 1]?.lower === "by" ? start - 1 : w[start - 2]?.lower === "by" && OTHER_PARTY_DETERMINERS.has(w[start - 1]?.lower ?? "") ? start - 2 : -1;
  // Only a party: a credential's letters or a person or team noun ("delivered by telehealth" names a means).
  const party = /^\p{Lu}{2,}/u.test(term.raw) || PERSON_NOUNS.has(w[end - 1]?.lower ?? "") || TEAM_NOUNS.has(w[end - 1]?.lower ?? "") || TEAM_NOUNS.has(w[end]?.lower ?? "") || PERSON_NOUNS.has(w[end]?.lower ?? "");
  if (by > 0 && party && /ed$/.test(w[by - 1]?.lower ?? "") && !PASSIVE_HELD.test(w[by - 1]?.lower ?? "")) return "exposure";
  // "(the payroll team owns the system)", "the vendor ran the review": another party does it.
  if (othersDoIt(w, start, postTo, own)) return "exposure";
  if (anotherPerson(clause, start, end)) return "exposure";
  // "non-sterile compounding": "non" denies the word it is joined to, not the rest of the clause.
  if (w[start - 1]?.lower === "non") return "negated";
  // Pre cues: the nearest one before the mention within the scope wins.
  for (let i = start - 1; i >= Math.max(0, start - PRE_SCOPE); i--) {
    const word = w[i] as Token;
    if (word.lower === "t" && i > 0 && NEG_CONTRACTION.has((w[i - 1] as Token).lower)) return "negated";
    for (const c of PRE_BY_FIRST.get(word.lower) ?? []) {
      if (i + c.words.length > start) continue;
      if (!matchCue(w, i, c) || falseCue(w, i, c)) continue;
      // "Not pursuing the LPC at this time": a path denied is not one taken.
      if ((c.stance === "progress" || c.stance === "wanted") && NOT_WORDS.has(w[i - 1]?.lower ?? "")) return "negated";
      return c.stance;
    }
  }
  // "Liaised with the SAP finance team", "worked alongside the Kubernetes platform team": the skill
  // is the other team's; the candidate worked beside it.
  if (besideTeam(w, start, end)) return "exposure";
  // "Interests: Python, chess, trail running": a pastime, not experience.
  if (start > 0 && PASTIME_HEADING.test(w.slice(0, 2).map((t) => t.lower).join(" "))) return "exposure";
  // Unless the exam is what the criterion is about ("Cambridge exam preparation").
  const next = w[end];
  if (next && EXAM_WORDS.has(next.lower) && !needed?.has(next.stem)) return "progress";
  return "affirmed";
}

/**
 * Every term of `needed` in `text` with how the text speaks of it (the strongest stance when a term
 * appears more than once). Terms are concepts and word stems as `termsOf` finds them.
 */
export function stancesOf(text: string, needed: ReadonlySet<Term>, nowIdx?: number): Map<Term, Stance> {
  const out = new Map<Term, Stance>();
  const denied = new Set<Term>();
  for (const clause of clausesOf(text)) {
    for (const occ of termOccurrences(clause.words, needed)) {
      const s = stanceAt(clause, occ.start, occ.end, nowIdx, needed);
      if (s === "negated") denied.add(occ.term);
      const prev = out.get(occ.term);
      if (prev === undefined || STANCE_RANK[s] > STANCE_RANK[prev]) out.set(occ.term, s);
    }
  }
  // One line that denies a thing and names it again speaks of someone else's the second time:
  // "Not a CPA — I work alongside our outside CPA firm".
  for (const t of denied) if (out.get(t) === "affirmed") out.set(t, "negated");
  return out;
}

/** Cues of a degree or credential not finished yet, anywhere in a line. */
const IN_PROGRESS_LINE =
  /\b(expected|anticipated|in progress|pursuing|candidate|current student|currently enrolled|enrolled|ongoing|to graduate|graduating|will graduate|working (on|toward|towards) (my|a|an|the)|currently (completing|studying)|year \d of \d|\d+ of \d+ (semesters|terms|modules|courses|units|sections|parts|papers|exams) (complete|completed|done|passed))\b/i;
export function inProgressLine(text: string): boolean {
  return IN_PROGRESS_LINE.test(fold(text));
}

export const isPartialStance = (s: Stance | undefined): boolean => s === "exposure" || s === "progress" || s === "lapsed";
export const isNegativeStance = (s: Stance | undefined): boolean => s === "negated" || s === "wanted";

/** Words used in reasons for each stance. */
export const STANCE_WORDS: Readonly<Record<Exclude<Stance, "affirmed">, string>> = {
  exposure: "as exposure only (coursework, reading, familiarity, a lab, a trial, a pastime, or the work of people the candidate worked beside or for)",
  progress: "as still in progress",
  lapsed: "as expired or no longer active",
  negated: "as something the candidate does not have",
  wanted: "as something the candidate wants to learn",
};
