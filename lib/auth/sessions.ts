import { randomBytes } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import type { Prisma } from "@/lib/db/client";

/**
 * Sessions are JWT cookies, so on their own they stay valid until they expire, whatever happens on
 * the server. Two checks on every request make them revocable:
 * - the token carries the user's session version from sign-in; raising the version (sign out
 *   everywhere, a changed password) ends every session begun before;
 * - the token carries a random session id; signing out records it as revoked, so a copy of the
 *   cookie saved before signing out no longer works.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

export interface SessionClaims {
  uid?: string;
  sv?: number;
  sid?: string;
}

export function sessionCallbacks(prisma: Prisma) {
  return {
    /** Runs at sign-in (with `user`) and on every request that reads the session; null ends the session. */
    async jwt({ token, user }: { token: JWT & SessionClaims; user?: { id?: string } }): Promise<(JWT & SessionClaims) | null> {
      if (user?.id) {
        const row = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        if (!row) return null;
        return { ...token, uid: user.id, sv: row.sessionVersion, sid: randomBytes(18).toString("base64url") };
      }
      return (await sessionIsCurrent(prisma, token)) ? token : null;
    },
  };
}

export async function sessionIsCurrent(prisma: Prisma, token: SessionClaims): Promise<boolean> {
  if (typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string") return false;
  const [user, revoked] = await Promise.all([
    prisma.user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true } }),
    prisma.revokedSession.findUnique({ where: { id: token.sid } }),
  ]);
  return !!user && user.sessionVersion === token.sv && !revoked;
}

/** Signing out: this session's cookie stops working, even a copy of it. */
export async function endSession(prisma: Prisma, token: SessionClaims | null | undefined, now = new Date()): Promise<void> {
  if (typeof token?.sid !== "string") return;
  await prisma.revokedSession.upsert({
    where: { id: token.sid },
    update: {},
    create: { id: token.sid, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  await prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Ends every session of the user, on every device. */
export async function endAllSessions(prisma: Prisma, userId: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
