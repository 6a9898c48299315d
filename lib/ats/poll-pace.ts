/** The reconcile's pace, apart from the reconcile itself so the webhook route can reset it cheaply. */
export const MIN_INTERVAL_SEC = 60;
export const MAX_INTERVAL_SEC = 12 * 3600;
/** The longest wait for a connection with activity in the last day: a missed webhook costs minutes, not hours. */
export const ACTIVE_MAX_INTERVAL_SEC = 5 * 60;
const ACTIVE_WITHIN_MS = 24 * 3600_000;

/**
 * Poll faster while applicants arrive, back off (doubling) while the account is quiet: up to 12 h
 * for an idle account, but at most 5 minutes while it had activity (a webhook, a new application)
 * in the last day. A webhook for the connection resets the interval (lib/ats/intake.ts).
 */
export function nextInterval(currentSec: number, foundNew: boolean, lastActivity: Date | null = null, now = new Date()): number {
  if (foundNew) return MIN_INTERVAL_SEC;
  const active = lastActivity !== null && now.getTime() - lastActivity.getTime() < ACTIVE_WITHIN_MS;
  return Math.min(active ? ACTIVE_MAX_INTERVAL_SEC : MAX_INTERVAL_SEC, Math.max(MIN_INTERVAL_SEC, currentSec * 2));
}
