import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/db/client";
import { log, redact } from "@/lib/log";

/** What a sent password-reset message keeps: its link would still work for up to an hour. */
export const SENT_LINK_REMOVED = "This message held a single-use link. It was sent, and the link is not kept here.";

let transport: Transporter | undefined;

/**
 * One SMTP transport per process. The URL carries the password: it is only handed to
 * nodemailer, never logged (nodemailer's own logger stays off).
 */
export function smtpTransport(): Transporter {
  const url = config().mail.smtpUrl;
  if (!url) throw new Error("SMTP_URL is not set");
  transport ??= nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, logger: false });
  return transport;
}

/** An SMTP error in words, without anything that could be a credential. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return String(redact(message)).replace(/\/\/[^@\s/]*@/g, "//[redacted]@").slice(0, 500);
}

export type Delivery = "sent" | "already_sent" | "missing";

/**
 * Sends one outbox message. A failure is written on the message (status QUEUED while retries remain,
 * FAILED after the last one) and thrown, so the queue retries it with backoff. A message already sent
 * is not sent again when its job runs twice.
 */
export async function deliverMail(
  prisma: Prisma,
  messageId: string,
  options: { transport: Pick<Transporter, "sendMail">; from: string; lastAttempt: boolean; now?: () => Date },
): Promise<Delivery> {
  const now = options.now ?? (() => new Date());
  const message = await prisma.outboxMessage.findUnique({ where: { id: messageId } });
  if (!message) return "missing";
  if (message.status === "SENT") return "already_sent";
  try {
    await options.transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
  } catch (error) {
    const reason = describe(error);
    await prisma.outboxMessage.update({
      where: { id: message.id },
      data: { attempts: { increment: 1 }, error: reason, status: options.lastAttempt ? "FAILED" : "QUEUED" },
    });
    log.warn(options.lastAttempt ? "email not sent; giving up" : "email not sent; retrying", { messageId: message.id, kind: message.kind, error: reason });
    throw new Error(`SMTP: ${reason}`);
  }
  const linkGone = message.kind === "password_reset" ? { text: SENT_LINK_REMOVED, html: `<p>${SENT_LINK_REMOVED}</p>` } : {};
  await prisma.outboxMessage.update({
    where: { id: message.id },
    data: { status: "SENT", sentAt: now(), error: null, attempts: { increment: 1 }, ...linkGone },
  });
  log.info("email sent", { messageId: message.id, kind: message.kind });
  return "sent";
}
