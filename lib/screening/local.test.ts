import { describe, expect, it } from "vitest";
import { createEngine } from "./index";
import { createLocalEngine, mergedMonths } from "./local";
import { segment } from "./text";
import type { CandidateInput, CriterionInput, ScreeningOutput, Verdict } from "./types";

const NOW = () => new Date("2026-06-01T00:00:00Z");
const engine = createLocalEngine({ now: NOW });

const crit = (text: string, kind: CriterionInput["kind"] = "REQUIRED", weight: CriterionInput["weight"] = "MEDIUM", id = "c"): CriterionInput => ({ id, text, kind, weight });
const cand = (over: Partial<CandidateInput>): CandidateInput => ({ resumeText: null, positions: [], schools: [], answers: [], ...over });

async function verdictOf(candidate: CandidateInput, text: string): Promise<{ verdict: Verdict; evidence: string[]; reason: string }> {
  const out = await engine.screen(candidate, [crit(text)]);
  const v = out.verdicts[0];
  if (!v) throw new Error("no verdict");
  return v;
}

/** A body of unrelated, dated experience: enough text that what is not found counts as missing (not UNKNOWN). */
const PAD = `
Operations Coordinator, Harbor Logistics (2018 – 2022)
• Scheduled inbound freight, kept the dock calendar and onboarded four new coordinators to the yard system.
• Ran weekly inventory counts and reported shrinkage to the regional manager every Friday.`;

/** A candidate whose résumé is `line` (and parsed `schools`) above the padding. */
const said = (line: string, schools: CandidateInput["schools"] = []): CandidateInput => cand({ resumeText: `${line}${PAD}`, schools });

/** A candidate with one job of `work` (a heading and a line of it) and one application answer. */
const answeredBy = (work: string) => (question: string, answer: string): CandidateInput => cand({ resumeText: `${work}${PAD}`, answers: [{ question, answer }] });

const RESUME = `Sam Lee
Senior Backend Engineer

Experience
Senior Backend Engineer — Acme (Jan 2019 – Present)
• Built payment APIs in Go on k8s with Postgres; Led a team of 4 engineers.
• Wrote the ML fraud model pipeline.
Software Developer — Beta (Jun 2016 – Dec 2018)
• JS and React front ends.

Education
M.S. Computer Science, Stanford University, 2014 – 2016`;

