import { describe, expect, it } from "vitest";
import { criteriaHash } from "./hash";
import { formatResultNote } from "./result-note";
import type { CriterionInput, ScreeningOutput } from "./types";

const criteria: CriterionInput[] = [
  { id: "a", text: "5+ years of backend experience", kind: "REQUIRED", weight: "HIGH" },
  { id: "b", text: "Kafka", kind: "PREFERRED", weight: "LOW" },
  { id: "n", text: "Authorized to work in the US", kind: "NEUTRAL", weight: "MEDIUM" },
];

describe("formatResultNote", () => {
  const result: ScreeningOutput = {
    engine: "local",
    score: 75,
    summary: "Score 75/100.",
    verdicts: [
      { criterionId: "a", verdict: "MET", evidence: ["Senior Backend Engineer — Acme (2019 – Present)"], reason: "" },
      { criterionId: "b", verdict: "NOT_MET", evidence: [], reason: "" },
      { criterionId: "n", verdict: "UNKNOWN", evidence: [], reason: "Nothing about work authorization in the résumé." },
    ],
  };
  const url = "https://app.example.com/candidates/c1";

  it("has the score with the REQUIRED state, each verdict in the app's words with its quote, and the link back", () => {
    const note = formatResultNote(result, { candidateUrl: url, criteria });
    expect(note).toMatch(/^Screening score: 75\/100 · All required met\nAll required criteria met\.\n/);
    expect(note).toContain("✓ Met — 5+ years of backend experience (required)");
    expect(note).toContain("“Senior Backend Engineer — Acme (2019 – Present)”");
    expect(note).toContain("✕ Not met — Kafka (preferred)");
    expect(note).toMatch(/Other \(not scored\):\n\? Needs review — Authorized to work in the US \(not scored\)\n {4}Nothing about work authorization in the résumé\./);
    expect(note).toContain("Needs review (1): Authorized to work in the US");
    expect(note.trim().endsWith(url)).toBe(true);
  });

  it("never uses words the app does not show", () => {
    const note = formatResultNote(result, { candidateUrl: url, criteria });
    expect(note).not.toMatch(/Strong|\bYes\b|\bNo\b|Unknown/);
  });

  it("names the REQUIRED criteria a candidate misses, whatever the score", () => {
    const note = formatResultNote(
      { ...result, score: 90, verdicts: [{ criterionId: "a", verdict: "NOT_MET", evidence: [], reason: "" }, { criterionId: "b", verdict: "MET", evidence: ["Kafka"], reason: "" }] },
      { candidateUrl: url, criteria },
    );
    expect(note).toMatch(/^Screening score: 90\/100 · Missing required\nMissing required: 5\+ years of backend experience\./);
    expect(note).toContain("Nothing needs review.");
  });

  it("says which REQUIRED criteria need review and which are partly met", () => {
    const two: CriterionInput[] = [...criteria, { id: "c", text: "CPA", kind: "REQUIRED", weight: "HIGH" }];
    const note = formatResultNote(
      { ...result, verdicts: [{ criterionId: "a", verdict: "UNKNOWN", evidence: [], reason: "No dates on the positions." }, { criterionId: "c", verdict: "PARTLY_MET", evidence: ["CPA candidate"], reason: "" }] },
      { candidateUrl: url, criteria: two },
    );
    expect(note).toContain("Screening score: 75/100 · Required needs review");
    expect(note).toContain("Required needs review: 5+ years of backend experience. Required partly met: CPA.");
    expect(note).toContain("? Needs review — 5+ years of backend experience (required)\n    No dates on the positions.");
    expect(note).toContain("½ Partly met — CPA (required)");
    expect(note).toContain("Needs review (1): 5+ years of backend experience");
  });

  it("uses texts stored on the verdicts when no criteria are given, and omits the score when nothing is scored", () => {
    const note = formatResultNote(
      { engine: "llm", score: 0, summary: "", verdicts: [{ criterionId: "n", verdict: "MET", evidence: [], reason: "", text: "Night shifts", kind: "NEUTRAL", weight: "LOW" }] },
      { candidateUrl: "https://x/c" },
    );
    expect(note).toContain("Screening: no scored criteria");
    expect(note).not.toContain("Screening score");
    expect(note).not.toContain("required");
    expect(note).toContain("✓ Met — Night shifts (not scored)");
  });
});

describe("criteriaHash", () => {
  it("is stable under reordering and whitespace, and changes with text, kind or weight", () => {
    const h = criteriaHash(criteria);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(criteriaHash([...criteria].reverse())).toBe(h);
    expect(criteriaHash(criteria.map((c) => ({ ...c, text: `  ${c.text.replace(/ /g, "  ")} ` })))).toBe(h);
    expect(criteriaHash(criteria.map((c, i) => (i === 0 ? { ...c, text: "6+ years of backend experience" } : c)))).not.toBe(h);
    expect(criteriaHash(criteria.map((c, i) => (i === 0 ? { ...c, kind: "PREFERRED" as const } : c)))).not.toBe(h);
    expect(criteriaHash(criteria.map((c, i) => (i === 0 ? { ...c, weight: "LOW" as const } : c)))).not.toBe(h);
    expect(criteriaHash(criteria, "local-2")).not.toBe(h);
  });
});
