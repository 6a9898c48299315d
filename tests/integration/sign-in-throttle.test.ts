import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, clientAddress, recordFailure, throttleMessage, throttleState, WINDOW_MS } from "@/lib/auth/throttle";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

const PASSWORD = "correct horse battery staple";
const from = (address: string) => new Request("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": address } });

/** Password guessing: counted in the database per account and per address, refused before hashing. */
describe("sign-in throttle", () => {
  let t: TestDatabase;
  let n = 0;
  const newUser = async () => {
    const email = `guess-${++n}@example.test`;
    await t.prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
    return email;
  };
  const at = (start: number, seconds: number) => new Date(start + seconds * 1000);

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(`after ${ACCOUNT_LIMIT} wrong passwords the right one is refused too, until the window ends`, async () => {
    const email = await newUser();
    const start = Date.UTC(2026, 10, 30, 12);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect(await checkCredentials(t.prisma, { email, password: `guess-${i}` }, from(`10.0.0.${i}`), at(start, i))).toEqual({ ok: false, reason: "wrong_password" });
    }
    // From yet another address, with the right password: the account is what is protected.
    expect(await checkCredentials(t.prisma, { email, password: PASSWORD }, from("10.9.9.9"), at(start, 10))).toEqual({ ok: false, reason: "throttled" });
    const state = await throttleState(t.prisma, { email, address: "10.9.9.9" }, at(start, 10));
    expect(state).toMatchObject({ blocked: true, scope: "account", retryAt: new Date(start + WINDOW_MS) });
    expect(throttleMessage(state as Extract<typeof state, { blocked: true }>, at(start, 10))).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes, or ask an admin of your organization for help.",
    );
    expect(await checkCredentials(t.prisma, { email, password: PASSWORD }, from("10.9.9.9"), new Date(start + WINDOW_MS + 1000))).toMatchObject({ ok: true });
  });

  it("a right password clears the account's count, so a few typos never add up to a lock-out", async () => {
    const email = await newUser();
    const start = Date.UTC(2026, 10, 30, 13);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await checkCredentials(t.prisma, { email, password: "typo" }, from("10.1.1.1"), at(start, round * 10 + i));
      expect(await checkCredentials(t.prisma, { email, password: PASSWORD }, from("10.1.1.1"), at(start, round * 10 + 5))).toMatchObject({ ok: true });
    }
  });

  it(`one address guessing across many accounts is stopped after ${ADDRESS_LIMIT} failures; other addresses are not`, async () => {
    const start = Date.UTC(2026, 10, 30, 14);
    const victim = await newUser();
    for (let i = 0; i < ADDRESS_LIMIT; i++) await checkCredentials(t.prisma, { email: `nobody-${i}@example.test`, password: "x" }, from("203.0.113.7"), at(start, i));
    expect(await checkCredentials(t.prisma, { email: victim, password: PASSWORD }, from("203.0.113.7"), at(start, 40))).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials(t.prisma, { email: victim, password: PASSWORD }, from("198.51.100.1"), at(start, 41))).toMatchObject({ ok: true });
  });

  it("failures from several processes at once are all counted (one statement per count)", async () => {
    const email = "parallel@example.test";
    const now = new Date(Date.UTC(2026, 10, 30, 15));
    const counts = await Promise.all(Array.from({ length: 8 }, () => recordFailure(t.prisma, { email, address: "10.2.2.2" }, now)));
    expect(counts.map((c) => c.account).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("each failure is one log line without a stack trace or the password", async () => {
    const email = await newUser();
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    await checkCredentials(t.prisma, { email, password: "hunter2-guess" }, from("10.3.3.3"), new Date(Date.UTC(2026, 10, 30, 16)));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", msg: "sign-in failed", email, address: "10.3.3.3", accountFailures: 1 });
    expect(lines[0]).not.toMatch(/hunter2|\n\s+at /);
  });

  it("a bcrypt hash from an earlier version is replaced by Argon2id at the next sign-in", async () => {
    const bcrypt = (await import("bcryptjs")).default;
    const user = await t.prisma.user.create({ data: { email: "old-hash@example.test", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    expect(await checkCredentials(t.prisma, { email: user.email, password: PASSWORD }, from("10.4.4.4"))).toMatchObject({ ok: true });
    const after = (await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(after).toMatch(/^\$argon2id\$/);
    expect(await checkCredentials(t.prisma, { email: user.email, password: PASSWORD }, from("10.4.4.4"))).toMatchObject({ ok: true });
    expect(await checkCredentials(t.prisma, { email: user.email, password: "wrong-password-1" }, from("10.4.4.4"))).toMatchObject({ ok: false });
  });

  it("the client address is the entry the reverse proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 192.0.2.10" }))).toBe("192.0.2.10");
    expect(clientAddress(new Headers({ "x-real-ip": "192.0.2.11" }))).toBe("192.0.2.11");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
