import { describe, expect, it } from "vitest";
import { criteriaHash } from "./hash";
import { formatLeverNote, leverScore } from "./lever-note";
import type { CriterionInput, ScreeningOutput } from "./types";

const criteria: CriterionInput[] = [
  { id: "a", text: "5+ years of backend experience", kind: "REQUIRED", weight: "HIGH" },
  { id: "b", text: "Kafka", kind: "PREFERRED", weight: "LOW" },
  { id: "n", text: "Authorized to work in the US", kind: "NEUTRAL", weight: "MEDIUM" },
];

describe("leverScore", () => {
  it("maps 0–100 onto Lever's 1–4 in quarters, clamping out-of-range values", () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(leverScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect([-5, 150, Number.NaN].map(leverScore)).toEqual([1, 4, 1]);
  });
});

describe("formatLeverNote", () => {
  const result: ScreeningOutput = {
    engine: "local",
    score: 75,
    summary: "Score 75/100.",
    verdicts: [
      { criterionId: "a", verdict: "MET", evidence: ["Senior Backend Engineer — Acme (2019 – Present)"], reason: "" },
      { criterionId: "b", verdict: "NOT_MET", evidence: [], reason: "" },
      { criterionId: "n", verdict: "UNKNOWN", evidence: [], reason: "" },
    ],
  };

  it("has the score with its Lever label, each criterion's verdict and the link back", () => {
    const note = formatLeverNote(result, { candidateUrl: "https://app.example.com/candidates/c1", criteria });
    expect(note).toContain("Screening score: 75/100 (Strong Yes)");
    expect(note).toContain("✅ Met — 5+ years of backend experience");
    expect(note).toContain("“Senior Backend Engineer — Acme (2019 – Present)”");
    expect(note).toContain("❌ Not met — Kafka (preferred)");
    expect(note).toMatch(/Other \(not scored\):\n• ❔ Unknown — Authorized to work in the US \(neutral\)/);
    expect(note.trim().endsWith("https://app.example.com/candidates/c1")).toBe(true);
  });

  it("uses texts stored on the verdicts when no criteria are given, and omits the score when nothing is scored", () => {
    const note = formatLeverNote(
      { engine: "llm", score: 0, summary: "", verdicts: [{ criterionId: "n", verdict: "MET", evidence: [], reason: "", text: "Night shifts", kind: "NEUTRAL", weight: "LOW" }] },
      { candidateUrl: "https://x/c" },
    );
    expect(note).toContain("Screening: no scored criteria");
    expect(note).not.toContain("Screening score");
    expect(note).toContain("Night shifts (neutral)");
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
