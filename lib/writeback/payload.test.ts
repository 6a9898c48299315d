import { describe, expect, it } from "vitest";
import { localIds, readPayload } from "./payload";

describe("write-back payloads read through zod", () => {
  it("reads each kind's fields, numbers kept as text included", () => {
    expect(readPayload("NOTE", { resultId: "r1", version: "v", text: "Screening score: 80/100", score: "80", requiredTier: "1" })).toMatchObject({ text: "Screening score: 80/100", score: 80, requiredTier: 1 });
    expect(readPayload("STAGE_CHANGE", { stageId: "s1", externalStageId: "ats-stage" })).toMatchObject({ externalStageId: "ats-stage" });
    expect(readPayload("ARCHIVE", { archiveReasonId: "a1", externalArchiveReasonId: "ats-reason" })).toMatchObject({ externalArchiveReasonId: "ats-reason" });
  });

  it("a payload that does not hold what its kind needs is null, never a cast", () => {
    expect(readPayload("STAGE_CHANGE", { stageId: "s1" })).toBeNull();
    expect(readPayload("STAGE_CHANGE", { stageId: "s1", leverStageId: "before-the-migration" })).toBeNull();
    expect(readPayload("ARCHIVE", "not an object")).toBeNull();
    expect(readPayload("NOTE", { resultId: "r1", requiredTier: 7 })).toBeNull();
    expect(readPayload("NOTE", null)).toBeNull();
  });

  it("names the app's own stage or reason of any payload, and nothing for a broken one", () => {
    expect(localIds({ stageId: "s1", externalStageId: "x" })).toEqual({ stageId: "s1", archiveReasonId: undefined });
    expect(localIds({ archiveReasonId: 5 })).toEqual({});
    expect(localIds([])).toEqual({});
  });
});
