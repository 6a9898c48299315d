import { describe, expect, it } from "vitest";
import { RankedFiltersSchema } from "./results";

describe("job page filters from the URL", () => {
  it("keeps well-formed filters and drops anything else instead of failing the page", () => {
    expect(RankedFiltersSchema.parse({})).toEqual({ page: 1, status: "active", v: [], stage: undefined });
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
      status: "active",
      v: [],
    });
    // Active is the default; archived candidates are shown when asked for.
    expect(RankedFiltersSchema.parse({ status: "all" }).status).toBe("all");
    expect(RankedFiltersSchema.parse({ stage: "none", v: "ckcrit00000000001:PARTLY_MET" })).toMatchObject({ stage: "none", v: [{ verdict: "PARTLY_MET" }] });
  });
});

describe("required and needs-review filters from the URL", () => {
  it("keeps the known REQUIRED states and review=1, and drops anything else", () => {
    expect(RankedFiltersSchema.parse({ required: "met", review: "1" })).toMatchObject({ required: "met", review: "1" });
    expect(RankedFiltersSchema.parse({ required: ["missing", "met"] })).toMatchObject({ required: "missing" });
    const dropped = RankedFiltersSchema.parse({ required: "all-of-them", review: "yes" });
    expect(dropped.required).toBeUndefined();
    expect(dropped.review).toBeUndefined();
  });
});