describe("local engine: synonyms, abbreviations and normalization", () => {
  const c = cand({ resumeText: RESUME });
  it.each([
    ["Experience with Kubernetes", "MET"],
    ["PostgreSQL", "MET"],
    ["JavaScript", "MET"],
    ["Machine learning", "MET"],
    ["Experience managing a team", "MET"],
    ["software engineering experience", "MET"],
    ["golang", "MET"],
    ["Proficient in JavaScript and TypeScript", "PARTLY_MET"],
    ["Python, Java, or Go", "MET"],
    ["Experience with Python", "NOT_MET"],
    ["Experience with Salesforce", "NOT_MET"],
  ] as const)("%s → %s", async (text, expected) => {
    expect((await verdictOf(c, text)).verdict).toBe(expected);
  });

  it("matches case, punctuation and word forms (stemming)", async () => {
    const r = cand({ resumeText: "Managed BUDGETS and forecasts; negotiated vendor contracts." });
    expect((await verdictOf(r, "budget management")).verdict).toBe("MET");
    expect((await verdictOf(r, "Negotiation")).verdict).toBe("MET");
  });

  it("does not take an abbreviation's ordinary-word spelling for it (go ≠ Go, ml ≠ ML)", async () => {
    const r = cand({ resumeText: `Helped the team go live in two weeks.\nAdministered 5 ml doses.${PAD}` });
    expect((await verdictOf(r, "Experience with Go")).verdict).toBe("NOT_MET");
    expect((await verdictOf(r, "ML experience")).verdict).toBe("NOT_MET");
  });

  it("gives no partial credit when only the broad field word matches", async () => {
    const r = cand({ resumeText: `Staff Nurse, Medical ICU, 2019 – Present${PAD}` });
    expect((await verdictOf(r, "Pediatric nursing experience")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: years of experience", () => {
  it("sums relevant parsed positions, merging overlaps", async () => {
    const c = cand({
      resumeText: "Backend work",
      positions: [
        { title: "Backend Engineer", org: "A", start: { year: 2020, month: 1 }, end: { year: 2022, month: 12 } },
        { title: "Freelance Backend Developer", org: "B", start: { year: 2018, month: 1 }, end: { year: 2021, month: 12 } },
        { title: "Barista", org: "C", start: { year: 2010, month: 1 }, end: { year: 2017, month: 12 } },
      ],
    });
    // 2018-01 … 2022-12 merged = 5 years (7 if overlaps were counted twice; the barista years don't count).
    expect((await verdictOf(c, "5+ years of backend experience")).verdict).toBe("MET");
    const six = await verdictOf(c, "6+ years of backend experience");
    expect(six.verdict).toBe("PARTLY_MET");
    expect(six.reason).toContain("5 years");
    expect((await verdictOf(c, "12+ years of backend experience")).verdict).toBe("NOT_MET");
    // Any experience: all positions count.
    expect((await verdictOf(c, "10+ years of professional experience")).verdict).toBe("MET");
  });

  it("counts a current position up to now", async () => {
    const c = cand({ positions: [{ title: "Registered Nurse, ICU", org: "H", start: { year: 2023, month: 6 }, end: null }] });
    expect((await verdictOf(c, "3+ years of ICU experience")).verdict).toBe("MET");
    expect((await verdictOf(c, "4+ years of ICU experience")).verdict).toBe("PARTLY_MET");
  });

  it("reads date ranges written in the résumé when there are no parsed positions, ignoring education", async () => {
    const c = cand({ resumeText: "Account Executive, DataPilot (B2B SaaS)\nMar 2021 – Present\nClosed deals.\n\nB.A., University of Texas\n2012 – 2016" });
    expect((await verdictOf(c, "5+ years of B2B SaaS sales experience")).verdict).toBe("MET");
    expect((await verdictOf(c, "10+ years of experience")).verdict).toBe("PARTLY_MET");
  });

  it("years in positions naming the head of what is asked but not the word narrowing it are for a person to judge, not absent", async () => {
    const c = cand({
      resumeText: "Pharmacy Technician, CarePlus Pharmacy — 2019 – Present\n• Fill 300 prescriptions a day; insurance rejections; inventory.",
      positions: [{ title: "Pharmacy Technician", org: "CarePlus Pharmacy", start: { year: 2019, month: 3 }, end: null }],
    });
    const v = await verdictOf(c, "2+ years of retail pharmacy experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("name pharmacy but not retail");
    expect(v.evidence.join(" ")).toContain("CarePlus Pharmacy");
    // Too few of them, the head missing, or another role named: still not met.
    expect((await verdictOf(c, "10+ years of retail pharmacy experience")).verdict).toBe("NOT_MET");
    expect((await verdictOf(c, "2+ years as a pharmacy buyer")).verdict).toBe("NOT_MET");
    expect((await verdictOf(c, "2+ years of hospital pharmacy informatics")).verdict).toBe("NOT_MET");
  });

  it("falls back to years stated in the text", async () => {
    const c = cand({ resumeText: "Backend engineer with 8 years of experience in Go.\nSkills: Go, SQL" });
    const v = await verdictOf(c, "5+ years of backend experience");
    expect(v.verdict).toBe("MET");
    expect(v.evidence).toEqual(["Backend engineer with 8 years of experience in Go."]);
  });

  it("merges intervals", () => {
    expect(mergedMonths([{ start: 0, end: 12 }, { start: 6, end: 18 }, { start: 30, end: 36 }])).toBe(24);
    expect(mergedMonths([])).toBe(0);
  });
});

describe("local engine: degrees", () => {
  const withSchool = (degree: string, field: string) => cand({ resumeText: "Engineer", schools: [{ org: "Uni", degree, field }] });
  it("a higher degree meets a lower requirement; a lower one is not met (partly when an equivalent is allowed)", async () => {
    expect((await verdictOf(withSchool("Master of Science", "Computer Science"), "Bachelor's degree required")).verdict).toBe("MET");
    expect((await verdictOf(withSchool("PhD", "Physics"), "Master's degree")).verdict).toBe("MET");
    expect((await verdictOf(withSchool("BSc", "Computer Science"), "Master's degree in Computer Science")).verdict).toBe("NOT_MET");
    expect((await verdictOf(withSchool("BSc", "Computer Science"), "Master's degree in Computer Science or equivalent experience")).verdict).toBe("PARTLY_MET");
    expect((await verdictOf(withSchool("Associate of Science", "Nursing"), "BSN")).verdict).toBe("NOT_MET");
  });

  it("matches fields with abbreviations and related fields", async () => {
    expect((await verdictOf(withSchool("BSc", "CS"), "Bachelor's degree in Computer Science")).verdict).toBe("MET");
    expect((await verdictOf(withSchool("B.S.", "Mathematics"), "Bachelor's in Computer Science or related field")).verdict).toBe("MET");
    expect((await verdictOf(withSchool("B.S.", "Mathematics"), "Bachelor's in Computer Science")).verdict).toBe("PARTLY_MET");
    expect((await verdictOf(withSchool("B.A.", "History"), "Bachelor's in Computer Science or related field")).verdict).toBe("PARTLY_MET");
    expect((await verdictOf(withSchool("B.S.", "Accounting"), "MBA")).verdict).toBe("NOT_MET");
  });

  it("reads degrees from the résumé text too", async () => {
    const c = cand({ resumeText: "Education\nBSc in Computer Science, University of Toronto, 2017" });
    const v = await verdictOf(c, "BS/MS in CS");
    expect(v.verdict).toBe("MET");
    expect(v.evidence).toEqual(["BSc in Computer Science, University of Toronto, 2017"]);
    expect((await verdictOf(cand({ resumeText: `Education\nHigh School Diploma, 2015${PAD}` }), "Bachelor's degree")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: application answers and off-résumé criteria", () => {
  it("uses yes/no answers and says UNKNOWN for things résumés don't state", async () => {
    const c = cand({
      resumeText: "Help desk technician.",
      answers: [
        { question: "Are you legally authorized to work in the United States?", answer: "Yes" },
        { question: "Do you have a valid driver's license?", answer: "No" },
      ],
    });
    expect((await verdictOf(c, "Authorized to work in the US")).verdict).toBe("MET");
    expect((await verdictOf(c, "Valid driver's license")).verdict).toBe("NOT_MET");
    expect((await verdictOf(c, "Willing to relocate to Berlin")).verdict).toBe("UNKNOWN");
  });
});

describe("local engine: empty résumé, determinism, evidence", () => {
  const criteria = [crit("5+ years of Python", "REQUIRED", "HIGH", "a"), crit("Bachelor's degree", "REQUIRED", "MEDIUM", "b"), crit("Kubernetes", "PREFERRED", "LOW", "c")];

  it.each([null, "", "   \n\t "])("says UNKNOWN for every criterion when the résumé is %j and there is no parsed data", async (resumeText) => {
    const out = await engine.screen(cand({ resumeText }), criteria);
    expect(out.verdicts.map((v) => v.verdict)).toEqual(["UNKNOWN", "UNKNOWN", "UNKNOWN"]);
    expect(out.score).toBe(0);
    expect(out.summary).toMatch(/no résumé/i);
  });

  it("uses parsed data when there is no résumé text", async () => {
    const out = await engine.screen(
      cand({ positions: [{ title: "Python Developer", org: "X", start: { year: 2015, month: 1 }, end: null }], schools: [{ degree: "BSc", field: "Physics", org: "Y" }] }),
      criteria,
    );
    expect(out.verdicts.map((v) => v.verdict)).toEqual(["MET", "MET", "NOT_MET"]);
  });

  it("is deterministic: same input, same output (also across engine instances)", async () => {
    const c = cand({ resumeText: RESUME });
    const many = [...criteria, crit("Experience with Kubernetes", "REQUIRED", "HIGH", "d"), crit("React or Vue", "PREFERRED", "LOW", "e")];
    const a = await engine.screen(c, many);
    const b = await engine.screen(c, many);
    const other = await createLocalEngine({ now: NOW }).screen(structuredClone(c), structuredClone(many));
    expect(b).toEqual(a);
    expect(other).toEqual(a);
  });

  it("quotes evidence verbatim from the résumé", async () => {
    const c = cand({ resumeText: RESUME });
    const texts = ["Experience with Kubernetes", "5+ years of backend experience", "Master's degree", "JavaScript and React", "Experience managing a team", "10+ years of software engineering"];
    const out: ScreeningOutput = await engine.screen(c, texts.map((t, i) => crit(t, "REQUIRED", "MEDIUM", `c${i}`)));
    const all = out.verdicts.flatMap((v) => v.evidence);
    expect(all.length).toBeGreaterThanOrEqual(texts.length);
    for (const quote of all) expect(RESUME).toContain(quote);
    expect(out.verdicts[0]?.evidence).toEqual(["• Built payment APIs in Go on k8s with Postgres; Led a team of 4 engineers."]);
  });

  it("computes the score from the verdicts and writes a summary", async () => {
    const out = await engine.screen(cand({ resumeText: RESUME }), [crit("Kubernetes", "REQUIRED", "HIGH", "a"), crit("Python", "REQUIRED", "LOW", "b"), crit("Salesforce", "NEUTRAL", "HIGH", "n")]);
    expect(out.engine).toBe("local");
    expect(out.score).toBe(75);
    expect(out.summary).toContain("Score 75/100");
    expect(out.summary).toContain("Missing required: Python");
  });

  it("reasons name the criterion's words as the recruiter wrote them, not their stems", async () => {
    const missing = await verdictOf(cand({ resumeText: RESUME }), "Hands-on experience with full-cycle recruiting");
    expect(missing.verdict).toBe("NOT_MET");
    expect(missing.reason).toContain("recruiting");
    expect(missing.reason).not.toMatch(/\brecruit\b|\bcycl\b/);
    expect((await verdictOf(cand({ resumeText: RESUME }), "Payments experience")).reason).toMatch(/payments/i);
  });

  it("createEngine() without config is the local engine", () => {
    expect(createEngine().name).toBe("local");
    expect(createEngine({ baseUrl: "", model: "" }).name).toBe("local");
    expect(createEngine({ baseUrl: "http://llm.test/v1", apiKey: "k", model: "m" }).name).toBe("llm");
  });
});

describe("local engine: years in a field from what each position's lines say", () => {
  // The parser gave titles and dates only; the field is in the bullet lines under each heading.
  const candidate = cand({
    resumeText: `Dana Ruiz
Chicago, IL

Experience
Platform Engineer — Northwind (Jan 2020 – Present)
• Runs the company's Kubernetes clusters and their upgrades.
Systems Administrator — Contoso (Jan 2014 – Dec 2019)
• Patched Windows servers and kept the backup tapes.

Skills
Kubernetes, Terraform, Windows Server`,
    positions: [
      { title: "Platform Engineer", org: "Northwind", start: { year: 2020, month: 1 }, end: null },
      { title: "Systems Administrator", org: "Contoso", start: { year: 2014, month: 1 }, end: { year: 2019, month: 12 } },
    ],
  });

  it("counts a position whose lines show the field, and not the one whose lines do not", async () => {
    const v = await verdictOf(candidate, "8+ years of Kubernetes experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("Platform Engineer");
    expect(v.reason).not.toContain("Systems Administrator");
    expect((await verdictOf(candidate, "6+ years of Windows Server administration")).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: a related field of study", () => {
  const german = cand({
    resumeText: `Jonas Weber
Stuttgart, Germany

Berufserfahrung
Entwicklungsingenieur — Bosch (2015 – Present)
• Designs fuel injection components and runs their durability tests.

Education
Dipl.-Ing. Maschinenbau, Universität Stuttgart, 2008 – 2014`,
  });

  it("a degree whose field is in the same family counts as related: met when the criterion allows related fields, partly otherwise", async () => {
    expect((await verdictOf(german, "Master's degree in Mechanical Engineering or related field")).verdict).toBe("MET");
    expect((await verdictOf(german, "Master's degree in Aerospace Engineering")).verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: 'currently' looks at what the criterion names, not a generic headline word", () => {
  const candidate = cand({
    resumeText: `Marie Tremblay
Marketing Manager · Quebec City, QC

Brand Lead, Nordet Foods — 2023 – Present
- Packaging redesign and retail displays for three product lines.

Paid Media Specialist, Agence Lumen — 2016 – 2021
- Ran paid media campaigns on Google Ads and Meta, $1.5M a year.`,
  });

  it("paid media in a position that ended is not current, whatever the headline says", async () => {
    const v = await verdictOf(candidate, "Currently managing paid media campaigns");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toBe("Mentions paid, media, campaigns only in a position that has ended; a current one is asked.");
    expect(v.evidence[0]).toContain("2016 – 2021");
  });
});

describe("local engine: a trait is not shown by a job heading", () => {
  const candidate = cand({
    resumeText: `Olga Berg
Denver, CO

Account Executive, Pinecrest Software — 02/2022 – present
• Closed $1.4M new ARR in 2025; full-cycle SMB deals.
Sales Development Rep, Fieldline — 08/2020 – 01/2022
• 60 calls a day; booked 25 qualified meetings a month.`,
  });

  it("'present' in a date range is not a presentation, and a title is not written communication", async () => {
    const v = await verdictOf(candidate, "Strong written communication");
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.evidence).toEqual([]);
  });
});

describe("local engine: degrees written in other systems and levels below the one asked", () => {
  const withEducation = (line: string) =>
    cand({
      resumeText: `Robin Vale
Leeds, UK

Analyst, Northgate Water (2019 – Present)
• Builds the weekly leakage report and the models behind it; presents results to the operations board.

Education
${line}`,
    });

  it.each([
    ["inż. Informatyka, Politechnika Warszawska, 2012–2016", "Bachelor's degree in Computer Science or related", "MET"],
    ["BCom Honours Industrial Psychology, University of Pretoria, 2014", "Bachelor's degree in Industrial Psychology", "MET"],
    ["b.f.a. graphic design — school of the art institute of chicago — 2018", "Bachelor's degree in Graphic Design", "MET"],
    ["M.Tech Computer Science, IIIT Hyderabad (2020)", "Master's degree in Computer Science", "MET"],
    ["BSc Biology, University of Sheffield, 2015", "Degree in a STEM subject", "MET"],
    ["A.A.S. Accounting, Paris Junior College, 2017", "Bachelor's degree in Accounting", "NOT_MET"],
    ["B.S. Mechanical Engineering, Michigan Technological University, 2016", "Master's degree in Mechanical Engineering", "NOT_MET"],
  ])("%s for %s: %s", async (line, criterion, expected) => {
    expect((await verdictOf(withEducation(line), criterion)).verdict).toBe(expected);
  });
});

describe("local engine: words naming the kind of thing are not a qualifier to repeat", () => {
  const candidate = cand({
    resumeText: `Ciara Nolan
Dublin, Ireland

Legal Secretary, Byrne Solicitors (2018 – Present)
• Typed correspondence from digital dictation for three partners.
• Wrote SAS macros to build the firm's monthly time-recording tables.
• Ran the Kubernetes cluster for the document portal.`,
  });

  it.each([
    ["Digital dictation software", "MET"],
    ["Tax preparation", "NOT_MET"],
  ])("%s: %s", async (criterion, expected) => {
    expect((await verdictOf(candidate, criterion)).verdict).toBe(expected);
  });

  it("a credential still needs every word of its name", async () => {
    expect((await verdictOf(candidate, "Certified Kubernetes Administrator (CKA)")).verdict).not.toBe("MET");
  });
});

describe("local engine: an application answer settles only what its question asks", () => {
  const candidate = cand({
    resumeText: "ana.ruiz.teacher@example.com",
    answers: [{ question: "Do you hold a current Texas teaching certificate? Which one?", answer: "Yes – Core Subjects EC-6" }],
  });

  it("a yes about a teaching certificate is not years of teaching nor a master's in education", async () => {
    expect((await verdictOf(candidate, "3+ years of elementary teaching")).verdict).toBe("UNKNOWN");
    expect((await verdictOf(candidate, "Master's degree in Education")).verdict).toBe("UNKNOWN");
    expect((await verdictOf(candidate, "Texas teaching certificate")).verdict).toBe("MET");
  });
});

describe("local engine: a lapse written after a credential's full name", () => {
  const withLine = (line: string) =>
    cand({
      resumeText: `Omar Haddad
Dubai, UAE

Treasury Manager, Gulfstar Logistics (2020 – Present)
• Daily cash positioning across 14 banks; FX hedging with forwards.
${line}`,
    });

  it.each([
    ["CTP (AFP) earned 2019, not renewed since 2022", "Current CTP certification"],
    ["AWS Certified Solutions Architect – Associate (2020, expired 2023)", "Current AWS certification"],
  ])("%s is not a current credential", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence[0]).toBe(line);
  });

  it("a later, unrelated aside does not reach back to an earlier name", async () => {
    expect((await verdictOf(withLine("CTP (AFP) 2019 · Excel, Kyriba (expired trial licence)"), "Current CTP certification")).verdict).toBe("MET");
  });
});

describe("local engine: credentials on the way", () => {
  const withLine = (line: string) =>
    cand({
      resumeText: `Dana Cole
Austin, TX

Quality Engineer, Lonestar Components (2019 – Present)
• Runs the plant's corrective-action board and supplier audits.
${line}`,
    });

  it.each([
    ["Six Sigma Green Belt (2022); Black Belt training in progress", "Six Sigma Black Belt", "PARTLY_MET"],
    ["Student pilot certificate; 22 hours logged toward a Private Pilot certificate.", "Private pilot certificate", "PARTLY_MET"],
    ["New York bar: sat the UBE July 2026, awaiting results.", "Admitted to the New York bar", "PARTLY_MET"],
    ["MBA, Texas McCombs Evening program — year 1 of 3", "MBA", "PARTLY_MET"],
    ["Working toward a Private Pilot certificate next year.", "Private pilot certificate", "NOT_MET"],
    ["Six Sigma Green Belt (2022)", "Six Sigma Green Belt", "MET"],
  ])("%s for %s: %s", async (line, criterion, expected) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe(expected);
  });
});

describe("local engine: a certification needs a credential, not the word alone", () => {
  const candidate = cand({
    resumeText: `Priya Nair
Cardiff, UK

Litigation Paralegal, Bennett & Shaw LLP (2020 – Present)
• Ran sprint reviews for the firm's Agile case-management rollout.
• Non-sterile compounding of creams for the firm's first-aid kits.
Paralegal Certificate, Meredith College, 2019
CompTIA Security+ (2021, renewed 2024)`,
  });

  it.each([
    ["Agile certification", "PARTLY_MET"],
    ["Paralegal certificate", "MET"],
    ["Security+ certification", "MET"],
  ])("%s: %s", async (criterion, expected) => {
    expect((await verdictOf(candidate, criterion)).verdict).toBe(expected);
  });

  it("quotes the line that shows the credential", async () => {
    expect((await verdictOf(candidate, "Paralegal certificate")).evidence).toEqual(["Paralegal Certificate, Meredith College, 2019"]);
  });

  it("'non-' denies the word it is joined to", async () => {
    expect((await verdictOf(candidate, "Sterile compounding experience")).verdict).not.toBe("MET");
  });
});

describe("local engine: languages named in the résumé's own language", () => {
  const candidate = cand({
    resumeText: `Emre Kaya
Frankfurt am Main

Ramp Agent, FraGround GmbH (2019 – Present)
• Loading and unloading of narrow-body aircraft; de-icing crew in winter.
Sprachen: Deutsch (C1), Türkisch (Muttersprache), Englisch (B1).`,
  });

  it.each([
    ["Fluent German", "MET"],
    ["Native Turkish", "MET"],
    ["Fluent English", "PARTLY_MET"],
  ])("%s: %s", async (criterion, expected) => {
    expect((await verdictOf(candidate, criterion)).verdict).toBe(expected);
  });
});

describe("local engine: a line that says a credential is current", () => {
  const candidate = cand({
    resumeText: `Kai Olsen
Calgary, AB

Site Superintendent, Bow River Builders (2014 – 2022)
• Ran three mid-rise residential sites.
Safety: First Aid / CPR C valid to 2027; Working with Children Check — current; H2S Alive (expired 2021).`,
  });

  it.each([
    ["Current First Aid", "MET"],
    ["Current Working with Children Check", "MET"],
    ["Current H2S Alive", "NOT_MET"],
  ])("%s: %s", async (criterion, expected) => {
    expect((await verdictOf(candidate, criterion)).verdict).toBe(expected);
  });
});

describe("local engine: an acronym meets its name spelled out", () => {
  const candidate = cand({
    resumeText: `Grace Obi
Manchester, UK

Charge Nurse, Royal Infirmary Emergency Department (2018 – Present)
• Leads resuscitation for adult majors; audits the department's sepsis bundle.
Advanced Life Support (Resuscitation Council UK) 2025`,
  });

  it("ALS is Advanced Life Support, and the line is quoted", async () => {
    const v = await verdictOf(candidate, "ALS certification");
    expect(v.verdict).toBe("MET");
    expect(v.evidence[0]).toContain("Advanced Life Support");
  });

  it("initials that spell something else do not count", async () => {
    expect((await verdictOf(candidate, "PALS certification")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a belt below the one asked", () => {
  it.each([
    ["Lean Six Sigma Yellow Belt (2021)", "NOT_MET"],
    ["Lean Six Sigma Green Belt, ASQ (2021)", "MET"],
    ["Six Sigma Black Belt (2019)", "MET"],
  ])("Green Belt asked, résumé says %s: %s", async (line, expected) => {
    const v = await verdictOf(cand({ resumeText: `Maintenance Technician — Upstate Auto (2020 – Present)\n${line}${PAD}` }), "Lean Six Sigma Green Belt");
    expect(v.verdict).toBe(expected);
  });
  it("says which belt is held", async () => {
    const v = await verdictOf(cand({ resumeText: `Lean Six Sigma Yellow Belt (2021)${PAD}` }), "Lean Six Sigma Green Belt");
    expect(v.reason).toBe("Holds a Yellow Belt, below the Green Belt asked.");
  });
});

describe("local engine: a denial written in the résumé's own language", () => {
  it.each([
    ["Code 95 niet in bezit; rijbewijs B.", "Driver CPC (code 95)"],
    ["Kein Staplerschein, aber Erfahrung mit Hubwagen. SAP EWM: nicht vorhanden.", "SAP EWM"],
    ["Permis C : sans la FIMO pour l'instant.", "FIMO"],
  ])("%s → %s not met", async (line, criterion) => {
    const v = await verdictOf(cand({ resumeText: `${line}${PAD}` }), criterion);
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: years in a role are years with that title, not in training", () => {
  // Text only, no parsed positions: the years come from the date ranges written in the résumé.
  const teacher = cand({
    resumeText: `Jordan Pike\nBradford · jordan.pike@example.com\n\nData Analyst (Graduate), Aire Water — Oct 2025 to present\n  SQL queries for leakage reporting; Power BI dashboards used by field managers\nSecondary school science teacher — 2015 to 2025 (taught data handling and statistics to GCSE)\n\nData Analytics Skills Bootcamp (12 weeks), 2025\nBSc Chemistry, University of Hull, 2014`,
  });
  it("a teacher's years that mention data are not years as a data analyst", async () => {
    const v = await verdictOf(teacher, "3+ years of data analyst experience");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("the same years still count for the subject when no role is named", async () => {
    const v = await verdictOf(teacher, "3+ years of teaching experience");
    expect(v.verdict).toBe("MET");
  });
  const newGrad = cand({
    resumeText: `Alex Moore, BSN, RN\nBangor, ME · alex.moore@example.com\n\nNURSING EXPERIENCE\nRegistered Nurse (new graduate residency), Northern Light Medical Center, Med-Surg — 03/2026 – present\nClinical rotations: med-surg, ICU, L&D (2023–2025); charted in Epic.\n\nB.S.N., University of Maine, 2025`,
  });
  it("clinical rotations are training, not years as a nurse", async () => {
    const v = await verdictOf(newGrad, "1+ year of acute-care RN experience");
    expect(v.verdict).not.toBe("MET");
  });
});

describe("local engine: a registration or designation is a credential word, not a word to find", () => {
  it.each([
    ["Active NMC registration", "Staff Nurse, Royal Infirmary (2019 – present)\nNMC PIN 12A3456E — registered nurse (adult)", "MET"],
    ["SABPP registration", "HR Business Partner (2020 – present)\nRegistered HR Professional, SABPP (2021)", "MET"],
    ["CHRL designation", "HR Generalist (2020 – present)\nPreparing for the CHRL exam; Workday, BambooHR", "NOT_MET"],
  ])("%s: %s", async (criterion, resume, expected) => {
    const v = await verdictOf(cand({ resumeText: `${resume}${PAD}` }), criterion);
    expect(v.verdict).toBe(expected);
  });
});

describe("local engine: another product of the same family", () => {
  it.each([
    ["Experience with Splunk", "Support Engineer (2021 – present): reads application logs in Datadog to find the failing request.", "PARTLY_MET"],
    ["Siemens TIA Portal", "Maintenance Technician (2020 – present): troubleshoots Allen-Bradley ControlLogix PLCs in Studio 5000.", "PARTLY_MET"],
    ["Electronic health records experience", "LPN, Maple Grove Care Center (2019 – present): charts medication passes in PointClickCare.", "MET"],
    ["Payroll software", "Payroll Officer (2018 – present): runs monthly payroll for 600 staff in Moorepay.", "MET"],
    ["SEMrush", "SEO Specialist (2022 – present): keyword research and backlink audits in Ahrefs.", "PARTLY_MET"],
    ["Infrastructure as code with Terraform", "Systems Administrator (2019 – present): server builds automated with Ansible playbooks.", "PARTLY_MET"],
  ])("%s: %s → %s", async (criterion, resume, expected) => {
    const v = await verdictOf(cand({ resumeText: `${resume}${PAD}` }), criterion);
    expect(v.verdict).toBe(expected);
  });
});

describe("local engine: a trait about someone or something is still a trait", () => {
  it.each(["Works well with parents and colleagues", "Stays calm under pressure"])("%s is never NOT_MET from a résumé", async (criterion) => {
    const v = await verdictOf(cand({ resumeText: `Art Teacher, Lakeside Middle School (2017 – present)\n• Painting and ceramics for grades 6–8; annual student exhibition.${PAD}` }), criterion);
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.reason).toContain(`“${criterion.replace(/^./, (c) => c.toLowerCase())}”`);
  });
  it("collaboration shown in what the candidate did meets it", async () => {
    const v = await verdictOf(cand({ resumeText: `Product Designer, Norda (2019 – present)\n• Partnered with engineering on a design system; paired with developers during build.${PAD}` }), "Collaborates closely with engineering");
    expect(v.verdict).toBe("MET");
  });
  it("a named skill with a light word of kind stays a skill", async () => {
    const v = await verdictOf(cand({ resumeText: `Brand Manager (2018 – present)\n• Briefed the agency that ran our paid social.${PAD}` }), "Hands-on SEO ownership");
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: a degree's field said by its name or in another language", () => {
  it.each([
    ["Master's degree in Education", "M.Ed. Curriculum and Instruction, Western Washington University, 2021", "MET"],
    ["Master's degree in Mechanical Engineering", "Dipl.-Ing. Maschinenbau, Universität Stuttgart, 2008 – 2014", "MET"],
    ["Bachelor's degree in Law", "Licenciatura en Derecho, Universidad de Sevilla, 2012 – 2017", "MET"],
    ["Bachelor's degree in Nursing", "Licenciatura em Enfermagem, Universidade do Porto, 2015 – 2019", "MET"],
  ])("%s: %s → %s", async (criterion, line, expected) => {
    const v = await verdictOf(cand({ resumeText: `${PAD}\n\nEducation\n${line}` }), criterion);
    expect(v.verdict).toBe(expected);
  });
  it("a degree the résumé says the candidate does not have is not one", async () => {
    const v = await verdictOf(cand({ resumeText: `${PAD}\n\nB.A. History, University of Leeds, 2010\nMBA — no. Not planning one.` }), "MBA or master's in healthcare management");
    expect(v.verdict).not.toBe("MET");
  });
  it("a degree being worked on is in progress", async () => {
    const v = await verdictOf(cand({ resumeText: `${PAD}\n\nASN, Columbia State Community College (2016). Working on my BSN online — WGU, started Oct 2025.` }), "Bachelor of Science in Nursing (BSN)");
    expect(v.verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: English listed without a level on a résumé written in English", () => {
  const english = `Desktop Support Technician at Central Valley Unified School District from 2023 to the present.\n• Imaged and deployed 1,100 laptops for the district each summer, and reset passwords for the staff in Active Directory.\n• Trained the new technicians on the imaging process and wrote the runbook for it.${PAD}\nLANGUAGES: English, Spanish (native)`;
  it("meets bilingual English/Spanish", async () => {
    const v = await verdictOf(cand({ resumeText: english }), "Bilingual English/Spanish");
    expect(v.verdict).toBe("MET");
  });
  it("but not when the résumé is written in another language", async () => {
    const v = await verdictOf(
      cand({ resumeText: "Técnica de soporte, Distrito Escolar Central Valley, 2023 – actualidad.\n• Imagen y despliegue de 1.100 portátiles cada verano; contraseñas y cuentas en Active Directory.\n• Formación de los técnicos nuevos; manual del proceso de imagen.\nTécnica de tienda, Best Buy, 2021 – 2023: reparaciones y diagnósticos de equipos de los clientes.\nIDIOMAS: inglés, español (nativo)" }),
      "Bilingual English/Spanish",
    );
    expect(v.verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: the items of a colon's list are items; the aside after a mention is about it", () => {
  it("a level in the next item's brackets does not qualify this one", async () => {
    const v = await verdictOf(cand({ resumeText: `Sheet Metal Mechanic, Prairie Aerostructures (2019 – present): fuselage riveting, structural repair per SRM, NDT (eddy current, Level I).${PAD}` }), "Structural repair experience");
    expect(v.verdict).toBe("MET");
  });
  it("what follows a credential's colon still qualifies it past a comma", async () => {
    const v = await verdictOf(cand({ resumeText: `GRC Analyst (2021 – present)\nCISSP: passed exam Aug 2026, endorsement pending with ISC2.${PAD}` }), "CISSP");
    expect(v.verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: date ranges written year first, with 'present' in other languages, or as 'since'", () => {
  it.each([
    ["2019.03 – obecnie   DevOps Engineer, Kestrel Payments", "2016.10 – 2019.02   System Administrator, Miejski Szpital", "MET"],
    ["DevOps Engineer, Kestrel GmbH, 03/2019 – heute", "Systemadministrator, Stadtwerke, 10/2016 – 02/2019", "MET"],
    ["Seit 03/2019 DevOps Engineer, Kestrel GmbH", "10/2016 – 02/2019 Systemadministrator, Stadtwerke", "MET"],
    ["2023-01 – aujourd'hui   DevOps Engineer, Kestrel SAS", "2016.10 – 2022.12   Administrateur système, Mairie de Lyon", "PARTLY_MET"],
  ])("%s → %s", async (devops, before, expected) => {
    const v = await verdictOf(cand({ resumeText: `Piotr Zieliński\nWarszawa\n\n${devops}\n    Terraform for 400 AWS resources; EKS clusters; on-call rotation.\n${before}\n    Windows Server, backups.` }), "7+ years in DevOps roles");
    expect(v.verdict).toBe(expected);
  });
});

describe("local engine: a stage of an exam path asked as passed", () => {
  it.each([
    ["Passed at least CFA Level I", "CFA Level II candidate (Level I passed Feb 2025). FRM Part I passed (2024).", "MET"],
    ["CFA Level I passed", "Underwrite C&I loans $1–15MM for a 70-name portfolio.\nCFA Program: registered for Level I, Feb 2027 window", "NOT_MET"],
    ["Passed CFA Level I", "CFA Level III passed (2023); charter awarded 2024.", "MET"],
  ])("%s: %s → %s", async (criterion, lines, expected) => {
    const v = await verdictOf(cand({ resumeText: `Credit Analyst, Hudson Bank (2022 – present)\n${lines}${PAD}` }), criterion);
    expect(v.verdict).toBe(expected);
  });
});

describe("local engine: managed Kubernetes names its cloud; 'associate or bachelor's' asks the lower", () => {
  it("EKS on AWS is comparable to GCP", async () => {
    const v = await verdictOf(cand({ resumeText: `Platform Engineer (2020 – present)\n• Runs 12 EKS clusters with Terraform and ArgoCD.${PAD}` }), "Experience with GCP");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("an associate degree in progress is on the way to 'associate or bachelor's'", async () => {
    const v = await verdictOf(cand({ resumeText: `${PAD}\nAssociate Degree in Nursing (ADN), Sinclair Community College — expected May 2027` }), "Associate or bachelor's degree in nursing");
    expect(v.verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: a yes answers only the question asked", () => {
  const answers = [{ question: "Do you hold a current Texas teaching certificate? Which one?", answer: "Yes – Core Subjects EC-6" }];
  it("a teaching certificate is not a bilingual education (Spanish) certification", async () => {
    const v = await verdictOf(cand({ resumeText: "Ana Gomez\nana.gomez@example.com", answers }), "Bilingual education (Spanish) certification");
    expect(v.verdict).not.toBe("MET");
  });
  it("but it is the teaching certificate asked", async () => {
    const v = await verdictOf(cand({ resumeText: "Ana Gomez\nana.gomez@example.com", answers }), "Texas teaching certificate");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: SWIFT the bank network and a rugby scrum", () => {
  it.each([
    ["Swift iOS development", "Operations Analyst, Hudson Bank (2022 – present)\n• Wire and SWIFT payment exceptions; KYC refresh."],
    ["Agile certification", "Campaign Manager, Tidewater (2021 – present)\n• Paid social for 14 brands.\nOutside work: scrum-half and captain, Pontcanna RFC (amateur rugby)."],
  ])("%s is not met by %s", async (criterion, resume) => {
    const v = await verdictOf(cand({ resumeText: `${resume}${PAD}` }), criterion);
    expect(v.verdict).not.toBe("MET");
  });
  it("Swift the language still counts", async () => {
    const v = await verdictOf(cand({ resumeText: `iOS Developer, Appwise (2020 – present)\n• Built the banking app's payments screens in Swift and SwiftUI.${PAD}` }), "Swift iOS development");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a hospital is healthcare, but healthcare is not a hospital", () => {
  it("a community pharmacist has no hospital pharmacy experience", async () => {
    const v = await verdictOf(cand({ resumeText: `Pharmacist, Boots (2018 – present)\n• Community pharmacy: dispensing, NHS flu vaccinations and clinical checks for patient care.${PAD}` }), "Hospital pharmacy experience");
    expect(v.verdict).not.toBe("MET");
  });
  it("a hospital pharmacist has it, and a hospital meets 'healthcare experience'", async () => {
    const c = cand({ resumeText: `Pharmacist, Glasgow Royal Infirmary (2018 – present)\n• Ward pharmacy rounds and aseptic unit in the hospital.${PAD}` });
    expect((await verdictOf(c, "Hospital pharmacy experience")).verdict).toBe("MET");
    expect((await verdictOf(c, "Healthcare experience")).verdict).toBe("MET");
  });
});

describe("local engine: a credential's exam is not the credential; a state code is not an abbreviation", () => {
  it("passed sections of the CPA exam are on the way to the licence", async () => {
    const v = await verdictOf(cand({ resumeText: `Staff Accountant, Carolina Freight (2022 – present)\nCPA exam: passed AUD and FAR (2025); REG scheduled Jan 2027${PAD}` }), "CPA license");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("the exam stays a word of the criterion when it asks about the exam", async () => {
    const v = await verdictOf(cand({ resumeText: `ESL Teacher, Lingua Madrid (2019 – present)\n• Cambridge exam preparation for teenagers: B2 First and C1 Advanced, 94% pass rate.${PAD}` }), "Cambridge exam preparation experience");
    expect(v.verdict).toBe("MET");
  });
  it("an architectural designer in Vancouver, WA is not a licensed architect", async () => {
    const v = await verdictOf(cand({ resumeText: `Architectural Designer · Vancouver, WA · sofia@example.com\n2022–present  Architectural Designer, Columbia Row Architects\nLicensure path: AXP hours complete; ARE 5.0 — passed 4 of 6 divisions${PAD}` }), "Licensed architect");
    expect(v.verdict).not.toBe("MET");
  });
});

describe("local engine: the words of one phrase must be found together, not in different parts of the résumé", () => {
  it("research in a marketing job and a clinic elsewhere are not clinical research", async () => {
    const c = cand({
      resumeText: `Jamie Ortiz · Denver, CO
Marketing Analyst, Peak Outdoor (2019 – present)
• Ran market research and customer surveys for three product launches.
Front Desk Volunteer, Westside Free Clinic (2016 – 2018)
• Checked in patients and answered phones on Saturdays.${PAD}`,
    });
    const v = await verdictOf(c, "Clinical research experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("Clinical research experience");
  });
  it("Python taught in a classroom and data pipelines built in Java are not Python data pipelines", async () => {
    const c = cand({
      resumeText: `Computer Science Teacher, Lincoln High School (2012 – 2017)
• Taught Python to 120 students a year; ran the robotics club.
Backend Engineer, Freightly (2017 – present)
• Built data pipelines in Java and Scala moving 2 TB a day into the warehouse.${PAD}`,
    });
    expect((await verdictOf(c, "Python data pipelines")).verdict).not.toBe("MET");
  });
  it("a position's heading and the lines under it are one part: pediatric triage is met", async () => {
    const c = cand({
      resumeText: `Pediatric Nurse, Riverside Children's Hospital (2019 – present)
• Phone and walk-in triage for a busy urgent-care floor.
Retail Associate, Target (2015 – 2018)
• Stocked shelves and ran the register.${PAD}`,
    });
    expect((await verdictOf(c, "Pediatric triage")).verdict).toBe("MET");
  });
  it("the headline speaks for the whole résumé", async () => {
    const c = cand({
      resumeText: `Payroll & Pensions Administrator — Leeds
Payroll Administrator, Aire Valley Foods, 2019 – present
• Weekly and monthly payroll for 600 staff; auto-enrolment and re-enrolment duties.${PAD}`,
    });
    expect((await verdictOf(c, "Pension auto-enrolment")).verdict).toBe("MET");
  });
});

describe("local engine: a head noun without the words that narrow it is another kind of the thing", () => {
  const c = cand({
    resumeText: `Dana Whitfield · Columbus, OH
Roofing Crew Lead, Buckeye Homes (2018 – present)
• Residential roofing: tear-offs and re-roofs of 300+ single-family homes.
Staff Accountant, Miller & Sons (2014 – 2018)
• Accounts payable, month-end close and bank reconciliations.
Paralegal, Ortiz Law (2012 – 2014)
• Drafted filings in employment law disputes.${PAD}`,
  });
  it.each([
    ["Commercial roofing experience", "roofing"],
    ["Forensic accounting", "accounting"],
    ["Maritime law experience", "law"],
  ])("%s → NOT_MET, in the criterion's words", async (text, head) => {
    const v = await verdictOf(c, text);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toContain(`Mentions ${head}, but not`);
    expect(v.evidence.length).toBeGreaterThan(0);
  });
  it("a missing head, a verb, a preposition or a list is not a narrowing word: those stay partly met", async () => {
    const r = cand({
      resumeText: `Project Architect, Columbia Row (2019 – present)
• Multifamily and mixed-use buildings of 80–220 units.
• Trained new hires on Revit standards.
Field Technician, Permian Midstream (2014 – 2019)
• Inspected gas gathering lines.${PAD}`,
    });
    expect((await verdictOf(r, "Multifamily housing experience")).verdict).toBe("PARTLY_MET");
    expect((await verdictOf(r, "Delivering training sessions")).verdict).toBe("PARTLY_MET");
    expect((await verdictOf(r, "Knowledge of oil & gas pipelines")).verdict).toBe("PARTLY_MET");
  });
  it("the head with its own narrowing word is met", async () => {
    expect((await verdictOf(c, "Residential roofing")).verdict).toBe("MET");
  });
});

describe("local engine: a credential's or product's name without its issuer; a writer is not a platform", () => {
  const c = cand({
    resumeText: `SOC Analyst, Brightpath Bank (2021 – present)
• Triage SIEM alerts; batch jobs on Spark and Kafka for log enrichment.
Certifications: Security+ (2021), CySA+ (2023), CompTIA A+ (2019)${PAD}`,
  });
  it("Security+ is CompTIA Security+, and Spark is Apache Spark", async () => {
    expect((await verdictOf(c, "CompTIA Security+")).verdict).toBe("MET");
    expect((await verdictOf(c, "Apache Spark")).verdict).toBe("MET");
  });
  it("A+ is not Network+, and Security+ is no security clearance", async () => {
    expect((await verdictOf(c, "CompTIA Network+")).verdict).toBe("NOT_MET");
    expect((await verdictOf(c, "Security clearance")).verdict).not.toBe("MET");
  });
  it("the reason writes the credential as the criterion does", async () => {
    expect((await verdictOf(c, "CompTIA Security+")).reason).toContain("Security+");
  });
  it("Kafka taught in a literature class is not Apache Kafka", async () => {
    const t = cand({ resumeText: `English Teacher, Hollis Academy (2012 – 2024)\n• Taught Kafka, Woolf and Camus to upper-school classes.${PAD}` });
    expect((await verdictOf(t, "Apache Kafka")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a 'non-' word asked for is met by the same word", () => {
  const c = cand({
    resumeText: `Pharmacy Technician, Lakeshore Drug (2021 – present)
• Non-sterile compounding of suspensions and creams; data entry and refills.
Lab Assistant, Ridgeway Foods (2018 – 2021)
• Non-destructive testing of seals on the packaging line.${PAD}`,
  });
  it.each([
    ["Non-sterile compounding", "MET"],
    ["Nonsterile compounding experience", "MET"],
    ["Non-destructive testing (NDT)", "MET"],
    ["Sterile compounding", "NOT_MET"],
    ["Destructive testing", "NOT_MET"],
  ] as const)("%s → %s", async (text, expected) => {
    expect((await verdictOf(c, text)).verdict).toBe(expected);
  });
  it("the reason writes the word with its hyphen, as the criterion does", async () => {
    expect((await verdictOf(c, "Non-sterile compounding")).reason).toContain("non-sterile");
  });
});

describe("local engine: a dated line in the résumé's text dates its own block, which ends at the next section", () => {
  it("a certificate under Education does not make a teaching career data analytics", async () => {
    const c = cand({
      resumeText: `Ruth Okafor
Leeds, UK — ruth.okafor@example.com
Since 03/2024  Junior Data Analyst, Kestrel Energy
               SQL dashboards for the operations team.
2012 – 2024    History teacher, Westbrook Academy
               Year 9–13 history; head of year for three years.
Education      MA History, University of Leeds (2011)
               Data Analytics Certificate (online, 2023)`,
    });
    const v = await verdictOf(c, "3+ years of data analytics experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).not.toContain("teacher");
  });
  it("the line before a position that carries its own title belongs to the position above", async () => {
    const c = cand({
      resumeText: `Omar Haddad · Tucson, AZ
Web Developer, Lumen Labs — Jan 2025 – Present
- React front ends and Node APIs for a ticketing product.
Software Development Bootcamp (12 weeks), Northside Code School, 2024
Before tech: warehouse manager, Dockside Freight, 2016 – 2024`,
    });
    const v = await verdictOf(c, "2+ years of professional software development");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).not.toContain("warehouse");
  });
  it("a course or degree line after the last position starts the education part, headed or not", async () => {
    const c = cand({
      resumeText: `Payroll Clerk, Harbor Foods — 2024 – Present
- Weekly payroll and bookkeeping for 200 staff.
Receptionist, Lakeview Dental, 2015 – 2024
Bookkeeping Certificate, Cuyahoga Community College (2023)`,
    });
    const v = await verdictOf(c, "3+ years of bookkeeping experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).not.toContain("Receptionist");
  });
  it("the same for a parsed position: its lines end where the courses begin", async () => {
    const c = cand({
      resumeText: `Payroll Clerk, Harbor Foods
- Weekly payroll and bookkeeping for 200 staff.
Receptionist, Lakeview Dental
Bookkeeping Certificate, Cuyahoga Community College (2023)`,
      positions: [
        { title: "Payroll Clerk", org: "Harbor Foods", start: { year: 2024, month: 1 }, end: null },
        { title: "Receptionist", org: "Lakeview Dental", start: { year: 2015, month: 1 }, end: { year: 2023, month: 12 } },
      ],
    });
    const v = await verdictOf(c, "3+ years of bookkeeping experience");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).not.toContain("Receptionist");
  });
  it("a date range on a line of its own still dates the title above it", async () => {
    const c = cand({
      resumeText: `Lena Brandt
Data Analyst, Kestrel Energy
2019 – 2024
SQL dashboards and forecasting for the operations team.
Education
BSc Economics, University of Bath (2018)`,
    });
    expect((await verdictOf(c, "3+ years of data analytics experience")).verdict).toBe("MET");
  });
});

describe("local engine: a nearly empty résumé cannot show the words it does not have", () => {
  it.each([
    ["Kim Lee · Line Cook · kim.lee@example.com", "Fine dining line cook experience"],
    ["Ana Silva — Dental Hygienist — (555) 010-7788", "Pediatric dental hygienist"],
  ])("%s for %s: UNKNOWN, with the line it has", async (resumeText, criterion) => {
    const v = await verdictOf(cand({ resumeText }), criterion);
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.evidence).toEqual([resumeText]);
    expect(v.reason).toContain("too short");
  });
  it("a full résumé with the same gap is not UNKNOWN", async () => {
    const v = await verdictOf(cand({ resumeText: `Kim Lee · Line Cook · kim.lee@example.com\nLine Cook, Rosie's Diner (2019 – present)\n• Grill and fryer station for 300 covers a night.${PAD}` }), "Fine dining line cook experience");
    expect(v.verdict).not.toBe("UNKNOWN");
  });
});

describe("local engine: a product tried out in a free trial or a demo is exposure, not experience", () => {
  it.each([
    ["CRM: explored a Salesforce free trial on my own", "Salesforce experience"],
    ["Tableau (free trial only) for a personal dashboard", "Tableau"],
    ["Walked through a HubSpot demo account with the vendor", "Experience with HubSpot"],
  ])("%s → not met for %s", async (line, criterion) => {
    const v = await verdictOf(cand({ resumeText: `Office Manager, Brightwater Dental (2017 – present)\n• Scheduling, billing and supplies for a six-chair practice.\n${line}${PAD}` }), criterion);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence.join(" ")).toContain(line);
  });
  it("used at work, the same product is met", async () => {
    const v = await verdictOf(cand({ resumeText: `Sales Coordinator, Brightwater Dental (2017 – present)\n• Kept the Salesforce pipeline and quotes up to date for six reps.${PAD}` }), "Salesforce experience");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: reasons name a concept in the criterion's own words", () => {
  it("the abbreviation the criterion wrote, not the vocabulary's name for it", async () => {
    const v = await verdictOf(cand({ resumeText: `IT Technician, Rivergate Schools (2019 – present)\n• Kubernetes: home lab only.${PAD}` }), "Experience with k8s");
    expect(v.reason).toContain("k8s");
    expect(v.reason).not.toContain("kubernetes");
  });
  it("a broader concept is named where the criterion writes it, not by the narrower one that implies it", async () => {
    const v = await verdictOf(cand({ resumeText: `Cashier, Harbor Foods (2019 – present)\n• Opened and closed the store; trained new cashiers.${PAD}` }), "Experience with Oracle DB and SQL");
    expect(v.reason).toBe("No mention of Oracle DB, SQL.");
  });
});

describe("local engine: levels of graded language tests, and a bracket after a language", () => {
  const withLanguages = (line: string) => cand({ resumeText: `Guest Services Agent, Harbor Hotel (2019 – present)\n• Check-in, concierge requests and group bookings.\n${line}${PAD}` });
  it.each([
    ["Languages: English (native), Japanese (JLPT N2)", "Fluent Japanese", "PARTLY_MET"],
    ["Languages: English (native), Mandarin — HSK 5", "Business-level Mandarin", "MET"],
    ["Languages: English (native), Korean (TOPIK level 2)", "Conversational Korean", "PARTLY_MET"],
    ["Languages: English (native), Japanese (JLPT N5)", "Conversational Japanese", "NOT_MET"],
  ] as const)("%s for %s: %s", async (line, criterion, expected) => {
    expect((await verdictOf(withLanguages(line), criterion)).verdict).toBe(expected);
  });
  it("the words in the bracket after a language are its level, commas and all", async () => {
    const v = await verdictOf(withLanguages("Languages: English (native), Portuguese (family language, basic speaking)"), "Conversational Portuguese");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("basic (A2)");
  });
});

describe("local engine: basics, study and 'without' in the résumé's own language", () => {
  it.each([
    ["COMPÉTENCES : Python, Django, PostgreSQL — notions de Kubernetes", "Kubernetes experience"],
    ["Scala: estudando (curso online), sem uso profissional", "Scala"],
    ["Kenntnisse: Java; Grundkenntnisse in SAP", "SAP experience"],
    ["Herramientas: Excel avanzado; curso de Tableau (2024)", "Tableau"],
  ])("%s → not met for %s, with that line", async (line, criterion) => {
    const v = await verdictOf(cand({ resumeText: `Backend Developer, Tessaly SAS (2020 – present)\n• REST APIs and batch jobs for a logistics SaaS.\n${line}${PAD}` }), criterion);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence).toEqual([line]);
  });
  it("a hedged mention is quoted even when another word of the criterion is not found", async () => {
    const line = "Scala: estudando (curso online), sem uso profissional";
    const v = await verdictOf(cand({ resumeText: `Data Engineer, Banco Aurora (2022 – present)\n• Spark pipelines for card transactions.\n${line}${PAD}` }), "Scala in production");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence).toEqual([line]);
    expect(v.reason).toContain("Scala as exposure only");
  });
});

describe("local engine: people led, said with a head count", () => {
  const withLine = (line: string) => cand({ resumeText: `Operations, Northwind Services (2018 – present)\n• ${line}\n• Weekly reporting to the regional director.${PAD}` });
  it.each([
    ["Supervised 8 HVAC technicians across two crews.", "Staff supervision"],
    ["Head chef at Osteria Nova (kitchen team of 11).", "Experience managing people"],
    ["Directs 5 account managers and the regional budget.", "People management experience"],
  ])("%s meets %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("MET");
    expect(v.evidence[0]).toContain(line);
  });
  it.each([
    ["Led onboarding training for 40 new nurses.", "People management experience"],
    ["Led a migration project with 6 engineers from two vendors.", "People management experience"],
    ["Managed 12 client accounts worth $3M a year.", "Experience managing people"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
});

describe("local engine: a clinician's documentation is charting", () => {
  it.each([
    ["• Charted assessments and care plans in Cerner for 5 patients a shift.", "Cerner documentation"],
    ["• Bedside charting in Epic; medication administration via barcode scanning.", "Epic documentation experience"],
  ])("%s meets %s", async (line, criterion) => {
    const v = await verdictOf(cand({ resumeText: `Registered Nurse, Mercy Hospital (2021 – present)\n${line}${PAD}` }), criterion);
    expect(v.verdict).toBe("MET");
  });
  it("a chart of sales is not clinical documentation", async () => {
    const v = await verdictOf(cand({ resumeText: `Sales Analyst, Brightline Retail (2020 – present)\n• Built weekly sales charts in Excel for store managers.${PAD}` }), "Clinical documentation");
    expect(v.verdict).not.toBe("MET");
  });
});

describe("local engine: managing a team, in a criterion or a résumé, is managing people", () => {
  it("a criterion about a managed team is not met by a résumé that says there was none", async () => {
    const c = cand({ resumeText: `Account Executive, Pinecrest Software (2022 – present)\n• Closed $1.4M new ARR in 2025.\n• No people-management experience yet; coached two new SDRs.${PAD}` });
    const v = await verdictOf(c, "Has managed a sales team");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence[0]).toContain("No people-management experience yet");
  });
  it.each([
    ["Managed the weekend kitchen crew and the prep schedule.", "Experience supervising a kitchen team"],
    ["Supervised the warehouse night team of 9.", "Has managed a warehouse team"],
  ])("%s meets %s", async (line, criterion) => {
    const v = await verdictOf(cand({ resumeText: `Associate, Harbor Foods (2019 – present)\n• ${line}\n• Counted inventory weekly.${PAD}` }), criterion);
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a certification scheme held at a lower tier than asked", () => {
  const withLine = (line: string) => cand({ resumeText: `Service Desk Analyst, Corvane Health (2020 – present)\n• Incident and change tickets for 2,000 users.\n${line}${PAD}` });
  it.each([
    ["Certifications: ITIL 4 Foundation (2023)", "ITIL 4 Practitioner"],
    ["PRINCE2 Foundation, 2021", "PRINCE2 Practitioner certification"],
    ["ISTQB Certified Tester Foundation Level (CTFL)", "ISTQB Advanced Level Test Manager"],
  ])("%s → NOT_MET for %s, quoting it", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence).toEqual([line]);
    expect(v.reason).toContain("Foundation");
  });
  it("a higher tier than asked is not held against the candidate", async () => {
    expect((await verdictOf(withLine("ISTQB Advanced Level Test Manager (2024)"), "ISTQB Foundation certification")).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: a workplace or trade named by its jobs", () => {
  it.each([
    ["Prep Cook, Harbor Grill (2019 – 2022)\nLine Cook, Bistro Nine (2022 – present)", "3+ years of kitchen experience"],
    ["Customer Service Representative, Lone Star Telecom (2021 – present)\n• Handled 70 inbound calls a day on billing questions.", "2+ years in a contact centre"],
    ["SOC Analyst, Brightpath Bank (2022 – present)\n• Alert triage and incident tickets.", "3+ years of security operations experience"],
    ["Apprentice Electrician, Volt Brothers (2017 – 2021)\nElectrician, Volt Brothers (2021 – present)", "5+ years in the electrical trade"],
  ])("%s meets %s", async (lines, criterion) => {
    expect((await verdictOf(cand({ resumeText: `${lines}${PAD}` }), criterion)).verdict).toBe("MET");
  });
  it("a SOC 2 audit is not a security operations center", async () => {
    const v = await verdictOf(cand({ resumeText: `Compliance Analyst, Fernway (2020 – present)\n• Led SOC 2 Type II audit preparation and vendor reviews.${PAD}` }), "Security operations (SOC) experience");
    expect(v.verdict).not.toBe("MET");
  });
});

describe("local engine: courses done on the way to a credential are progress, not coursework", () => {
  const withLine = (line: string) => cand({ resumeText: `Service Desk Analyst, Corvane Health (2020 – present)\n• Incident and change tickets for 2,000 users.\n${line}${PAD}` });
  it.each([
    ["PRINCE2 Foundation: course done, exam scheduled for March", "PRINCE2 Foundation certification"],
    ["CHRP: 5 of 8 required courses completed", "CHRP designation"],
  ])("%s → PARTLY_MET for %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("in progress");
  });
  it("a class only booked is not progress yet", async () => {
    expect((await verdictOf(withLine("ACLS: class booked for next month"), "ACLS certification")).verdict).not.toBe("PARTLY_MET");
  });
  it("a numbered credential is named in reasons as the criterion writes it", async () => {
    const v = await verdictOf(withLine("PRINCE2 Foundation: course done, exam scheduled for March"), "ITIL 4 Foundation");
    expect(v.reason).toContain("ITIL 4");
    expect(v.reason).not.toContain("#");
  });
});

describe("local engine: an amount asked is compared, not matched as a word", () => {
  const withLine = (line: string) => cand({ resumeText: `${line}${PAD}` });
  it.each([
    ["Charter Pilot, Skyways (2021 – present)\n• 900 flight hours on the King Air 350.", "1,200+ hours on the King Air 350", "PARTLY_MET"],
    ["Charter Pilot, Skyways (2021 – present)\n• 300 flight hours on the King Air 350.", "1,200+ hours on the King Air 350", "NOT_MET"],
    ["Events Manager, Rowan Hall (2020 – present)\n• Ran conferences with budgets of $300k each.", "Event budgets over $1M", "NOT_MET"],
    ["Events Manager, Rowan Hall (2020 – present)\n• Ran conferences with budgets of €700k each.", "Event budgets of at least €1M", "PARTLY_MET"],
    ["Clinic Manager, Fernside Vets (2019 – present)\n• Led 4 veterinary technicians and a receptionist.", "People management (10+ direct reports)", "NOT_MET"],
  ] as const)("%s against %s → %s", async (line, criterion, expected) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe(expected);
    expect(v.reason).toMatch(/^States .+ asked\.$/);
  });
  it.each([
    ["Events Manager, Rowan Hall (2020 – present)\n• Ran a festival with a $2.4M budget.", "Event budgets over $1M"],
    ["Charter Pilot, Skyways (2021 – present)\n• 1,650 hours on the King Air 350.", "1,200+ hours on the King Air 350"],
    ["Clinic Manager, Fernside Vets (2019 – present)\n• Led a team of 14 veterinary technicians.", "People management (10+ direct reports)"],
  ])("%s meets %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("MET");
    expect(v.evidence.join(" ")).toMatch(/\d/);
  });
  it("the words without the amount are partly met: the amount cannot be checked", async () => {
    const v = await verdictOf(withLine("Charter Pilot, Skyways (2021 – present)\n• Flies the King Air 350 on medevac charters; logbook hours on request."), "1,200+ hours on the King Air 350");
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("1,200+ hours asked");
  });
  it("a level or a version after its name is not an amount", async () => {
    const v = await verdictOf(withLine("Sommelier, Vine Street (2021 – present)\nWSET Level 3 Award in Wines (2023)"), "WSET Level 3+");
    expect(v.reason).not.toContain("asked.");
  });
});

describe("local engine: a licence granted by another state than the one asked", () => {
  const withLines = (header: string, line: string) => cand({ resumeText: `Jordan Vale\n${header}\n${line}${PAD}` });
  it.each([
    ["Columbus, OH", "Licenses: RN, Kentucky (compact), active", "Ohio RN license", "Kentucky"],
    ["Austin, TX", "Certification: Louisiana Level 1 teaching certificate (Mathematics 6–12)", "Texas teaching certificate", "Louisiana"],
    ["Relocating to Denver, Colorado", "Licensed electrician, Arizona (journeyman, 2019)", "Colorado electrician license", "Arizona"],
    ["Tampa, FL", "CPA (Georgia Board of Accountancy), active since 2020", "Licensed CPA in Florida", "Georgia"],
  ])("%s / %s → PARTLY_MET for %s", async (header, line, criterion, other) => {
    const v = await verdictOf(withLines(header, line), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain(other);
    expect(v.evidence.join(" ")).toContain(other);
  });
  it.each([
    ["Columbus, OH", "Licenses: RN in Ohio and Kentucky, active", "Ohio RN license"],
    ["Austin, TX", "Certification: Texas teaching certificate, Mathematics 7–12 (2019)", "Texas teaching certificate"],
  ])("the state asked on the licence's line meets it: %s / %s", async (header, line, criterion) => {
    expect((await verdictOf(withLines(header, line), criterion)).verdict).toBe("MET");
  });
  it("Washington, DC on the licence's line is the city, not Washington state", async () => {
    const v = await verdictOf(withLines("Washington, DC", "Licenses: Maryland RN, active; Washington, DC RN, active"), "Maryland RN license");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: an answer that holds only in part", () => {
  const withAnswer = answeredBy("Operations Coordinator");
  it.each([
    ["Can you work weekends (Saturday and Sunday)?", "Yes, but not Sundays", "Available to work weekends"],
    ["Are you willing to relocate to Dallas, TX?", "I'm willing to relocate, but only after my lease ends in August", "Willing to relocate to Dallas"],
    ["Will you now or in the future require visa sponsorship?", "No, not at the moment, but I will need it once my OPT ends", "Does not require visa sponsorship"],
    ["Can you work the Thursday–Sunday night shift?", "Thu–Sat yes, Sundays I care for my father", "Available for Thursday–Sunday night shifts"],
  ])("%s %s → PARTLY_MET", async (question, answer, criterion) => {
    const v = await verdictOf(withAnswer(question, answer), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.evidence.join(" ")).toContain(answer);
  });
  it.each([
    ["Can you work weekends (Saturday and Sunday)?", "Yes", "Available to work weekends"],
    ["Will you now or in the future require visa sponsorship?", "No, I am a permanent resident and do not need it", "Does not require visa sponsorship"],
    ["Do you have reliable transportation?", "Yes, my own car", "Reliable transportation"],
  ])("a plain answer still settles it: %s %s", async (question, answer, criterion) => {
    expect((await verdictOf(withAnswer(question, answer), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: the school level narrows teaching", () => {
  const resume = (lines: string) => cand({ resumeText: `${lines}${PAD}` });
  it.each([
    ["Biology Teacher, Lakeview High School (Aug 2024 – present)\nAdjunct Instructor, Metro Community College (2019 – 2024)", "3+ years of high school teaching", "PARTLY_MET"],
    ["English Teacher, Riverside Secondary School (2016 – present)", "5+ years teaching high school", "MET"],
    ["Grade 3 Teacher, Oak Park Elementary (2015 – present)", "4+ years of secondary school teaching", "NOT_MET"],
  ])("%s: %s → %s", async (lines, criterion, expected) => {
    expect((await verdictOf(resume(lines), criterion)).verdict).toBe(expected);
  });
  it("a high school diploma is still read as one", async () => {
    const v = await verdictOf(cand({ resumeText: `Cashier, Fresh Mart (2020 – present)\nHigh School Diploma, Central High School, 2019${PAD}` }), "High school diploma or GED");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: another team's skill, a pastime, a course still to take", () => {
  const withLine = (line: string) => cand({ resumeText: `Program Coordinator, Alder Systems (2020 – present)\n${line}${PAD}` });
  it.each([
    ["• Partnered with the Snowflake data engineering team on quarterly roadmaps.", "Snowflake experience"],
    ["• Liaising with the Workday HRIS team on onboarding forms.", "Workday experience"],
    ["• Supported the Salesforce admins with release notes and training dates.", "Salesforce administration"],
    ["Hobbies: woodworking, Rust, bouldering", "Rust programming"],
    ["Personal interests: photography and Blender", "Blender"],
    ["CPR: will complete in January", "CPR certified"],
    ["Forklift: will take the certification course next month", "Forklift certified"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["• Led the Snowflake data engineering team (6 engineers).", "Snowflake experience"],
    ["• Built Workday integrations with the HR team.", "Workday experience"],
    ["Skills: Rust, Go, Kubernetes", "Rust"],
  ])("%s still meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: tools named by common words, in their other sense", () => {
  const withLine = (line: string) => cand({ resumeText: `Facilities Lead, Northgate Campus (2019 – present)\n${line}${PAD}` });
  it.each([
    ["• Balanced airflow across the ductwork of three buildings.", "Airflow"],
    ["• Head Chef at Linden Bistro before this role; ran a brigade of 9.", "Chef or Puppet"],
    ["• Kept two hives and harvested honey from the bee hive on the roof.", "Apache Hive"],
    ["• Organized the staff trip to see the giant pandas at the zoo.", "pandas"],
    ["• Mentored by Julia Ortiz, my supervisor, for two years.", "Julia"],
    ["• Captain of the office darts league.", "Dart"],
    ["• Sparked a campus-wide recycling drive.", "Apache Spark"],
    ["• Treated rust on the loading-dock railings and repainted them.", "Rust"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["• Scheduled the building-sensor ETL in Airflow.", "Airflow"],
    ["• Wrote Chef cookbooks for the kiosk fleet.", "Chef or Puppet"],
    ["• Queried Hive tables for the energy report.", "Apache Hive"],
    ["• Cleaned meter data with pandas.", "pandas"],
    ["• Wrote the HVAC load simulation in Julia.", "Julia"],
    ["• Built the room-booking app in Flutter and Dart.", "Dart"],
    ["• Batch jobs on Spark over the sensor archive.", "Apache Spark"],
    ["• Wrote the badge-reader service in Rust.", "Rust"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: learning about a thing, or working for someone who does it", () => {
  const withLine = (line: string) => cand({ resumeText: `Operations Analyst, Pinecrest Mutual (2020 – present)\n• Weekly KPI reports for the claims floor.\n${line}${PAD}` });
  it.each([
    ["• Read up on Terraform modules in my own time.", "Terraform"],
    ["• Attended a Power BI webinar series.", "Power BI"],
    ["• Finished an online course on Snowflake.", "Snowflake"],
    ["• Watched dbt tutorials while commuting.", "dbt"],
    ["• Nominated for Lean Six Sigma Green Belt in 2027.", "Lean Six Sigma Green Belt"],
    ["• Reported to the Controller on month-end accruals.", "Controller experience"],
    ["• Assisted the office manager with supply orders.", "Office manager experience"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["• Built the Power BI dashboards the claims floor runs on.", "Power BI"],
    ["• Production Supervisor over 3 lines; reported to the plant manager.", "Production supervisor experience"],
  ])("%s still meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: a trait claimed is not a trait shown", () => {
  const withLine = (line: string) => cand({ resumeText: `Cashier, Corner Market (2021 – present)\n${line}${PAD}` });
  it.each([
    ["• Team player with strong leadership skills.", "Leadership experience"],
    ["I am an excellent communicator and a natural problem-solver.", "Strong communication skills"],
    ["• Proven organizational abilities and a keen eye for detail.", "Attention to detail"],
  ])("%s → UNKNOWN for %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.reason).toContain("not shown");
  });
  it("a trait shown in what was done still meets it", async () => {
    const v = await verdictOf(withLine("• Led the evening crew of 6 and trained two new cashiers."), "Leadership experience");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: the other tool used, a blank, a little, or a wish", () => {
  const withLine = (line: string) => cand({ resumeText: `Marketing Analyst, Fernbrook (2020 – present)\n• Weekly channel reports for the CMO.\n${line}${PAD}` });
  it.each([
    ["• Ran campaigns in Marketo rather than HubSpot.", "HubSpot"],
    ["• Built the warehouse on BigQuery instead of Snowflake.", "Snowflake"],
    ["CRM: Salesforce – N/A", "Salesforce"],
    ["• Looker (minimal)", "Looker"],
    ["• Figma: limited, mostly viewing mock-ups.", "Figma"],
    ["• Would love to use Amplitude for product analytics.", "Amplitude"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it("a tool used before is no longer current", async () => {
    const v = await verdictOf(withLine("• Previously used Google Analytics (Universal) until 2019."), "Google Analytics");
    expect(v.verdict).not.toBe("MET");
  });
  it.each([
    ["• Moved our campaigns from Marketo to HubSpot and ran them there since 2022.", "HubSpot"],
    ["• Figma for every landing-page mock-up.", "Figma"],
  ])("%s still meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: \"limited\" as a verb is not a little of it", () => {
  const withLine = (line: string) => cand({ resumeText: `Site Reliability Engineer, Orbitly (2020 – present)\n${line}${PAD}` });
  it.each([
    ["• Limited downtime of the Kafka cluster to 2 hours a year.", "Kafka"],
    ["• Limited cloud spend on AWS by moving batch jobs to spot instances.", "AWS"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
  it("limited experience is still exposure", async () => {
    expect((await verdictOf(withLine("• Limited experience with Terraform."), "Terraform")).verdict).not.toBe("MET");
  });
});

describe("local engine: professional or industry years leave out student jobs and internships", () => {
  const resume = (lines: string) => cand({ resumeText: `${lines}${PAD}` });
  it.each([
    ["Machine Learning Engineer, Quanta Retail (Jan 2023 – present)\nResearch Assistant (machine learning), University of Leeds (2019 – 2022)", "5+ years of industry machine learning experience", "PARTLY_MET"],
    ["Staff Accountant, Delta Co (Jun 2024 – present)\nAccounting Intern, Delta Co (2022 – 2023)\nTeaching Assistant, Accounting 101 (2020 – 2022)", "5+ years of professional accounting experience", "NOT_MET"],
  ])("%s: %s → %s", async (lines, criterion, expected) => {
    expect((await verdictOf(resume(lines), criterion)).verdict).toBe(expected);
  });
  it("post-graduate years are counted in the field, not looked for as words", async () => {
    const v = await verdictOf(resume("Civil Engineer I, Mesa County Public Works (2021 – present)\nB.S. Civil Engineering, 2021"), "4+ years of post-graduate civil engineering experience");
    expect(v.verdict).toBe("MET");
    expect(v.reason).not.toContain("post");
  });
  it("without professional or industry, a research assistant's years still count", async () => {
    const v = await verdictOf(resume("Machine Learning Engineer, Quanta Retail (Jan 2023 – present)\nResearch Assistant (machine learning), University of Leeds (2019 – 2022)"), "5+ years of machine learning experience");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a language once fluent and now rusty", () => {
  const withLine = (line: string) => cand({ resumeText: `Support Engineer, Lumen (2020 – present)\n${line}${PAD}` });
  it.each([
    ["Languages: Korean (mother tongue, but rusty), English (fluent)", "Fluent Korean"],
    ["Portuguese: fluent, out of practice since 2015", "Fluent Portuguese"],
    ["Languages: Spanish (native), French (fluent, rusty)", "Fluent French"],
  ])("%s → PARTLY_MET for %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("PARTLY_MET");
  });
  it("the other language on the line keeps its level", async () => {
    expect((await verdictOf(withLine("Languages: Spanish (native), French (fluent, rusty)"), "Fluent Spanish")).verdict).toBe("MET");
  });
});

describe("local engine: a minor is not the degree's field", () => {
  const withLine = (line: string) => cand({ resumeText: `Analyst, Fairway Insurance (2020 – present)\n• Claims dashboards.\n${line}${PAD}` });
  it.each([
    ["B.A. Sociology, minor in Statistics, University of Oregon, 2019", "Bachelor's degree in Statistics"],
    ["B.Sc. Data Science (minor), Major: Geography, McGill, 2018", "Bachelor's degree in Data Science"],
    ["B.S. Biology with a minor in Chemistry (2017)", "Bachelor's degree in Chemistry"],
  ])("%s does not meet %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("field differs");
  });
  it("the major on the same line still meets it", async () => {
    expect((await verdictOf(withLine("B.A. Sociology, minor in Statistics, University of Oregon, 2019"), "Bachelor's degree in Sociology")).verdict).toBe("MET");
  });
});

describe("local engine: practice exams, an audit track or exam prep are not the credential", () => {
  const withLine = (line: string) => cand({ resumeText: `Systems Administrator, Corvid Labs (2020 – present)\n• Patching and backups for 300 servers.\n${line}${PAD}` });
  it.each([
    ["Azure Administrator Associate (practice tests only)", "Azure Administrator Associate certification"],
    ["IBM Data Science Professional Certificate (audit track)", "IBM Data Science Professional Certificate"],
    ["CISSP exam prep, 2025", "CISSP"],
    ["AWS Solutions Architect – Associate (practice exams only)", "AWS Solutions Architect Associate"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it("auditing systems is still work on them", async () => {
    expect((await verdictOf(withLine("• Audited Active Directory group memberships every quarter."), "Active Directory")).verdict).toBe("MET");
  });
});

describe("local engine: a credential held with a limited status", () => {
  const withLine = (line: string) => cand({ resumeText: `Technician, Brightside Clinic (2021 – present)\n• Daily checks and records.\n${line}${PAD}` });
  it.each([
    ["LPN license: temporary permit, Texas Board of Nursing", "Texas LPN license"],
    ["Teaching licence: Ohio Resident Educator license (provisional, 2 years)", "Ohio teaching license"],
    ["Commercial Driver's License (CDL-A), restricted to intrastate", "CDL Class A license"],
  ])("%s → PARTLY_MET for %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("status");
  });
  it("a criterion that accepts the status is met by it", async () => {
    expect((await verdictOf(withLine("Ohio Resident Educator license (provisional, 2024)"), "Ohio provisional teaching license")).verdict).toBe("MET");
  });
  it("an apprenticeship in the work history is not the credential's status", async () => {
    const v = await verdictOf(cand({ resumeText: `Apprentice Electrician, Volt Brothers (2015 – 2019)\nElectrician, Volt Brothers (2019 – present)\nLicense: Journeyman Electrician, Oregon (2019)${PAD}` }), "Licensed journeyman electrician");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: knowledge only in theory, at an exposure level, or not yet", () => {
  const withLine = (line: string) => cand({ resumeText: `Business Analyst, Harrow Mutual (2020 – present)\n• Requirements for claims systems.\n${line}${PAD}` });
  it.each([
    ["• My Kafka knowledge is theoretical so far.", "Kafka"],
    ["• Exposure-level Power BI.", "Power BI"],
    ["• I have yet to use Snowflake on a project.", "Snowflake"],
    ["• Agile: theory only, from a book club.", "Agile"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it("theory as a subject of work still meets it", async () => {
    expect((await verdictOf(withLine("• Modelled claim queues with queueing theory in Python."), "Queueing theory")).verdict).toBe("MET");
  });
});

describe("local engine: products named by everyday words (EHR, LMS, chat, POS)", () => {
  const withLine = (line: string) => cand({ resumeText: `Program Assistant, Riverbend Center (2020 – present)\n${line}${PAD}` });
  it.each([
    ["• Coordinated an epic cross-country fundraising journey.", "Epic EHR"],
    ["• Cleaned the blackboard and chalk trays after each class.", "Blackboard"],
    ["• Sold acrylic paintings on canvas at the spring fair.", "Canvas LMS"],
    ["• Picked up slack during the holiday rush.", "Slack"],
    ["• Led morning yoga: asana and breathing for residents.", "Asana"],
    ["• Zoomed in on budget lines with the board.", "Zoom"],
    ["• Made French toast for the Saturday brunch program.", "Toast POS"],
    ["• Repainted 1,200 square feet of hallway.", "Square POS"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["• Charted visits in Epic.", "Epic EHR"],
    ["• Posted course materials in Canvas and Blackboard.", "Canvas LMS"],
    ["• Team updates in Slack; board meetings over Zoom.", "Slack"],
    ["• Rang up café sales on Toast.", "Toast POS"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: the assistant of a role is not the role", () => {
  const resume = (lines: string) => cand({ resumeText: `${lines}${PAD}` });
  it.each([
    ["Assistant Store Manager, Northwind Outfitters (2019 – present)\n• Opened and closed the store.", "Store manager experience"],
    ["Assistant Project Manager, Granite Builders (2020 – present)\n• Kept RFIs and submittals moving.", "Project manager experience"],
    ["Pharmacist's Assistant, Corner Drug (2018 – present)\n• Counted and labelled prescriptions.", "Pharmacist experience"],
  ])("%s → PARTLY_MET for %s", async (lines, criterion) => {
    const v = await verdictOf(resume(lines), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("assistant");
  });
  it.each([
    ["Store Manager, Northwind Outfitters (2019 – present)\n• Coached 3 assistant store managers.", "Store manager experience"],
    ["Store Manager, Peachtree (2021 – present)\n• Manage a team of 14 associates and 2 assistant managers.", "People management experience"],
    ["Assistant Store Manager, Northwind Outfitters (2019 – present)", "Assistant store manager experience"],
  ])("%s still meets %s", async (lines, criterion) => {
    expect((await verdictOf(resume(lines), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: a degree begun and not finished", () => {
  const withLine = (line: string) => cand({ resumeText: `Analyst, Keystone Mutual (2020 – present)\n• Monthly loss reports.\n${line}${PAD}` });
  it.each([
    ["Ph.D. Physics (ABD), University of Arizona", "PhD in Physics"],
    ["B.S. Mechanical Engineering (3 of 4 years completed)", "Bachelor's degree in Mechanical Engineering"],
    ["B.A. English — withdrew 2016, resumed part-time 2025", "Bachelor's degree"],
  ])("%s → PARTLY_MET for %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain("not finished");
  });
  // Left for good: recruiters do not count a degree someone began years ago and left.
  it.each([
    ["B.A. Sociology coursework (incomplete), Temple University, 2013 – 2015", "Bachelor's degree"],
    ["Bachelor of Science in Accounting — withdrew 2018", "Bachelor's degree in Accounting"],
    ["BSc Economics — University of Bristol — 2012–2014, did not complete", "Degree educated"],
  ])("%s → NOT_MET for %s", async (line, criterion) => {
    const v = await verdictOf(withLine(line), criterion);
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toContain("did not finish");
  });
  it("the parser's degree, when the résumé's line for that school says it was not completed", async () => {
    const c = cand({
      resumeText: `Analyst, Keystone Mutual (2020 – present)\n• Monthly loss reports.\nPortland State University — B.S. Finance coursework, 2010 – 2013 (84 of 180 credits; did not complete)${PAD}`,
      schools: [{ org: "Portland State University", degree: "B.S.", field: "Finance", start: { year: 2010 }, end: { year: 2013 } }],
    });
    expect((await verdictOf(c, "Bachelor's degree")).verdict).toBe("NOT_MET");
  });
  it("a finished degree still meets it", async () => {
    expect((await verdictOf(withLine("B.S. Mechanical Engineering, Purdue University, 2016"), "Bachelor's degree in Mechanical Engineering")).verdict).toBe("MET");
  });
});

describe("local engine: years stated in a summary go with their own clause", () => {
  const resume = (summary: string) => cand({ resumeText: `Profile: ${summary}\nAnalyst, Keystone Mutual (2025 – present)\n• Monthly reports.` });
  it.each([
    ["2 years of Tableau; 12 years in hospitality.", "5+ years of Tableau", "NOT_MET"],
    ["Nearly 6 years of payroll; almost 4 years of Workday.", "6+ years of payroll experience", "PARTLY_MET"],
    ["Close to 3 years of AutoCAD drafting.", "3+ years of AutoCAD", "PARTLY_MET"],
  ])("%s: %s → %s", async (summary, criterion, expected) => {
    expect((await verdictOf(resume(summary), criterion)).verdict).toBe(expected);
  });
  it("a single figure still covers its whole line", async () => {
    expect((await verdictOf(cand({ resumeText: "Chef de partie. 8 yrs fine dining.\nmarco@example.com" }), "5+ years of kitchen experience")).verdict).toBe("MET");
  });
  it("the reason quotes the years as the candidate wrote them", async () => {
    expect((await verdictOf(resume("Nearly 6 years of payroll; almost 4 years of Workday."), "6+ years of payroll experience")).reason).toContain("Nearly 6 years");
  });
});

describe("local engine: an answer to part of what a criterion asks", () => {
  const withAnswers = (answers: { question: string; answer: string }[]) => cand({ resumeText: `Operations Coordinator${PAD}`, answers });
  it.each([
    [[{ question: "Are you legally authorized to work in the United States?", answer: "Yes" }], "Authorized to work in the US without visa sponsorship", "sponsorship"],
    [[{ question: "Are you available to work evenings?", answer: "Yes" }], "Available evenings and weekends", "weekends"],
    [[{ question: "Do you hold a valid driver's license?", answer: "Yes" }], "Valid driver's license and own vehicle", "vehicle"],
  ])("%j → PARTLY_MET for %s", async (answers, criterion, part) => {
    const v = await verdictOf(withAnswers(answers), criterion);
    expect(v.verdict).toBe("PARTLY_MET");
    expect(v.reason).toContain(part);
  });
  it("two answers that cover the criterion between them meet it", async () => {
    const answers = [
      { question: "Are you legally authorized to work in the United States?", answer: "Yes" },
      { question: "Will you now or in the future require visa sponsorship?", answer: "No" },
    ];
    expect((await verdictOf(withAnswers(answers), "Authorized to work in the US without visa sponsorship")).verdict).toBe("MET");
  });
  it("the answer about the other part still decides against it", async () => {
    const answers = [
      { question: "Are you legally authorized to work in the United States?", answer: "Yes" },
      { question: "Will you now or in the future require visa sponsorship?", answer: "Yes" },
    ];
    expect((await verdictOf(withAnswers(answers), "Authorized to work in the US without visa sponsorship")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a thing left out of a list", () => {
  const withLine = (line: string) => cand({ resumeText: `Data Analyst, Keystone Mutual (2020 – present)\n${line}${PAD}` });
  it.each([
    ["• Hands-on with every major cloud apart from GCP.", "GCP"],
    ["• Built reports in every BI tool we had other than Looker.", "Looker"],
    ["• Configured all ERP modules excluding payroll.", "Payroll"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it("the rest of the list still meets it", async () => {
    expect((await verdictOf(withLine("• Used Tableau and Power BI daily, except during the 2023 migration."), "Tableau")).verdict).toBe("MET");
  });
});

describe("local engine: dotted initials are one word", () => {
  const withLines = (lines: string) => cand({ resumeText: `${lines}${PAD}` });
  it("\"D.C.\" in a court's name does not spell a bar admission with a pending one", async () => {
    const v = await verdictOf(withLines("Law Clerk, D.C. Superior Court (2024 – present)\nBar: passed the UBE (2025); admission to the D.C. Bar pending."), "Admitted to the D.C. Bar");
    expect(v.verdict).not.toBe("MET");
  });
  it("single letters of other initials do not meet them", async () => {
    const v = await verdictOf(withLines("Paralegal, J. Doe & Associates (2020 – present)\n• Drafted motions for D. Smith."), "J.D. degree");
    expect(v.verdict).not.toBe("MET");
  });
  it("the initials themselves still meet them, named as written", async () => {
    const v = await verdictOf(withLines("Associate, Crane LLP (2021 – present)\nJ.D., Georgetown University Law Center, 2021"), "J.D. from an accredited law school");
    expect(v.reason).toContain("J.D.");
    expect(v.reason).not.toMatch(/\bJ, D\b/);
  });
});

describe("local engine: a credential revoked, suspended or surrendered", () => {
  const withLine = (line: string) => cand({ resumeText: `Warehouse Associate, Delta Freight (2019 – present)\n• Loading and inventory.\n${line}${PAD}` });
  it.each([
    ["Forklift certification revoked in 2024.", "Forklift certification"],
    ["TWIC card: surrendered when I left the port job.", "TWIC card"],
    ["Medical assistant certification (CCMA) suspended pending renewal fees.", "CCMA certification"],
    ["LPN license on probation with the Ohio Board of Nursing.", "LPN license"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
});

describe("local engine: a month-first date range after another one ends its own position", () => {
  // "06/2019 – 07/2021" was read as year 2019 then month 07 (a year-first date), so the range was lost
  // and the lines under it were taken to belong to the current position above.
  it.each([
    ["08/2021 – present", "06/2019 – 07/2021"],
    ["03.2022 – obecnie", "07.2019 – 02.2022"],
    ["2021-08 – present", "06/2019 - 07/2021"],
  ])("a line under %s, then %s, is in the ended position", async (current, ended) => {
    const text = `Research Associate, Moderna — ${current}\n - Cell-based potency assays and ELISA\nResearch Technician, Broad Institute — ${ended}\n - Pooled CRISPR knockout screens\n${PAD}`;
    expect((await verdictOf(cand({ resumeText: text }), "Hands-on CRISPR work within the last 2 years")).verdict).toBe("NOT_MET");
    expect((await verdictOf(cand({ resumeText: text }), "CRISPR in your current role")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a credential studied for or planned, a rank band, a thing only watched", () => {
  const withLine = (line: string) => cand({ resumeText: `Systems Engineer, Kestrel Networks (2019 – present)\n• Firewalls, routing and on-call.\n${line}${PAD}` });
  it.each([
    ["Palo Alto PCNSE — studying", "PCNSE"],
    ["ASQ Certified Quality Auditor (CQA) — studying; plan to sit the exam in 2027", "ASQ CQA"],
    ["RHCSA (2020) · RHCE – Prüfung geplant für 2027", "Red Hat Certified Engineer (RHCE)"],
    ["Commercial chillers: shadowed senior techs on 2 jobs; have not serviced independently.", "Chiller experience"],
    ["Leeds Teaching Hospitals NHS Trust — Band 6 Rotational Physiotherapist", "Band 7 experience"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it("units done later in the line make it a credential in progress, not a wish", async () => {
    const v = await verdictOf(withLine("CIPD Level 5 Associate Diploma in People Management — studying, due 2027 (4 of 8 units complete)"), "CIPD Level 5 qualification");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("the band asked is met by that band", async () => {
    expect((await verdictOf(withLine("Band 7 Clinical Specialist Physiotherapist, NHS (2021 – present)"), "Band 7 experience")).verdict).toBe("MET");
  });
});

describe("local engine: a line that denies a thing and names it again", () => {
  it("'Not a CPA — I work alongside our outside CPA firm' does not meet 'CPA'", async () => {
    const c = cand({ resumeText: `Full-charge Bookkeeper, Permian Supply (2018 – present)\n• Month-end close in QuickBooks Online.\n• Not a CPA — I work alongside our outside CPA firm at year-end.${PAD}` });
    expect((await verdictOf(c, "CPA")).verdict).toBe("NOT_MET");
  });
  it("a line that names it twice without a denial still meets it", async () => {
    const c = cand({ resumeText: `Senior Accountant, Permian Supply (2018 – present)\n• Licensed CPA (Texas); lead the CPA exam study group for juniors.${PAD}` });
    expect((await verdictOf(c, "CPA")).verdict).toBe("MET");
  });
});

describe("local engine: a qualifier on the next line of a flattened column; a lapse anywhere in the line", () => {
  const twoColumns = `BRIAN O'SULLIVAN
Licensed Journeyman Plumber | Boston, MA
Contact              Experience
brian@example.com    Journeyman Plumber | Murphy & Sons Mechanical | 2018 – present
617-555-0133         Rough-in, PEX and copper, gas piping, backflow preventer installs.
Licenses             Apprentice Plumber | Murphy & Sons Mechanical | 2013 – 2018
Backflow Tester
(cert. lapsed 2024)
Medical gas (ASSE 6010)
– planning to take 2027
${PAD}`;
  it.each([
    ["Current backflow tester certification"],
    ["Medical gas certification (ASSE 6010)"],
  ])("%s is not met", async (criterion) => {
    expect((await verdictOf(cand({ resumeText: twoColumns }), criterion)).verdict).not.toBe("MET");
  });
  it("a lapse later in the line: 'tested 2022; continuity lapsed' is not a current certification", async () => {
    const c = cand({ resumeText: `Pipe Welder, Brazos Pipeline Services (2019 – 2023)\n- ASME Section IX 6G pipe, GTAW root — tested 2022; continuity lapsed (no 6G work since mid-2023)${PAD}` });
    expect((await verdictOf(c, "Current 6G pipe certification")).verdict).toBe("NOT_MET");
  });
  it("a line that also says it was renewed is still current", async () => {
    const c = cand({ resumeText: `Pipe Welder, Brazos Pipeline Services (2019 – present)\n- ASME Section IX 6G pipe certification — lapsed in 2021, renewed 2024${PAD}` });
    expect((await verdictOf(c, "Current 6G pipe certification")).verdict).toBe("MET");
  });
});

describe("local engine: a degree from an accredited school is the degree; MSW and J.D. are graduate degrees", () => {
  it.each([
    ["Social Worker, Maine Behavioral Health (2023 – present)\nMSW, University of New England, 2023", "MSW from a CSWE-accredited program", "MET"],
    ["Associate, Crane LLP (2021 – present)\nJ.D., Georgetown University Law Center, 2021", "J.D. from an ABA-accredited law school", "MET"],
    ["Associate, Crane LLP (2021 – present)\nB.A. Political Science, Tufts University, 2018", "J.D. from an ABA-accredited law school", "NOT_MET"],
  ])("%s / %s → %s", async (resume, criterion, expected) => {
    expect((await verdictOf(cand({ resumeText: `${resume}${PAD}` }), criterion)).verdict).toBe(expected);
  });
  it("JD Edwards the software is not a law degree", async () => {
    const v = await verdictOf(cand({ resumeText: `ERP Analyst, Permian Supply (2018 – present)\n• JD Edwards EnterpriseOne upgrades.${PAD}` }), "J.D. or master's degree");
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: 'learning' as a noun is not studying", () => {
  it.each([
    ["• EYFS observations and learning journals on Tapestry.", "Tapestry"],
    ["• Early learning programmes in Montessori classrooms.", "Montessori"],
  ])("%s meets %s", async (line, criterion) => {
    const c = cand({ resumeText: `Nursery Practitioner, Little Acorns (2021 – present)\n${line}${PAD}` });
    expect((await verdictOf(c, criterion)).verdict).toBe("MET");
  });
  it("'learning Tableau' still is", async () => {
    const c = cand({ resumeText: `Analyst, Little Acorns (2021 – present)\n• Currently learning Tableau on weekends.${PAD}` });
    expect((await verdictOf(c, "Tableau")).verdict).not.toBe("MET");
  });
});

describe("local engine: language levels in the résumé's own language; a line listing languages", () => {
  const withLine = (line: string) => cand({ resumeText: `Key Account Manager, Danone Maroc (2021 – present)\n- Négociation des accords annuels.\nLANGUES\n${line}${PAD}` });
  it.each([
    ["arabe (maternelle), français (bilingue), anglais (B1), espagnol (notions)", "Fluent French", "MET"],
    ["arabe (maternelle), français (bilingue), anglais (B1), espagnol (notions)", "Fluent Arabic", "MET"],
    ["español (nativo), inglés (avanzado)", "Fluent English", "MET"],
  ])("%s / %s → %s", async (line, criterion, expected) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe(expected);
  });
  it("two languages listed together on a line are languages, without a heading", async () => {
    const c = cand({ resumeText: `Kenji Watanabe\nSales — Osaka\nJapanese, Korean\nAccount Executive, Kansai Trading (2019 – present)\n• B2B sales of industrial parts.${PAD}` });
    expect((await verdictOf(c, "Korean")).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: an amount is read from the line that names what it measures", () => {
  const resume = `Account Executive, Mid-Market, Paylane (2020 – present)\n• 128% of $1.1M quota FY2025 (President's Club).\n• Full-cycle enterprise sales of payroll software; average deal $45K ACV.${PAD}`;
  it("'$1.1M quota' is not a deal size: deals of $45K do not meet deals of $250K+", async () => {
    expect((await verdictOf(cand({ resumeText: resume }), "Enterprise sales experience (deals $250K+)")).verdict).toBe("NOT_MET");
  });
  it("the quota line answers a quota criterion", async () => {
    expect((await verdictOf(cand({ resumeText: resume }), "Quota of $1M+")).verdict).toBe("MET");
  });
});

describe("local engine: a product's one-word name is a name, not a stem; CMS the US agency", () => {
  const withLine = (line: string) => cand({ resumeText: `Content Writer, Blue Ridge Media (2019 – present)\n${line}${PAD}` });
  it.each([
    ["• Wrote content for 40 clinics; planning the editorial calendar.", "Contentful"],
    ["• Wrote content for 40 clinics; planning the editorial calendar.", "Planful"],
    ["• Illustrated two children's books and wrote their content.", "Adobe Illustrator"],
    ["• Before writing I applied CMS guidance on Medicare Advantage billing every day.", "Experience with a CMS (WordPress, Drupal or similar)"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["• Built the blog in Contentful and WordPress.", "Contentful"],
    ["• Bookkeeping for freelancers in QuickBook Online.", "QuickBooks"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: recency decided by the most specific word asked", () => {
  it("'Construction project management in the last 3 years': construction only in a job that ended in 2021", async () => {
    const c = cand({
      resumeText: `Project Manager, PMP\nProject Manager — MTN Nigeria — Feb 2021 – Present\n• 4G site rollout programme; MS Project and Jira.\nAssistant Project Coordinator — Julius Berger Nigeria — 2016 – 2021\n• Construction schedules in Primavera P6.${PAD}`,
    });
    const v = await verdictOf(c, "Construction project management in the last 3 years");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toMatch(/^Mentions construction only/);
  });
  it("the same words in the current job are recent", async () => {
    const c = cand({ resumeText: `Project Manager — Julius Berger Nigeria — Feb 2021 – Present\n• Construction schedules in Primavera P6 for a bridge project.${PAD}` });
    expect((await verdictOf(c, "Construction project management in the last 3 years")).verdict).toBe("MET");
  });
});

describe("local engine: a job's own duties are not evidence of a trait", () => {
  it.each([
    ["- Migrated 14 services from EC2 to EKS; wrote Helm charts; tuned k8s autoscaling.", "Strong written communication skills"],
    ["• Audit and tax engagements for middle-market clients.", "Detail-oriented"],
    ["* Manual and Selenium testing for a banking client; wrote SQL checks on Oracle.", "Strong stakeholder communication"],
  ])("%s does not show %s", async (line, criterion) => {
    const c = cand({ resumeText: `Engineer, Kestrel (2019 – present)\n${line}${PAD}` });
    expect((await verdictOf(c, criterion)).verdict).toBe("UNKNOWN");
  });
  it.each([
    ["• Published 12 articles on payments engineering; presented at two conferences.", "Strong written communication skills"],
    ["• Closed 14 month-ends with zero errors found by the auditors.", "Detail-oriented"],
  ])("%s shows %s", async (line, criterion) => {
    const c = cand({ resumeText: `Engineer, Kestrel (2019 – present)\n${line}${PAD}` });
    expect((await verdictOf(c, criterion)).verdict).toBe("MET");
  });
});

describe("local engine: someone else's work, a visit, a career objective, lapses and plans in other languages", () => {
  const withLine = (line: string) => cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n${line}${PAD}` });
  it.each([
    ["Sterile compounding: observed the IV room during a one-day hospital pharmacy visit in school.", "Hospital pharmacy experience"],
    ["**Skills**: Kotlin, Java, Go (reading level, small CLI tools), Terraform", "Production experience in Go (Golang)"],
    ["- Tax audits, bank branch audits (transfer pricing certifications were handled by the firm's separate TP team).", "Transfer pricing"],
    ["- Teach Years 7–12 including Mathematics Extension 1; Extension 2 is taught by the Head Teacher – I assist with marking.", "Experience teaching Mathematics Extension 2"],
    ["Objective: To obtain a Team Leader / Senior CSR position in a reputable BPO company.", "Team leader experience"],
    ["CERTIFICATIONS : Google Ads Search (obtenue 2021, expirée 2023) · Google Analytics 4 (2025)", "Current Google Ads certification"],
    ["Uprawnienia: prawo jazdy kat. C+E · karta kierowcy · ADR podstawowy (wygasł 2022)", "Valid ADR certificate"],
    ["Certificación ASE (A8 Engine Performance): en preparación", "Certificación ASE"],
    ["CURSOS: NR-35 (2025) · AutoCAD, EPLAN, PTW (básico)", "Protection studies in PTW"],
    ["Registration: AHPRA – Enrolled Nurse (Division 2), no conditions.", "AHPRA registration as a Registered Nurse (Division 1)"],
    ["Sous Chef, 60-cover restaurant; run the pass four nights a week, reporting to the Head Chef.", "Head Chef experience"],
    ["MOS Excel 365 (Associate level), 2021", "MOS Excel Expert"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["- GST registrations and returns for 40 clients (transfer pricing was handled by the TP team).", "GST compliance"],
    ["Head Chef, The Larder (2020 – present); menus and a brigade of 9.", "Head Chef experience"],
    ["Microsoft Office Specialist: MOS Excel Expert (2022)", "MOS Excel Expert"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: years as a journeyman are not the apprenticeship; post-qualification years", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  const electrician = cand({
    resumeText: `Journeyman Electrician, Parsons Electric (2019 – present)\n• Commercial fit-outs.\nApprentice Electrician, Parsons Electric (2014 – 2019)\n• Conduit and pulls.${PAD}`,
    positions: [
      { org: "Parsons Electric", title: "Journeyman Electrician", summary: null, start: { year: 2019, month: 6 }, end: null },
      { org: "Parsons Electric", title: "Apprentice Electrician", summary: null, start: { year: 2014, month: 6 }, end: { year: 2019, month: 5 } },
    ],
  });
  it("'10+ years as a licensed journeyman electrician': 7 as a journeyman, 5 as an apprentice", async () => {
    expect((await dated.screen(electrician, [crit("10+ years as a licensed journeyman electrician")])).verdicts[0]?.verdict).toBe("PARTLY_MET");
  });
  it("'10+ years as an electrician, including apprenticeship' counts both", async () => {
    expect((await dated.screen(electrician, [crit("10+ years as an electrician, including apprenticeship")])).verdicts[0]?.verdict).toBe("MET");
  });
  it("'3+ years post-MSW experience' counts the years of work since", async () => {
    const c = cand({
      resumeText: `Clinical Social Worker, Brooklyn Family Services (2021 – present)\n• Caseload of 30 families.\nMSW, Hunter College, 2021${PAD}`,
      positions: [{ org: "Brooklyn Family Services", title: "Clinical Social Worker", summary: null, start: { year: 2021, month: 7 }, end: null }],
    });
    expect((await dated.screen(c, [crit("3+ years post-MSW experience")])).verdicts[0]?.verdict).toBe("MET");
  });
});

describe("local engine: a buyer's years are procurement years; a real-estate agent's buyers are not", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  it("'7+ years in procurement' from Buyer and Senior Buyer positions", async () => {
    const c = cand({
      resumeText: `Senior Buyer — Intel Malaysia, Penang (Jan 2020 – Present)\n• Manage USD 38M of indirect spend across 120 suppliers.\nBuyer — Flextronics, Senai (Mar 2017 – Dec 2019)\n• Purchase orders and vendor follow-up in SAP MM.${PAD}`,
    });
    expect((await dated.screen(c, [crit("7+ years in procurement")])).verdicts[0]?.verdict).toBe("MET");
  });
  it("'Procurement experience' is not met by an agent who represented buyers", async () => {
    const c = cand({ resumeText: `Real Estate Agent, Keller Homes (2019 – present)\n• Represented 40 first-time buyers and sellers.${PAD}` });
    expect((await verdictOf(c, "Procurement experience")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a trait a résumé does not mention is for an interview, not not met", () => {
  it.each([
    "Strong parent communication skills",
    "Mentoring junior developers",
    "Empathy with distressed callers",
    "Works well under tight deadlines",
  ])("%s → UNKNOWN", async (criterion) => {
    const v = await verdictOf(cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n• Filed invoices.${PAD}` }), criterion);
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.reason).toContain(criterion.replace(/^\p{Lu}(?!\p{Lu})/u, (ch) => ch.toLowerCase()));
  });
  it("a plain skill not mentioned is still not met", async () => {
    expect((await verdictOf(cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n• Filed invoices.${PAD}` }), "Salesforce administration")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a criterion only partly mentioned says what is there, with its line", () => {
  it("'Active Directory user administration' from a line that names Active Directory only", async () => {
    const line = "Help Desk Technician, Tulsa CC (2023 – present): password resets and account unlocks in Active Directory, laptop imaging.";
    const v = await verdictOf(cand({ resumeText: `${line}${PAD}` }), "Active Directory user administration");
    expect(v.reason).not.toMatch(/No mention of directory/);
    expect(v.reason).toMatch(/^Mentions active Directory/i);
    expect(v.evidence).toEqual([line]);
  });
});

describe("local engine: a middle dot or a bar separates list items, so a plan for the next item stays with it", () => {
  const line = "Minnesota RDH license · local anesthesia permit · nitrous oxide: plan to take the course in 2027";
  it.each([
    ["Local anesthesia certification", "MET"],
    ["Nitrous oxide administration certification", "NOT_MET"],
  ])("%s → %s", async (criterion, expected) => {
    const c = cand({ resumeText: `Dental Hygienist, Lakes Family Dentistry (2024 – present)\n${line}${PAD}` });
    expect((await verdictOf(c, criterion)).verdict).toBe(expected);
  });
});

describe("local engine: a role someone else holds; Spark the award", () => {
  const withLine = (line: string) => cand({ resumeText: `Store Manager, Target #1820 (2020 – present)\n${line}${PAD}` });
  it("'with the district manager' is not district management", async () => {
    expect((await verdictOf(withLine("• Own scheduling, hiring, and the monthly P&L review with the district manager."), "District management experience")).verdict).not.toBe("MET");
  });
  it("a teaching award named Spark is not Apache Spark", async () => {
    expect((await verdictOf(withLine('District "Spark" award for teaching innovation, 2021'), "Apache Spark")).verdict).not.toBe("MET");
  });
  it("a district manager's own title still meets it", async () => {
    expect((await verdictOf(withLine("District Manager, 9 stores (2023 – present): district P&L, hiring store managers."), "District management experience")).verdict).toBe("MET");
  });
});

describe("local engine: a degree in any discipline; within so many minutes of a city", () => {
  it("'Degree educated (any discipline)' is met by a history degree", async () => {
    const c = cand({ resumeText: `Office Administrator, Harrow & Finch (2023 – present)\n• Diary and post.\nBA (Hons) History, University of Sheffield, 2019${PAD}` });
    expect((await verdictOf(c, "Degree educated (any discipline)")).verdict).toBe("MET");
  });
  it("'Lives within 30 minutes of Fall River, Massachusetts' is met from Somerset, MA and not from Boston", async () => {
    expect((await verdictOf(cand({ resumeText: `Dana Reyes\nSomerset, MA · dana@example.com\nTeller, BankFive (2021 – present)${PAD}` }), "Lives within 30 minutes of Fall River, Massachusetts")).verdict).toBe("MET");
    expect((await verdictOf(cand({ resumeText: `Dana Reyes\nPittsfield, MA · dana@example.com\nTeller, BankFive (2021 – present)${PAD}` }), "Lives within 30 minutes of Fall River, Massachusetts")).verdict).not.toBe("MET");
  });
});

describe("local engine: more languages, TOEIC and IELTS scores, fields and degrees named abroad", () => {
  const withLine = (line: string) => cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n• Filed invoices.\n${line}${PAD}` });
  it.each([
    ["IDIOMAS: Català (nadiua; Certificat C2), Castellano (nativo), Inglés B2", "Catalan", "MET"],
    ["Languages: English (fluent), Afrikaans (home language), isiZulu (basic)", "English and Afrikaans", "MET"],
    ["【資格】TOEIC L&R 860点 (2019年)", "Business English (TOEIC 800 or higher)", "MET"],
    ["Certificates: TOEIC 620 (2021)", "Business English (TOEIC 800 or higher)", "PARTLY_MET"],
    ["Certificates: IELTS Academic 7.5 (2023)", "Fluent English", "MET"],
    ["Educação: Bacharelado, Estatística — Universidade de São Paulo, 2020", "Bachelor's in Statistics, Economics or related", "MET"],
    ["EDUCATION: B.E. Computer Science, RV College of Engineering, 2019", "B.E./B.Tech in Computer Science or related field", "MET"],
  ])("%s / %s → %s", async (line, criterion, expected) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe(expected);
  });
});

describe("local engine: a high school diploma, as countries name it, or a degree after one", () => {
  const withLine = (line: string) => cand({ resumeText: `Teller, BankFive (2021 – present)\n• Cash handling.\n${line}${PAD}` });
  it.each([
    ["Education: Ensino Médio (high school), São Paulo, 2019", "MET"],
    ["B.A. Economics, UMass Dartmouth, 2020", "MET"],
    ["Education: GED, 2016", "MET"],
  ])("%s meets 'High school diploma or equivalent'", async (line, expected) => {
    expect((await verdictOf(withLine(line), "High school diploma or equivalent")).verdict).toBe(expected);
  });
  it("a degree still under way does not stand in for one", async () => {
    expect((await verdictOf(withLine("B.A. Economics, UMass Dartmouth (expected 2027)"), "High school diploma or equivalent")).verdict).not.toBe("MET");
  });
});

describe("local engine: 'EPA Section 608' is EPA 608", () => {
  it("meets 'EPA 608 Universal'", async () => {
    const c = cand({ resumeText: `Service Technician, Lakeshore Comfort (2022 – present)\n• RTUs and split systems.\nEPA Section 608 Universal Certification (2018)${PAD}` });
    expect((await verdictOf(c, "EPA 608 Universal")).verdict).toBe("MET");
  });
});

describe("local engine: translating from one language into another needs both", () => {
  const withLines = (lines: string) => cand({ resumeText: `Freelance Translator (2018 – present)\n• Legal and medical translation.\n${lines}${PAD}` });
  it("German A2 does not meet 'German to Spanish translation'", async () => {
    expect((await verdictOf(withLines("Language pairs: EN>ES, FR>ES. German: A2. Spanish (native)."), "German to Spanish translation")).verdict).not.toBe("MET");
  });
  it("German C1 and native Spanish do", async () => {
    expect((await verdictOf(withLines("Languages: Spanish (native), German (C1), English (C2)."), "German to Spanish translation")).verdict).toBe("MET");
  });
});

describe("local engine: a level belongs to its own language, unless the languages share it", () => {
  const withLine = (line: string) => cand({ resumeText: `Paraprofessional, El Paso ISD (2021 – present)\n• Small-group reading support.\n${line}${PAD}` });
  it("'German: A2. Spanish (native).' is German at A2", async () => {
    expect((await verdictOf(withLine("Languages: German: A2. Spanish (native)."), "Fluent German")).verdict).toBe("NOT_MET");
  });
  it("'Spanish and English (bilingual)' is both at that level", async () => {
    expect((await verdictOf(withLine("Languages: Spanish and English (bilingual)."), "Bilingual Spanish/English")).verdict).toBe("MET");
  });
});

describe("local engine: years in a role with a qualifier need the qualifier in the position", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  const resume = "DANIELLE OKAFOR, BSN, RN\nColumbus, Ohio | 614-555-0148 | danielle.okafor@example.com\n\nLICENSURE & CERTIFICATIONS\n- Registered Nurse, Ohio Board of Nursing — expires 08/2027\n- BLS (American Heart Association) — current through 03/2027\n- ACLS (American Heart Association) — expired 01/2025\n- PALS — not held\n\nEXPERIENCE\nOhioHealth Riverside Methodist Hospital — Staff Nurse, Medical-Surgical Unit (36 beds)      06/2021 – Present\n• Primary nurse for 5–6 post-operative and medical patients per 12-hour shift\n• Charge nurse about 2 shifts a month: make assignments for 8 RNs and 4 PCAs, handle bed flow with the house supervisor\n• Document assessments, care plans and MAR in Epic; unit super-user for the 2024 Epic upgrade\n• Preceptor to 6 new-graduate nurses\n\nMount Carmel East — Patient Care Technician, Telemetry      09/2019 – 05/2021\n• Vitals, glucose checks, phlebotomy, ambulation (worked while in nursing school)\n\nEDUCATION\nBachelor of Science in Nursing — The Ohio State University, 2021";
  const positions = [{"org": "OhioHealth Riverside Methodist Hospital", "title": "Staff Nurse, Medical-Surgical Unit", "summary": "Med-surg staff nurse; charge nurse rotation; Epic super-user; preceptor.", "start": {"year": 2021, "month": 6}, "end": null}, {"org": "Mount Carmel East", "title": "Patient Care Technician", "summary": "Vitals, glucose checks, phlebotomy on a telemetry floor.", "start": {"year": 2019, "month": 9}, "end": {"year": 2021, "month": 5}}];
  it("'2+ years telemetry RN experience': RN years on med-surg and telemetry years as a technician", async () => {
    const out = await dated.screen(cand({ resumeText: resume, positions }), [crit("2+ years telemetry RN experience")]);
    expect(out.verdicts[0]?.verdict).not.toBe("MET");
  });
  it("RN years on a telemetry unit meet it", async () => {
    const telemetry = resume.replace("Staff Nurse, Medical-Surgical Unit (36 beds)", "Staff Nurse, Telemetry Unit (36 beds)");
    const out = await dated.screen(cand({ resumeText: telemetry, positions: positions.map((p) => ({ ...p, title: p.title.replace("Medical-Surgical Unit", "Telemetry Unit") })) }), [crit("2+ years telemetry RN experience")]);
    expect(out.verdicts[0]?.verdict).toBe("MET");
  });
});

describe("local engine: work another party does, done to the candidate, tried for fun or on a learning platform", () => {
  const withLine = (line: string) => cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n${line}${PAD}` });
  it.each([
    ["- Prepare specs for Looker dashboards (the SQL queries are written by our analytics team).", "Writes SQL queries"],
    ["- Prepared exhibit binders for the discovery vendor (the vendor ran the document review in Everlaw).", "Document review in Everlaw"],
    ["- Leave administration; raise timekeeping issues in ADP Workforce Now (HR systems team owns the platform).", "ADP Workforce Now administration"],
    ["- Worked under the supervision of the Head Baker; cover the bakery counter when short-staffed.", "Experience supervising bakery staff"],
    ["- Line cook, supervised by the kitchen manager; opened and closed the station.", "Experience supervising kitchen staff"],
    ["Tools: Jira, Confluence, Smartsheet – review only (plans are built by the PMO scheduler), Excel", "Builds schedules in Smartsheet"],
    ["Design: Figma (daily), Illustrator, Cinema 4D — just for fun", "Cinema 4D"],
    ["CLOUD: Azure (AKS, Functions); AWS — completed AWS Skill Builder and Qwiklabs exercises", "AWS experience"],
    ["- Assist licensed plumbers on boiler installs and gas line tests.", "Licensed plumber"],
    ["- Assisted our automation engineer with Siemens PLC troubleshooting on the packing line.", "PLC troubleshooting (Siemens)"],
    ["PMP: plan to begin the application once I reach 36 months of leading projects", "PMP or actively pursuing PMP"],
  ])("%s does not meet %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("MET");
  });
  it.each([
    ["- GST registrations and returns for 40 clients (transfer pricing was handled by the TP team).", "GST compliance"],
    ["- Supervised a kitchen brigade of 9 on nights.", "Experience supervising kitchen staff"],
    ["Certifications: Medical Assistant, certified by the AAMA (2023)", "Certified medical assistant"],
    ["- Wrote the SQL queries behind 30 Looker dashboards used by the finance team.", "Writes SQL queries"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: a trait said of oneself in a profile sentence is not shown", () => {
  const withProfile = (profile: string) => cand({ resumeText: `${profile}\nOffice Manager, Harbor Group (2019 – present)\n• Ran the front office and supplier invoices.${PAD}` });
  it.each([
    ["Office manager with 8 years in property firms. Organised, patient with clients, calm under pressure.", "Calm under pressure"],
    ["Team player with a can-do attitude. 6 years of B2C retail operations across 3 regions.", "Team player"],
  ])("%s → UNKNOWN for %s", async (profile, criterion) => {
    expect((await verdictOf(withProfile(profile), criterion)).verdict).toBe("UNKNOWN");
  });
  it("a sentence that shows it in what was done still meets it", async () => {
    const v = await verdictOf(withProfile("Office manager with 8 years in property firms. Stayed calm under pressure through two office moves and a flood, keeping 40 staff working."), "Calm under pressure");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: the right to work is said in so many words; citizenship is more than authorization", () => {
  const withAnswers = (answers: Array<{ question: string; answer: string }>, line = "• Built the weekly authorization report and the prior-authorization queue in Excel.") =>
    cand({ resumeText: `Operations Coordinator, Harbor Group (2019 – present)\n${line}${PAD}`, answers });
  it("a résumé line about authorization reports says nothing about the right to work", async () => {
    const v = await verdictOf(withAnswers([]), "Authorized to work in the US");
    expect(v.verdict).toBe("UNKNOWN");
  });
  it("'Right to work in the UK' from a line that names the UK but not the right to work", async () => {
    const v = await verdictOf(withAnswers([], "• Supported UK and Ireland payroll for 400 staff."), "Right to work in the UK");
    expect(v.verdict).toBe("UNKNOWN");
  });
  it("a yes to being authorized does not make a citizen; a no rules it out", async () => {
    const yes = await verdictOf(withAnswers([{ question: "Are you legally authorized to work in the United States?", answer: "Yes" }]), "U.S. citizenship required");
    expect(yes.verdict).toBe("UNKNOWN");
    const no = await verdictOf(withAnswers([{ question: "Are you legally authorized to work in the United States?", answer: "No" }]), "U.S. citizenship required");
    expect(no.verdict).toBe("NOT_MET");
    const citizen = await verdictOf(withAnswers([{ question: "Are you a U.S. citizen?", answer: "Yes" }]), "U.S. citizenship required");
    expect(citizen.verdict).toBe("MET");
  });
  it("a question about shifts does not answer standing for a full shift", async () => {
    const v = await verdictOf(withAnswers([{ question: "Are you available to work nights and weekends?", answer: "Yes, any shift." }]), "Able to lift 50 lbs and stand for a full shift");
    expect(v.verdict).not.toBe("MET");
  });
  it("a résumé that states the right to work still meets it", async () => {
    const v = await verdictOf(withAnswers([], "Full right to work in the UK (British citizen)."), "Right to work in the UK");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: lines under an interests heading are pastimes", () => {
  const resume = (tail: string) => cand({ resumeText: `Line Cook, Harbor Grill (2019 – present)\n• Grill and sauté stations, 200 covers a night.\n${tail}${PAD}` });
  it.each([
    ["OUTSIDE THE KITCHEN\nCountry loaves and laminated pastry at weekends, cycling", "Professional bread or pastry production"],
    ["interests\n3d (cinema 4d), film photography, climbing", "Cinema 4D"],
    ["Hobbies:\nPython scripts for my weather station; chess", "Python"],
  ])("%s does not meet %s", async (tail, criterion) => {
    expect((await verdictOf(resume(tail), criterion)).verdict).not.toBe("MET");
  });
  it("a section after the interests is read as usual", async () => {
    expect((await verdictOf(resume("INTERESTS\nCycling, chess\nSKILLS\nPython, SQL"), "Python")).verdict).toBe("MET");
  });
});

describe("local engine: a credential's name is written in one place", () => {
  const resume = (lines: string) => cand({ resumeText: `${lines}${PAD}` });
  it.each([
    ["Cook, Harbor Grill (2019 – present)\n• Shift lead when the kitchen manager is off.\nCertifications: ServSafe Food Handler (2025)", "ServSafe Manager certification"],
    ["Systems Administrator, Harbor Group (2019 – present)\n• Azure tenant and Linux fleet.\nCertifications: Microsoft Certified: Azure Developer Associate (2024)", "Microsoft Certified: Azure Administrator"],
    ["Linux Administrator, Harbor Group (2019 – present)\n• Patching and backups for 300 hosts.\n– Certified Kubernetes Application Developer (CKAD), 2023.", "Certified Kubernetes Administrator (CKA)"],
  ])("%s → PARTLY_MET for %s", async (lines, criterion) => {
    expect((await verdictOf(resume(lines), criterion)).verdict).toBe("PARTLY_MET");
  });
  it.each([
    ["Kitchen Manager, Harbor Grill (2019 – present)\nCertifications: ServSafe Manager (2024)", "ServSafe Manager certification"],
    ["Math Teacher, Central High (2019 – present)\n• Algebra I and Geometry.\nCertification: Pennsylvania Instructional I, Mathematics 7–12", "Pennsylvania teaching certification in Mathematics"],
  ])("%s still meets %s", async (lines, criterion) => {
    expect((await verdictOf(resume(lines), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: an undated line's own year counts for recency; 'public' alone is not a trait", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  const resume = cand({
    resumeText: `Frontend Developer, Harbor Group (2021 – present)\n• React and TypeScript.\nSKILLS\nVue 3 – daily\nEmber.js – one internal tool, 2016\nNotary Public, State of Washington${PAD}`,
    positions: [{ org: "Harbor Group", title: "Frontend Developer", summary: null, start: { year: 2021, month: 1 }, end: null }],
  });
  it("'Ember.js within the last 3 years' with 'Ember.js – one internal tool, 2016' is not met", async () => {
    expect((await dated.screen(resume, [crit("Ember.js experience within the last 3 years")])).verdicts[0]?.verdict).toBe("NOT_MET");
  });
  it("a skill named without a year is not dated by it", async () => {
    expect((await dated.screen(resume, [crit("Vue experience within the last 3 years")])).verdicts[0]?.verdict).toBe("MET");
  });
  it("'Notary public' is a commission, checked as one, not a trait for the interview", async () => {
    expect((await dated.screen(resume, [crit("Notary public")])).verdicts[0]?.verdict).toBe("MET");
  });
});

describe("local engine: work named by what it is made of", () => {
  const withLine = (line: string) => cand({ resumeText: `Staff Member, Harbor Group (2019 – present)\n${line}${PAD}` });
  it.each([
    ["- Split-tested landing pages and email subject lines; the winning variant lifted sign-ups 9%.", "Experience with A/B testing"],
    ["- Drawings dimensioned and toleranced to ASME Y14.5 (geometric dimensioning and tolerancing).", "GD&T"],
    ["- Keyboard navigation, ARIA labels and screen reader testing with NVDA for the booking flow.", "Web accessibility (WCAG)"],
    ["- Change dressings, stage pressure ulcers and manage wound VAC therapy on a surgical ward.", "Wound care experience"],
    ["- Employee records and absence reporting in MHR iTrent.", "Experience with an HRIS"],
    ["- Rewrote product pages for organic search and ran keyword research with the content team.", "SEO experience"],
    ["- Ran quarterly business reviews with 30 accounts' finance directors.", "Client-facing experience"],
    ["- Layouts for print and web in InDesign and Illustrator.", "Adobe InDesign"],
    ["Cards: JIB Gold Card (Installation Electrician), CSCS", "Valid ECS card"],
    ["Skills: vitals, phlebotomy, IM injections, flu and travel vaccines", "Experience giving injections and immunizations"],
    ["- Weekly cycle counts across 9,000 locations; stock accuracy 99.4%.", "Inventory control experience"],
    ["- Closed 121% of annual number in FY2025; President's Club.", "Proven track record of exceeding quota"],
    ["- Diary management for two directors across three time zones.", "Calendar management"],
  ])("%s meets %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: availability is the candidate's to answer; a start date is compared", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  const withAnswers = (answers: Array<{ question: string; answer: string }>) =>
    cand({ resumeText: `Coordinator, Harbor Group (2019 – present)\n• Supplier audits and weekly reports for 40 stores.\n• Month-end stock counts.${PAD}`, answers });
  const screen = async (answers: Array<{ question: string; answer: string }>, criterion: string) => (await dated.screen(withAnswers(answers), [crit(criterion)])).verdicts[0]?.verdict;
  it.each([
    "Willing to travel up to 30% for supplier audits",
    "Available for on-call rotation",
    "Can start within 4 weeks",
    "Full UK driving licence and own car",
    "Able to stand for 10-hour shifts",
  ])("%s with nothing said of it is UNKNOWN", async (criterion) => {
    expect(await screen([], criterion)).toBe("UNKNOWN");
  });
  it.each([
    [{ question: "What is your notice period?", answer: "Three months." }, "Available to start within one month", "NOT_MET"],
    [{ question: "What is your notice period?", answer: "2 weeks" }, "Notice period of 30 days or less", "MET"],
    [{ question: "When could you start?", answer: "Immediately" }, "Can start in January 2027", "MET"],
    [{ question: "Earliest start date?", answer: "1 March 2027, after my contract ends" }, "Can start by January 2027", "NOT_MET"],
    [{ question: "When would you be available to start?", answer: "Any time after December 10, 2026." }, "Available to start in January 2027", "MET"],
  ])("%o for %s → %s", async (answer, criterion, expected) => {
    expect(await screen([answer], criterion)).toBe(expected);
  });
  it("a free-text answer that denies the part asked is not met", async () => {
    expect(await screen([{ question: "Are you available for night shifts?", answer: "I can do early and late shifts, but not nights." }], "Available for night shifts")).toBe("NOT_MET");
  });
});

describe("local engine: years in a named rank count that rank's positions only", () => {
  const NOW_2026 = () => new Date("2026-11-01T00:00:00Z");
  const dated = createLocalEngine({ now: NOW_2026 });
  const cook = cand({
    resumeText: `Camila Reyes — Sous Chef\n2021.09 – now   Sous Chef, Oak & Ember (Denver) — ordering, schedules for 12 cooks\n2019.01 – 2021.08   Kitchen Manager, Taco Lab\n2016.05 – 2018.12   Chef de Partie, Grand Hyatt${PAD}`,
  });
  it("'3+ years as a sous chef or higher' from the Sous Chef position", async () => {
    expect((await dated.screen(cook, [crit("3+ years as a sous chef or higher")])).verdicts[0]?.verdict).toBe("MET");
  });
  it("'8+ years as a sous chef' counts neither the kitchen manager nor the chef de partie years", async () => {
    const v = (await dated.screen(cook, [crit("8+ years as a sous chef")])).verdicts[0];
    expect(v?.verdict).toBe("PARTLY_MET");
    expect(v?.reason).toMatch(/^5\.3 years/);
  });
});

describe("local engine: the named thing a criterion is about, missing, is not partly met by the words around it", () => {
  const withLine = (line: string) => cand({ resumeText: `IT Support Technician, Harbor Group (2019 – present)\n${line}${PAD}` });
  it.each([
    ["- Supporting 300 Windows 11 laptops and Teams rooms; imaging with Intune.", "Experience supporting ChromeOS"],
    ["- Paralegal for a litigation team of six; e-filing and exhibits.", "NALA Certified Paralegal (CP)"],
  ])("%s → NOT_MET for %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("NOT_MET");
  });
  it("a named concept found beside a missing qualifier stays partly met", async () => {
    expect((await verdictOf(withLine("- Registered Nurse on a medical ward, 2019 – present."), "PRC-licensed Registered Nurse")).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: 'bilingual' against a conversational level; a school exam is a basic level", () => {
  const withLine = (line: string) => cand({ resumeText: `Coordinator, Harbor Group (2019 – present)\n• Weekly reports.\n${line}${PAD}` });
  it("conversational French is partly bilingual English/French", async () => {
    expect((await verdictOf(withLine("Languages: English (native), French (conversational)"), "Bilingual English/French")).verdict).toBe("PARTLY_MET");
  });
  it("basic French is not", async () => {
    expect((await verdictOf(withLine("Languages: English (native), French (A2)"), "Bilingual English/French")).verdict).toBe("NOT_MET");
  });
  it("German at GCSE is not fluent German", async () => {
    expect((await verdictOf(withLine("Languages: English (native), German (GCSE, grade B)"), "Fluent German")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a degree asked by its family of fields", () => {
  const withSchool = (line: string) => cand({ resumeText: `Research Associate, Harbor Bio (2021 – present)\n• Cell culture and assays.\nEDUCATION\n${line}${PAD}` });
  it.each([
    ["MSc Immunology — University of Glasgow, 2020", "Master's degree in a life science", "MET"],
    ["BSc Biochemistry — University of Leeds, 2019", "Bachelor's in any STEM field", "MET"],
    ["BA History — University of Leeds, 2019", "Bachelor's degree in a life science", "PARTLY_MET"],
    ["Bachelor of Design (Communication Design) — RMIT University, 2018", "Bachelor's degree in Graphic Design", "MET"],
  ])("%s for %s → %s", async (line, criterion, expected) => {
    expect((await verdictOf(withSchool(line), criterion)).verdict).toBe(expected);
  });
});

describe("local engine: a flattened two-column line is two lines", () => {
  it("a credential in progress in the right column does not make the left column's work in progress", async () => {
    const c = cand({ resumeText: `Senior Accountant, Harbor Group (2021 – present)\n• Write revenue recognition memos under ASC 606          CMA — Part 1 passed 05/2025; Part 2 scheduled\n${PAD}` });
    const v = await verdictOf(c, "ASC 606 revenue recognition");
    expect(v.verdict).toBe("MET");
    expect(v.evidence).toContain("• Write revenue recognition memos under ASC 606");
  });
  it("a heading's date column stays with its heading; both columns of text are quoted verbatim", () => {
    expect(segment("Payroll Specialist, Harbor Group        Jan 2019 – Present").map((s) => s.text)).toEqual(["Payroll Specialist, Harbor Group        Jan 2019 – Present"]);
    expect(segment("Led the ERP cutover for finance\tSpanish (native), English (C1)").map((s) => s.text)).toEqual(["Led the ERP cutover for finance", "Spanish (native), English (C1)"]);
  });
});

describe("local engine: an answer that is open to what was asked", () => {
  it("'Open to relocating' answers a relocation question with yes", async () => {
    const c = cand({
      resumeText: `Operations Manager, Harbor Logistics, Memphis, TN (2019 – present)\n• Runs a 400-person cross-dock.${PAD}`,
      answers: [{ question: "This role is based in Indianapolis, IN. Are you willing to relocate?", answer: "Open to relocating for the right role." }],
    });
    expect((await verdictOf(c, "Willing to relocate to Indianapolis, IN")).verdict).toBe("MET");
  });
});

describe("local engine: a limited status is said of the credential, and a full licence elsewhere wins", () => {
  it("'frozen' food beside forklift operators is not a frozen forklift certificate", async () => {
    const c = cand({ resumeText: `Warehouse Supervisor, Peach State Foods (2022 – present)\n• Lead a crew of 14 selectors and forklift operators on second shift in a frozen and refrigerated food DC.\nCERTIFICATIONS\nForklift certification — sit-down and reach truck (recertified March 2026)${PAD}` });
    expect((await verdictOf(c, "Forklift certified")).verdict).toBe("MET");
  });
  it("a journeyman licence beside the apprenticeship before it is the licence", async () => {
    const c = cand({ resumeText: `Licensed Journeyman Plumber | Boston, MA\nJourneyman Plumber, Murphy & Sons (2018 – present)\nApprentice plumber licence, Murphy & Sons (2013 – 2018)${PAD}` });
    expect((await verdictOf(c, "Massachusetts journeyman plumber license")).verdict).toBe("MET");
  });
  it("an apprentice credential is still partly met", async () => {
    const c = cand({ resumeText: `Rosa Jimenez, CPC-A\nMedical Coder, Gulf Coast Orthopedics (2025 – present)\nAAPC Certified Professional Coder – Apprentice (CPC-A); apprentice designation removal expected 2027${PAD}` });
    expect((await verdictOf(c, "CPC certification (without apprentice status)")).verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: a credential by any of its names", () => {
  it("the acronym after the candidate's name is the certification the long name asks for", async () => {
    const c = cand({ resumeText: `BRIANNA LOPEZ, CMA (AAMA)\nMedical Assistant, Sun Clinic (2020 – present)\n• Rooming patients, vitals, injections.${PAD}` });
    expect((await verdictOf(c, "Certified Medical Assistant (CMA or RMA)")).verdict).toBe("MET");
  });
  it("the job title alone is still not the certification", async () => {
    const c = cand({ resumeText: `BRIANNA LOPEZ\nMedical Assistant, Sun Clinic (2020 – present)\n• Rooming patients, vitals, injections.${PAD}` });
    expect((await verdictOf(c, "Certified Medical Assistant (CMA or RMA)")).verdict).toBe("PARTLY_MET");
  });
  it("an exam named is the exam: 'SIE exam passed' with 'SIE — passed 03/2025'", async () => {
    const c = cand({ resumeText: `Analyst, Harbor Capital (2024 – present)\nSIE — passed 03/2025 · Series 79 — not held\nCFA Level I candidate, registered for the February 2027 exam${PAD}` });
    expect((await verdictOf(c, "SIE exam passed")).verdict).toBe("MET");
  });
});

describe("local engine: a worker's title names the work, one way only", () => {
  it("years as a CNC machinist are years of CNC machining", async () => {
    const c = cand({ resumeText: `Luis Ortega\nGrand Rapids, MI\n\nCNC Machinist II, Lakeshore Precision Components, 2019 - present\n - Set up and run Haas VF-4 mills; edit G-code at the control\nMachine Operator, Grand Valley Plastics, 2016 - 2019` });
    expect((await verdictOf(c, "5+ years of CNC machining")).verdict).toBe("MET");
  });
  it("years as a plumber are years of plumbing", async () => {
    const c = cand({ resumeText: `Journeyman Plumber, Murphy & Sons, 2016 – present\n• Service calls, water heaters, repipes.${PAD}` });
    expect((await verdictOf(c, "8+ years plumbing experience")).verdict).toBe("MET");
  });
  it("a cashier's and a teller's years are cash handling", async () => {
    const c = cand({ resumeText: `Teller, JPMorgan Chase (Feb 2024 – present)\n· balanced drawer daily\nCashier, H Mart (Jun 2021 – Jan 2024)\n· register${PAD}` });
    expect((await verdictOf(c, "3+ years cash handling")).verdict).toBe("MET");
  });
  it("overseeing machining is not being a machinist", async () => {
    const c = cand({ resumeText: `Production Supervisor, Acme Plastics, 2015 – present\n• Oversaw CNC machining cells and scheduling for 3 shifts.${PAD}` });
    expect((await verdictOf(c, "Experience as a machinist")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a master in a trade or a role is not a master's degree", () => {
  it("a master electrician licence being studied for is not held, and not read as a degree", async () => {
    const c = cand({ resumeText: `Journeyman Electrician, Sound Electric (2018 – present)\nMaster Electrician — studying for the exam; not yet applied${PAD}` });
    expect((await verdictOf(c, "Master electrician certificate")).verdict).toBe("NOT_MET");
  });
  it("a master electrician licence is not a master's degree", async () => {
    const c = cand({ resumeText: `Electrician, Sound Electric (2012 – present)\nLICENSES\nMaster Electrician — Texas TDLR, 2020${PAD}` });
    expect((await verdictOf(c, "Master's degree in Electrical Engineering")).verdict).toBe("NOT_MET");
  });
  it.each(["Master's in Education", "Masters degree preferred", "Master of Science in Nursing"])("%s still asks for a master's degree", async (text) => {
    const c = cand({ resumeText: `Teacher, Lincoln High (2015 – present)\nEDUCATION\nB.A., History — Portland State University, 2012${PAD}` });
    expect((await verdictOf(c, text)).reason).toMatch(/below the master's degree asked|in another field/);
  });
});

describe("local engine: a number that names the kind", () => {
  const withLine = (line: string) => cand({ resumeText: `CNC Machinist, Cuyahoga Precision (2021 – present)\n${line}${PAD}` });
  it("3-axis mills are not 5-axis machining", async () => {
    expect((await verdictOf(withLine("· set up and run Haas VF-2 / VF-4 3-axis mills"), "5-axis machining")).verdict).toBe("NOT_MET");
  });
  it("5-axis mills are", async () => {
    expect((await verdictOf(withLine("· set up and run Mazak Integrex 5-axis mills"), "5-axis machining")).verdict).toBe("MET");
  });
  it("a shift's length is a quantity, not a kind: a 24-hour pharmacy says nothing of 10-hour shifts", async () => {
    const c = cand({ resumeText: `Pharmacy Technician, Walgreens (2021 – present)\n• 400+ prescriptions a day in a 24-hour community pharmacy.${PAD}` });
    expect((await verdictOf(c, "Able to stand for 8–10 hour shifts")).verdict).not.toBe("NOT_MET");
  });
});

describe("local engine: who holds it and until when", () => {
  it("the credential of the one named after 'performed by' is not the candidate's", async () => {
    const c = cand({ resumeText: `Veterinary Assistant - Lakeview Animal Hospital - Oct 2023 - present\n· restrain for venipuncture and IV catheters (draws performed by CVTs)\n· records and invoices in ezyVet${PAD}` });
    expect((await verdictOf(c, "Credentialed vet tech (CVT/LVT/RVT)")).verdict).not.toBe("MET");
  });
  it("'certified by' names the issuer of the candidate's own credential", async () => {
    const c = cand({ resumeText: `Medical Coder, Gulf Coast Orthopedics (2021 – present)\nCoding credential: certified by AAPC, 2021${PAD}` });
    expect((await verdictOf(c, "AAPC certification")).verdict).toBe("MET");
  });
  it("an expiry after the issuer's aside is the credential's: 'CPR/AED/First Aid (Red Cross) - exp 01/2025'", async () => {
    const c = cand({ resumeText: `Security Officer, Strip Resorts (2020 – present)\nCPR/AED/First Aid (Red Cross) - exp 01/2025${PAD}` });
    expect((await verdictOf(c, "Current CPR/First Aid")).verdict).toBe("NOT_MET");
  });
  it("the next item's expiry is not this one's: 'BLS (AHA) – valid to 04/2027 • ACLS (AHA) – expired 02/2025'", async () => {
    const c = cand({ resumeText: `Staff Nurse, Cebu Doctors' Hospital (2019 – present)\n• BLS (AHA) – valid to 04/2027  • ACLS (AHA) – expired 02/2025${PAD}` });
    expect((await verdictOf(c, "Current BLS")).verdict).toBe("MET");
  });
});

describe("local engine: an amount in an answer is compared with the one asked", () => {
  const withAnswer = answeredBy("Sales Associate, Ross Dress for Less (2024 – present)\n- fitting rooms, recovery, folding tables");
  it("'I can lift around 25-30 lbs' is not able to lift 50 lb", async () => {
    expect((await verdictOf(withAnswer("Can you lift up to 50 lbs?", "I can lift around 25-30 lbs, boxes heavier than that I would need help."), "Able to lift 50 lb boxes")).verdict).toBe("NOT_MET");
  });
  it("'Yes, 60 lbs regularly' is", async () => {
    expect((await verdictOf(withAnswer("Can you lift up to 50 lbs?", "Yes, I lift 60 lbs regularly at my current job."), "Able to lift 50 lb boxes")).verdict).toBe("MET");
  });
  it("30-32 hours a week is not full-time at 40", async () => {
    expect((await verdictOf(withAnswer("How many hours per week are you looking for?", "30-32 hours while I'm in school."), "Full-time, 40 hours/week")).verdict).toBe("NOT_MET");
  });
  it("hours a week are not the length of a shift", async () => {
    expect((await verdictOf(withAnswer("How many hours per week can you work?", "30 hours."), "Able to stand for 8–10 hour shifts")).verdict).not.toBe("MET");
  });
  it("'covers a night' is a rate: a yes to working nights says nothing of 300+ covers", async () => {
    const c = cand({ resumeText: `Line Cook, Marrow & Ash (2025 – present)\n  saute + grill, ~180 covers Sat nights${PAD}`, answers: [{ question: "Can you work nights, weekends and holidays?", answer: "Yes to all." }] });
    expect((await verdictOf(c, "High-volume line, 300+ covers a night")).verdict).not.toBe("MET");
  });
});

describe("local engine: a criterion that asks for the absence of an event", () => {
  const driver = (answers: CandidateInput["answers"], extra = "") => cand({ resumeText: `CDL-B Driver, Prairie Fuel (2021 – present)\n - Class B tank wagon, 20-30 stops/day, local${extra}${PAD}`, answers });
  it("an answer that reports one is not met, though it names the event", async () => {
    const c = driver([{ question: "Any preventable accidents or moving violations in the last 3 years?", answer: "One preventable backing incident in 2025, minor damage to a customer's fence. No tickets." }]);
    expect((await verdictOf(c, "No preventable accidents in the last 3 years")).verdict).toBe("NOT_MET");
  });
  it("'I had a DUI in 2022' is not 'No DUI in the last 7 years'", async () => {
    const c = driver([{ question: "Valid MN license and any DUI/major violations in 7 years?", answer: "Valid MN license. I had a DUI in 2022." }]);
    expect((await verdictOf(c, "No DUI in the last 7 years (company vehicle)")).verdict).toBe("NOT_MET");
  });
  it("an event older than the window asked does not count", async () => {
    const c = driver([{ question: "Any DUI in the last 7 years?", answer: "One, in 2012." }]);
    expect((await verdictOf(c, "No DUI in the last 7 years")).verdict).toBe("MET");
  });
  it("'None' meets it", async () => {
    const c = driver([{ question: "Any preventable accidents in the last 3 years?", answer: "None." }]);
    expect((await verdictOf(c, "No preventable accidents in the last 3 years")).verdict).toBe("MET");
  });
  it("the résumé may say so itself; otherwise it is for the candidate to say", async () => {
    expect((await verdictOf(driver([], "\n - 1.2M miles, no accidents or violations"), "No preventable accidents in the last 3 years")).verdict).toBe("MET");
    expect((await verdictOf(driver([]), "No preventable accidents in the last 3 years")).verdict).toBe("UNKNOWN");
  });
});

describe("local engine: a month is not a degree", () => {
  it("'March 2022' in a job heading is not an M.Arch", async () => {
    const c = cand({ resumeText: `ASSISTANT STORE MANAGER | Family Dollar, Columbus OH | June 2019 - March 2022\n* opened/closed, bank deposits\nEDUCATION\nAssociate of Applied Business, Business Management - Columbus State Community College, 2018${PAD}` });
    expect((await verdictOf(c, "Bachelor's degree in Business Administration")).verdict).toBe("NOT_MET");
  });
  it("an M.Arch is still a master's", async () => {
    const c = cand({ resumeText: `Project Architect, Gensler (2016 – present)\nEDUCATION\nM.Arch, Yale School of Architecture, 2015${PAD}` });
    expect((await verdictOf(c, "Master's degree in Architecture")).verdict).toBe("MET");
  });
});

describe("local engine: an answer in the candidate's own words", () => {
  const teller = answeredBy("Teller, JPMorgan Chase (2024 – present)\n· balanced drawer daily; zero variances in 2025");
  it("is not a yes because it names the day: 'I work a second job on Saturdays'", async () => {
    const v = await verdictOf(teller("This role requires Saturdays 9am-2pm. Are you available?", "I work a second job on Saturdays until February 2027."), "Saturdays 9-2");
    expect(v.verdict).toBe("UNKNOWN");
    expect(v.evidence[0]).toContain("I work a second job on Saturdays");
  });
  it("a short answer that names what is asked picks it", async () => {
    expect((await verdictOf(teller("Are you a Singapore Citizen or Permanent Resident?", "Singapore Citizen."), "Singapore Citizen or PR")).verdict).toBe("MET");
  });
});

describe("local engine: languages joined by 'or' are either", () => {
  it("'Bilingual - Spanish or Portuguese' is met by native Portuguese beside intermediate Spanish", async () => {
    const c = cand({ resumeText: `Medical Assistant, Lakeview Urgent Care (2023 – present)\n• rooming, vitals\nLanguages: Portuguese (native), English (fluent), Spanish (intermediate)${PAD}` });
    expect((await verdictOf(c, "Bilingual - Spanish or Portuguese")).verdict).toBe("MET");
  });
  it("'Bilingual English/Spanish' is still both", async () => {
    const c = cand({ resumeText: `Medical Assistant, Lakeview Urgent Care (2023 – present)\n• rooming, vitals\nLanguages: English (native), Spanish (basic)${PAD}` });
    expect((await verdictOf(c, "Bilingual English/Spanish")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: pay asked for in an answer, against what is offered", () => {
  const withPay = answeredBy("Kitchen Manager, Waffle Row (2020 – present)\n• food cost 28%");
  it.each([
    ["Salary expectation within $55-60K", "What are your salary expectations?", "$68,000", "NOT_MET"],
    ["Salary expectation within $55-60K", "What are your salary expectations?", "$58,000 plus bonus", "MET"],
    ["Salary expectation within €80k-€95k", "Expected gross annual salary (EUR)?", "95,000-105,000", "PARTLY_MET"],
    ["OTE expectations at or below $280K", "What are your on-target earnings (OTE) expectations?", "$300K OTE", "NOT_MET"],
    ["Pay expectation within $17-$20/hr", "Desired hourly rate?", "$19/hr", "MET"],
  ])("%s, answered %s %s → %s", async (criterion, question, answer, expected) => {
    expect((await verdictOf(withPay(question, answer), criterion)).verdict).toBe(expected);
  });
  it("an hourly figure is not compared with a yearly one", async () => {
    expect((await verdictOf(withPay("Desired pay?", "$24/hr"), "Salary expectation at or below $55,000")).verdict).not.toBe("MET");
  });
});

describe("local engine: everyday ways of saying yes in an answer", () => {
  const withAnswer = answeredBy("Plumber, Twin City Mechanical (2018 – present)\n• service and repipes");
  it.each([
    ["On-call 1 weekend in 3", "On-call is 1 weekend in 3. OK?", "Every other weekend is fine."],
    ["Open availability incl. holidays", "What is your availability, including holidays?", "Any day, any shift. I've worked every Black Friday for 7 years."],
  ])("%s: %s — %s", async (criterion, question, answer) => {
    expect((await verdictOf(withAnswer(question, answer), criterion)).verdict).toBe("MET");
  });
});

describe("local engine: tools of the same kind in frontline and back-office work are comparable", () => {
  const withLine = (line: string) => cand({ resumeText: `Coordinator, Harbor Group (2019 – present)\n• ${line}${PAD}` });
  it.each([
    ["Builds the weekly schedule for 11 associates in When I Work.", "UKG / Kronos workforce scheduling"],
    ["Resolve 60 tickets a day in Zendesk and Freshdesk.", "Salesforce Service Cloud"],
    ["Set up and run Haas VF-2 mills and Okuma lathes (OSP control).", "Fanuc controls"],
    ["Production orders and inventory in Plex ERP.", "SAP"],
    ["Quotes and policy servicing in EZLynx.", "Applied Epic or AMS360"],
    ["Records and invoices in ezyVet.", "AVImark or Cornerstone"],
    ["Documents, spreadsheets and calendars in Microsoft Office and Outlook.", "Google Workspace (Docs, Sheets, Calendar)"],
  ])("%s → partly %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("PARTLY_MET");
  });
});

describe("local engine: answers that give only part, or only something else", () => {
  const withAnswer = answeredBy("Support Specialist, Harbor Group (2019 – present)\n• Tier 1 tickets");
  it.each([
    ["Available to work weekends (Saturday and Sunday)", "Are you available to work weekend shifts?", "Saturdays only", "PARTLY_MET"],
    ["Available to work Saturdays", "Are you available to work Saturdays?", "Weekdays only, I have class on Saturdays.", "NOT_MET"],
    ["Available for 7am-6pm split shifts", "Shifts run 7am-6pm in splits, Monday-Friday. What hours can you work?", "School hours only, 8 to 3:30.", "NOT_MET"],
    ["Must be available Saturdays AND Sundays", "Are you available to work weekends?", "Most weekends. I have church Sunday mornings so Sundays after 1pm.", "PARTLY_MET"],
    ["Night audit shifts 11p-7a, 5 nights/week", "Are you able to work the night audit shift (11pm-7am)?", "I can cover night audit occasionally, max 2 nights a week because of classes.", "PARTLY_MET"],
  ])("%s: %s — %s → %s", async (criterion, question, answer, expected) => {
    expect((await verdictOf(withAnswer(question, answer), criterion)).verdict).toBe(expected);
  });
  it("a shift lead is a role, not a shift asked about", async () => {
    expect((await verdictOf(withAnswer("Are you available to work weekends?", "Most weekends."), "Prior keyholder or shift-lead experience")).verdict).not.toBe("PARTLY_MET");
  });
});

describe("local engine: 'or' inside brackets", () => {
  it("names alternatives of the item before, not of the whole criterion", async () => {
    const c = cand({ resumeText: `Graphic Designer, freelance (2019 – present)\n• Brand identities and packaging for client work in Illustrator and InDesign.${PAD}` });
    expect((await verdictOf(c, "3D visualisation (Blender or Cinema 4D) for client work")).verdict).not.toBe("MET");
  });
  it("the alternatives still meet it", async () => {
    const c = cand({ resumeText: `3D Artist, Pixel Yard (2019 – present)\n• Product renders in Blender for client work.${PAD}` });
    expect((await verdictOf(c, "3D visualisation (Blender or Cinema 4D) for client work")).verdict).toBe("MET");
  });
});

describe("local engine: a semicolon inside brackets", () => {
  it("keeps the aside with its name: 'SHRM-CP (2019; lapsed 12/2022)' is not active", async () => {
    const c = cand({ resumeText: `DeShawn Kowalczyk, SHRM-CP*\nHR Generalist, Buckeye Foods (2019 – present)\n• Leave administration (FMLA, ADA)\nCERTIFICATIONS\nSHRM-CP (2019; lapsed 12/2022)${PAD}` });
    expect((await verdictOf(c, "Active SHRM-CP or PHR certification")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: an aside a few words after the mention", () => {
  it("'partner with payroll on UKG/Kronos timekeeping issues (payroll team owns the system)' is someone else's system", async () => {
    const c = cand({ resumeText: `HR Generalist, Buckeye Foods (2019 – present)\n• Leave administration; partner with payroll on UKG/Kronos timekeeping issues (payroll team owns the system)${PAD}` });
    expect((await verdictOf(c, "UKG / Kronos administration")).verdict).not.toBe("MET");
  });
});

describe("local engine: a verb that frames the criterion is not a kind", () => {
  it("'Oversees unit turns' is met by unit turns the candidate ran", async () => {
    const c = cand({ resumeText: `Property Manager, Greystar (2020 – present)\n• Scheduled and inspected 120 unit turns a year with two maintenance techs.${PAD}` });
    expect((await verdictOf(c, "Oversees unit turns")).verdict).toBe("MET");
  });
  it("'handling' is still a word to find: material handling is not manual handling", async () => {
    const c = cand({ resumeText: `Care Assistant, Bloomfield Care (2020 – present)\n• Personal care for 10 residents.\nTRAINING\nMaterial handling equipment course (2019)${PAD}` });
    expect((await verdictOf(c, "Manual handling certificate")).verdict).not.toBe("MET");
  });
});

describe("local engine: a rank in brackets is asked of the thing before it", () => {
  const withCert = (line: string) => cand({ resumeText: `Maintenance Technician, Alamo Properties (2020 – present)\n• HVAC PMs, make-readies\nCerts: ${line}${PAD}` });
  it.each([
    ["EPA 608 Type I", "PARTLY_MET"],
    ["EPA 608 Type II", "MET"],
    ["EPA 608 Universal", "MET"],
  ])("%s for 'EPA 608 (Type II or Universal)' → %s", async (line, expected) => {
    expect((await verdictOf(withCert(line), "EPA 608 (Type II or Universal)")).verdict).toBe(expected);
  });
  it("'(Level 2 or higher)' still names the thing at any rank above", async () => {
    expect((await verdictOf(withCert("HACCP Level 3 (2022)"), "HACCP (Level 2 or higher)")).verdict).toBe("MET");
  });
});

describe("local engine: how a person is, said of them, is for an interview", () => {
  it.each(["Thrives in a fast-paced environment", "Energetic and dependable"])("%s is UNKNOWN on a résumé that does not show it, not NOT_MET", async (criterion) => {
    const c = cand({ resumeText: `Marketing Coordinator, Summit Outdoor (2021 – present)\n• Email campaigns to 120k subscribers; 28% open rate.${PAD}` });
    expect((await verdictOf(c, criterion)).verdict).toBe("UNKNOWN");
  });
});

describe("local engine: a credential's name, then its stages", () => {
  const withLine = (line: string) => cand({ resumeText: `Staff Accountant, Cascade Partners (2021 – present)\n• Month-end close and reconciliations.\nCERTIFICATIONS\n${line}${PAD}` });
  it.each([
    ["CPA: passed AUD and FAR (2025); REG scheduled Dec 2026; BAR not yet taken", "CPA license"],
    ["PMP — PMI application approved; exam scheduled December 2026", "PMP certification"],
    ["AIPB Certified Bookkeeper: passed 2 of 4 exam parts", "AIPB Certified Bookkeeper"],
    ["CDA (Child Development Associate): 120 training hours completed; portfolio in progress", "CDA credential"],
  ])("%s → partly %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("PARTLY_MET");
  });
  it("a credential held, with a later stage of something else on the line, is held", async () => {
    expect((await verdictOf(withLine("CSCS Black Card – Manager (exp. 06/2028) | SMSTS – expired 03/2024, refresher booked 01/2027"), "CSCS Black Card")).verdict).toBe("MET");
  });
  it("a line of work with something scheduled in it is not a credential in progress", async () => {
    const c = cand({ resumeText: `Teacher, Lincoln Middle School (2019 – present)\n- Curriculum development: wrote two science units; a third is scheduled for a spring pilot${PAD}` });
    expect((await verdictOf(c, "Curriculum development experience")).verdict).toBe("MET");
  });
});

describe("local engine: the rest of a credential's name missing is another credential", () => {
  const withLine = (line: string) => cand({ resumeText: `HVAC Technician, Comfort Air (2019 – present)\n• Residential service and installs.\nCERTIFICATIONS\n${line}${PAD}` });
  it.each([
    ["EPA 608 Type II certification (2019)", "EPA 608 Universal certification"],
    ["Certified ScrumMaster and Scrum product backlog training", "Certified Scrum Product Owner (CSPO)"],
  ])("%s is not %s", async (line, criterion) => {
    expect((await verdictOf(withLine(line), criterion)).verdict).toBe("NOT_MET");
  });
});

describe("local engine: a credential named as the person the candidate assists or works beside", () => {
  it.each([
    ["Supported a $310M team of three CFP® professionals; took unsolicited equity orders.", "CFP certification"],
    ["Caseload of 32 adults; co-leads a substance-use group with the clinic's CASAC.", "CASAC credential"],
    ["Category 1 and 5 tests on 90 units witnessed by the state QEI.", "QEI certification"],
    ["Supported the QA Director, the plant's SQF Practitioner, during two certification audits.", "SQF Practitioner designation"],
  ])("%s → not the candidate's (%s)", async (line, text) => {
    const v = await verdictOf(said(line), text);
    expect(v.verdict).toBe("NOT_MET");
  });

  it.each([
    ["Filed 300 returns a season with my CPA license, active since 2019.", "CPA license"],
    ["Supported the finance director with SAP reporting and month-end close.", "SAP"],
    ["Certified Public Accountant (CPA), Ohio, 2019; supported the controller.", "CPA license"],
  ])("%s → still the candidate's own (%s)", async (line, text) => {
    const v = await verdictOf(said(line), text);
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a start asked before a day, or right away", () => {
  const asked = answeredBy("Receptionist, Lakeside Dental (2020 – Present)\n• Front desk for a four-chair practice.");
  it.each([
    ["Available to start before Jul 10, 2026", "Desired start date?", "Any time after July 15, 2026.", "NOT_MET"],
    ["Available to start before Jul 10, 2026", "Desired start date?", "July 6, 2026", "MET"],
    ["Can start before August 2026", "When could you start?", "August 3, 2026", "NOT_MET"],
    ["Can start by August 2026", "When could you start?", "August 3, 2026", "MET"],
    ["Can start right away", "Are you available to start immediately?", "Yes, available now.", "MET"],
    ["Can start right away", "When could you start?", "In two months, after my lease ends.", "NOT_MET"],
  ])("%s, answered %s %s → %s", async (text, question, answer, expected) => {
    const v = await verdictOf(asked(question, answer), text);
    expect(v.verdict).toBe(expected);
    expect(v.evidence.join(" ")).toContain(answer);
  });
});

describe("local engine: a grade point average is compared; Latin honours are honours", () => {
  const school = (line: string) => cand({ resumeText: `EDUCATION\nB.S. Mechanical Engineering, Clemson University, 2021 – 2025\n${line}${PAD}` });
  it.each([
    ["GPA 3.62/4.00 · Dean's List", "Cumulative GPA of 3.5+", "MET"],
    ["Cumulative GPA 3.21 (major GPA 3.6)", "GPA 3.5 or above", "NOT_MET"],
    ["3.8 GPA, Tau Beta Pi", "Minimum 3.0 GPA", "MET"],
    ["GPA: 4.1/5.0", "GPA of 3.5 or higher", "NOT_MET"],
    ["Senior design: conveyor retrofit for a local bottler", "GPA 3.0+", "UNKNOWN"],
  ])("%s against %s → %s", async (line, text, expected) => {
    const v = await verdictOf(school(line), text);
    expect(v.verdict).toBe(expected);
  });

  it("reads magna cum laude as graduating with honours, not a dean's list", async () => {
    expect((await verdictOf(school("Graduated magna cum laude"), "Graduated with honors")).verdict).toBe("MET");
    expect((await verdictOf(school("Dean's List, four semesters"), "Graduated with honors")).verdict).toBe("NOT_MET");
  });
});

describe("local engine: an observation shift, a bridge program only considered, a trait's framing words", () => {
  it("an observation shift as a student is not NICU experience", async () => {
    const v = await verdictOf(said("Clinical rotations: adult ICU, pulmonary function lab. NICU: one observation shift as a student; no neonatal practice since."), "Neonatal / NICU experience");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("an RN bridge program being considered is not an RN licence", async () => {
    const v = await verdictOf(said("Licensed Practical Nurse, Kentucky, active\nConsidering an LPN-to-RN bridge program in 2027."), "Registered Nurse license");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("'under' found in a line does not show staying calm under pressure", async () => {
    const v = await verdictOf(said("• The school's RAMP designation (2019) was earned under my predecessor; I maintain the data reports."), "Stays calm under pressure");
    expect(v.verdict).toBe("UNKNOWN");
  });
});

describe("local engine: days on site asked, fewer days answered", () => {
  const asked = answeredBy("Client Associate, Piedmont Wealth (2019 – Present)\n• Account openings and transfers for 450 households.");
  it.each([
    ["I'd prefer hybrid; I can be in the office three days a week.", "NOT_MET"],
    ["Yes, five days a week is fine.", "MET"],
  ])("on-site 5 days, answered %s → %s", async (answer, expected) => {
    const v = await verdictOf(asked("This role is on-site five days a week in our Charlotte office. Can you do that?", answer), "Able to work on-site 5 days in Charlotte");
    expect(v.verdict).toBe(expected);
  });
});

describe("local engine: a credential asked by its full name and acronym is found whole", () => {
  it.each([
    ["Pennsylvania Educational Specialist I certificate — School Counselor PK-12, active", "Licensed Professional Counselor (LPC)", "NOT_MET"],
    ["Pennsylvania School Counselor PK-12 certificate, active\nNot pursuing the LPC at this time.", "Licensed Professional Counselor (LPC)", "NOT_MET"],
    ["Licensed Professional Counselor, Texas #22817 (2019)", "Licensed Professional Counselor (LPC)", "MET"],
    ["LPC #22817, Texas Behavioral Health Executive Council", "Licensed Professional Counselor (LPC)", "MET"],
    ["Payroll Specialist (2019 – Present); CPP candidate, exam booked March", "Certified Payroll Professional (CPP)", "PARTLY_MET"],
    ["Wound care: assists the facility wound nurse (WCC) on weekly rounds; performs dressing changes as ordered.", "Wound Care Certified (WCC)", "NOT_MET"],
  ])("%s → %s is %s", async (line, text, expected) => {
    expect((await verdictOf(said(line), text)).verdict).toBe(expected);
  });
});

describe("local engine: a licence letter after an acronym is part of the credential's name", () => {
  it("a COTA/L is not an OTR/L, and the lone letter L matches nothing", async () => {
    const v = await verdictOf(said("Certified Occupational Therapy Assistant (COTA/L), NBCOT #3021\n• Caseload under the supervising OTR plans."), "OTR/L (registered occupational therapist)");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("an OTR/L is one", async () => {
    const v = await verdictOf(said("Occupational Therapist, OTR/L, NBCOT #77812; North Carolina licence active"), "OTR/L (registered occupational therapist)");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a degree begun and left is no degree, whatever its field", () => {
  const school = (line: string, schools: CandidateInput["schools"] = []) => cand({ resumeText: `EDUCATION\n${line}${PAD}`, schools });
  it("some college, credits toward a degree, paused", async () => {
    const v = await verdictOf(school("Some college: 24 credits toward B.S. IT, Old Dominion University (paused)", [{ org: "Old Dominion University", degree: "B.S.", field: "Information Technology", start: { year: 2023 } }]), "Bachelor's degree in IT");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("a degree in another field that was not finished is not half a degree", async () => {
    const v = await verdictOf(school("B.A. English, Dalhousie University, 2016 – 2019 (completed 3 years; did not finish)", [{ org: "Dalhousie University", degree: "B.A.", field: "English", start: { year: 2016 }, end: { year: 2019 } }]), "Bachelor's degree in computer science");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("'No university degree' names none", async () => {
    const v = await verdictOf(school("No university degree. Level 4 Software Developer apprenticeship, completed 2024."), "Degree in computer science");
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: a line about a class or course project is exposure throughout", () => {
  it.each([
    ["• Mini-C compiler (course project, Compilers): lexer, parser and x86 code generator written in C.", "Has written C professionally (not just in school)", "NOT_MET"],
    ["• Course-scheduler web app (Cloud Computing class): deployed on AWS Lambda + DynamoDB.", "Production experience on AWS", "NOT_MET"],
    ["• Payments service for Acme (2022 – 2024): deployed on AWS Lambda + DynamoDB in production.", "Production experience on AWS", "MET"],
  ])("%s → %s", async (line, text, expected) => {
    expect((await verdictOf(said(`PROJECTS\n${line}`), text)).verdict).toBe(expected);
  });
});

describe("local engine: lines under a personal or academic projects heading are exposure", () => {
  it("a personal Selenium suite is not professional test automation", async () => {
    const v = await verdictOf(cand({ resumeText: `PERSONAL PROJECTS\n• selenium-practice (GitHub): Python + Selenium + pytest suite against a demo e-commerce site; runs in GitHub Actions.${PAD}` }), "Professional test automation experience (Selenium, Cypress, Playwright)");
    expect(v.verdict).toBe("NOT_MET");
  });
  it("a skills line naming one hobby project is not all exposure", async () => {
    const v = await verdictOf(cand({ resumeText: `SKILLS: blueprint reading, flux-core, grinding and fit-up. TIG: basic, aluminium hobby projects at home.${PAD}` }), "Blueprint reading");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a recency window in months; a lapsed credential line is not recent work", () => {
  const R = `Patient Sitter - Memorial Hermann | Jan 2026 - present
- 1:1 observation for fall-risk patients, 12-hr nights
CNA - Sunrise Care Center | Jun 2019 - Mar 2024
- assisted 12 residents per shift with ADLs
Certifications
CNA, Texas Nurse Aide Registry - expired 05/2025`;
  it("CNA work that ended in 2024 is not within the last 12 months, whatever the expired registry line says", async () => {
    const v = await verdictOf(cand({ resumeText: R }), "Hands-on CNA work within the last 12 months");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toContain("the last 1 year is asked");
  });
  it("HR work in a returnship this year is within the past 12 months", async () => {
    const v = await verdictOf(cand({ resumeText: `HR Returnship Associate, Vail Resorts | Jan 2026 – Apr 2026\n• Ran onboarding for 180 seasonal hires.\nHR Generalist, Westfield Medical | Mar 2014 – Jun 2019\n• Leave administration.${PAD}` }), "Has worked in HR within the past 12 months");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a driving licence's class is compared, and 'Class A' is not a class taken", () => {
  it.each([
    ["LICENSE: Illinois CDL Class B, air brakes, no restrictions.", "Class A CDL", "NOT_MET"],
    ["CDL Class A (air brakes), OSHA 10-Hour Construction, First Aid/CPR (Red Cross, current)", "Class A CDL", "MET"],
    ["Texas CDL Class A, tanker and doubles endorsements", "CDL Class B", "MET"],
  ])("%s → %s", async (line, text, expected) => {
    expect((await verdictOf(said(line), text)).verdict).toBe(expected);
  });
});

describe("local engine: a licence current on one line is not undone by another state's lapsed one; licences spelled out", () => {
  it("an active NC OTA licence beside an inactive Virginia one", async () => {
    const v = await verdictOf(said("• North Carolina Board of OT — OTA license, active through 06/30/2027\n• Virginia Board of Medicine — OTA license (inactive since 2022)"), "Active OTA license in North Carolina");
    expect(v.verdict).toBe("MET");
  });
  it("only the lapsed one", async () => {
    const v = await verdictOf(said("• Virginia Board of Medicine — OTA license (inactive since 2022)"), "Active OTA license");
    expect(v.verdict).toBe("NOT_MET");
  });
  it.each([
    ["NBCOT Certified Occupational Therapy Assistant, cert. #2019-448120", "NBCOT-certified OTA"],
    ["Licensed Vocational Nurse, Texas BON #88120, active", "LPN license"],
  ])("%s meets %s", async (line, text) => {
    expect((await verdictOf(said(line), text)).verdict).toBe("MET");
  });
});

describe("local engine: dealing with conflict and confidential information are traits", () => {
  it("handling conflict is shown by mediating disputes", async () => {
    const v = await verdictOf(cand({ resumeText: `Volunteer Community Manager, Boise Makers (2022 – Present)\n• Mediated disputes between members and rewrote the code of conduct after two incidents.${PAD}` }), "Handles conflict calmly");
    expect(v.verdict).toBe("MET");
  });
  it("discretion is not found missing for want of the word", async () => {
    const v = await verdictOf(cand({ resumeText: `Executive Assistant, Calgary Energy (2019 – Present)\n• Managed the CEO's calendar and travel.${PAD}` }), "Discretion with highly confidential information");
    expect(v.verdict).toBe("UNKNOWN");
  });
});

describe("local engine: 'not yet' with a stage under way is partly met", () => {
  const asked = answeredBy("Respiratory Therapist, Banner Health (2023 – Present)\n• Adult ICU ventilator management.");
  it.each([
    ["Not yet. I am a CRT; I passed the TMC at the high cut score and my Clinical Simulation Exam is scheduled for December 12, 2026.", "PARTLY_MET"],
    ["Not yet.", "NOT_MET"],
    ["No, and I do not plan to sit it.", "NOT_MET"],
  ])("%s → %s", async (answer, expected) => {
    expect((await verdictOf(asked("Do you currently hold the RRT credential?", answer), "RRT (Registered Respiratory Therapist) required")).verdict).toBe(expected);
  });
});

describe("local engine: credentials and degrees on the way, as their own lines say", () => {
  it("modules of a program counted with a word between", async () => {
    const v = await verdictOf(said("• CSFA (Certified Surgical First Assistant) program, Rocky Ridge College online: 2 of 4 didactic modules completed; clinical portion 2027."), "CSFA");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("a Green Belt with its certification pending", async () => {
    const v = await verdictOf(said("Lean Six Sigma Green Belt — training completed (Clemson CCIT, 2026); project and certification pending"), "Six Sigma Green Belt");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("a parsed MBA without an end date whose line says it is in progress", async () => {
    const v = await verdictOf(said("MBA (online), Syracuse University Whitman School — in progress, 2 of 4 terms complete", [{ org: "Syracuse University", degree: "MBA", field: "", start: { year: 2025 } }]), "MBA");
    expect(v.verdict).toBe("PARTLY_MET");
  });
  it("a master's earned on the way to a Ph.D. still under way meets a master's", async () => {
    const v = await verdictOf(
      said("Ph.D. Statistics, University of Wisconsin–Madison — in progress, expected 2027\nM.S. Statistics, University of Wisconsin–Madison, 2024", [
        { org: "University of Wisconsin–Madison", degree: "Ph.D.", field: "Statistics", start: { year: 2022 }, end: { year: 2027 } },
        { org: "University of Wisconsin–Madison", degree: "M.S.", field: "Statistics", start: { year: 2022 }, end: { year: 2024 } },
      ]),
      "Master's degree in statistics",
    );
    expect(v.verdict).toBe("MET");
  });
  it("a bachelor's left after the third year", async () => {
    const v = await verdictOf(said("Bachelor of Science in Tourism Management — Polytechnic University of the Philippines (completed 3rd year, 2019)"), "Bachelor's degree");
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: a credential that goes by several acronyms", () => {
  it.each([
    ["Using GI Bill: Medical Assistant certificate program, Clover Park Technical College — enrolled, started Sep 2026", "PARTLY_MET"],
    ["Medical Assistant, Valley Clinic (2021 – Present)\n• Rooming, vitals and injections for a family practice.", "PARTLY_MET"],
    ["Brianna Lopez, CCMA (NHA), 2022", "MET"],
  ])("%s → %s", async (line, expected) => {
    expect((await verdictOf(said(line), "Certified Medical Assistant (CMA or CCMA)")).verdict).toBe(expected);
  });
});

describe("local engine: what is current is read from the lines that name all of it", () => {
  it("armed posts in a position that ended, and an unarmed post now", async () => {
    const v = await verdictOf(
      cand({ resumeText: `Security Officer (unarmed post) — Inland Guard Services, Riverside | Jan 2026 – Present\nArmed Security Officer — Inland Guard Services | Aug 2022 – Dec 2025\n• Armed posts at a cash-handling facility and a hospital.${PAD}` }),
      "Currently working armed posts",
    );
    expect(v.verdict).toBe("NOT_MET");
  });
});

describe("local engine: a start asked within a range of weeks", () => {
  const asked = answeredBy("Receptionist, Lakeside Dental (2020 – Present)\n• Front desk for a four-chair practice.");
  it.each([
    ["Can start within 2-3 weeks of offer", "Two weeks after offer.", "MET"],
    ["Can start within 2-3 weeks of offer", "In two months.", "NOT_MET"],
    ["Available to start within 12 weeks", "10 weeks", "MET"],
  ])("%s, answered %s → %s", async (text, answer, expected) => {
    expect((await verdictOf(asked("What is your expected start date?", answer), text)).verdict).toBe(expected);
  });
});

describe("local engine: 'fully bilingual' beside one other language is bilingual in it and English", () => {
  const near = (answer: string) => cand({ resumeText: "Yesenia Carrillo\nEl Paso, TX · 915-555-0129", answers: [{ question: "Are you bilingual in Spanish and English? Do you use it at work?", answer }] });
  it("an answer in English saying so", async () => {
    expect((await verdictOf(near("Yes, fully bilingual, I used Spanish every day at my last job answering phones."), "Bilingual Spanish/English")).verdict).toBe("MET");
  });
  it("not when the line names two other languages", async () => {
    expect((await verdictOf(near("Yes, fully bilingual in Portuguese and Spanish, and I am learning English at night."), "Bilingual Spanish/English")).verdict).not.toBe("MET");
  });
});

describe("local engine: years of experience given in an application answer", () => {
  const near = (question: string, answer: string) => cand({ resumeText: "Crystal Yazzie\nAlbuquerque, NM\nDispatch / logistics. References on request.", answers: [{ question, answer }] });
  it.each([
    ["About 3 years at a regional carrier and 1 year at a towing company before that.", "MET"],
    ["6 years in total, 2 of them as a lead dispatcher.", "MET"],
    ["Two years.", "PARTLY_MET"],
    ["About 1 year.", "NOT_MET"],
  ])("%s → %s", async (answer, expected) => {
    const v = await verdictOf(near("How many years of dispatch experience do you have?", answer), "4+ years dispatch experience");
    expect(v.verdict).toBe(expected);
    expect(v.evidence.join(" ")).toContain(answer);
  });
  it("a question about other years settles nothing", async () => {
    const v = await verdictOf(near("How many years have you lived in New Mexico?", "12 years."), "4+ years dispatch experience");
    expect(v.verdict).toBe("UNKNOWN");
  });
});

describe("local engine: transportation management systems by their product names", () => {
  it("McLeod is a TMS; Samsara is not one", async () => {
    const r = cand({ resumeText: `Dispatcher, Roadrunner Freight (2019 – Present)\n• Dispatched 40 trucks daily in McLeod LoadMaster.${PAD}` });
    expect((await verdictOf(r, "TMS experience (McLeod, TMW or similar)")).verdict).toBe("MET");
    const s = cand({ resumeText: `Dispatcher, Roadrunner Freight (2019 – Present)\n• Tracked 40 trucks daily in Samsara.${PAD}` });
    expect((await verdictOf(s, "Experience with a transportation management system")).verdict).not.toBe("MET");
  });
});

describe("local engine: evenings, after-hours call and a passport are for the candidate to answer", () => {
  it.each(["Available two evenings per week", "Can take after-hours call", "Valid passport"])("%s is unknown from a résumé", async (text) => {
    const v = await verdictOf(cand({ resumeText: `Sonographer, Meridian Imaging (2019 – Present)\n• Abdominal and small-parts ultrasound, 18 patients a day.${PAD}` }), text);
    expect(v.verdict).toBe("UNKNOWN");
  });
  it("on-call experience is still experience", async () => {
    const v = await verdictOf(cand({ resumeText: `SRE, Flipkart (2019 – Present)\n• Primary on-call rotation; incident commander for 30+ SEV-2s.${PAD}` }), "On-call and incident management experience");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: a language criterion that names the person who speaks it", () => {
  it("a bilingual clinician is a bilingual criterion, read as one", async () => {
    const v = await verdictOf(cand({ resumeText: `LMSW, Bronx Community Clinic (2021 – Present)\n• Caseload of 32 adults; sessions in English and Spanish (native Spanish speaker).${PAD}` }), "Bilingual Spanish/English clinician");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: weekday and rotating-shift questions answer weekday and rotating-shift criteria", () => {
  const asked = answeredBy("Clinical Research Nurse, Cleveland Clinic (2019 – Present)\n• Screened and consented 140 trial participants.");
  it.each([
    ["Can work Mon–Fri days", "The role is Monday–Friday, day shift. Is that OK?", "Yes, that's why I'm applying.", "MET"],
    ["Willing to work rotating 12s", "Can you work rotating 12-hour shifts?", "Yes.", "MET"],
    ["Willing to work rotating 12s", "Can you work rotating 12-hour shifts?", "No, fixed days only.", "NOT_MET"],
  ])("%s, asked %s, answered %s → %s", async (text, question, answer, expected) => {
    expect((await verdictOf(asked(question, answer), text)).verdict).toBe(expected);
  });
});

describe("local engine: 'in good standing' says current, it is not a word to find; radiographers by their other names", () => {
  it("an ARRT registration in radiography, current", async () => {
    const v = await verdictOf(cand({ resumeText: `• ARRT Registered Technologist, Radiography (R) — ARRT ID 583920, registered since 2018. Registration current through June 30, 2027.${PAD}` }), "ARRT-registered radiographer in good standing");
    expect(v.verdict).toBe("MET");
  });
});

describe("local engine: the body that issued a credential is not someone the candidate works beside", () => {
  it.each([
    ["Internal Medicine Physician, board certified by the ABIM (2018), recertified 2028.", "ABIM board certification"],
    ["Medical Coder (2019 – Present); credentialed by the AAPC", "AAPC certification"],
  ])("%s → %s is met", async (line, text) => {
    expect((await verdictOf(said(line), text)).verdict).toBe("MET");
  });
});

describe("local engine: criteria typed the way recruiters type them", () => {
  const tech = cand({
    resumeText: "Automotive Technician, Sunbelt Ford — 2018 – Present\n• Diagnose and repair drivability, brakes and HVAC on F-150s.\nMarketing Intern, Desert Arts — 2016 – 2017",
    positions: [
      { title: "Automotive Technician", org: "Sunbelt Ford", start: { year: 2018, month: 6 }, end: null },
      { title: "Marketing Intern", org: "Desert Arts", start: { year: 2016, month: 1 }, end: { year: 2017, month: 12 } },
    ],
  });
  it("a wish or an inclusion said after what the years are in does not become part of it", async () => {
    expect((await verdictOf(tech, "5+ yrs as an automotive technician, dealership preferred")).verdict).toBe("MET");
    expect((await verdictOf(tech, "6+ years as an automotive technician incl. apprenticeship time")).verdict).toBe("MET");
    expect((await verdictOf(tech, "No less than 5 years as an automotive technician")).verdict).toBe("MET");
  });
  it("PQE is years since qualifying, counted over the dated positions", async () => {
    const counsel = cand({
      resumeText: "Senior Corporate Counsel, Brightwater (2022 – present)\nAssociate, Hale & Dorr LLP (2016 – 2022)",
      positions: [
        { title: "Senior Corporate Counsel", org: "Brightwater", start: { year: 2022, month: 2 }, end: null },
        { title: "Associate", org: "Hale & Dorr LLP", start: { year: 2016, month: 9 }, end: { year: 2022, month: 1 } },
      ],
    });
    expect((await verdictOf(counsel, "5+ years PQE")).verdict).toBe("MET");
    expect((await verdictOf(counsel, "15+ years PQE")).verdict).not.toBe("MET");
  });

  it("'internships excluded' leaves the internship's years out", async () => {
    const both = cand({
      resumeText: "Marketing Coordinator, Lakeshore — 2023 – Present\nMarketing Intern, Northside — 2021 – 2022",
      positions: [
        { title: "Marketing Coordinator", org: "Lakeshore", start: { year: 2023, month: 3 }, end: null },
        { title: "Marketing Intern", org: "Northside", start: { year: 2021, month: 1 }, end: { year: 2022, month: 12 } },
      ],
    });
    expect((await verdictOf(both, "4+ years of marketing experience")).verdict).toBe("MET");
    expect((await verdictOf(both, "4+ years of marketing experience, internships excluded")).verdict).toBe("PARTLY_MET");
  });
  it("shorthand is not a word to find: exp., min., holds", async () => {
    const rn = said("Staff RN, 5 West med-surg/telemetry unit — continuous cardiac monitoring\nCertified Scrum Product Owner (CSPO), 2021");
    expect((await verdictOf(rn, "Telemetry exp. preferred")).verdict).toBe("MET");
    expect((await verdictOf(rn, "Holds CSPO or PSPO")).verdict).toBe("MET");
  });
  it("A-B testing, execs, EEs, P&L and M&A are read as written", async () => {
    expect((await verdictOf(said("Design and read out A/B tests on the checkout funnel."), "Experimentation / A-B testing")).verdict).toBe("MET");
    expect((await verdictOf(said("Run payroll for 2,300 employees across two states."), "Payroll for 1,000+ EEs")).verdict).not.toBe("NOT_MET");
    const sm = said("Store Manager: full P&L for a $3.2M store; 18 associates.");
    expect((await verdictOf(sm, "P&L responsibility")).verdict).toBe("MET");
    const v = await verdictOf(said("Litigation paralegal: discovery, trial binders, e-filing."), "Corporate transactional / M&A paralegal exp");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.reason).toContain("M&A");
  });
  it("the Big Four and MBB are their firms", async () => {
    expect((await verdictOf(said("Audit Senior, then Audit Manager — PwC, Manchester (2014 – 2020)"), "Big Four audit background")).verdict).toBe("MET");
    expect((await verdictOf(said("Senior Auditor — Grant Thornton (2014 – 2020)"), "Big Four audit background")).verdict).not.toBe("MET");
    expect((await verdictOf(said("Consultant — Bain & Company, Chicago (2017 – 2020)"), "MBB consulting alumni")).verdict).toBe("MET");
  });
  it("how big or how formal is not which kind: a small crew, formal evaluations, a qualified solicitor", async () => {
    expect((await verdictOf(said("Foreman: run a crew of 3 apprentices on commercial fit-outs."), "Has supervised apprentices or a small crew")).verdict).toBe("MET");
    expect((await verdictOf(said("Admitted as a solicitor in Ireland, 2014; general counsel since 2021."), "Qualified solicitor in Ireland")).verdict).toBe("MET");
    expect((await verdictOf(said("Evaluate 22 teachers a year under OTES 2.0: observations and summative ratings."), "Experience conducting formal teacher evaluations")).verdict).toBe("MET");
    // "CIMA qualified" after the credential still asks for the full qualification.
    expect((await verdictOf(said("CIMA Certificate in Business Accounting (CertBA), 2018"), "CIMA qualified (ACMA, CGMA)")).verdict).not.toBe("MET");
  });

  it("'individual contributor, no direct reports' is not managing people, whatever the job title says", async () => {
    const ic = said("Senior Product Manager — Larkspur Health (2023 – present)\n- Own the scheduling product line. Individual contributor role, no direct reports.\n- Supported the checkout PM on A/B tests.");
    const v = await verdictOf(ic, "Has managed other PMs (people leadership)");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence.join(" ")).toContain("no direct reports");
    // A line that shows managing people elsewhere keeps it open.
    const before = said("Product Manager — Acme (2018 – 2022): managed a team of 3 PMs.\nSenior PM — Larkspur (2023 – present): individual contributor, no direct reports.");
    expect((await verdictOf(before, "Has managed other PMs (people leadership)")).verdict).not.toBe("NOT_MET");
  });

  it("travel asked is for the candidate to say, not a trait read from their work", async () => {
    const v = await verdictOf(said("- Run day-to-day delivery for teams of 3–5 consultants on client sites."), "Able to travel up to 80% of the time");
    expect(v.verdict).toBe("UNKNOWN");
  });

  it("a degree asked with where it is from, in shorthand, or by its letters", async () => {
    const school = (degree: string, field: string) => said("Analyst, Harbor Co (2019 – present)", [{ org: "State University", degree, field, end: { year: 2018 } }]);
    expect((await verdictOf(school("MBA", "Business Administration"), "MBA from a top-tier business school")).verdict).toBe("MET");
    expect((await verdictOf(school("Master of Social Work", "Social Work"), "MSW from a CSWE-accredited program")).verdict).toBe("MET");
    expect((await verdictOf(school("M.S.", "Biology"), "MSW from a CSWE-accredited program")).verdict).not.toBe("MET");
    expect((await verdictOf(school("A.A.S.", "Information Technology"), "associate's or bachelor's in IT")).verdict).toBe("MET");
    const cm = await verdictOf(school("B.S.", "Construction Management"), "Degree in CM, civil eng. or architecture");
    expect(cm.verdict).toBe("MET");
    expect(cm.reason).toContain("construction");
    expect(cm.reason).not.toMatch(/\bengin\b|\bconstruct\b/);
  });

  it("answers to questions asked in other words: w/o sponsorship, a Sat/Sun rotation, a staffing firm", async () => {
    const by = answeredBy("Sales Development Representative, Lumacore (2024 – present)");
    expect((await verdictOf(by("Are you legally authorized to work in the United States without visa sponsorship now or in the future?", "Yes"), "Must be authorized to work in the US w/o sponsorship")).verdict).toBe("MET");
    expect((await verdictOf(by("Are you legally authorized to work in the United States without visa sponsorship now or in the future?", "No"), "Must be authorized to work in the US w/o sponsorship")).verdict).toBe("NOT_MET");
    expect((await verdictOf(by("Our team covers weekends on a rotation. Can you work one weekend day per week?", "Yes, one weekend day a week works for me."), "Can work a Sat/Sun rotation")).verdict).toBe("MET");
    expect((await verdictOf(by("Are you currently employed by a staffing or recruitment agency?", "No, I have been in-house at a health system since 2023."), "Not currently employed by a staffing firm")).verdict).toBe("MET");
    expect((await verdictOf(by("Are you currently employed by a staffing or recruitment agency?", "Yes"), "Not currently employed by a staffing firm")).verdict).toBe("NOT_MET");
  });

  it("examples without brackets are alternatives; a colon list without 'or' asks for all of it", async () => {
    expect((await verdictOf(said("Send member campaigns to a 45k list in Mailchimp."), "Email marketing platform e.g. Mailchimp, Klaviyo, Braze")).verdict).toBe("MET");
    expect((await verdictOf(said("Work 40 tickets a week in ServiceNow."), "Ticketing: ServiceNow, Jira SM, Zendesk or similar")).verdict).toBe("MET");
    expect((await verdictOf(said("Supplier quality: PPAP submissions and 8D reports."), "Core tools: PPAP, FMEA, 8D")).verdict).not.toBe("MET");
  });

  it("grades or ages in brackets qualify what is asked, they are not an alternative to it", async () => {
    const third = said("3rd Grade Teacher, Plano ISD (2019 – present): 24 students; guided reading; grade-level PLC lead.");
    expect((await verdictOf(third, "Experience teaching middle school (grades 6–8)")).verdict).not.toBe("MET");
  });

  it("AD and M365 are Active Directory and Microsoft 365", async () => {
    const v = await verdictOf(said("• Active Directory accounts and groups; Microsoft 365 and Exchange Online admin."), "AD & M365 administration");
    expect(v.verdict).not.toBe("NOT_MET");
    expect(v.reason).toContain("AD");
  });

  it("'delivered by telehealth' names a means, not another party doing it", async () => {
    expect((await verdictOf(said("• About 40% of sessions delivered by telehealth."), "telehealth")).verdict).toBe("MET");
    expect((await verdictOf(said("• Blood draws performed by CVTs; I prepare the patient."), "CVT")).verdict).not.toBe("MET");
  });

  it("'from the last 3 years' is a window, not years of experience; 'repeatedly', 'cert' and '.io' are not words to find", async () => {
    const fork = said("Forklift certified: sit-down and reach (evaluated Aug 2025)\nWarehouse Associate, FedEx Ground (2021 – present): load trailers; lift cartons up to 70 lb.");
    const v = await verdictOf(fork, "Forklift certified (sit-down and/or reach) — cert must be from the last 3 years");
    expect(v.reason).not.toMatch(/years required/);
    expect(v.verdict).toBe("MET");
    expect((await verdictOf(fork, "Must be able to lift 50 lbs repeatedly")).verdict).toBe("MET");
    expect((await verdictOf(said("Built multi-touch sequences in Outreach for 300 accounts."), "Outreach.io or Salesloft")).verdict).toBe("MET");
  });

  it("line-managing is managing; first-line and front-line managers are one kind", async () => {
    expect((await verdictOf(said("• Manage two clinical trial managers and four CRAs."), "Line-manages clinical trial managers")).verdict).toBe("MET");
    expect((await verdictOf(said("• Three first-line sales managers and 24 reps report to me."), "Manages front-line sales managers")).verdict).not.toBe("NOT_MET");
  });

  it("a leader's qualities ('inspiring, visionary', 'strategic thinker') are for the interview, not read from leading people", async () => {
    const lead = said("Head of Primary (2020 – present): lead 32 staff across Years 1–6; introduced a phonics programme.");
    expect((await verdictOf(lead, "An inspiring, visionary leader")).verdict).toBe("UNKNOWN");
    expect((await verdictOf(lead, "Strategic thinker")).verdict).toBe("UNKNOWN");
    expect((await verdictOf(lead, "Strategic planning experience")).verdict).not.toBe("UNKNOWN");
  });

  it("'Has handled month-end close' is a verb and its object, not a kind of close", async () => {
    const v = await verdictOf(said("Assist with month-end close: accruals and bank reconciliations."), "Has handled month-end close");
    expect(v.reason).not.toContain("another kind");
  });
});
