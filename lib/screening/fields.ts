import { stem, tokenize } from "./text";

/**
 * Fields of study in broad families, after the top level of the US Classification of Instructional
 * Programs (engineering, computing, business, health…). A degree whose field shares a family with the
 * criterion's field is in a related field ("Dipl.-Ing. Maschinenbau" for "Mechanical Engineering",
 * "BFA Painting" for "Art Education"). Only distinctive words are listed: "science", "studies" or
 * "management" alone name no family. Sharing no family is not taken as proof of an unrelated field:
 * on the labelled sets recruiters still gave such degrees partial credit as often as not.
 */
const FAMILIES: readonly (readonly string[])[] = [
  // computing
  ["computer", "computing", "software", "informatics", "informatik", "informatica", "informatique", "informatyka", "cybersecurity", "programming", "hci", "stem"],
  // engineering
  ["engineering", "mechanical", "electrical", "electronics", "civil", "chemical", "industrial", "aerospace", "mechatronics", "manufacturing", "maschinenbau", "elektrotechnik", "ingenieria", "engenharia", "structural", "materials", "stem"],
  // mathematics and physical sciences
  ["mathematics", "math", "maths", "statistics", "physics", "actuarial", "astronomy", "econometrics", "stem", "quantitative"],
  // life and chemical sciences
  ["biology", "chemistry", "biochemistry", "microbiology", "biotechnology", "molecular", "genetics", "neuroscience", "pharmacology", "biomedical", "stem"],
  // health
  ["nursing", "bsn", "medicine", "medical", "health", "pharmacy", "pharmd", "kinesiology", "nutrition", "dietetics", "physiotherapy", "therapy", "radiography", "paramedic", "dental", "healthcare"],
  // business
  ["business", "commerce", "finance", "accounting", "accountancy", "economics", "marketing", "mba", "bba", "logistics", "hospitality", "entrepreneurship", "administration"],
  // social and behavioural sciences
  ["psychology", "sociology", "anthropology", "political", "politics", "criminology", "social", "behavioral", "behavioural", "cognitive"],
  // design and the arts
  ["design", "graphic", "art", "arts", "fine", "illustration", "painting", "photography", "architecture", "interaction", "visual", "music", "film", "animation", "bfa", "mfa"],
  // humanities
  ["history", "philosophy", "literature", "english", "linguistics", "classics", "theology", "languages", "french", "spanish", "german"],
  // communication
  ["communication", "communications", "journalism", "media", "rhetoric", "advertising", "english"],
  // education
  ["education", "teaching", "pedagogy", "curriculum", "edd", "tesol", "tefl"],
  // law
  ["law", "legal", "jurisprudence", "paralegal", "llb", "llm", "jd"],
  // hospitality and food
  ["hospitality", "hotel", "tourism", "culinary", "gastronomy", "hotelaria", "hoteleira", "turismo", "hosteleria", "hotellerie"],
];

// Design and psychology meet in human–computer interaction: each is a related field of it.
const BRIDGES: readonly (readonly string[])[] = [["hci", "psychology", "design", "interaction", "cognitive"]];

let index: Map<string, Set<number>> | null = null;
function familyIndex(): Map<string, Set<number>> {
  if (index) return index;
  index = new Map();
  [...FAMILIES, ...BRIDGES].forEach((family, i) => {
    for (const word of family) {
      const key = stem(word);
      const set = index!.get(key) ?? new Set<number>();
      set.add(i);
      index!.set(key, set);
    }
  });
  return index;
}

/** The families of the fields named in `text` (a degree line, or a criterion), as indices. */
export function fieldFamilies(text: string): Set<number> {
  const idx = familyIndex();
  const out = new Set<number>();
  for (const t of tokenize(text)) for (const f of idx.get(t.stem) ?? []) out.add(f);
  return out;
}

/** "related" when the two share a family, "other" when both name fields and share none, else "unknown". */
export function fieldRelation(degree: ReadonlySet<number>, asked: ReadonlySet<number>): "related" | "other" | "unknown" {
  if (degree.size === 0 || asked.size === 0) return "unknown";
  for (const f of degree) if (asked.has(f)) return "related";
  return "other";
}
