import { describe, expect, it } from "vitest";
import { requirementListsOf } from "./jobs";

describe("a job's stored requirement lists, read through zod", () => {
  it("keeps what is well formed and reads anything else as none", () => {
    expect(requirementListsOf([{ text: "Requirements", items: ["SQL", "Go"] }])).toEqual([{ text: "Requirements", items: ["SQL", "Go"] }]);
    expect(requirementListsOf([{ text: 3, items: "SQL" }])).toEqual([{ text: "", items: [] }]);
    expect(requirementListsOf({ lists: [] })).toEqual([]);
    expect(requirementListsOf(null)).toEqual([]);
  });
});
