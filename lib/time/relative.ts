/**
 * The one way the app writes a moment: relative to now ("5 minutes ago", "in 3 days") with the exact
 * time in UTC for the hover text, so a page never mixes formats and server and browser agree.
 */

const EXACT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

export function exactTime(date: Date): string {
  return `${EXACT.format(date)} UTC`;
}

const UNITS: Array<[limitSeconds: number, unitSeconds: number, unit: string]> = [
  [60 * 60, 60, "minute"],
  [24 * 60 * 60, 60 * 60, "hour"],
  [30 * 24 * 60 * 60, 24 * 60 * 60, "day"],
];

export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "just now";
  for (const [limit, size, unit] of UNITS) {
    if (abs < limit) {
      const n = Math.floor(abs / size);
      const words = `${n} ${unit}${n === 1 ? "" : "s"}`;
      return seconds < 0 ? `${words} ago` : `in ${words}`;
    }
  }
  // Beyond a month a date reads better than "14 weeks ago".
  return `on ${DAY.format(date)}`;
}
