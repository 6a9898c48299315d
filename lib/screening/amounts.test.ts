import { describe, expect, it } from "vitest";
import { answerAmounts, compileAmount, moneyAmounts, statedAmounts } from "./amounts";

describe("criterion amounts", () => {
  it("reads the amount asked and leaves the words after it to be matched", () => {
    const got = compileAmount("2,000+ hours on A320");
    expect(got?.amount).toMatchObject({ value: 2000, units: ["hour"] });
    expect(got?.rest).toBe("hours on A320");
  });

  it("does not read a level or a version as an amount", () => {
    expect(compileAmount("ISO 9001+ audits")).toBeNull();
    expect(compileAmount("Level 3+ support")).toBeNull();
  });

  it("reads 'or more' after the number, a number word after 'at least', and a count named before it", () => {
    expect(compileAmount("Owned an engineering budget of £5m or more")?.amount).toMatchObject({ value: 5_000_000, units: ["£"] });
    expect(compileAmount("Has line-managed at least five engineers directly")?.amount).toMatchObject({ value: 5, units: ["people"] });
    expect(compileAmount("Site headcount of 250 or more")?.amount).toMatchObject({ value: 250, units: ["people"] });
    // A number word is a head count only: "at least two languages" is not an amount a résumé states.
    expect(compileAmount("At least two languages besides English")).toBeNull();
    // Without "+", "or more" or a lead, a number is not a minimum.
    expect(compileAmount("Site headcount of 250")).toBeNull();
  });

  it("finds a stated head count in other words for people", () => {
    expect(statedAmounts("Managed a team of 12 store managers", ["people"]).map((a) => a.value)).toEqual([12]);
  });
});

describe("amounts in application answers", () => {
  it("counts a range by its upper end and keeps its unit", () => {
    expect(answerAmounts("I can lift around 25-30 lbs")).toEqual([{ value: 30, unit: "lb", per: null }]);
  });

  it("takes the period from the words after the amount, else from the question", () => {
    expect(answerAmounts("40 hrs/week")).toEqual([{ value: 40, unit: "hour", per: "week" }]);
    expect(answerAmounts("10 hour shifts are fine")).toEqual([{ value: 10, unit: "hour", per: "shift" }]);
    expect(answerAmounts("About 32 hours", "How many hours a week can you work?")).toEqual([{ value: 32, unit: "hour", per: "week" }]);
  });

  it("reads days, and counts written as words", () => {
    expect(answerAmounts("I'd prefer hybrid; I can be in the office three days a week.")).toEqual([{ value: 3, unit: "day", per: "week" }]);
    expect(answerAmounts("Four or five days is fine")).toEqual([{ value: 5, unit: "day", per: null }]);
  });

  it("finds nothing in an answer without a unit", () => {
    expect(answerAmounts("Yes, whatever is needed")).toEqual([]);
  });
});

describe("money in pay questions and answers", () => {
  it("applies a range's k to both ends", () => {
    expect(moneyAmounts("$55-60K")).toEqual([55_000, 60_000]);
  });

  it("reads written-out thousands and ignores bare small numbers", () => {
    expect(moneyAmounts("Looking for 72,000 a year, 2 weeks notice")).toEqual([72_000]);
    expect(moneyAmounts("$18.50/hr")).toEqual([18.5]);
  });
});
