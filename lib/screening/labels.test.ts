import { describe, expect, it } from "vitest";
import { requiredLabel, requiredSentence, VERDICT_LABEL } from "./labels";
import { requiredState } from "./score";
import type { CriterionInput, Verdict } from "./types";

const criteria: CriterionInput[] = [
  { id: "py", text: "Python", kind: "REQUIRED", weight: "HIGH" },
  { id: "cpa", text: "CPA", kind: "REQUIRED", weight: "HIGH" },
  { id: "k8s", text: "Kubernetes", kind: "PREFERRED", weight: "LOW" },
];
const state = (py: Verdict, cpa: Verdict) => requiredState(criteria, [{ criterionId: "py", verdict: py }, { criterionId: "cpa", verdict: cpa }, { criterionId: "k8s", verdict: "MET" }]);

describe("the words for verdicts and the REQUIRED state", () => {
  it("calls an UNKNOWN verdict 'Needs review'", () => {
    expect(VERDICT_LABEL).toEqual({ MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met", UNKNOWN: "Needs review" });
  });

  it("labels each REQUIRED state, and says nothing when no criterion is required", () => {
    expect(requiredLabel(state("MET", "MET"))).toBe("All required met");
    expect(requiredLabel(state("MET", "PARTLY_MET"))).toBe("Required needs review");
    expect(requiredLabel(state("UNKNOWN", "MET"))).toBe("Required needs review");
    expect(requiredLabel(state("UNKNOWN", "NOT_MET"))).toBe("Missing required");
    expect(requiredLabel(requiredState([criteria[2]!], []))).toBeNull();
  });

  it("names the criteria in the sentence", () => {
    expect(requiredSentence(state("MET", "MET"))).toBe("All required criteria met");
    expect(requiredSentence(state("NOT_MET", "NOT_MET"))).toBe("Missing required: Python; CPA");
    expect(requiredSentence(state("UNKNOWN", "PARTLY_MET"))).toBe("Required needs review: Python. Required partly met: CPA");
    expect(requiredSentence(requiredState([criteria[2]!], []))).toBe("No required criteria");
  });
});
