import type { Prisma } from "@/lib/db/client";

/** Anything that can write an audit row: the app's client or one of its transactions. */
export type AuditWriter = Pick<Prisma, "auditLog">;

export interface AuditEntry {
  organizationId: string;
  actorUserId?: string | null;
  connectionId?: string | null;
  action: string;
  message: string;
  level?: "info" | "warn" | "error";
  details?: object;
}

/** The one way the app writes its activity and audit log (Settings → ATS shows a connection's entries). */
export async function audit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({ data: { ...entry, details: entry.details ?? undefined } });
}
