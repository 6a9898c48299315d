import type { OrgContext } from "@/lib/auth/guard";
import { providerFor } from "@/lib/ats/registry";
import { db, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

/**
 * The one home of "the organization's connection": the newest one that is not disconnected (an
 * organization connects one ATS account at a time; a disconnected row stays for its history).
 */
const LIVE = { status: { not: "DISCONNECTED" as const } };
const NEWEST = { connectedAt: "desc" as const };

/** The organization's live connection with its settings and who connected it, or null (read in `tx` when given). */
export async function currentConnection(organizationId: string, tx?: Pick<Tx, "atsConnection">) {
  const prisma = tx ?? (await db());
  return prisma.atsConnection.findFirst({
    where: { organizationId, ...LIVE },
    include: { connectedBy: { select: { name: true, email: true } }, settings: true },
    orderBy: NEWEST,
  });
}

/** Just its id, state and provider: for pages that only need to know whether one exists. */
export async function findConnection(organizationId: string) {
  const prisma = await db();
  const row = await prisma.atsConnection.findFirst({ where: { organizationId, ...LIVE }, orderBy: NEWEST, select: { id: true, status: true, provider: true } });
  return row ? { ...row, providerLabel: providerFor(row.provider).label } : null;
}

/** The connection imports and write-backs need: connected and healthy, or a 409 that says what to do. */
export async function requireActiveConnection(organizationId: string) {
  const connection = await currentConnection(organizationId);
  if (!connection) throw new AppError(409, "not_connected", "No ATS is connected. An admin can connect one in Settings → ATS.");
  const label = providerFor(connection.provider).label;
  if (connection.status !== "ACTIVE") {
    throw new AppError(409, "needs_reconnect", `The ${label} connection needs to be reconnected by an admin in Settings → ATS.`);
  }
  return connection;
}

/** A connection of the caller's organization by id (not disconnected), or 404. */
export async function connectionOr404(org: Pick<OrgContext, "organizationId">, connectionId: string) {
  const prisma = await db();
  const connection = await prisma.atsConnection.findFirst({
    where: { id: connectionId, organizationId: org.organizationId, ...LIVE },
    include: { webhooks: true, settings: true },
  });
  if (!connection) throw notFound("Connection not found");
  return connection;
}
