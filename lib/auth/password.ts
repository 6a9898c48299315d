import bcrypt from "bcryptjs";

const COST = 12;
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Checks a password even when the account is unknown, so response time does not reveal which emails exist. */
export async function verifyPasswordOrDummy(password: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(password, hash ?? (await dummyHash));
  return ok && !!hash;
}
