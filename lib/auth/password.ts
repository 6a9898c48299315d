import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * Passwords are hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane), which reads the
 * whole password; bcrypt read only the first 72 bytes of the up to 200 characters allowed. Hashes
 * made with bcrypt by earlier versions still verify, and are replaced at the next sign-in.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
// In @node-rs/argon2 2.x Argon2id is algorithm 2 (a const enum the type checker cannot inline here).
const ARGON2ID = 2;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, { ...ARGON2, algorithm: ARGON2ID });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith("$argon2")) return argon2Verify(hash, password).catch(() => false);
  if (/^\$2[aby]\$/.test(hash)) return bcrypt.compare(password, hash);
  return false;
}

/** True for bcrypt hashes and Argon2 hashes with other parameters: sign-in replaces them. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(CURRENT_PREFIX);
}

/** Checks a password even when the account is unknown, so response time does not reveal which emails exist. */
export async function verifyPasswordOrDummy(password: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(password, hash ?? (await dummyHash));
  return ok && !!hash;
}
