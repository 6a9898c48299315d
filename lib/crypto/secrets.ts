import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config, type EncryptionKey } from "@/lib/config";

/**
 * Secrets at rest (OAuth tokens, webhook signature tokens): AES-256-GCM with a random 12-byte IV,
 * the 16-byte tag stored beside the data, and the id of the key that sealed it kept per row so keys
 * can be rotated (seal with the current key, open with any configured one).
 *
 * Format: `v1.<iv>.<tag>.<data>`, each part base64url. The version and key id are bound in as
 * additional authenticated data, so a ciphertext presented under another key id fails to open
 * instead of decrypting with the wrong key.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedSecret {
  ciphertext: string;
  keyId: string;
}

/** Never carries the plaintext, the ciphertext or key material in its message. */
export class SecretDecryptionError extends Error {
  override readonly name = "SecretDecryptionError";
}

function aad(keyId: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}`, "utf8");
}

function findKey(keyId: string, keys: EncryptionKey[]): Buffer {
  const found = keys.find((k) => k.id === keyId);
  if (!found) {
    throw new SecretDecryptionError(
      `No encryption key with id "${keyId}" is configured; add it back to ENCRYPTION_KEYS to read secrets sealed with it`,
    );
  }
  return found.key;
}

export function sealSecret(plaintext: string): SealedSecret {
  const { currentKeyId, keys } = config().encryption;
  const key = findKey(currentKeyId, keys);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(currentKeyId));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    ciphertext: [VERSION, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join("."),
    keyId: currentKeyId,
  };
}

export function openSecret(ciphertext: string, keyId: string): string {
  const key = findKey(keyId, config().encryption.keys);
  const parts = ciphertext.split(".");
  const [version, ivPart, tagPart, dataPart] = parts;
  if (parts.length !== 4 || version !== VERSION || ivPart === undefined || tagPart === undefined || dataPart === undefined) {
    throw new SecretDecryptionError("Stored secret is not in the expected v1 format");
  }
  const iv = Buffer.from(ivPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptionError("Stored secret is not in the expected v1 format");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataPart, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(`Stored secret could not be decrypted with key "${keyId}": it was altered or sealed with a different key`);
  }
}

/** True when a secret should be re-sealed because it was sealed with a key that is no longer current. */
export function needsReseal(keyId: string): boolean {
  return keyId !== config().encryption.currentKeyId;
}
