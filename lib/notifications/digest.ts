import { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { fromZod } from "@/lib/errors";
import { prepareMail, recordMail } from "@/lib/mail/outbox";
import { digestMail } from "@/lib/mail/templates";
import { unreadSince } from "./inbox";

/** Enough to read in one email; the rest are one link away, under the bell. */
export const DIGEST_ITEMS = 20;

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Members handled together: one read of their notifications, one claim and one insert of their mail. */
const BATCH = 200;

/**
 * The daily digest: every member who wants one and has unread notifications whose latest event came
 * after their last digest gets one email (into the outbox, then SMTP when configured). A member's
 * digest is claimed by moving `digestSentAt` to `now` only when it is still before `now`'s UTC day, so
 * a retried or duplicated job, even one running at the same moment, never sends a second one that day.
 * Members go in batches with a fixed number of queries each; a batch's claims and mail are one
 * transaction, so mail that could not be recorded leaves its members to the job's retry.
 */
export async function sendDigests(now: Date = new Date()): Promise<{ sent: number }> {
  const prisma = await db();
  const dayStart = startOfUtcDay(now);
  const notToday = { OR: [{ digestSentAt: null }, { digestSentAt: { lt: dayStart } }] };
  const members = await prisma.membership.findMany({
    where: { digestEmail: true, ...notToday, notifications: { some: { readAt: null } } },
    select: { id: true, organizationId: true, userId: true, role: true, digestSentAt: true, user: { select: { email: true } }, organization: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const appUrl = config().appUrl;
  let sent = 0;
  for (let start = 0; start < members.length; start += BATCH) {
    const batch = members.slice(start, start + BATCH);
    const unread = await unreadSince(
      batch.map((m) => ({
        org: { organizationId: m.organizationId, organizationName: m.organization.name, userId: m.userId, userEmail: m.user.email, role: m.role } satisfies OrgContext,
        since: m.digestSentAt,
      })),
      DIGEST_ITEMS,
    );
    const due = new Map<string, { member: (typeof batch)[number]; items: Array<{ title: string; link: string | null }>; total: number }>();
    batch.forEach((member, i) => {
      if (unread[i]!.total > 0) due.set(member.id, { member, ...unread[i]! });
    });
    if (due.size === 0) continue;
    const setting = await prepareMail(prisma, { now });
    sent += await prisma.$transaction(async (tx) => {
      const claimed = await tx.membership.updateManyAndReturn({ where: { id: { in: [...due.keys()] }, ...notToday }, data: { digestSentAt: now }, select: { id: true } });
      const mails = claimed.map(({ id }) => {
        const { member: m, items, total } = due.get(id)!;
        const mail = digestMail({
          organizationName: m.organization.name,
          total,
          items: items.map((n) => ({ title: n.title, url: n.link ? `${appUrl}${n.link}` : null })),
          moreUrl: `${appUrl}/`,
          settingsUrl: `${appUrl}/settings/profile`,
        });
        return { ...mail, kind: "digest" as const, to: m.user.email, organizationId: m.organizationId, userId: m.userId };
      });
      return (await recordMail(tx, mails, setting)).length;
    });
  }
  return { sent };
}

export const DigestSettingInput = z.object({ enabled: z.boolean({ error: "Send enabled: true or enabled: false" }) }, { error: "Send enabled: true or enabled: false" }).strict();

/** The member's own "Email me a daily digest" in the organization they are signed in to. */
export async function setDigestEmail(org: OrgContext, input: unknown): Promise<{ enabled: boolean }> {
  const parsed = DigestSettingInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  await prisma.membership.update({ where: { organizationId_userId: { organizationId: org.organizationId, userId: org.userId } }, data: { digestEmail: parsed.data.enabled } });
  return { enabled: parsed.data.enabled };
}

export async function digestEmailOf(org: OrgContext): Promise<boolean> {
  const prisma = await db();
  const m = await prisma.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: org.organizationId, userId: org.userId } }, select: { digestEmail: true } });
  return m.digestEmail;
}
