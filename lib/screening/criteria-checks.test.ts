import { describe, expect, it } from "vitest";
import { checkCriterion, MIN_KEPT_REASON, protectedAttribute, vagueHint } from "./criteria-checks";

describe("protected attributes and their proxies", () => {
  const flagged: Array<[string, string]> = [
    ["under 35", "age"],
    ["Candidates under 35 years old", "age"],
    ["Aged 25-40", "age"],
    ["Age: 30 or younger", "age"],
    ["Young and energetic team member", "age"],
    ["Recent graduate", "age"],
    ["New grad in Computer Science", "age"],
    ["Graduated after 2018", "age"],
    ["Graduation year 2020 or later", "age"],
    ["Class of 2022", "age"],
    ["Digital native", "age"],
    ["Date of birth after 1990", "age"],
    ["Female", "gender"],
    ["Must be a man", "gender"],
    ["Gender: male", "gender"],
    ["Not pregnant", "pregnancy"],
    ["No maternity leave planned in the next year", "pregnancy"],
    ["Married", "marital status"],
    ["Marital status: single", "marital status"],
    ["Nationality: German", "nationality"],
    ["US citizen", "nationality"],
    ["National origin", "nationality"],
    ["Born in Canada", "nationality"],
    ["Native English speaker", "national origin"],
    ["English as a first language", "national origin"],
    ["Speaks English without an accent", "national origin"],
    ["Christian values", "religion"],
    ["Regular church attendance", "religion"],
    ["Religion", "religion"],
    ["Caucasian", "race or ethnicity"],
    ["Ethnicity: Hispanic", "race or ethnicity"],
    ["Race", "race or ethnicity"],
    ["No disabilities", "disability or health"],
    ["Not disabled", "disability or health"],
    ["Physically fit", "disability or health"],
    ["Able-bodied", "disability or health"],
    ["In good health", "disability or health"],
    ["No history of mental illness", "disability or health"],
    ["Résumé with photo", "photo"],
    ["Includes a headshot", "photo"],
    ["Lives in ZIP code 94110", "postal code"],
    ["Zipcode 10001 only", "postal code"],
    ["Postal code starting with SW1", "postal code"],
  ];
  it.each(flagged)("%j is flagged as %s", (text, attribute) => {
    expect(protectedAttribute(text)?.attribute).toBe(attribute);
  });

  const clean = [
    "5+ years of backend experience",
    "Over 10 years of experience in sales",
    "Under 20 minutes average response time",
    "Managed a team of over 25 engineers",
    "Experience with race conditions and concurrency",
    "React Native and mobile development",
    "Cloud-native architecture",
    "Native-level knowledge of PostgreSQL internals",
    "Fluent in Spanish and English",
    "Experience in healthcare or health insurance",
    "Photography portfolio",
    "Adobe Photoshop",
    "Agency experience",
    "Stage management",
    "Single sign-on (SAML, OIDC)",
    "Whiteboard design sessions",
    "Manages young children's reading programs as a librarian",
    "Experience teaching students with disabilities",
    "Nursing experience with patients with mental illness",
    "Chronic care management",
    "Aged care experience",
    "Collected aged receivables",
    "Sold men's and women's apparel",
    "Women's health nursing",
    "Compressing files with zip and tar",
  ];
  it.each(clean)("%j is not flagged", (text) => {
    expect(protectedAttribute(text)).toBeNull();
  });

  it("names the phrase it found and explains why it matters", () => {
    const found = protectedAttribute("Digital native who lives online");
    expect(found).toMatchObject({ attribute: "age", phrase: "Digital native", proxy: true });
    expect(found?.message).toMatch(/proxy for age/);
    expect(protectedAttribute("Gender: male")?.proxy).toBe(false);
  });
});

describe("vague criteria", () => {
  const vague: string[] = ["Good culture fit", "Rockstar developer", "Hard worker", "Hard-working", "Team player", "Self-starter", "Passionate about tech", "Coding ninja"];
  it.each(vague)("%j gets a hint", (text) => {
    expect(vagueHint(text)).toMatch(/résumé/);
  });

  const concrete = ["3+ years of React", "Led a team of at least 4 engineers", "Wrote design documents reviewed by peers"];
  it.each(concrete)("%j gets none", (text) => {
    expect(vagueHint(text)).toBeNull();
  });
});

describe("checkCriterion", () => {
  it("a protected attribute needs a reason; a vague criterion only gets a hint", () => {
    expect(checkCriterion("under 35")).toMatchObject({ protected: { attribute: "age" }, vague: null, needsReason: true });
    expect(checkCriterion("under 35", "  ")).toMatchObject({ needsReason: true });
    expect(checkCriterion("under 35", "too short")).toMatchObject({ needsReason: true, reasonTooShort: true });
    expect(checkCriterion("under 35", "x".repeat(MIN_KEPT_REASON))).toMatchObject({ needsReason: false, reasonTooShort: false });
    expect(checkCriterion("Good culture fit")).toMatchObject({ protected: null, needsReason: false });
    expect(checkCriterion("Good culture fit").vague).toBeTruthy();
    expect(checkCriterion("3+ years of React")).toEqual({ protected: null, vague: null, needsReason: false, reasonTooShort: false });
  });
});
