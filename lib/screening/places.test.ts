import { describe, expect, it } from "vitest";
import { compilePlace, placeVerdict } from "./places";

function verdict(criterion: string, header: string[], others: string[] = []) {
  const req = compilePlace(criterion);
  if (!req) throw new Error(`not a place criterion: ${criterion}`);
  return placeVerdict(req, header, others, [...header, ...others]);
}

describe("places: first-level divisions outside the US", () => {
  it.each([
    ["Based in Alberta", "Calgary, Alberta, Canada", "MET"],
    ["Based in Alberta", "Toronto, Ontario, Canada", "NOT_MET"],
    ["Based in Hesse", "Frankfurt am Main · Frankfurt, Germany", "MET"],
    ["Based in Bavaria", "Frankfurt, Germany", "NOT_MET"],
    ["Based in the Auvergne-Rhône-Alpes region", "Lyon, France", "MET"],
    ["Based in the Auvergne-Rhône-Alpes region", "Bordeaux, France", "NOT_MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Alex Moreau", line]).verdict).toBe(expected);
  });
});

describe("places: regions and groups of countries", () => {
  it.each([
    ["Based in the Southeast", "Atlanta, GA", "MET"],
    ["Based in the Southeast", "Denver, CO", "NOT_MET"],
    ["Based in the Pacific Northwest", "Portland, OR", "MET"],
    ["Based in the GCC", "Dubai, United Arab Emirates", "MET"],
    ["Based in the GCC", "Cairo, Egypt", "NOT_MET"],
    ["Based in the DACH region", "Vienna, Austria", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Sam Idris", line]).verdict).toBe(expected);
  });
  it("says the group's name as people write it", () => {
    expect(verdict("Based in the GCC", ["Sam Idris", "Cairo, Egypt"]).reason).toContain("GCC");
  });
});

describe("places: metro areas cross state lines", () => {
  it("Vancouver, WA is in the Portland metro area; Seattle is not", () => {
    expect(verdict("Based in the Portland metro area", ["Kim Park", "Vancouver, WA"]).verdict).toBe("MET");
    expect(verdict("Based in the Portland metro area", ["Kim Park", "Seattle, WA"]).verdict).toBe("NOT_MET");
  });
  it("without 'metro' or 'area' a city asks for that city: a neighbour in the same state is for a person to check", () => {
    expect(verdict("Based in Phoenix, AZ", ["Lee Cruz", "Mesa, AZ"]).verdict).toBe("PARTLY_MET");
  });
});

describe("places: a résumé's words are not read as provinces", () => {
  it("an employer named Meta does not put a Montréal candidate in Colombia", () => {
    expect(verdict("Based in Canada", ["Chloé Roy", "Montréal, QC, Canada · Meta ads specialist"]).verdict).toBe("MET");
  });
});

describe("places: a province after the city settles which city of that name", () => {
  it.each([
    ["Based in the United Kingdom", "London, Ontario · priya@example.com", "NOT_MET"],
    ["Based in the United Kingdom", "London, ON", "NOT_MET"],
    ["Based in Ontario", "London, ON", "MET"],
    ["Based in Canada", "London, Ontario", "MET"],
    ["Based in the United Kingdom", "London, United Kingdom", "MET"],
    ["Based in Quebec", "Québec, QC", "MET"],
    // A city asked with its country: the same city name elsewhere is another city.
    ["Based in London, UK", "London, Ontario · priya@example.com", "NOT_MET"],
    ["Based in London, UK", "London, ON", "NOT_MET"],
    ["Based in London, UK", "London, England", "MET"],
    ["Based in London, Ontario", "London, ON", "MET"],
    // The region followed by a postal code ("N6A" could also be read as a London postcode).
    ["Based in London, UK", "London, Ontario N6A · priya@example.com", "NOT_MET"],
    ["Based in Ontario", "London, Ontario N6A 3K7", "MET"],
    ["Based in the United Kingdom", "Leeds, England LS1 4AP · priya@example.com", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Priya Desai", line]).verdict).toBe(expected);
  });
});

describe("places: a town too small for the city list is still placed by its coordinates", () => {
  it.each([
    ["Based in the Reno area", "Sparks, NV", "MET"],
    ["Based in the Reno area", "Elko, NV", "NOT_MET"],
    ["Based in the Charlotte metro area", "Fort Mill, SC", "MET"],
    ["Based in the Memphis metro area", "Southaven, MS", "MET"],
    ["Based in the Memphis metro area", "Tupelo, MS", "NOT_MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Dana Cruz", line]).verdict).toBe(expected);
  });
});

