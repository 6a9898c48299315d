import { describe, expect, it } from "vitest";
import { createLocalEngine } from "./local";
import type { ApplicationAnswer, CandidateInput, Verdict } from "./types";

/**
 * One test per kind of error a keyword matcher makes (issue: negation, other senses, recency,
 * credentials in progress, language levels, comparable tools, sparse résumés, soft skills, places,
 * application answers). Résumés here are written for these tests, not taken from the labelled sets.
 */

const engine = createLocalEngine({ now: () => new Date("2026-11-01T00:00:00Z") });

const BODY = `
Experience
Operations Analyst, Riverbend Foods (2019 – Present)
• Built weekly margin reports for 14 stores and presented them to the regional leadership team.
• Cut stock-outs by 18% with a reorder model reviewed every Monday.
Inventory Clerk, Riverbend Foods (2016 – 2019)
• Counted and reconciled the warehouse ledger; trained two seasonal clerks.`;

async function verdict(resume: string, criterion: string, answers: ApplicationAnswer[] = []): Promise<{ verdict: Verdict; reason: string; evidence: string[] }> {
  const candidate: CandidateInput = { resumeText: resume, positions: [], schools: [], answers };
  const out = await engine.screen(candidate, [{ id: "c", text: criterion, kind: "REQUIRED", weight: "HIGH" }]);
  return out.verdicts[0] as { verdict: Verdict; reason: string; evidence: string[] };
}

describe("negation and hedges", () => {
  it("a stated absence is not met, with the sentence as evidence", async () => {
    const v = await verdict(`Dana Cole\nBoise, ID${BODY}\nNo Salesforce experience yet; I track leads in spreadsheets.`, "Salesforce experience");
    expect(v.verdict).toBe("NOT_MET");
    expect(v.evidence[0]).toContain("No Salesforce experience yet");
  });
  it("a home lab is exposure, not experience; it meets a criterion that asks for familiarity", async () => {
    const resume = `Dana Cole\nBoise, ID${BODY}\nSkills\nKubernetes: home lab only (three small nodes)`;
    expect((await verdict(resume, "Kubernetes")).verdict).toBe("NOT_MET");
    expect((await verdict(resume, "Familiarity with Kubernetes")).verdict).toBe("MET");
    expect((await verdict(resume, "Production experience with Kubernetes")).verdict).toBe("NOT_MET");
  });
  it("wanting to learn is not having", async () => {
    expect((await verdict(`Dana Cole${BODY}\nInterested in learning Tableau next year.`, "Tableau")).verdict).toBe("NOT_MET");
  });
});

describe("words in another sense", () => {
  it("Java the island is not Java the language", async () => {
    expect((await verdict(`Dana Cole${BODY}\nBackpacked across Java and Bali for three months in 2015.`, "Java")).verdict).toBe("NOT_MET");
  });
  it("excelling is not Excel", async () => {
    expect((await verdict(`Dana Cole${BODY}\nI excel at calming upset customers.`, "Advanced Excel")).verdict).toBe("NOT_MET");
  });
});

describe("recency", () => {
  it("an expired certification does not meet a current one", async () => {
    const v = await verdict(`Dana Cole${BODY}\nCertifications: ServSafe Manager (exp. 03/2024)`, "Current ServSafe Manager certification");
    expect(v.verdict).not.toBe("MET");
  });
  it("'within the last 3 years' is not met by older experience only", async () => {
    const resume = `Dana Cole\nStore Manager, Oak Market (2021 – Present)\n• Ran a 30-person store; scheduling and payroll.\nBuyer, Lakeside Grocers (2012 – 2016)\n• Negotiated produce contracts with 40 suppliers.\nSkills: retail operations, merchandising, vendor relations, budgeting and store audits`;
    expect((await verdict(resume, "Produce contract negotiation within the last 3 years")).verdict).toBe("NOT_MET");
  });
});

describe("credentials in progress", () => {
  it("a candidate for a credential has it in part", async () => {
    expect((await verdict(`Dana Cole${BODY}\nCPA candidate: passed FAR and AUD`, "CPA")).verdict).toBe("PARTLY_MET");
  });
  it("an engineer in training is on the way to the PE licence", async () => {
    expect((await verdict(`Dana Cole${BODY}\nLicences: EIT (Arizona, 2024)`, "Professional Engineer (PE) license")).verdict).toBe("PARTLY_MET");
  });
  it("a degree not finished is partly met", async () => {
    expect((await verdict(`Dana Cole${BODY}\nEducation\nB.S. Accounting, State University, expected May 2027`, "Bachelor's degree in Accounting")).verdict).toBe("PARTLY_MET");
  });
});

