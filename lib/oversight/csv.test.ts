import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+SUM(A1:A2)", "'+SUM(A1:A2)"],
    ["-2+3", "'-2+3"],
    ["@HYPERLINK(\"http://x\")", `"'@HYPERLINK(""http://x"")"`],
    ["\tTAB", "'\tTAB"],
    ['She said "no"', '"She said ""no"""'],
    ["two\nlines", '"two\nlines"'],
    ["a,b", '"a,b"'],
  ])("writes %j as %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes numbers, dates and empty values as they are", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});