describe("places: a province the résumé names, and a contact line in lower case", () => {
  it("a town the gazetteer lacks is in the province written after it", () => {
    const v = verdict("Based in Jalisco", ["Fernanda Ruiz", "Zapopan, Jalisco, México — fernanda@example.com"]);
    expect(v.verdict).toBe("MET");
  });
  it("an all-lower-case contact line is read, and quoted as written", () => {
    const v = verdict("Based in Illinois", ["MAYA ROBINSON / graphic designer", "chicago, il / maya@example.com"]);
    expect(v.verdict).toBe("MET");
    expect(v.evidence).toEqual(["chicago, il / maya@example.com"]);
  });
});

describe("places: a metro area named like its state, and a country's ISO code after a city", () => {
  it.each([
    ["Based in the New York metro area", "Jersey City, NJ", "MET"],
    ["Based in the DC metro area", "Arlington, VA", "MET"],
    ["Based in the DC metro area", "Richmond, VA", "NOT_MET"],
    ["Based in Germany", "Warszawa, PL", "NOT_MET"],
    ["Based in Poland", "Warszawa, PL", "MET"],
    ["Based in California", "San Diego, CA", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Anthony Russo", line]).verdict).toBe(expected);
  });
});

describe("places: Washington, DC is the capital, in its own metro area", () => {
  it("meets 'the DC metro area'", () => {
    expect(verdict("Based in the DC metro area", ["Michael Osei", "Washington, DC · michael@example.com"]).verdict).toBe("MET");
  });
});

describe("places: a move planned is not where the candidate lives", () => {
  it.each([
    ["Based in Austin, TX", ["Sam Ortiz", "Camden, NJ (moving to Austin in 2027)"]],
    ["Located in Denver", ["Jo Park", "Tucson, AZ · relocating to Denver this spring"]],
  ])("%s, %s → PARTLY_MET", (criterion, header) => {
    expect(verdict(criterion, header).verdict).toBe("PARTLY_MET");
  });
  it("a criterion that allows relocating is met by the move", () => {
    expect(verdict("Based in Austin or willing to relocate", ["Sam Ortiz", "Camden, NJ (moving to Austin in 2027)"]).verdict).toBe("MET");
  });
  it("the city moved to in the header is not read as home", () => {
    const v = verdict("Based in Chicago", ["Kim Lee", "seoul, korea → relocating to Chicago"]);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).not.toContain("Lives in Chicago");
  });
});

describe("places: a metro area named by two cities", () => {
  it.each([
    ["Located in the Raleigh-Durham area", "Durham, North Carolina (RTP)", "MET"],
    ["Based in the Minneapolis-St. Paul area", "Saint Paul, MN", "MET"],
    ["Based in the Raleigh-Durham area", "Charlotte, NC", "NOT_MET"],
    // A city whose own name has a hyphen is one city.
    ["Based in Winston-Salem", "Winston-Salem, NC", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Dana Reyes", line]).verdict).toBe(expected);
  });
});

describe("places: a place written as the criterion alone, commuting, local city names and districts", () => {
  it.each([
    ["Commutable to Leeds", "Bradford, West Yorkshire", "MET"],
    ["Warsaw area", "Łomianki k. Warszawy · tel. 600 000 000", "MET"],
    ["Munich area", "Haidhausen, 81667 München · sabine.b@example.com", "MET"],
    ["Osaka Prefecture", "Suita, Osaka", "MET"],
    ["Based in Berlin", "Berlin-Friedrichshain  arjun.mehta@example.com", "MET"],
    ["Munich area", "Hamburg, Germany", "NOT_MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Dana Reyes", line]).verdict).toBe(expected);
  });
});

