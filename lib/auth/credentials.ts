import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { log } from "@/lib/log";
import { hashPassword, needsRehash, verifyPasswordOrDummy } from "./password";
import { clearAccountFailures, clientAddress, recordFailure, throttleState } from "./throttle";

const SignInInput = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});

export type CredentialsOutcome =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid_input" | "throttled" | "wrong_password" };

/**
 * Email + password sign-in: refused without hashing while the account or address is throttled;
 * every failure is counted and logged as one line (who and from where, never the password).
 */
export async function checkCredentials(prisma: Prisma, raw: unknown, request: Request | undefined, now = new Date()): Promise<CredentialsOutcome> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_input" };
  const attempt = { email: parsed.data.email, address: request ? clientAddress(request.headers) : "unknown" };

  const state = await throttleState(prisma, attempt, now);
  if (state.blocked) {
    log.warn("sign-in refused: too many failures", { email: attempt.email, address: attempt.address, scope: state.scope, retryAt: state.retryAt.toISOString() });
    return { ok: false, reason: "throttled" };
  }
  const user = await prisma.user.findUnique({ where: { email: attempt.email } });
  const ok = await verifyPasswordOrDummy(parsed.data.password, user?.passwordHash);
  if (!user || !ok) {
    const failures = await recordFailure(prisma, attempt, now);
    log.warn("sign-in failed", { email: attempt.email, address: attempt.address, accountFailures: failures.account, addressFailures: failures.address });
    return { ok: false, reason: "wrong_password" };
  }
  await clearAccountFailures(prisma, attempt.email);
  // The one moment the plain password is at hand: move bcrypt (and outdated Argon2) hashes to the current scheme.
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    await prisma.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(parsed.data.password) } });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
