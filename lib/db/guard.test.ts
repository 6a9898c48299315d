import { describe, expect, it } from "vitest";
import { checkWhere, UnsafeQueryError } from "./guard";

describe("tenant guard", () => {
  it("refuses bulk queries without a where clause or with an undefined filter", () => {
    expect(() => checkWhere("Candidate", "findMany", {})).toThrow(UnsafeQueryError);
    expect(() => checkWhere("Candidate", "findMany", { where: {} })).toThrow(UnsafeQueryError);
    expect(() => checkWhere("Candidate", "deleteMany", { where: { organizationId: undefined } })).toThrow(/organizationId/);
    expect(() => checkWhere("Job", "updateMany", { where: { organizationId: undefined, id: "x" } })).toThrow(UnsafeQueryError);
    // The bulk update that returns its rows is as wide as updateMany.
    expect(() => checkWhere("Membership", "updateManyAndReturn", { where: {} })).toThrow(UnsafeQueryError);
  });

  it("lets scoped queries and single-row lookups through", () => {
    expect(() => checkWhere("Candidate", "findMany", { where: { organizationId: "o1" } })).not.toThrow();
    expect(() => checkWhere("Candidate", "findUnique", { where: { id: "c1" } })).not.toThrow();
  });
});
