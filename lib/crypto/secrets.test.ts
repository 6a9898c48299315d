import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { needsReseal, openSecret, sealSecret, SecretDecryptionError } from "./secrets";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const saved = { keys: process.env.ENCRYPTION_KEYS, id: process.env.ENCRYPTION_KEY_ID, auth: process.env.AUTH_SECRET };

function useKeys(keys: string, currentId: string) {
  process.env.ENCRYPTION_KEYS = keys;
  process.env.ENCRYPTION_KEY_ID = currentId;
  process.env.AUTH_SECRET = "x".repeat(32);
  resetConfigForTests();
}

function restore(name: "ENCRYPTION_KEYS" | "ENCRYPTION_KEY_ID" | "AUTH_SECRET", value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

afterAll(() => {
  restore("ENCRYPTION_KEYS", saved.keys);
  restore("ENCRYPTION_KEY_ID", saved.id);
  restore("AUTH_SECRET", saved.auth);
  resetConfigForTests();
});

describe("sealSecret / openSecret", () => {
  beforeEach(() => useKeys(`a:${keyA},b:${keyB}`, "a"));

  it("round-trips and tags the row with the current key id", () => {
    const sealed = sealSecret("refresh-token-ünïcode");
    expect(sealed.keyId).toBe("a");
    expect(sealed.ciphertext).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed.ciphertext).not.toContain("refresh");
    expect(openSecret(sealed.ciphertext, sealed.keyId)).toBe("refresh-token-ünïcode");
  });

  it("uses a fresh IV every time", () => {
    const one = sealSecret("same");
    const two = sealSecret("same");
    expect(one.ciphertext).not.toBe(two.ciphertext);
    expect(one.ciphertext.split(".")[1]).not.toBe(two.ciphertext.split(".")[1]);
  });

  it("opens secrets sealed with an older key after rotation", () => {
    const old = sealSecret("old secret");
    useKeys(`b:${keyB},a:${keyA}`, "b");
    expect(needsReseal(old.keyId)).toBe(true);
    expect(openSecret(old.ciphertext, "a")).toBe("old secret");
    expect(sealSecret("new").keyId).toBe("b");
  });

  it("refuses an unknown key id without leaking the ciphertext or key", () => {
    const sealed = sealSecret("top secret");
    useKeys(`b:${keyB}`, "b");
    let error: unknown;
    try {
      openSecret(sealed.ciphertext, "a");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretDecryptionError);
    const message = (error as Error).message;
    expect(message).toMatch(/No encryption key with id "a"/);
    expect(message).not.toContain(sealed.ciphertext);
    expect(message).not.toContain(keyB);
  });

  it("detects tampering with data, tag or iv", () => {
    const sealed = sealSecret("value that must not change");
    const [v, iv, tag, data] = sealed.ciphertext.split(".") as [string, string, string, string];
    const flip = (s: string) => {
      const bytes = Buffer.from(s, "base64url");
      bytes[0] = bytes[0]! ^ 0x01;
      return bytes.toString("base64url");
    };
    for (const forged of [
      [v, iv, tag, flip(data)],
      [v, iv, flip(tag), data],
      [v, flip(iv), tag, data],
    ]) {
      expect(() => openSecret(forged.join("."), sealed.keyId)).toThrow(SecretDecryptionError);
    }
    expect(() => openSecret("garbage", sealed.keyId)).toThrow(/expected v1 format/);
  });

  it("refuses a ciphertext presented under another configured key id", () => {
    const sealed = sealSecret("bound to key a");
    expect(() => openSecret(sealed.ciphertext, "b")).toThrow(SecretDecryptionError);
  });
});
