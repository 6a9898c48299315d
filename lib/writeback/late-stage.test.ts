import { describe, expect, it } from "vitest";
import { cautionOf, lateStageIds } from "./late-stage";

const stage = (id: string, text: string, position: number) => ({ id, text, position });

describe("late stages", () => {
  it("Offer and every stage after it, in the pipeline's order (not the list's)", () => {
    const stages = [stage("bg", "Background check", 7), stage("screen", "Recruiter screen", 2), stage("offer", "Offer", 6), stage("onsite", "On-site interview", 5)];
    expect([...lateStageIds(stages)].sort()).toEqual(["bg", "offer"]);
  });

  it("a pipeline with no Offer stage has its last stage late; no stages, none", () => {
    expect([...lateStageIds([stage("a", "Applied", 0), stage("z", "Final interview", 3), stage("m", "Phone", 1)])]).toEqual(["z"]);
    expect(lateStageIds([]).size).toBe(0);
  });

  it("hired wins over the stage; no stage is no caution", () => {
    const late = new Set(["offer"]);
    expect(cautionOf({ stageId: "offer", archiveReasonType: "hired" }, late)).toBe("hired");
    expect(cautionOf({ stageId: "offer", archiveReasonType: "non-hired" }, late)).toBe("late");
    expect(cautionOf({ stageId: "screen", archiveReasonType: null }, late)).toBeNull();
    expect(cautionOf({ stageId: null, archiveReasonType: null }, late)).toBeNull();
  });
});
