import type PgBoss from "pg-boss";
import type { Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import { workEach } from "@/lib/jobs/work";
import { deliverMail } from "./deliver";
import type { SendMailJob } from "./outbox";

/**
 * Works a mail queue: each job sends one outbox message. The last attempt pg-boss allows marks the
 * message failed, so the outbox never shows "sending" for a message nobody will retry.
 */
export function workMail(boss: PgBoss, queue: string, options: { transport: () => Pick<Transporter, "sendMail">; from: string }): Promise<string> {
  // Taken at sending time, so a transport that cannot be made (SMTP_URL removed while messages
  // waited) is written on the message like any other failure.
  const transport: Pick<Transporter, "sendMail"> = { sendMail: (message) => options.transport().sendMail(message) };
  return workEach<SendMailJob>(boss, queue, { batchSize: 5, concurrency: 5 }, async (job) => {
    await deliverMail(await db(), job.data.messageId, { transport, from: options.from, lastAttempt: job.retryCount >= job.retryLimit });
  });
}
