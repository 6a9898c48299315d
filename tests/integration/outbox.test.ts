import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import type PgBoss from "pg-boss";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { resetConfigForTests } from "@/lib/config";
import type { Role } from "@/lib/generated/prisma/enums";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues, QUEUES } from "@/lib/jobs/definitions";
import { stopQueue } from "@/lib/jobs/queue";
import { deliverMail, SENT_LINK_REMOVED } from "@/lib/mail/deliver";
import { listOutbox, OUTBOX_KEEP_DAYS, queueMail, readOutboxMessage } from "@/lib/mail/outbox";
import { invitationMail } from "@/lib/mail/templates";
import { workMail } from "@/lib/mail/worker";
import { invite } from "@/lib/organizations/service";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port; `refuse` makes it answer every recipient with a 550. */
async function smtpServer(options: { refuse?: boolean; user?: string; pass?: string } = {}) {
  const received: Received[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: !options.user,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (!options.refuse) return callback();
      refusals += 1;
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, refusals: () => refusals, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const transportTo = (port: number, auth?: { user: string; pass: string }) =>
  nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, auth, connectionTimeout: 5000 });

describe("outbox: every email recorded, read by its organization's admins, sent when SMTP is set", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    delete process.env.SMTP_URL;
    resetConfigForTests();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await stopQueue();
    await t.close();
  });

  const member = async (org: OrgContext, role: Role, email = `${role.toLowerCase()}-${randomBytes(3).toString("hex")}@example.test`) => {
    const user = await t.prisma.user.create({ data: { email, passwordHash: "$argon2id$placeholder" } });
    await t.prisma.membership.create({ data: { organizationId: org.organizationId, userId: user.id, role } });
    return { ...org, userId: user.id, userEmail: email, role };
  };
  const resetMailOf = async (email: string) => {
    await requestPasswordReset(t.prisma, { email, address: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });
    return t.prisma.outboxMessage.findFirstOrThrow({ where: { to: email, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  };
  const seenBy = async (reader: OrgContext, messageId: string) => {
    const listed = (await listOutbox(t.prisma, reader)).some((m) => m.id === messageId);
    const read = (await readOutboxMessage(t.prisma, reader, messageId)) !== null;
    expect(listed).toBe(read);
    return read;
  };

  it("an invitation is kept in its organization's outbox with the link; another organization's admin sees nothing of it", async () => {
    const a = await makeOrg(t.prisma, "Inviter", "ADMIN");
    const b = await makeOrg(t.prisma, "Neighbour", "OWNER");
    const { url } = await invite(t.prisma, a, { email: "new.hire@example.test", role: "RECRUITER" });
    const listed = await listOutbox(t.prisma, a);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ organizationId: a.organizationId, to: "new.hire@example.test", kind: "invitation", status: "KEPT", sentAt: null });
    expect(listed[0]!.text).toContain(url);
    expect(listed[0]!.subject).toBe(`${a.userEmail} invited you to Inviter on Screening`);
    expect(await listOutbox(t.prisma, b)).toEqual([]);
    expect(await readOutboxMessage(t.prisma, b, listed[0]!.id)).toBeNull();
    expect(await readOutboxMessage(t.prisma, a, listed[0]!.id)).toMatchObject({ id: listed[0]!.id });
  });

  it("a member's password-reset mail is read by their organization's admins, never by another organization's", async () => {
    const a = await makeOrg(t.prisma, "Home", "OWNER");
    const aAdmin = await member(a, "ADMIN");
    const aRecruiter = await member(a, "RECRUITER");
    const b = await makeOrg(t.prisma, "Elsewhere", "OWNER");
    const mail = await resetMailOf(aRecruiter.userEmail);
    expect(await seenBy(a, mail.id)).toBe(true);
    expect(await seenBy(aAdmin, mail.id)).toBe(true);
    expect(await seenBy(b, mail.id)).toBe(false);
    // A recruiter reads no outbox, not even their own colleague's mail.
    expect(await seenBy(await member(a, "RECRUITER"), mail.id)).toBe(false);
  });

  it("an admin cannot read an owner's reset link, nor that of someone who also belongs to an organization the admin does not run", async () => {
    const a = await makeOrg(t.prisma, "Owned", "OWNER");
    const aAdmin = await member(a, "ADMIN");
    const secondOwner = await member(a, "OWNER");
    const ownerMail = await resetMailOf(secondOwner.userEmail);
    expect(await seenBy(aAdmin, ownerMail.id)).toBe(false);
    expect(await seenBy(a, ownerMail.id)).toBe(true);

    const shared = await member(a, "RECRUITER");
    const b = await makeOrg(t.prisma, "Other", "OWNER");
    await t.prisma.membership.create({ data: { organizationId: b.organizationId, userId: shared.userId, role: "RECRUITER" } });
    const sharedMail = await resetMailOf(shared.userEmail);
    expect(await seenBy(a, sharedMail.id)).toBe(false);
    expect(await seenBy(b, sharedMail.id)).toBe(false);
  });

  it("with SMTP configured, reset mail is delivered and shown to nobody; the message and its send job are written together", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetConfigForTests();
    const a = await makeOrg(t.prisma, "Mailing", "OWNER");
    const recruiter = await member(a, "RECRUITER");
    const mail = await resetMailOf(recruiter.userEmail);
    expect(mail.status).toBe("QUEUED");
    expect(await seenBy(a, mail.id)).toBe(false);
    const jobs = await t.prisma.$queryRaw<Array<{ data: { messageId: string } }>>`SELECT data FROM pgboss.job WHERE name = ${QUEUES.mailSend.name}`;
    expect(jobs.map((j) => j.data.messageId)).toContain(mail.id);
    // The job carries the id only: no address or link in the queue's tables.
    expect(JSON.stringify(jobs)).not.toContain(recruiter.userEmail);
  });

  it("delivers through a real SMTP server with its credentials, once; a sent reset mail no longer keeps its link", async () => {
    const server = await smtpServer({ user: "mailer", pass: "s3cret-pass" });
    servers.push(server);
    const a = await makeOrg(t.prisma, "Delivering", "OWNER");
    const content = invitationMail({ organizationName: "Delivering", inviterEmail: a.userEmail, role: "ADMIN", url: "http://localhost:3000/invite/abc", days: 7 });
    const invitation = await queueMail(t.prisma, { ...content, kind: "invitation", to: "hire@example.test", organizationId: a.organizationId }, { smtp: true });
    const transport = transportTo(server.port, { user: "mailer", pass: "s3cret-pass" });
    const sentAt = new Date(Date.UTC(2026, 10, 20, 9));
    expect(await deliverMail(t.prisma, invitation.id, { transport, from: "Screening <no-reply@example.test>", lastAttempt: false, now: () => sentAt })).toBe("sent");
    expect(await deliverMail(t.prisma, invitation.id, { transport, from: "Screening <no-reply@example.test>", lastAttempt: false })).toBe("already_sent");
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ from: "no-reply@example.test", to: ["hire@example.test"] });
    expect(server.received[0]!.raw).toContain("http://localhost:3000/invite/abc");
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "SENT", sentAt, attempts: 1, error: null });

    const reset = await queueMail(t.prisma, { subject: "Reset", text: "http://localhost:3000/reset-password/secret-token", html: "<p>x</p>", kind: "password_reset", to: "u@example.test" }, { smtp: true });
    await deliverMail(t.prisma, reset.id, { transport, from: "no-reply@example.test", lastAttempt: false });
    expect(server.received[1]!.raw).toContain("secret-token");
    const kept = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: reset.id } });
    expect(kept).toMatchObject({ status: "SENT", text: SENT_LINK_REMOVED });
    expect(kept.html).not.toContain("secret-token");
  });

  it(`settled messages older than ${OUTBOX_KEEP_DAYS} days are deleted as new mail is written; one still being sent is kept`, async () => {
    const a = await makeOrg(t.prisma, "Old mail", "OWNER");
    const write = (now: Date, smtp: boolean) => queueMail(t.prisma, { subject: "S", text: "T", html: "<p>T</p>", kind: "invitation", to: "old@example.test", organizationId: a.organizationId }, { smtp, now });
    const start = new Date(Date.UTC(2025, 0, 1));
    const kept = await write(start, false);
    const sending = await write(start, true);
    await write(new Date(start.getTime() + OUTBOX_KEEP_DAYS * 86400_000), false);
    expect(await t.prisma.outboxMessage.count({ where: { id: { in: [kept.id, sending.id] } } })).toBe(2);
    await write(new Date(start.getTime() + OUTBOX_KEEP_DAYS * 86400_000 + 1000), false);
    expect((await t.prisma.outboxMessage.findMany({ where: { id: { in: [kept.id, sending.id] } } })).map((m) => m.id)).toEqual([sending.id]);
  });

  it("a refused message is retried by the queue, then marked failed with the server's answer and no password", async () => {
    const server = await smtpServer({ refuse: true, user: "mailer", pass: "hunter2-smtp" });
    servers.push(server);
    const boss = createBoss(t.database, { schedule: false, supervise: false });
    await boss.start();
    const queue = `test.mail-${randomBytes(3).toString("hex")}`;
    // Two retries at once instead of the real queue's minutes of backoff; the handler is the real one.
    await ensureQueues(boss, [{ name: queue, retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 }]);
    const a = await makeOrg(t.prisma, "Refused", "OWNER");
    const message = await queueMail(t.prisma, { subject: "Hello", text: "Hi", html: "<p>Hi</p>", kind: "invitation", to: "nobody@example.test", organizationId: a.organizationId }, { smtp: false });
    await boss.send(queue, { messageId: message.id });
    await workMail(boss as PgBoss, queue, { transport: () => transportTo(server.port, { user: "mailer", pass: "hunter2-smtp" }), from: "no-reply@example.test" });
    let row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    for (let i = 0; i < 600 && row.status !== "FAILED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    }
    await boss.stop({ graceful: false, close: false, wait: true, timeout: 2000 });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
    expect(row.error).toContain("550 Mailbox unavailable");
    expect(server.refusals()).toBe(3);
    expect(row.error).not.toContain("hunter2");
    expect(server.received).toHaveLength(0);
  });

  it("a failed attempt before the last leaves the message queued with the reason; the last marks it failed", async () => {
    const server = await smtpServer({ refuse: true });
    servers.push(server);
    const a = await makeOrg(t.prisma, "Retrying", "OWNER");
    const message = await queueMail(t.prisma, { subject: "S", text: "T", html: "<p>T</p>", kind: "invitation", to: "x@example.test", organizationId: a.organizationId }, { smtp: false });
    const transport = transportTo(server.port);
    await expect(deliverMail(t.prisma, message.id, { transport, from: "no-reply@example.test", lastAttempt: false })).rejects.toThrow(/550/);
    expect(await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "QUEUED", attempts: 1 });
    await expect(deliverMail(t.prisma, message.id, { transport, from: "no-reply@example.test", lastAttempt: true })).rejects.toThrow(/550/);
    const row = await t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(row.error).toContain("Mailbox unavailable");
    expect(server.refusals()).toBe(2);
  });
});
