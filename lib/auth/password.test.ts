import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { fromZod } from "@/lib/errors";
import { ChangePasswordInput, SignUpInput } from "@/lib/organizations/schemas";
import { isCommonPassword } from "./common-passwords";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("reads the whole password: two passwords that differ only after byte 72 do not match", async () => {
    const prefix = "x".repeat(72);
    const hash = await hashPassword(`${prefix}-first-ending`);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(`${prefix}-first-ending`, hash)).toBe(true);
    expect(await verifyPassword(`${prefix}-other-ending`, hash)).toBe(false);
  });

  it("bcrypt hashes of earlier versions still verify and are marked for rehashing; current ones are not", async () => {
    const old = await bcrypt.hash("an-old-password", 4);
    expect(await verifyPassword("an-old-password", old)).toBe(true);
    expect(await verifyPassword("another-password", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("an-old-password"))).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("common passwords are refused", () => {
  it.each(["aaaaaaaaaa", "1234567890", "password123", "Password2024!", "qwertyuiop", "qwerty123456", "ababababab", "letmein12345", "iloveyou!!", "0000000000", "555-123-4567"])(
    "%s",
    (p) => expect(isCommonPassword(p)).toBe(true),
  );

  it.each(["a-long-password", "demo-password", "correct horse battery staple", "Tr0ub4dor&3-extra", "long-enough-pw"])("%s is accepted", (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );

  it("sign-up and password change say so in plain words", () => {
    const signUp = SignUpInput.safeParse({ name: "A", email: "a@b.test", password: "aaaaaaaaaa", organizationName: "X" });
    expect(signUp.success).toBe(false);
    expect(fromZod(signUp.error!).message).toBe("This password is too common or easy to guess. Choose another.");
    expect(ChangePasswordInput.safeParse({ currentPassword: "x", newPassword: "Password2024!" }).success).toBe(false);
  });
});
