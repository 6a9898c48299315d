import { timingSafeEqual } from "node:crypto";

/**
 * Constant-time comparison of two hex signatures; a signature of the wrong length or alphabet is
 * simply not equal (never a 500). The hex strings' lengths are compared before decoding:
 * Buffer.from(hex) silently drops an odd trailing digit, so "signature + one digit" would otherwise
 * decode to the right bytes.
 */
export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  if (givenHex.length !== expectedHex.length || !/^[0-9a-f]+$/i.test(givenHex)) return false;
  const a = Buffer.from(expectedHex, "hex");
  const b = Buffer.from(givenHex.toLowerCase(), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
