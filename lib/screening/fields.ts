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
  ["biology", "chemistry", "biochemistry", "microbiology", "biotechnology", "molecular", "genetics", "neuroscience", "pharmacology", "biomedical", "immunology", "physiology", "zoology", "botany", "ecology", "virology", "bioscience", "biosciences", "stem"],
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

/**
 * A degree's field said another way: in the degree's own name (M.Ed., PharmD, MSW) or in the language
 * of the country that awarded it (Maschinenbau, Derecho, Enfermagem). Each gloss is the English field
 * a recruiter would read it as; it is added to the degree's words, the original words stay.
 */
const FIELD_GLOSSES: readonly (readonly [RegExp, string])[] = [
  [/\b(m\.?\s?ed|b\.?\s?ed|ed\.?\s?d|master of education|bachelor of education)\b\.?/i, "education"],
  [/\b(mba|bba|m\.b\.a|b\.b\.a|master of business administration|bachelor of business administration)\b\.?/i, "business administration"],
  [/\b(j\.?\s?d|ll\.?\s?b|ll\.?\s?m|juris doctor)\b\.?/i, "law"],
  [/\b(pharm\.?\s?d|doctor of pharmacy)\b\.?/i, "pharmacy"],
  [/\b(msw|bsw|m\.s\.w|b\.s\.w|master of social work|bachelor of social work)\b\.?/i, "social work"],
  [/\b(mph|m\.p\.h|master of public health)\b\.?/i, "public health"],
  [/\b(bsn|msn|dnp|adn|asn|b\.s\.n|m\.s\.n)\b\.?/i, "nursing"],
  [/\b(m\.?\s?arch|b\.?\s?arch)\b\.?/i, "architecture"],
  [/\b(b\.?\s?eng|m\.?\s?eng|dipl\.?-?\s?ing|inż)\b\.?/i, "engineering"],
  [/\b(dpt|doctor of physical therapy)\b\.?/i, "physical therapy"],
  [/\b(dvm|doctor of veterinary medicine)\b\.?/i, "veterinary medicine"],
  [/\b(macc|master of accountancy|master of accounting)\b\.?/i, "accounting"],
  // German, Dutch, French, Spanish, Portuguese, Italian and Polish names of common fields.
  [/\b(maschinenbau|werktuigbouw\w*|g[ée]nie m[ée]canique|ingenier[ií]a mec[áa]nica|engenharia mec[âa]nica|ingegneria meccanica|mechanika i budowa maszyn|in[żz]ynieria mechaniczna)\b/i, "mechanical engineering"],
  [/\b(elektrotechni\w*|g[ée]nie [ée]lectrique|ingenier[ií]a el[ée]ctrica|engenharia el[ée]trica|ingegneria elettrica)\b/i, "electrical engineering"],
  [/\b(bauingenieur\w*|civiele techniek|g[ée]nie civil|ingenier[ií]a civil|engenharia civil|ingegneria civile|budownictwo)\b/i, "civil engineering"],
  [/\b(wirtschaftsinformatik)\b/i, "information systems"],
  [/\b(betriebswirtschaft\w*|bwl|bedrijfskunde|administraci[óo]n de empresas|administra[çc][ãa]o|economia aziendale)\b/i, "business administration"],
  [/\b(rechtswissenschaft\w*|jura|rechten|rechtsgeleerdheid|droit|derecho|direito|giurisprudenza)\b/i, "law"],
  [/\b(pflegewissenschaft\w*|krankenpflege|verpleegkunde|soins infirmiers|enfermer[ií]a|enfermagem|infermieristica|piel[ęe]gniarstwo)\b/i, "nursing"],
  [/\b(contabilidad|contadur[ií]a|contabilidade|ci[êe]ncias cont[áa]beis|rachunkowo[śs][ćc])\b/i, "accounting"],
  [/\b(psychologie|psicolog[ií]a|psychologia)\b/i, "psychology"],
  [/\b(mathematik|math[ée]matiques|matem[áa]ticas?|matematyka|wiskunde)\b/i, "mathematics"],
  [/\b(lehramt|p[ée]dagogie|pedagog[ií]a|pedagogika|erziehungswissenschaft\w*|sciences de l'[ée]ducation)\b/i, "education"],
  [/\b(statisti[ck]|estat[íi]stica|estad[íi]stica|statistique|statystyka|statistiek)\b/i, "statistics"],
  [/\b(informatik|inform[áa]tica|informatique|informatyka|informatica|ci[êe]ncia da computa[çc][ãa]o|ciencias de la computaci[óo]n)\b/i, "computer science"],
  [/\b(volkswirtschaft\w*|econom[íi]a|economia|[ée]conomie|ekonomia)\b/i, "economics"],
  [/\b(arquitectura|arquitetura|architektur|architettura|architektura)\b/i, "architecture"],
  // The same field by its other name: physiotherapy is physical therapy.
  [/\b(physiotherap\w*|physical therap\w*)\b/i, "physiotherapy physical therapy"],
  [/\b(b\.\s?e\.|b\.?\s?tech|m\.?\s?tech)(?!\w)/i, "engineering"],
];

/** `text` with the English field of any degree name or foreign field name in it appended. */
export function glossField(text: string): string {
  const glosses = FIELD_GLOSSES.flatMap(([re, english]) => (re.test(text) ? [english] : []));
  return glosses.length ? `${text} ${[...new Set(glosses)].join(" ")}` : text;
}
