import type { OrgContext } from "@/lib/auth/guard";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/definitions";
import { enqueue } from "@/lib/jobs/enqueue";

/** The connection's activity log and the deliveries that failed, for Settings → ATS. */
export async function connectionActivity(organizationId: string, connectionId: string) {
  const prisma = await db();
  const [entries, failed] = await Promise.all([
    prisma.auditLog.findMany({ where: { organizationId, connectionId }, orderBy: { createdAt: "desc" }, take: 25 }),
    prisma.webhookDelivery.findMany({ where: { organizationId, connectionId, status: "FAILED" }, orderBy: { receivedAt: "desc" }, take: 50 }),
  ]);
  // Entries are written with the person's email; the log shows their name (email on hover).
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const actors = actorIds.length ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  return { entries: entries.map((e) => ({ ...e, actor: (e.actorUserId && byId.get(e.actorUserId)) || null })), failed };
}

/** Puts a failed delivery back on the queue; another organization's delivery is 404. */
export async function retryDelivery(org: OrgContext, deliveryId: string): Promise<void> {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findFirst({ where: { id: deliveryId, organizationId: org.organizationId } });
  if (!delivery) throw notFound("Delivery not found");
  if (delivery.status !== "FAILED") return;
  await prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "RECEIVED" } });
  await enqueue(QUEUES.webhookDelivery.name, { deliveryId: delivery.id }, { singletonKey: `retry-${delivery.id}` });
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    connectionId: delivery.connectionId,
    action: "webhook.retried",
    message: `${org.userEmail} retried ${delivery.event} for ${delivery.externalCandidateId ?? "a candidate"}`,
  });
}
