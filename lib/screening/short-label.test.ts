import { describe, expect, it } from "vitest";
import { deriveShortLabel, MAX_SHORT_LABEL, shortLabels } from "./short-label";

describe("deriveShortLabel", () => {
  it.each([
    ["Python", "Python"],
    ["5+ years of backend experience", "Backend 5+ yrs"],
    ["3+ years of React", "React 3+ yrs"],
    ["Hands-on experience with Kubernetes", "Kubernetes"],
    ["Hands-on experience with Terraform and AWS", "Terraform & AWS"],
    ["Strong communication skills", "Communication"],
    ["Fluent in Spanish", "Spanish"],
    ["Experience leading a team of engineers", "Leading a team of"],
    ["Ability to work on-site in Berlin three days a week", "Work on-site in Berlin"],
    ["Bachelor's degree in Computer Science or related field", "Computer Science degree"],
    ["Proficiency in SQL (PostgreSQL preferred).", "SQL"],
    ["Must have a valid driver's license", "Valid driver's license"],
    ["2-4 years experience in sales", "Sales 2-4 yrs"],
    ["10 years", "10 yrs experience"],
    ["Supercalifragilisticexpialidocious-grade stamina", "Supercalifragilisticexpi"],
  ])("%s → %s", (text, label) => {
    expect(deriveShortLabel(text)).toBe(label);
  });

  it("never exceeds the maximum and never comes out empty", () => {
    for (const text of ["Experience with", "a", "Strong", "Demonstrated track record of shipping large distributed systems to production at scale"]) {
      const label = deriveShortLabel(text);
      expect(label.length).toBeGreaterThan(0);
      expect(label.length).toBeLessThanOrEqual(MAX_SHORT_LABEL);
    }
  });
});

describe("shortLabels", () => {
  it("keeps a recruiter's label, derives the rest, and numbers derived labels that collide", () => {
    const labels = shortLabels([
      { id: "a", text: "Hands-on experience with Kubernetes" },
      { id: "b", text: "Experience with Kubernetes", shortLabel: null },
      { id: "c", text: "Python", shortLabel: "  Py  " },
      { id: "d", text: "Go", shortLabel: "" },
    ]);
    expect([...labels.values()]).toEqual(["Kubernetes", "Kubernetes 2", "Py", "Go"]);
  });
});