describe("places: a time zone asked is the zone of the candidate's city or state", () => {
  it.each([
    ["Lives in the Eastern or Central time zone", "Nashville, TN", "MET"],
    ["Lives in the Eastern or Central time zone", "Denver, CO", "NOT_MET"],
    ["Located in the US Pacific time zone", "Portland, OR", "MET"],
    ["Located in the US Pacific time zone", "Phoenix, AZ", "NOT_MET"],
    ["Based in ET or CT time zones", "Columbus, Ohio", "MET"],
    ["Based in the Central European time zone", "Lyon, France", "MET"],
    ["Based in the Central European time zone", "Lisbon, Portugal", "NOT_MET"],
    // A state with one zone settles it; one with two (Tennessee) does not.
    ["Lives in the Eastern time zone", "Georgia", "MET"],
    ["Lives in the Eastern time zone", "Tennessee", "UNKNOWN"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Jo Rivera", line]).verdict).toBe(expected);
  });
  it("says which zone the candidate's city is in", () => {
    expect(verdict("Lives in the Eastern or Central time zone", ["Jo Rivera", "Nashville, TN"]).reason).toContain("US Central time");
  });
  it("working hours in a zone, or a credential written PT or CT, are not a place", () => {
    expect(compilePlace("Able to work Eastern time zone hours")).toBeNull();
    expect(compilePlace("Active Oregon PT license")).toBeNull();
  });
});

describe("places: metro areas named without their city", () => {
  it.each([
    ["Based in Toronto or the GTA", "Mississauga, ON", "MET"],
    ["Based in Toronto or the GTA", "Ottawa, ON", "NOT_MET"],
    ["Lives in the Research Triangle area", "Durham, NC", "MET"],
    ["Lives in the Research Triangle area", "Charlotte, NC", "NOT_MET"],
    ["Located in the Bay Area", "San Jose, CA", "MET"],
    ["Located in the Bay Area", "Sacramento, CA", "NOT_MET"],
    ["Based in the Twin Cities", "St. Paul, MN", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Ana Pereira", line]).verdict).toBe(expected);
  });
});

describe("places: a list of country codes is not a city and its province", () => {
  it("'routes (DE, NL, BE)' near the top does not put a driver near Warsaw in Newfoundland", () => {
    const v = verdict("Warsaw area", ["Tomasz Nowak", "Łomianki k. Warszawy · tel. 600 000 000", "Kierowca C+E — trasy międzynarodowe (DE, NL, BE)"]);
    expect(v.verdict).toBe("MET");
  });
});

describe("places: an area written with a hyphen, a distance in miles, a country '-based'", () => {
  it.each([
    ["Lives within 50 mi of Des Moines", "Ankeny, IA", "MET"],
    ["Lives within 50 mi of Des Moines", "Iowa City, IA", "NOT_MET"],
    ["Lives within 10 miles of Des Moines", "Ames, IA", "NOT_MET"],
    ["Chicago-area based (hybrid, 3 days/wk in the Loop)", "Evanston, IL", "MET"],
    ["Orlando-area resident", "Orlando, FL", "MET"],
    ["US-based", "Kansas City, MO", "MET"],
    ["US-based", "Toronto, ON", "NOT_MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Ben Adler", line]).verdict).toBe(expected);
  });
  it("names the area asked as an area", () => {
    expect(verdict("Lives within 50 mi of Des Moines", ["Ben Adler", "Ankeny, IA"]).reason).toContain("the Des Moines, Iowa area");
  });
});

describe("places: a province named like its city", () => {
  it("'Based in Quebec' asks for the province (its largest city is Montréal); 'Based in Madrid' for the city", () => {
    expect(verdict("Based in Quebec", ["Léa Roy", "Montréal, Québec"]).verdict).toBe("MET");
    expect(verdict("Based in Quebec", ["Léa Roy", "Toronto, ON"]).verdict).toBe("NOT_MET");
    expect(verdict("Based in Madrid", ["Léa Roy", "Madrid, Spain"]).verdict).toBe("MET");
    expect(verdict("Based in Madrid", ["Léa Roy", "Barcelona, Spain"]).verdict).toBe("NOT_MET");
  });
});

describe("places: more US regions by their usual names", () => {
  it.each([
    ["Lives in the Carolinas", "Charlotte, NC", "MET"],
    ["Lives in the Carolinas", "Atlanta, GA", "NOT_MET"],
    ["Based in the Mountain West", "Boise, ID", "MET"],
  ])("%s, candidate in %s: %s", (criterion, line, expected) => {
    expect(verdict(criterion, ["Dana Cole", line]).verdict).toBe(expected);
  });
});
