import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/settings/ats?x=1")).toBe("/settings/ats?x=1");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, 42])(
    "refuses %s",
    (v) => {
      expect(safeRedirectPath(v)).toBe("/jobs");
    },
  );
});
