import { describe, expect, it } from "vitest";
import { RankedFiltersSchema } from "./results";

describe("job page filters from the URL", () => {
  it("keeps well-formed filters and drops anything else instead of failing the page", () => {
    expect(RankedFiltersSchema.parse({})).toEqual({ page: 1, status: "all", v: [], stage: undefined });
    expect(
      RankedFiltersSchema.parse({ page: "3", stage: "ckstage0000000001", status: "archived", v: ["ckcrit00000000001:MET", "ckcrit00000000002:UNKNOWN"] }),
    ).toEqual({
      page: 3,
      stage: "ckstage0000000001",
      status: "archived",
      v: [
        { criterionId: "ckcrit00000000001", verdict: "MET" },
        { criterionId: "ckcrit00000000002", verdict: "UNKNOWN" },
      ],
    });
    expect(RankedFiltersSchema.parse({ page: "-2", stage: "../x", status: "deleted", v: ["x:MET", "ckcrit00000000001:MAYBE", "nope"] })).toEqual({
      page: 1,
      stage: undefined,
      status: "all",
      v: [],
    });
    expect(RankedFiltersSchema.parse({ stage: "none", v: "ckcrit00000000001:PARTLY_MET" })).toMatchObject({ stage: "none", v: [{ verdict: "PARTLY_MET" }] });
  });
});
