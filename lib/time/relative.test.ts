import { describe, expect, it } from "vitest";
import { exactTime, relativeTime } from "./relative";

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

describe("relativeTime", () => {
  it.each([
    [-30, "just now"],
    [45, "just now"],
    [-60, "1 minute ago"],
    [-59 * 60, "59 minutes ago"],
    [-60 * 60, "1 hour ago"],
    [-23 * 3600, "23 hours ago"],
    [-24 * 3600, "1 day ago"],
    [3 * 86400 + 60, "in 3 days"],
    [-29 * 86400, "29 days ago"],
    [-45 * 86400, "on 17 Oct 2026"],
    [60 * 86400, "on 30 Jan 2027"],
  ])("%i s → %s", (offset, text) => {
    expect(relativeTime(at(offset), NOW)).toBe(text);
  });
});

describe("exactTime", () => {
  it("is the UTC time whatever the machine's time zone", () => {
    expect(exactTime(new Date("2026-12-01T00:58:00Z"))).toBe("1 Dec 2026, 00:58 UTC");
  });
});
