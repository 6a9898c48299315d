/**
 * Checks on a criterion's wording before it screens anyone. Screening on a protected attribute (or on
 * a stand-in for one, such as a graduation year for age) can be unlawful discrimination, so such a
 * criterion is kept only with a written reason, which goes into the audit log. Vague criteria ("culture
 * fit") cannot be judged from a résumé and let bias in; they get a hint, not a block.
 *
 * Pure, with no imports: the criteria editor runs it as the recruiter types, the API enforces it on save.
 */

/** A reason shorter than this says nothing an auditor could follow. */
export const MIN_KEPT_REASON = 10;
export const MAX_KEPT_REASON = 500;

export interface ProtectedFinding {
  /** The protected attribute in plain words, e.g. "age", "national origin". */
  attribute: string;
  /** The words of the criterion that matched, as written. */
  phrase: string;
  /** True when the phrase stands in for the attribute rather than naming it. */
  proxy: boolean;
  message: string;
}

export interface VagueFinding {
  phrase: string;
  message: string;
}

export interface CriterionCheck {
  protected: ProtectedFinding | null;
  vague: VagueFinding | null;
  /** A protected criterion without a usable reason cannot be saved. */
  needsReason: boolean;
  /** A reason was written but is too short to explain anything. */
  reasonTooShort: boolean;
}

interface Rule {
  attribute: string;
  proxy: boolean;
  pattern: RegExp;
}

const YEAR = String.raw`(?:19|20)\d\d`;
const LANGUAGES = "english|french|german|spanish|italian|portuguese|dutch|japanese|chinese|mandarin|cantonese|korean|arabic|russian|polish|hindi";

// Order matters: the first rule that matches names the attribute ("born in 1990" is about age, "born in
// Canada" about nationality). Every pattern is case-insensitive and anchored on word boundaries, with
// exceptions for the common work phrases that share a word ("race conditions", "React Native").
const RULES: Rule[] = [
  { attribute: "age", proxy: false, pattern: /\bage[sd]?\b(?!\s+(?:care|receivables?|payables?|debts?|inventory))/i },
  {
    attribute: "age",
    proxy: false,
    // "under 35" or "over 50 years old", but not "over 10 years of experience" or "under 20 minutes".
    pattern: /\b(?:under|below|younger than|over|above|older than|at most|max(?:imum)?)\s+(?:1[6-9]|[2-9]\d)(?:\s*(?:years?|yrs?)\s*(?:old|of age)|\s*y\/?o)?(?=\s*(?:[.,;:!?)]|$|\b(?:and|or)\b))/i,
  },
  { attribute: "age", proxy: false, pattern: /\b\d{2}\s*(?:years?|yrs?)[\s-]*old\b|\byears?[\s-]old\b/i },
  { attribute: "age", proxy: false, pattern: new RegExp(String.raw`\bdate of birth\b|\bdob\b|\bborn (?:in|after|before|since) ${YEAR}\b`, "i") },
  { attribute: "age", proxy: true, pattern: /\byoung(?:er|est)?\b(?!\s+(?:children|people|adults|learners|students|patients|kids|readers|audiences?))|\byouthful\b/i },
  { attribute: "age", proxy: true, pattern: /\bdigital natives?\b|\bmillennials?\b|\bgen(?:eration)?[\s-]?z\b/i },
  {
    attribute: "age",
    proxy: true,
    pattern: new RegExp(
      String.raw`\brecent (?:college |university )?grad(?:uate)?s?\b|\bnew grads?\b|\bgraduation (?:year|date)\b|\bclass of ${YEAR}\b|\bgraduat\w*\s+(?:in|after|since|before|from)\s+${YEAR}\b`,
      "i",
    ),
  },
  {
    attribute: "gender",
    proxy: false,
    // "men's apparel" or "women's health" describe the work, not the candidate.
    pattern: /\b(?:male|female|gender|sex|wom[ae]n|men|a man|girls?|boys?|lady|ladies|gentlem[ae]n|masculine|feminine|he\/him|she\/her)\b(?!['’]s)/i,
  },
  { attribute: "pregnancy", proxy: false, pattern: /\bpregnan\w*|\bmaternity\b|\bpaternity\b|\bfamily planning\b|\bplans? to have (?:children|kids)\b|\b(?:no|without) (?:children|kids)\b|\bchildless\b/i },
  { attribute: "marital status", proxy: false, pattern: /\bmarital\b|\b(?:un)?married\b|\bspouse\b|\bdivorced\b|\bwidow(?:ed|er)?\b/i },
  { attribute: "nationality", proxy: false, pattern: /\bnationality\b|\bnational origin\b|\bcitizens?(?:hip)?\b|\bborn in\b|\bcountry of (?:origin|birth)\b|\bforeigners?\b|\bimmigrants?\b/i },
  {
    attribute: "national origin",
    proxy: true,
    pattern: new RegExp(String.raw`\bnative[\s-]+(?:[a-z]+\s+)?speakers?\b|\bnative\s+(?:${LANGUAGES})\b|\bmother tongue\b|\bfirst language\b|\baccents?\b`, "i"),
  },
  {
    attribute: "religion",
    proxy: false,
    pattern: /\breligio\w*|\bchristians?\b|\bmuslims?\b|\bislam\w*|\bjewish\b|\bhindus?\b|\bbuddhists?\b|\bsikhs?\b|\bcatholics?\b|\bprotestants?\b|\bchurch\w*|\bmosques?\b|\bsynagogues?\b|\batheists?\b|\bfaith\b/i,
  },
  {
    attribute: "race or ethnicity",
    proxy: false,
    pattern: /\brace\b(?!\s+conditions?)|\bracial\b|\bethnic\w*|\bcaucasian\b|\bhispanic\b|\blatin[oax]s?\b|\bafrican[\s-]american\b|\bskin colou?r\b|\bcolou?r of (?:their |the )?skin\b/i,
  },
  {
    attribute: "disability or health",
    proxy: false,
    // Working with people with disabilities or mental illness is experience, not a trait of the candidate.
    pattern:
      /(?<!\b(?:with|for|of|about|on)\s)\bdisab\w*|\bhandicap\w*|\bable[\s-]bodied\b|\b(?:good|excellent|perfect) health\b|\bphysically fit\b|\bhealth (?:conditions?|issues?|problems?|status|history|record)\b|\bmedical (?:conditions?|history)\b|\bhistory of (?:mental )?illness\b|\b(?:no|without) (?:mental|medical|health) (?:conditions?|issues?|problems?|illness)\b/i,
  },
  // A photo shows age, gender and race at once; a ZIP code stands in for race and national origin.
  { attribute: "photo", proxy: true, pattern: /\bphoto(?:s|graph|graphs)?\b|\bheadshots?\b|\bselfies?\b|(?<!big\s)\bpictures?\b/i },
  { attribute: "postal code", proxy: true, pattern: /\bzip\s*codes?\b|\bpostal\s+codes?\b|\bpost\s*codes?\b/i },
];

const PROXY_FOR: Record<string, string> = {
  age: "age",
  "national origin": "national origin",
  photo: "age, gender and race",
  "postal code": "race and national origin",
};

export function protectedAttribute(text: string): ProtectedFinding | null {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const phrase = match[0].trim();
    const message = rule.proxy
      ? `“${phrase}” is a proxy for ${PROXY_FOR[rule.attribute] ?? rule.attribute}, a protected attribute. Screening on it can be unlawful discrimination: remove it, or write why it is needed for this job.`
      : `“${phrase}” refers to ${rule.attribute}, a protected attribute. Screening on it can be unlawful discrimination: remove it, or write why it is needed for this job.`;
    return { attribute: rule.attribute, phrase, proxy: rule.proxy, message };
  }
  return null;
}

