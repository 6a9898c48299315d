import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/db/client";

/**
 * Password guessing is limited per account and per client address, counted in the database so
 * every web process sees the same failures. A blocked attempt is refused before the password hash
 * is computed, so guessing also stops costing the server CPU.
 *
 * Fixed windows: after ACCOUNT_LIMIT failures for one account (or ADDRESS_LIMIT from one address,
 * across accounts) within WINDOW_MS of the first, sign-in is refused until that window ends.
 */
export const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;

export interface SignInAttempt {
  email: string;
  address: string;
}

export type ThrottleState = { blocked: false } | { blocked: true; scope: "account" | "address"; retryAt: Date };

/** A counter key for an email address that does not keep the address itself. */
export const emailKey = (scope: string, email: string) => `${scope}:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
const accountKey = (email: string) => emailKey("account", email);
const addressKey = (address: string) => `address:${address}`;

/**
 * The client's address: the last X-Forwarded-For entry, which is the one the reverse proxy in front
 * of the app appends (Next sets it to the socket's address when there is no such header). Without
 * a proxy a client can choose this value, so the per-account limit is the one that always holds.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  const address = forwarded?.at(-1) ?? headers.get("x-real-ip")?.trim() ?? "unknown";
  return address.slice(0, 64);
}

export async function throttleState(prisma: Prisma, attempt: SignInAttempt, now = new Date()): Promise<ThrottleState> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: [accountKey(attempt.email), addressKey(attempt.address)] } } });
  const since = now.getTime() - WINDOW_MS;
  for (const [scope, key, limit] of [["account", accountKey(attempt.email), ACCOUNT_LIMIT], ["address", addressKey(attempt.address), ADDRESS_LIMIT]] as const) {
    const row = rows.find((r) => r.key === key);
    if (row && row.windowStartedAt.getTime() > since && row.failures >= limit) {
      return { blocked: true, scope, retryAt: new Date(row.windowStartedAt.getTime() + WINDOW_MS) };
    }
  }
  return { blocked: false };
}

/**
 * Counts one event under `key` in its fixed window (a new window starts when the last began WINDOW_MS
 * or more ago) in one statement, safe across processes; returns the count in the current window and
 * when that window began.
 */
export async function countInWindow(prisma: Prisma, key: string, now = new Date()): Promise<{ count: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const rows = await prisma.$queryRaw<{ failures: number; windowStartedAt: Date }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStartedAt", "updatedAt") VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."windowStartedAt" <= ${windowStart} THEN ${now} ELSE "SignInThrottle"."windowStartedAt" END,
      "updatedAt" = ${now}
    RETURNING "failures", "windowStartedAt"`;
  return { count: Number(rows[0]?.failures ?? 0), windowStartedAt: new Date(rows[0]?.windowStartedAt ?? now) };
}

/** Rows of windows long over are of no use; counted events are rare enough to tidy up as they come. */
export async function forgetOldWindows(prisma: Prisma, now = new Date()): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}

/** Counts one failure for the account and the address in one statement each, safe across processes. */
export async function recordFailure(prisma: Prisma, attempt: SignInAttempt, now = new Date()): Promise<{ account: number; address: number }> {
  const account = (await countInWindow(prisma, accountKey(attempt.email), now)).count;
  const address = (await countInWindow(prisma, addressKey(attempt.address), now)).count;
  await forgetOldWindows(prisma, now);
  return { account, address };
}

/** A right password ends the account's count (not the address's: one known account must not reset guessing at others). */
export async function clearAccountFailures(prisma: Prisma, email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}

export function throttleMessage(state: Extract<ThrottleState, { blocked: true }>, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((state.retryAt.getTime() - now.getTime()) / 60_000));
  const wait = `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  return state.scope === "account"
    ? `Too many failed sign-ins for this account. ${wait}, or ask an admin of your organization for help.`
    : `Too many failed sign-ins from your network. ${wait}.`;
}
