import { describe, expect, it } from "vitest";
import { leverScore, toLeverNote } from "./note";

describe("leverScore", () => {
  it("maps 0–100 onto Lever's 1–4 in quarters, clamping out-of-range values", () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map((s) => leverScore(s))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect([-5, 150, Number.NaN].map((s) => leverScore(s))).toEqual([1, 4, 1]);
  });

  it("never gives a candidate missing a REQUIRED criterion more than 2, however high the score", () => {
    expect([0, 30, 60, 100].map((s) => leverScore(s, 2))).toEqual([1, 2, 2, 2]);
    expect([60, 100].map((s) => leverScore(s, 1))).toEqual([3, 4]);
  });
});

describe("toLeverNote", () => {
  it("carries the core's text unchanged and the capped score", () => {
    expect(toLeverNote({ text: "Screening score: 90/100", score: 90, requiredTier: 2, marker: "/candidates/c1" })).toEqual({ value: "Screening score: 90/100", score: 2 });
  });
});