describe("language levels", () => {
  it("basic does not meet fluent; one band below is partly met", async () => {
    expect((await verdict(`Dana Cole${BODY}\nLanguages: English (native), Spanish (basic)`, "Fluent Spanish")).verdict).toBe("NOT_MET");
    expect((await verdict(`Dana Cole${BODY}\nLanguages: German (B2)`, "Fluent German")).verdict).toBe("PARTLY_MET");
    expect((await verdict(`Dana Cole${BODY}\nLanguages: French (C1)`, "Fluent French")).verdict).toBe("MET");
  });
});

describe("comparable tools", () => {
  it("Dynamics where Salesforce is asked is partly met; k8s is Kubernetes", async () => {
    expect((await verdict(`Dana Cole${BODY}\nPipeline tracked in Microsoft Dynamics 365.`, "Salesforce")).verdict).toBe("PARTLY_MET");
    expect((await verdict(`Dana Cole${BODY}\nRan services on k8s.`, "Kubernetes")).verdict).toBe("MET");
  });
});

describe("sparse résumés", () => {
  it("what a nearly empty résumé cannot show is unknown, not missing", async () => {
    expect((await verdict("Dana Cole\nBoise, ID", "5+ years of accounting experience")).verdict).toBe("UNKNOWN");
    expect((await verdict("Dana Cole\nBoise, ID", "Bachelor's degree in Finance")).verdict).toBe("UNKNOWN");
  });
});

describe("soft skills", () => {
  it("a trait is shown by what the candidate did, and unknown otherwise, never not met", async () => {
    expect((await verdict(`Dana Cole${BODY}`, "Leadership")).verdict).toBe("MET");
    expect((await verdict(`Dana Cole\nCashier, Oak Market (2020 – Present)\n• Ran the register and balanced the drawer each night.\n• Restocked the dairy aisle and faced shelves before opening.\nSkills: teamwork, punctuality, cash handling, inventory, opening and closing`, "Excellent teamwork")).verdict).toBe("UNKNOWN");
  });
});

describe("places", () => {
  it("a city and state meet a state criterion; another state does not; no place is unknown", async () => {
    expect((await verdict(`Dana Cole\nPittsburgh, PA · dana@example.com${BODY}`, "Based in Pennsylvania")).verdict).toBe("MET");
    expect((await verdict(`Dana Cole\nAustin, TX · dana@example.com${BODY}`, "Based in Pennsylvania")).verdict).toBe("NOT_MET");
    expect((await verdict(`Dana Cole${BODY}`, "Based in Pennsylvania")).verdict).toBe("UNKNOWN");
  });
  it("a surname that is also a place is not where the candidate lives", async () => {
    expect((await verdict(`Maria Santos${BODY}`, "Based in Florida")).verdict).toBe("UNKNOWN");
  });
});

describe("application answers", () => {
  it("a sponsorship question answered yes does not meet 'authorized without sponsorship'", async () => {
    const answers = [{ question: "Will you now or in the future require visa sponsorship?", answer: "Yes, H-1B transfer" }];
    expect((await verdict(`Dana Cole${BODY}`, "Authorized to work in the US without sponsorship", answers)).verdict).toBe("NOT_MET");
    const no = [{ question: "Will you now or in the future require visa sponsorship?", answer: "No" }];
    expect((await verdict(`Dana Cole${BODY}`, "Authorized to work in the US without sponsorship", no)).verdict).toBe("MET");
  });
});

describe("reasons are written in words, not stems", () => {
  it("names C++ as written", async () => {
    const v = await verdict(`Dana Cole${BODY}`, "C++");
    expect(v.reason).toContain("C++");
    expect(v.reason).not.toContain("cplusplus");
  });
});

describe("credentials by number and by place", () => {
  it("OSHA 10 is not OSHA 30; a WA licence is a Washington licence", async () => {
    expect((await verdict(`Dana Cole${BODY}\nOSHA 10-Hour General Industry (2021)`, "OSHA 30 certification")).verdict).toBe("NOT_MET");
    expect((await verdict(`Dana Cole${BODY}\nOSHA 30 (2022)`, "OSHA 30 certification")).verdict).toBe("MET");
    expect((await verdict(`Dana Cole${BODY}\nLicence: WA journeyman electrician, active`, "Washington journeyman electrician license")).verdict).toBe("MET");
  });
  it("a degree named in another language keeps its level", async () => {
    expect((await verdict(`Dana Cole${BODY}\nEducation\nDipl.-Ing. Maschinenbau, Universität Stuttgart, 2014`, "Master's degree")).verdict).toBe("MET");
    expect((await verdict(`Dana Cole${BODY}\nEducation\nHigh School Diploma, 2012`, "Master's degree")).verdict).toBe("NOT_MET");
  });
});

describe("traits shown by behaviour", () => {
  it("written communication is shown by writing that was published", async () => {
    expect((await verdict(`Dana Cole${BODY}\nStaff Writer, City Weekly (2015 – 2016)\n• Wrote 150 published features and profiles.`, "Excellent written communication")).verdict).toBe("MET");
  });
});
