import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Auth.js's Prisma adapter, for company sign-in (OIDC). It would store the identity provider's access,
 * refresh and ID tokens in plaintext; the app never calls the provider after sign-in (sessions are
 * its own JWTs), so the tokens are not kept at all: only the link from the provider's account id to
 * the user.
 */
export function accountAdapter(prisma: Prisma): Adapter {
  // The extended client (tenant guard) has the same model delegates the adapter uses.
  const base = PrismaAdapter(prisma as unknown as PrismaClient);
  return {
    ...base,
    linkAccount: (account) =>
      base.linkAccount!({ ...account, access_token: undefined, refresh_token: undefined, id_token: undefined, session_state: undefined }),
  };
}
