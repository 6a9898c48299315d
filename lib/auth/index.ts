import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { accountAdapter } from "./adapter";
import { checkCredentials } from "./credentials";
import { endSession, SESSION_MAX_AGE_SECONDS, sessionCallbacks, type SessionClaims } from "./sessions";

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

/**
 * Auth.js: email + password always; a generic OIDC provider (company SSO) when OIDC_* is set.
 * Sessions are JWTs that carry the user id and what makes them revocable (lib/auth/sessions.ts);
 * organization and role are read from the database on every request (lib/auth/guard.ts), so a
 * changed role takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const cfg = config();
  const prisma = await db();
  return {
    secret: cfg.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // A wrong password is logged once, as one line, by checkCredentials; Auth.js would add a stack trace.
    logger: {
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        log.error("Auth.js error", { error });
      },
      warn(code) {
        log.warn("Auth.js warning", { code });
      },
    },
    adapter: cfg.oidc ? accountAdapter(prisma) : undefined,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const outcome = await checkCredentials(prisma, raw, request);
          if (outcome.ok) return outcome.user;
          throw outcome.reason === "throttled" ? new ThrottledLogin() : new InvalidLogin();
        },
      }),
      ...(cfg.oidc
        ? [
            {
              id: "oidc",
              name: cfg.oidc.name,
              type: "oidc" as const,
              issuer: cfg.oidc.issuer,
              clientId: cfg.oidc.clientId,
              clientSecret: cfg.oidc.clientSecret,
            },
          ]
        : []),
    ],
    events: {
      async signOut(message) {
        if ("token" in message) await endSession(prisma, message.token as SessionClaims | null);
      },
    },
    callbacks: {
      jwt: sessionCallbacks(prisma).jwt,
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
});
