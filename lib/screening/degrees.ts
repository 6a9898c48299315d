import { fold } from "./text";

/**
 * Degree levels: ASSOCIATE (1) < BACHELOR (2) < MASTER (3) < DOCTORATE (4). A higher degree meets a
 * lower requirement ("Master's" meets "Bachelor's degree required").
 */
export const DEGREE_LEVELS = { ASSOCIATE: 1, BACHELOR: 2, MASTER: 3, DOCTORATE: 4 } as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[keyof typeof DEGREE_LEVELS];
export const LEVEL_NAMES: Readonly<Record<number, string>> = { 1: "associate degree", 2: "bachelor's degree", 3: "master's degree", 4: "doctorate" };

// Case-insensitive spellings, on folded text.
const PATTERNS: ReadonlyArray<[RegExp, DegreeLevel]> = [
  [/\b(ph\.?\s?d\.?|doctorate|doctoral|doctor of|d\.?phil|ed\.?d\.?|d\.?n\.?p\.?|doutorado|doctorado|dottorato|promotion zum dr)(?![a-z])/i, 4],
  // Degrees named in other languages: a German Diplom or Italian laurea magistrale is a master's level.
  [/\b(dipl\.?[- ]?ing\.?|diplom(?!a)\b|diplom-\w+|magister|mestrado|maestria|master universitario|laurea magistrale|laurea specialistica|ingenieur diplome|diplome d'ingenieur)/i, 3],
  [/\b(bacharelado|licenciatura|licenciado|grado en|grado de|laurea triennale|laurea in|licence en|licence professionnelle|bachiller universitario)\b/i, 2],
  // "Master electrician", "ASE Master Automobile Technician", "Scrum Master": a rank in a trade or a role, not a degree.
  [/\b((?<!\b(?:scrum|web|post|head|grand|ring|band|yard|dock|harbou?r|station|game|quiz|ase|belt)\s)masters?\b(?!\s+(?:electrician|plumber|plumbing|electrical|carpenter|technician|mechanic|automobile|automotive|truck|collision|gardener|barber|chef|cook|sommelier|builder|welder|black belt|gunner|sergeant|diver|mariner|brewer|baker|locksmith|tailor|craftsman|hvac|pipefitter|roofer|mason|stylist|cosmetologist|trainer|certified|certificate|certification|licen[cs]e|data|file|schedule|scheduler|key|class|level|tech)\b)|master'?s|master of|m\.\s?s\.|m\.\s?sc\.?|msc\b|m\.\s?a\.|mba\b|m\.b\.a\.?|meng\b|m\.eng\.?|msn\b|mph\b|mfa\b|m\.ed\.?|llm\b|msw\b|m\.s\.w\.?|mpa\b|mha\b|mlis\b|macc\b)/i, 3],
  // A law degree is graduate study; written with its dots, so "JD Edwards" the software is not one.
  [/\b(j\.\s?d\.|juris doctor)/i, 3],
  // Written out with dots or in other systems: B.F.A., B.Arch, BCom (Honours), Polish inż., a Spanish or
  // Portuguese engineering degree at a university (Ingeniería Industrial).
  [/\b(b\.\s?f\.\s?a\.?|b\.\s?b\.\s?a\.?|b\.?\s?arch\b|b\.?\s?des\b|b\.?\s?com\b|bcom\b|honou?rs (degree|in)\b|licencjat|inz\.|inzynier|ingenier[ia]a? (industrial|civil|mecanica|electrica|electronica|quimica|informatica|de sistemas)|engenharia (de )?(producao|civil|mecanica|eletrica|quimica))/i, 2],
  [/\b(m\.\s?f\.\s?a\.?|m\.\s?arch\b|m\.?\s?des\b|mgr\s?inz\.?|m\.?\s?tech\b)/i, 3],
  [/\b(bachelors?\b|bachelor'?s|bachelor of|b\.\s?s\.|b\.\s?sc\.?|bsc\b|b\.\s?a\.|beng\b|b\.eng\.?|b\.\s?e\.(?!\w)|bsn\b|bfa\b|bba\b|b\.tech|btech\b|undergraduate degree|college degree|university degree|(?:4|four)[- ]year degree|baccalaureate)/i, 2],
  [/\b(associate'?s? degree|associates? of (?:science|arts|applied)|associate degree|a\.\s?a\.\s?s\.|\badn\b|\basn\b|\baas\b)/i, 1],
];
// Bare abbreviations, matched case-sensitively (MS, MA, BS, BA, MBA…).
const ABBREVIATIONS: ReadonlyArray<[RegExp, DegreeLevel]> = [
  [/\b(PhD|DPhil|DNP|EdD)\b/, 4],
  [/\b(MS|MA|MBA|MSc|MEng|MSN|MPH|MFA|MSW|JD)\b/, 3],
  [/\b(BS|BA|BSc|BEng|BSN|BFA|BBA)\b/, 2],
  [/\b(AS|AA|AAS|ADN)\b/, 1],
];

const SCHOOL_CONTEXT = /\b(university|college|institute|school|academy|polytechnic|degree|graduated|gpa|education|universidad|universit[eé])\b/i;

export interface DegreeMention {
  level: DegreeLevel;
  /** The matched text, e.g. "B.S." */
  match: string;
}

/** Degree levels mentioned in `text`. Bare abbreviations count only in a school context or `trusted` strings (parsed degree fields). */
export function degreeMentions(text: string, trusted: boolean): DegreeMention[] {
  const t = fold(text);
  const out: DegreeMention[] = [];
  for (const [re, level] of PATTERNS) {
    const m = re.exec(t);
    if (m) out.push({ level, match: m[0] });
  }
  if (trusted || SCHOOL_CONTEXT.test(t)) {
    for (const [re, level] of ABBREVIATIONS) {
      // "AS"/"AA" are ordinary words in capitals too: only in trusted strings.
      if (level === 1 && !trusted) continue;
      const m = re.exec(t);
      if (m) out.push({ level, match: m[0] });
    }
  }
  return out;
}

export function highestLevel(mentions: readonly DegreeMention[]): DegreeLevel | null {
  let best: DegreeLevel | null = null;
  for (const m of mentions) if (best === null || m.level > best) best = m.level;
  return best;
}

/** The required level of a criterion: the lowest level it names ("BS/MS" → bachelor). "degree" alone → bachelor. */
export function requiredLevel(criterion: string): DegreeLevel | null {
  // "Associate or bachelor's degree": the lower of the two is enough.
  if (/\bassociate'?s?\s*(or|\/)\s*(an?\s+)?bachelor/i.test(criterion)) return 1;
  const abbreviationContext = /\b(BS|BA|BSc|MS|MA|MSc|PhD)\s*(\/|in\b|or\b|,|degree)/.test(criterion);
  const mentions = degreeMentions(criterion, abbreviationContext).filter((m) => !(m.level === 1 && /^(AS|AA)$/.test(m.match)));
  if (mentions.length) return Math.min(...mentions.map((m) => m.level)) as DegreeLevel;
  if (/\bdegree\b/i.test(criterion) && !/\bhigh school\b/i.test(criterion)) return 2;
  return null;
}
