import { z } from "zod";
import type { OrgContext } from "@/lib/auth/context";
import { visibleJobs } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { fromZod, notFound } from "@/lib/errors";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { isOwnId } from "@/lib/ids";

/** The bell's side: a member's own notifications in the organization they are signed in to. */

export const LIST_LIMIT = 20;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  /** The one candidate it is about, read from their row (gone once their data is deleted). */
  candidateName: string | null;
  body: string | null;
  link: string | null;
  count: number;
  read: boolean;
  at: string;
}

/** Only the member's own, and none about a job they can no longer see (a confidential job's access taken away). */
const mine = (org: OrgContext) => ({
  organizationId: org.organizationId,
  userId: org.userId,
  OR: [{ jobId: null }, { job: { is: visibleJobs(org) } }],
});

export async function unreadCount(org: OrgContext): Promise<number> {
  const prisma = await db();
  return prisma.notification.count({ where: { ...mine(org), readAt: null } });
}

/** The latest notifications, newest event first, with the unread count. */
export async function listNotifications(org: OrgContext): Promise<{ items: NotificationView[]; unread: number }> {
  const prisma = await db();
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: mine(org),
      orderBy: [{ lastEventAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
      select: { id: true, kind: true, title: true, body: true, link: true, count: true, readAt: true, lastEventAt: true, candidate: { select: { name: true } } },
    }),
    unreadCount(org),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      candidateName: n.candidate?.name ?? null,
      body: n.body,
      link: n.link,
      count: n.count,
      read: n.readAt !== null,
      at: n.lastEventAt.toISOString(),
    })),
    unread,
  };
}

/**
 * For each reader, their unread notifications whose latest event came after `since` (every unread one
 * when null), oldest first and at most `take`, with how many there are in all: what a daily digest
 * lists. Same visibility as the bell. One query for all readers, each with their own conditions.
 */
export async function unreadSince(readers: Array<{ org: OrgContext; since: Date | null }>, take: number): Promise<Array<{ items: Array<{ title: string; link: string | null }>; total: number }>> {
  if (readers.length === 0) return [];
  const prisma = await db();
  const rows = await prisma.notification.findMany({
    where: { OR: readers.map(({ org, since }) => ({ ...mine(org), readAt: null, ...(since ? { lastEventAt: { gt: since } } : {}) })) },
    orderBy: [{ lastEventAt: "asc" }, { id: "asc" }],
    select: { organizationId: true, userId: true, title: true, link: true },
  });
  const byReader = new Map<string, Array<{ title: string; link: string | null }>>();
  for (const { organizationId, userId, title, link } of rows) {
    const key = `${organizationId} ${userId}`;
    const list = byReader.get(key);
    if (list) list.push({ title, link });
    else byReader.set(key, [{ title, link }]);
  }
  return readers.map(({ org }) => {
    const all = byReader.get(`${org.organizationId} ${org.userId}`) ?? [];
    return { items: all.slice(0, take), total: all.length };
  });
}

export const MarkReadInput = z
  .object({
    ids: z
      .array(z.string({ error: "Each notification id must be text" }).max(50, { error: "That notification does not exist" }), { error: "Send the notifications to mark read as a list: ids: [...]" })
      .min(1, { error: "Choose at least one notification" })
      .max(100, { error: "Mark at most 100 notifications read at once" })
      .optional(),
    all: z.literal(true, { error: "Send all: true to mark every notification read" }).optional(),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { error: "Send either the notifications to mark read (ids: [...]) or all: true" });

/**
 * Marks notifications read: `{ ids }` or `{ all: true }`. An id that is not one of the member's own
 * (another member's, another organization's, or no notification at all) is a 404 and nothing changes.
 * Reading one ends its coalescing, so the next event starts a new notification.
 */
export async function markRead(org: OrgContext, input: unknown): Promise<{ marked: number; unread: number }> {
  const parsed = MarkReadInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const read = { readAt: new Date(), coalesceKey: null };
  let marked: number;
  if (parsed.data.all) {
    ({ count: marked } = await prisma.notification.updateMany({ where: { ...mine(org), readAt: null }, data: read }));
  } else {
    const ids = [...new Set(parsed.data.ids ?? [])];
    if (!ids.every(isOwnId)) throw notFound("Notification not found");
    marked = await prisma.$transaction(async (tx) => {
      const found = await tx.notification.count({ where: { ...mine(org), id: { in: ids } } });
      if (found !== ids.length) throw notFound("Notification not found");
      return (await tx.notification.updateMany({ where: { ...mine(org), id: { in: ids }, readAt: null }, data: read })).count;
    });
  }
  return { marked, unread: await unreadCount(org) };
}