const VAGUE: Array<{ pattern: RegExp; instead: string }> = [
  { pattern: /\bcultur(?:e|al) fit\b|\bfits? (?:in(?:to)?|with) (?:our|the) (?:team|culture)\b/i, instead: "“has worked in a team that ships weekly”" },
  { pattern: /\brock\s*stars?\b|\bninjas?\b|\bgurus?\b|\bwizards?\b|\bunicorns?\b|\bsuperstars?\b|\ba[\s-]players?\b|\b10x\b/i, instead: "“5+ years of Go in production”" },
  { pattern: /\bhard[\s-]?work(?:er|ers|ing)\b|\bself[\s-]starters?\b|\bgo[\s-]getters?\b|\bhustle\b/i, instead: "“delivered a project end to end without a manager”" },
  { pattern: /\bteam players?\b/i, instead: "“has reviewed others' code or mentored a colleague”" },
  { pattern: /\bpassionate\b|\b(?:good|great|positive|can[\s-]do) attitude\b/i, instead: "“contributes to open-source projects”" },
];

export function vagueHint(text: string): string | null {
  return vagueFinding(text)?.message ?? null;
}

function vagueFinding(text: string): VagueFinding | null {
  for (const { pattern, instead } of VAGUE) {
    const match = pattern.exec(text);
    if (match) {
      const phrase = match[0].trim();
      return { phrase, message: `“${phrase}” is hard to judge from a résumé and lets personal bias in. Name the skill or behaviour you mean, e.g. ${instead}.` };
    }
  }
  return null;
}

export function checkCriterion(text: string, keptReason?: string | null): CriterionCheck {
  const found = protectedAttribute(text);
  const reason = keptReason?.trim() ?? "";
  const usable = reason.length >= MIN_KEPT_REASON;
  return {
    protected: found,
    vague: vagueFinding(text),
    needsReason: found !== null && !usable,
    reasonTooShort: found !== null && reason.length > 0 && !usable,
  };
}
