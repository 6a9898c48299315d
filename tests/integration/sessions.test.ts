import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/account";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions, endSession, sessionCallbacks, type SessionClaims } from "@/lib/auth/sessions";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

/** The session checks Auth.js runs on every request (its jwt callback): null ends the session. */
describe("revocable sessions", () => {
  let t: TestDatabase;
  let jwt: ReturnType<typeof sessionCallbacks>["jwt"];
  let n = 0;
  const newUser = async (password = "first-password-1") => t.prisma.user.create({ data: { email: `s-${++n}@example.test`, passwordHash: await hashPassword(password) } });
  const signIn = async (userId: string) => (await jwt({ token: {}, user: { id: userId } }))!;
  /** A request carrying a (possibly saved) cookie: is the session still good? */
  const stillValid = async (token: SessionClaims) => (await jwt({ token: { ...token } })) !== null;

  beforeAll(async () => {
    t = await createTestDatabase();
    jwt = sessionCallbacks(t.prisma).jwt;
  });
  afterAll(async () => {
    await t.close();
  });

  it("signing out ends that session, even a copy of its cookie saved before; other sessions go on", async () => {
    const user = await newUser();
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect(laptop.sid).not.toBe(phone.sid);
    expect(await stillValid(laptop)).toBe(true);
    await endSession(t.prisma, laptop);
    expect(await stillValid(laptop)).toBe(false);
    expect(await stillValid(phone)).toBe(true);
  });

  it("sign out everywhere ends every session; signing in again works", async () => {
    const user = await newUser();
    const sessions = [await signIn(user.id), await signIn(user.id)];
    await endAllSessions(t.prisma, user.id);
    for (const s of sessions) expect(await stillValid(s)).toBe(false);
    expect(await stillValid(await signIn(user.id))).toBe(true);
  });

  it("changing the password ends the other sessions; a wrong current password changes nothing", async () => {
    const user = await newUser("first-password-1");
    const other = await signIn(user.id);
    await expect(changePassword(t.prisma, user.id, { currentPassword: "not-it", newPassword: "second-password-2" })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { currentPassword: ["Not your current password"] },
    });
    expect(await stillValid(other)).toBe(true);

    await changePassword(t.prisma, user.id, { currentPassword: "first-password-1", newPassword: "second-password-2" });
    expect(await stillValid(other)).toBe(false);
    const hash = (await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(await verifyPassword("second-password-2", hash)).toBe(true);
    expect(await verifyPassword("first-password-1", hash)).toBe(false);
  });

  it("a token from before this check (no session id or version), or of a deleted user, is not accepted", async () => {
    const user = await newUser();
    expect(await stillValid({ uid: user.id })).toBe(false);
    const token = await signIn(user.id);
    await t.prisma.user.delete({ where: { id: user.id } });
    expect(await stillValid(token)).toBe(false);
  });
});
