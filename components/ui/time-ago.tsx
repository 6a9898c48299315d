import { exactTime, relativeTime } from "@/lib/time/relative";

/**
 * Every date the app shows: relative words, the exact UTC time on hover and in `dateTime`. Rendered
 * on the server and again in the browser a moment later, the words may differ by a minute, which
 * is not worth a hydration warning.
 */
export function TimeAgo({ date, className }: { date: Date | string; className?: string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  return (
    <time dateTime={d.toISOString()} title={exactTime(d)} className={className} suppressHydrationWarning>
      {relativeTime(d, new Date())}
    </time>
  );
}
