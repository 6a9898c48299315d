import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The organization's Lever connection for imports; imports need it connected and healthy. */
export async function requireActiveConnection(organizationId: string) {
  const prisma = await db();
  const connection = await prisma.atsConnection.findFirst({
    where: { organizationId, status: { not: "DISCONNECTED" } },
    orderBy: { connectedAt: "desc" },
    include: { settings: true },
  });
  if (!connection) throw new AppError(409, "not_connected", "Lever is not connected. An admin can connect it in Settings → ATS.");
  if (connection.status !== "ACTIVE") {
    throw new AppError(409, "needs_reconnect", "The Lever connection needs to be reconnected by an admin in Settings → ATS.");
  }
  return connection;
}

export async function findConnection(organizationId: string) {
  const prisma = await db();
  return prisma.atsConnection.findFirst({
    where: { organizationId, status: { not: "DISCONNECTED" } },
    orderBy: { connectedAt: "desc" },
    select: { id: true, status: true },
  });
}
