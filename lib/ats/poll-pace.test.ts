import { describe, expect, it } from "vitest";
import { ACTIVE_MAX_INTERVAL_SEC, MAX_INTERVAL_SEC, MIN_INTERVAL_SEC, nextInterval } from "./poll-pace";

const now = new Date("2026-11-30T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("reconcile pace", () => {
  it("goes back to once a minute when a pass finds new applications", () => {
    expect(nextInterval(4 * 3600, true, hoursAgo(48), now)).toBe(MIN_INTERVAL_SEC);
  });

  it("an account quiet for more than a day backs off, doubling up to 12 hours", () => {
    let interval = MIN_INTERVAL_SEC;
    const seen: number[] = [];
    for (let pass = 0; pass < 12; pass++) seen.push((interval = nextInterval(interval, false, hoursAgo(30), now)));
    expect(seen.slice(0, 3)).toEqual([120, 240, 480]);
    expect(seen.at(-1)).toBe(MAX_INTERVAL_SEC);
  });

  it("an account with activity in the last day never waits more than 5 minutes, even after quiet passes", () => {
    let interval = MIN_INTERVAL_SEC;
    for (let pass = 0; pass < 12; pass++) interval = nextInterval(interval, false, hoursAgo(23), now);
    expect(interval).toBe(ACTIVE_MAX_INTERVAL_SEC);
    // An interval grown while the account was quiet shrinks back when activity returns.
    expect(nextInterval(MAX_INTERVAL_SEC, false, hoursAgo(1), now)).toBe(ACTIVE_MAX_INTERVAL_SEC);
  });
});
