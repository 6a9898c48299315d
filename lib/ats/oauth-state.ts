import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { ConnectError } from "./connect-errors";
import type { ConnectingAdmin } from "./provider";

/**
 * The OAuth `state` of a connect round trip, for every provider: single use, ten minutes, bound to the
 * admin who started it (HMAC of nonce, user and organization) and to the provider (its name is in the
 * MAC, so a state minted for one ATS cannot complete another's callback). A PKCE verifier, when the
 * provider uses one, is kept sealed with the state.
 */
const STATE_TTL_MS = 10 * 60_000;

function stateMac(provider: string, nonce: string, admin: ConnectingAdmin): string {
  return createHmac("sha256", config().authSecret).update(`${provider}-oauth:${nonce}:${admin.userId}:${admin.organizationId}`).digest("base64url");
}

/** Records a new state and returns the value to send as `state`. */
export async function mintOAuthState(provider: string, admin: ConnectingAdmin, codeVerifier?: string): Promise<string> {
  const prisma = await db();
  const nonce = randomBytes(24).toString("base64url");
  const sealed = codeVerifier ? sealSecret(codeVerifier) : null;
  await prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await prisma.oAuthState.create({
    data: {
      id: nonce,
      organizationId: admin.organizationId,
      userId: admin.userId,
      codeVerifier: sealed ? `${sealed.keyId}:${sealed.ciphertext}` : null,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    },
  });
  return `${nonce}.${stateMac(provider, nonce, admin)}`;
}

/** Takes the state out of the store (single use) after checking its signature, owner and age. */
export async function consumeOAuthState(provider: string, admin: ConnectingAdmin, state: string | null): Promise<{ state: string; codeVerifier?: string }> {
  const [nonce, mac] = (state ?? "").split(".");
  if (!nonce || !mac) throw new ConnectError("state_invalid");
  const expected = Buffer.from(stateMac(provider, nonce, admin));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ConnectError("state_other_user");
  const prisma = await db();
  const row = await prisma.oAuthState.findUnique({ where: { id: nonce } });
  // Single use: only the request that deletes the row may continue.
  const { count } = await prisma.oAuthState.deleteMany({ where: { id: nonce } });
  if (!row || count !== 1) throw new ConnectError("state_used");
  if (row.expiresAt < new Date()) throw new ConnectError("state_expired");
  if (row.userId !== admin.userId || row.organizationId !== admin.organizationId) throw new ConnectError("state_other_user");
  if (!row.codeVerifier) return { state: state! };
  const at = row.codeVerifier.indexOf(":");
  return { state: state!, codeVerifier: openSecret(row.codeVerifier.slice(at + 1), row.codeVerifier.slice(0, at)) };
}
