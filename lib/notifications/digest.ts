import { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { fromZod } from "@/lib/errors";
import { queueMail } from "@/lib/mail/outbox";
import { digestMail } from "@/lib/mail/templates";
import { unreadSince } from "./inbox";

/** Enough to read in one email; the rest are one link away, under the bell. */
export const DIGEST_ITEMS = 20;

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The daily digest: every member who wants one and has unread notifications whose latest event came
 * after their last digest gets one email (into the outbox, then SMTP when configured). A member's
 * digest is claimed by moving `digestSentAt` to `now` only when it is still before `now`'s UTC day, so
 * a retried or duplicated job, even one running at the same moment, never sends a second one that day.
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
  for (const m of members) {
    const org: OrgContext = { organizationId: m.organizationId, organizationName: m.organization.name, userId: m.userId, userEmail: m.user.email, role: m.role };
    const { items, total } = await unreadSince(org, m.digestSentAt, DIGEST_ITEMS);
    if (total === 0) continue;
    const claimed = await prisma.membership.updateMany({ where: { id: m.id, ...notToday }, data: { digestSentAt: now } });
    if (claimed.count === 0) continue;
    const mail = digestMail({
      organizationName: m.organization.name,
      total,
      items: items.map((n) => ({ title: n.title, url: n.link ? `${appUrl}${n.link}` : null })),
      moreUrl: `${appUrl}/`,
      settingsUrl: `${appUrl}/settings/profile`,
    });
    try {
      await queueMail(prisma, { ...mail, kind: "digest", to: m.user.email, organizationId: m.organizationId, userId: m.userId }, { now });
    } catch (error) {
      // Not queued: give the claim back, so the job's retry sends this member's digest.
      await prisma.membership.updateMany({ where: { id: m.id, digestSentAt: now }, data: { digestSentAt: m.digestSentAt } });
      throw error;
    }
    sent++;
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
