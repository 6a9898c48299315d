/**
 * A criterion's short label: the few words that head its column in the job's verdict matrix and
 * name its chip on phones. Derived from the text unless a recruiter wrote one (`shortLabel`), so ten
 * criteria that all start "Hands-on experience with…" no longer look alike once cut to fit.
 */

export const MAX_SHORT_LABEL = 24;

// Words that open most criteria and tell the columns apart by nothing.
const LEADING = [
  /^(must|should)\s+(have|be)\s+/,
  /^(nice|good)\s+to\s+have:?\s*/,
  /^(a|an|the)\s+/,
  /^(very\s+)?(strong|solid|excellent|good|great|deep|proven|demonstrated|demonstrable|extensive|hands-on|hands on|professional|working|practical|prior|relevant|previous|some|basic|advanced|commercial|real-world)\s+/,
  /^(familiarity|experience|expertise|knowledge|understanding|proficiency|fluency|background|competence|skills?)\s+(with|in|of|using|as|on|at)\s+/,
  /^(proficient|fluent|experienced|skilled|versed|comfortable|familiar)\s+(with|in|at|using)\s+/,
  /^(track\s+record|history)\s+of\s+/,
  /^(ability|able|willing|willingness)\s+to\s+/,
  /^(experience|expertise|knowledge)\s+/,
];
const TRAILING = [/\s+or\s+(a\s+)?(related|similar|equivalent)(\s+\w+)?$/, /\s+or\s+equivalent(\s+experience)?$/, /\s+(experience|skills?|knowledge|expertise|background|proficiency)$/];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Cut at a word boundary to fit; a single long word is cut where it must be. */
function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : s.slice(0, max)).replace(/[\s,;:&/-]+$/, "");
}

export function deriveShortLabel(text: string): string {
  let s = text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:!]+$/, "");
  const years = s.match(/(\d+\s*\+?|\d+\s*-\s*\d+)\s*\+?\s*(?:years?|yrs?)\b(?:\s+of)?(?:\s+(?:professional|relevant|hands-on|commercial|industry))?(?:\s+experience)?(?:\s+(?:in|with|as|of|building|using))?/i);
  if (years) s = `${s.slice(0, years.index)} ${s.slice(years.index! + years[0].length)}`.replace(/\s+/g, " ").trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING) {
      const next = s.replace(new RegExp(re.source, "i"), "");
      if (next !== s && next.length > 0) {
        s = next;
        changed = true;
      }
    }
  }
  for (const re of TRAILING) {
    const next = s.replace(new RegExp(re.source, "i"), "");
    if (next.length > 0) s = next;
  }
  // "Bachelor's degree in Computer Science" → "Computer Science degree": the field is what differs.
  s = s.replace(/^(?:bachelor|master|doctorate|associate)(?:'?s)?(?:\s+degree)?\s+(?:in|of)\s+(.+)$/i, "$1 degree");
  s = s.replace(/\s+and\s+/gi, " & ").replace(/^[\s,;:-]+|[\s,;:-]+$/g, "");
  if (years) {
    const n = years[1]!.replace(/\s+/g, "");
    const suffix = `${n} yrs`;
    s = s ? `${fit(capitalize(s), MAX_SHORT_LABEL - suffix.length - 1)} ${suffix}` : `${suffix} experience`;
    return s;
  }
  return fit(capitalize(s || text.trim()), MAX_SHORT_LABEL);
}

/**
 * Each criterion's label: the recruiter's own when set, else derived. Two derived labels that come
 * out the same are numbered, so a column is never mistaken for another.
 */
export function shortLabels(criteria: readonly { id: string; text: string; shortLabel?: string | null }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const c of criteria) {
    let label = c.shortLabel?.trim() || deriveShortLabel(c.text);
    const key = label.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) label = `${fit(label, MAX_SHORT_LABEL - 3)} ${count}`;
    labels.set(c.id, label);
  }
  return labels;
}
