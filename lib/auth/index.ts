import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyPasswordOrDummy } from "./password";

const SignInInput = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

/**
 * Auth.js: email + password always; a generic OIDC provider (company SSO) when OIDC_* is set.
 * Sessions are JWTs that carry only the user id; organization and role are read from the database
 * on every request (lib/auth/guard.ts), so a changed role takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const cfg = config();
  const prisma = await db();
  return {
    secret: cfg.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/login", error: "/login" },
    // The extended client (tenant guard) has the same model delegates the adapter uses.
    adapter: cfg.oidc ? PrismaAdapter(prisma as unknown as PrismaClient) : undefined,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw) {
          const parsed = SignInInput.safeParse(raw);
          if (!parsed.success) throw new InvalidLogin();
          const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
          const ok = await verifyPasswordOrDummy(parsed.data.password, user?.passwordHash);
          if (!user || !ok) throw new InvalidLogin();
          return { id: user.id, email: user.email, name: user.name };
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
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
});
