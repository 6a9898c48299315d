import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import {
  RESET_ADDRESS_LIMIT,
  RESET_EMAIL_LIMIT,
  RESET_LINK_PROBLEM,
  RESET_REQUESTED,
  RESET_TTL_MS,
  requestPasswordReset,
  resetPassword,
  resetTokenState,
} from "@/lib/auth/password-reset";
import { sessionIsCurrent } from "@/lib/auth/sessions";
import { WINDOW_MS } from "@/lib/auth/throttle";
import type { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

const OLD = "old password that was forgotten";
const NEW = "a brand new password 2026";

/** Forgot password: a neutral answer, a throttled request, a hashed single-use link that expires. */
describe("password reset", () => {
  let t: TestDatabase;
  let n = 0;
  let clock = Date.UTC(2026, 10, 1, 8);
  /** Each test on its own hour, so one test's throttle windows never reach the next. */
  const nextHour = () => new Date((clock += 3 * 3600_000));
  const newUser = async (options: { password?: boolean } = {}) => {
    const email = `reset-${++n}@example.test`;
    const user = await t.prisma.user.create({ data: { email, passwordHash: options.password === false ? null : await hashPassword(OLD) } });
    return { ...user, email };
  };
  const address = () => `10.20.${n}.${randomBytes(1)[0]}`;
  /** The link as the person reads it: from the outbox message, the one place the token is written. */
  const linkFor = async (userId: string) => {
    const message = await t.prisma.outboxMessage.findFirstOrThrow({ where: { userId, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    expect(token).toBeTruthy();
    return token!;
  };
  const refusal = async (promise: Promise<unknown>) => {
    const error = (await promise.then(
      () => null,
      (e: unknown) => e,
    )) as AppError | null;
    expect(error).not.toBeNull();
    return { status: error!.status, message: error!.message };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers an address with an account and one without in the same words; only the account gets a link", async () => {
    const user = await newUser();
    const now = nextHour();
    const known = await requestPasswordReset(t.prisma, { email: user.email, address: "10.1.0.1" }, now);
    const unknown = await requestPasswordReset(t.prisma, { email: "nobody-here@example.test", address: "10.1.0.2" }, now);
    expect(known).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(unknown).toEqual(known);
    expect(await t.prisma.outboxMessage.count({ where: { to: "nobody-here@example.test" } })).toBe(0);
    const message = await t.prisma.outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
    expect(message).toMatchObject({ to: user.email, kind: "password_reset", organizationId: null, status: "KEPT", subject: "Reset your Screening password" });
    expect(message.html).toContain('<a href="http://');
  });

  it("answers before looking the account up: the link is written by the work it hands on", async () => {
    const user = await newUser();
    const handedOn: Array<() => Promise<void>> = [];
    const answer = await requestPasswordReset(t.prisma, { email: user.email, address: address() }, nextHour(), (work) => void handedOn.push(work));
    expect(answer).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.prisma.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
    expect(handedOn).toHaveLength(1);
    await handedOn[0]!();
    expect(await t.prisma.outboxMessage.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps only a hash of the token: the database row does not hold the link's token", async () => {
    const user = await newUser();
    await requestPasswordReset(t.prisma, { email: user.email.toUpperCase(), address: address() }, nextHour());
    const token = await linkFor(user.id);
    const row = await t.prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sets the new password once: the old one stops working, sessions end, the link is then used up", async () => {
    const user = await newUser();
    const now = nextHour();
    const session = { uid: user.id, sv: user.sessionVersion, sid: "session-before-reset" };
    expect(await sessionIsCurrent(t.prisma, session)).toBe(true);
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const token = await linkFor(user.id);
    expect(await resetTokenState(t.prisma, token, now)).toBe("valid");

    expect(await resetPassword(t.prisma, { token, password: NEW }, new Date(now.getTime() + 60_000))).toEqual({ email: user.email });
    expect(await checkCredentials(t.prisma, { email: user.email, password: NEW }, undefined, now)).toMatchObject({ ok: true });
    expect(await checkCredentials(t.prisma, { email: user.email, password: OLD }, undefined, now)).toEqual({ ok: false, reason: "wrong_password" });
    expect(await sessionIsCurrent(t.prisma, session)).toBe(false);

    expect(await resetTokenState(t.prisma, token, now)).toBe("used");
    expect(await refusal(resetPassword(t.prisma, { token, password: "yet another password 99" }, now))).toEqual({ status: 400, message: RESET_LINK_PROBLEM.used });
    expect(await checkCredentials(t.prisma, { email: user.email, password: NEW }, undefined, now)).toMatchObject({ ok: true });
  });

  it("two submissions of one link at once change the password once", async () => {
    const user = await newUser();
    const now = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const token = await linkFor(user.id);
    const results = await Promise.allSettled([
      resetPassword(t.prisma, { token, password: "first racing password" }, now),
      resetPassword(t.prisma, { token, password: "second racing password" }, now),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = results[0]!.status === "fulfilled" ? "first racing password" : "second racing password";
    expect(await checkCredentials(t.prisma, { email: user.email, password: winner }, undefined, now)).toMatchObject({ ok: true });
  });

  it("a link works for an hour, not a second longer", async () => {
    const user = await newUser();
    const now = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const token = await linkFor(user.id);
    expect(await resetTokenState(t.prisma, token, new Date(now.getTime() + RESET_TTL_MS - 1000))).toBe("valid");
    const late = new Date(now.getTime() + RESET_TTL_MS);
    expect(await resetTokenState(t.prisma, token, late)).toBe("expired");
    expect(await refusal(resetPassword(t.prisma, { token, password: NEW }, late))).toEqual({ status: 400, message: RESET_LINK_PROBLEM.expired });
    expect(await checkCredentials(t.prisma, { email: user.email, password: OLD }, undefined, late)).toMatchObject({ ok: true });
  });

  it("a made-up or truncated token is refused and changes nothing", async () => {
    const user = await newUser();
    const now = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const token = await linkFor(user.id);
    for (const forged of [randomBytes(32).toString("base64url"), token.slice(0, -1), "short"]) {
      expect(await resetTokenState(t.prisma, forged, now)).toBe("unknown");
      expect(await refusal(resetPassword(t.prisma, { token: forged, password: NEW }, now))).toEqual({ status: 400, message: RESET_LINK_PROBLEM.unknown });
    }
    expect(await resetTokenState(t.prisma, token, now)).toBe("valid");
    expect(await checkCredentials(t.prisma, { email: user.email, password: OLD }, undefined, now)).toMatchObject({ ok: true });
  });

  it("a newer link's use ends the older links too", async () => {
    const user = await newUser();
    const now = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const older = await linkFor(user.id);
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, new Date(now.getTime() + 1000));
    const newer = await linkFor(user.id);
    expect(newer).not.toBe(older);
    await resetPassword(t.prisma, { token: newer, password: NEW }, new Date(now.getTime() + 2000));
    expect(await resetTokenState(t.prisma, older, new Date(now.getTime() + 3000))).toBe("used");
  });

  it(`an address is given at most ${RESET_EMAIL_LIMIT} links per window, and the refusal reads the same with or without an account`, async () => {
    const user = await newUser();
    const now = nextHour();
    const ask = (email: string, seconds: number) => requestPasswordReset(t.prisma, { email, address: address() }, new Date(now.getTime() + seconds * 1000));
    for (let i = 0; i < RESET_EMAIL_LIMIT; i++) {
      expect(await ask(user.email, i)).toEqual({ ok: true, message: RESET_REQUESTED });
      expect(await ask("ghost@example.test", i)).toEqual({ ok: true, message: RESET_REQUESTED });
    }
    const refused = await ask(user.email, 10);
    expect(refused).toEqual({ ok: false, status: 429, message: "Too many reset requests. Try again in 15 minutes." });
    expect(await ask("ghost@example.test", 10)).toEqual(refused);
    expect(await t.prisma.outboxMessage.count({ where: { userId: user.id } })).toBe(RESET_EMAIL_LIMIT);
    // The next window gives links again.
    expect(await ask(user.email, WINDOW_MS / 1000 + 1)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.prisma.outboxMessage.count({ where: { userId: user.id } })).toBe(RESET_EMAIL_LIMIT + 1);
  });

  it(`one client address asking for many accounts is stopped after ${RESET_ADDRESS_LIMIT} requests; other addresses are not`, async () => {
    const user = await newUser();
    const now = nextHour();
    for (let i = 0; i < RESET_ADDRESS_LIMIT; i++) await requestPasswordReset(t.prisma, { email: `spray-${i}@example.test`, address: "203.0.113.9" }, now);
    expect(await requestPasswordReset(t.prisma, { email: user.email, address: "203.0.113.9" }, now)).toMatchObject({ ok: false, status: 429 });
    expect(await t.prisma.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
    expect(await requestPasswordReset(t.prisma, { email: user.email, address: "198.51.100.9" }, now)).toEqual({ ok: true, message: RESET_REQUESTED });
  });

  it("links expired more than a day ago are deleted when a new one is written", async () => {
    const user = await newUser();
    const then = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, then);
    const old = await linkFor(user.id);
    const dayAfterExpiry = new Date(then.getTime() + RESET_TTL_MS + 86400_000 + 1000);
    expect(await resetTokenState(t.prisma, old, dayAfterExpiry)).toBe("expired");
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, dayAfterExpiry);
    expect(await resetTokenState(t.prisma, old, dayAfterExpiry)).toBe("unknown");
    expect(await t.prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an account that signs in only through SSO gets no link, and the same answer", async () => {
    const user = await newUser({ password: false });
    expect(await requestPasswordReset(t.prisma, { email: user.email, address: address() }, nextHour())).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("neither the token nor the password reaches the logs", async () => {
    const user = await newUser();
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const now = nextHour();
    await requestPasswordReset(t.prisma, { email: user.email, address: address() }, now);
    const token = await linkFor(user.id);
    await resetPassword(t.prisma, { token, password: NEW }, now);
    await resetPassword(t.prisma, { token, password: NEW }, now).catch(() => undefined);
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain(NEW);
  });
});
