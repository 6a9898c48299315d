import { createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/db/client";
import { badRequest } from "@/lib/errors";
import { log } from "@/lib/log";
import { queueMail } from "@/lib/mail/outbox";
import { passwordResetMail } from "@/lib/mail/templates";
import { hashPassword } from "./password";
import { clearAccountFailures, countInWindow, emailKey, forgetOldWindows, WINDOW_MS } from "./throttle";

export const RESET_TTL_MS = 60 * 60_000;
/** Requests per email address, and per client address across emails, within the sign-in throttle's window. */
export const RESET_EMAIL_LIMIT = 3;
export const RESET_ADDRESS_LIMIT = 20;

/** The one answer to every accepted request, whether or not the account exists. */
export const RESET_REQUESTED = "If an account exists for that address, we have sent a link to reset its password. It works once, for one hour.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ResetRequestOutcome = { ok: true; message: string } | { ok: false; status: 429; message: string };

/** Runs the part of a request that depends on whether the account exists; the default awaits it. */
export type Later = (work: () => Promise<void>) => void | Promise<void>;

/**
 * Asks for a reset link. The answer never tells whether the address has an account: every request
 * is counted the same way, and one that is not refused gets the same words. Looking the account up
 * and writing its link is handed to `later` (in the app: after the response is sent), so the time
 * the answer takes does not tell either: done inline, an address with an account answered 2.3–2.5
 * times slower (npm run bench:reset-timing).
 */
export async function requestPasswordReset(
  prisma: Prisma,
  request: { email: string; address: string },
  now = new Date(),
  later: Later = (work) => work(),
): Promise<ResetRequestOutcome> {
  const email = request.email.trim().toLowerCase();
  const byEmail = await countInWindow(prisma, emailKey("reset", email), now);
  const byAddress = await countInWindow(prisma, `reset-address:${request.address}`, now);
  await forgetOldWindows(prisma, now);
  const over = byEmail.count > RESET_EMAIL_LIMIT ? byEmail : byAddress.count > RESET_ADDRESS_LIMIT ? byAddress : null;
  if (over) {
    const minutes = Math.max(1, Math.ceil((over.windowStartedAt.getTime() + WINDOW_MS - now.getTime()) / 60_000));
    log.warn("password reset refused: too many requests", { address: request.address, scope: over === byEmail ? "email" : "address" });
    return { ok: false, status: 429, message: `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  await later(async () => {
    try {
      await sendResetLink(prisma, email, now);
    } catch (error) {
      log.error("could not write a password reset link", { address: request.address, error });
    }
  });
  return { ok: true, message: RESET_REQUESTED };
}

/**
 * Writes a reset link to the outbox when the address has an account with a password. Accounts that
 * sign in only through company SSO get none (a password would be a second way in that SSO does not
 * control). Only a hash of the token is kept with the user.
 */
async function sendResetLink(prisma: Prisma, email: string, now: Date): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  log.info("password reset requested", { sent: !!user?.passwordHash });
  if (!user?.passwordHash) return;
  // Links expired a day ago are only clutter (the page says "not valid" for them as for any unknown link).
  await prisma.passwordResetToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86400_000) } } });
  const token = randomBytes(32).toString("base64url");
  await prisma.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
  const mail = passwordResetMail({ url: `${config().appUrl}/reset-password/${token}`, minutes: RESET_TTL_MS / 60_000 });
  await queueMail(prisma, { ...mail, kind: "password_reset", to: user.email, userId: user.id }, { now });
}

export type ResetTokenState = "valid" | "expired" | "used" | "unknown";

/** What a reset link is worth now, for the page that opens it. */
export async function resetTokenState(prisma: Prisma, token: string, now = new Date()): Promise<ResetTokenState> {
  if (token.length < 20 || token.length > 100) return "unknown";
  const row = await prisma.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** The account a working link resets, shown to the password manager on the reset page. */
export async function resetTokenEmail(prisma: Prisma, token: string, now = new Date()): Promise<string | null> {
  const row = await prisma.passwordResetToken.findFirst({ where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } }, select: { user: { select: { email: true } } } });
  return row?.user.email ?? null;
}

export const RESET_LINK_PROBLEM: Record<Exclude<ResetTokenState, "valid">, string> = {
  expired: "This reset link has expired: links work for one hour. Ask for a new one.",
  used: "This reset link has already been used. If you need to reset your password again, ask for a new link.",
  unknown: "This reset link is not valid. Check that you opened the whole link from the email, or ask for a new one.",
};

/**
 * Sets a new password through a reset link: the token is claimed in the same transaction that
 * changes the password, so two submissions of one link change it once. Every session of the user
 * ends (the session version goes up), every other link of theirs stops working, and the sign-in
 * failures counted against the account are cleared.
 */
export async function resetPassword(prisma: Prisma, input: { token: string; password: string }, now = new Date()): Promise<{ email: string }> {
  const state = await resetTokenState(prisma, input.token, now);
  if (state !== "valid") throw badRequest(RESET_LINK_PROBLEM[state]);
  const passwordHash = await hashPassword(input.password);
  const email = await prisma.$transaction(async (tx) => {
    const tokenHash = hashToken(input.token);
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw badRequest(RESET_LINK_PROBLEM.used);
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true, email: true } });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return user.email;
  });
  await clearAccountFailures(prisma, email);
  log.info("password reset through an emailed link", { email });
  return { email };
}
