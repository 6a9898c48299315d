import { config } from "@/lib/config";
import type { Prisma, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueManyInTransaction } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/definitions";
import { queue } from "@/lib/jobs/queue";
import type { MailContent } from "./templates";

export type MailKind = "invitation" | "password_reset" | "digest";

/** Settled messages are kept this long, to look back at what was sent; nothing needs them after. */
export const OUTBOX_KEEP_DAYS = 90;

/** What the send job carries: only the row's id, so no address or link sits in the queue's tables. */
export interface SendMailJob {
  messageId: string;
}

export type OutgoingMail = MailContent & { kind: MailKind; to: string; organizationId?: string; userId?: string };

/** How messages are recorded: kept, or queued for SMTP; settled by `prepareMail` before the transaction. */
export interface MailSetting {
  smtp: boolean;
  now: Date;
}

/** What must happen before a transaction that records mail opens. */
export async function prepareMail(prisma: Prisma, options: { smtp?: boolean; now?: Date } = {}): Promise<MailSetting> {
  const smtp = options.smtp ?? config().mail.smtpUrl !== null;
  const now = options.now ?? new Date();
  // The queue is started (once per process) before the transaction opens, not while it holds a connection.
  if (smtp) await queue();
  // Mail is rare enough to tidy up as it comes; a message still being sent is left alone.
  await prisma.outboxMessage.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86400_000) }, status: { not: "QUEUED" } } });
  return { smtp, now };
}

/**
 * Records the messages and, when an SMTP server is configured, their send jobs in the caller's
 * transaction: a job exists if and only if its message does. Without SMTP_URL the messages are kept,
 * to be read in Settings → Sent email.
 */
export async function recordMail(tx: Tx, messages: OutgoingMail[], setting: MailSetting): Promise<Array<{ id: string; status: "QUEUED" | "KEPT" }>> {
  if (messages.length === 0) return [];
  const status = setting.smtp ? "QUEUED" : "KEPT";
  const rows = await tx.outboxMessage.createManyAndReturn({
    data: messages.map((message) => ({
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      organizationId: message.organizationId ?? null,
      userId: message.userId ?? null,
      status,
      createdAt: setting.now,
    })),
    select: { id: true },
  });
  if (setting.smtp) await enqueueManyInTransaction(tx, QUEUES.mailSend.name, rows.map((row) => ({ messageId: row.id }) satisfies SendMailJob));
  return rows.map((row) => ({ id: row.id, status }));
}

/** One message, recorded (and its send job queued) on its own. */
export async function queueMail(prisma: Prisma, message: OutgoingMail, options: { smtp?: boolean; now?: Date } = {}): Promise<{ id: string; status: "QUEUED" | "KEPT" }> {
  const setting = await prepareMail(prisma, options);
  const [queued] = await prisma.$transaction((tx) => recordMail(tx, [message], setting));
  return queued!;
}

/** Who reads the outbox: a member of one organization, with their role there. */
export interface OutboxReader {
  userId: string;
  organizationId: string;
}

const RANK: Record<Role, number> = { RECRUITER: 0, ADMIN: 1, OWNER: 2 };

/**
 * Password-reset mail belongs to a user, not to an organization. While no SMTP server is set it is the
 * only way to the link, so it is shown to the reader when, in every organization the user belongs
 * to, the reader is an owner or admin ranking at least as high as the user: no admin can take over an
 * owner's account, nor reach a user who also belongs to an organization the admin does not run.
 * Once mail is sent by SMTP the user reads it in their own mailbox and nobody sees it here.
 */
async function visibleResetMail(prisma: Prisma, reader: OutboxReader, where: { id?: string } = {}, take = 100) {
  if (config().mail.smtpUrl !== null) return [];
  const [readerRoles, messages] = await Promise.all([
    prisma.membership.findMany({ where: { userId: reader.userId }, select: { organizationId: true, role: true } }),
    prisma.outboxMessage.findMany({
      where: { ...where, organizationId: null, kind: "password_reset", user: { memberships: { some: { organizationId: reader.organizationId } } } },
      include: { user: { select: { memberships: { select: { organizationId: true, role: true } } } } },
      orderBy: { createdAt: "desc" },
      take,
    }),
  ]);
  const roleIn = new Map(readerRoles.map((m) => [m.organizationId, m.role]));
  if (RANK[roleIn.get(reader.organizationId) ?? "RECRUITER"] < RANK.ADMIN) return [];
  return messages.filter((m) =>
    m.user!.memberships.every((um) => {
      const role = roleIn.get(um.organizationId);
      return role !== undefined && RANK[role] >= RANK.ADMIN && RANK[role] >= RANK[um.role];
    }),
  );
}

const LIST_SIZE = 100;

/** The latest messages of the reader's organization, with the password-reset mail they may read. */
export async function listOutbox(prisma: Prisma, reader: OutboxReader) {
  const [own, resets] = await Promise.all([
    prisma.outboxMessage.findMany({ where: { organizationId: reader.organizationId }, orderBy: { createdAt: "desc" }, take: LIST_SIZE }),
    visibleResetMail(prisma, reader, {}, LIST_SIZE),
  ]);
  return [...own, ...resets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, LIST_SIZE);
}

/** One message the reader may read, or null (another organization's mail looks like no mail at all). */
export async function readOutboxMessage(prisma: Prisma, reader: OutboxReader, messageId: string) {
  const own = await prisma.outboxMessage.findFirst({ where: { id: messageId, organizationId: reader.organizationId } });
  if (own) return own;
  const [reset] = await visibleResetMail(prisma, reader, { id: messageId }, 1);
  return reset ?? null;
}
