import { describe, expect, it } from "vitest";
import { signInPath } from "./return-path";

describe("signInPath", () => {
  it("carries the page asked for to the sign-in page", () => {
    expect(signInPath("/jobs/j1/candidates/c1")).toBe("/login?next=%2Fjobs%2Fj1%2Fcandidates%2Fc1");
    expect(signInPath("/search?q=ada&page=2")).toBe("/login?next=%2Fsearch%3Fq%3Dada%26page%3D2");
  });
  it("leaves the default landing page out", () => {
    expect(signInPath("/jobs")).toBe("/login");
    expect(signInPath("/")).toBe("/login");
    expect(signInPath(null)).toBe("/login");
  });
  it.each(["https://evil.example/jobs", "//evil.example/jobs", "/\\evil.example", "javascript:alert(1)"])("refuses an off-site path %s", (path) => {
    expect(signInPath(path)).toBe("/login");
  });
});
