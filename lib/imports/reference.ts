import { isAdminRole, type OrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { syncStagesAndReasons } from "@/lib/ats/providers/lever/import/reference";
import { findConnection, requireActiveConnection } from "./connection";
import { leverToAppError } from "./lever-errors";

export interface ReferenceData {
  stages: Array<{ id: string; text: string }>;
  /** Non-hired reasons Lever still offers: what a recruiter can choose when rejecting. */
  rejectionReasons: Array<{ id: string; text: string }>;
  syncedAt: string | null;
}

/** Stages and rejection reasons mirrored from Lever, or null when no Lever connection exists. */
export async function referenceData(organizationId: string): Promise<ReferenceData | null> {
  const connection = await findConnection(organizationId);
  if (!connection) return null;
  const prisma = await db();
  const [stages, reasons] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId }, orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true, updatedAt: true } }),
    prisma.archiveReason.findMany({
      where: { organizationId, type: "non-hired", active: true },
      orderBy: { text: "asc" },
      select: { id: true, text: true, updatedAt: true },
    }),
  ]);
  const newest = [...stages, ...reasons].reduce<Date | null>((a, r) => (!a || r.updatedAt > a ? r.updatedAt : a), null);
  return {
    stages: stages.map(({ id, text }) => ({ id, text })),
    rejectionReasons: reasons.map(({ id, text }) => ({ id, text })),
    syncedAt: newest?.toISOString() ?? null,
  };
}

/** Admins re-read stages and archive reasons from Lever now (the daily sync does it too). */
export async function refreshReference(org: OrgContext): Promise<{ stages: number; reasons: number }> {
  if (!isAdminRole(org.role)) throw forbidden(`Only organization owners and admins can refresh Lever data. Ask an admin of ${org.organizationName}.`);
  const connection = await requireActiveConnection(org.organizationId);
  try {
    return await syncStagesAndReasons(connection);
  } catch (error) {
    throw leverToAppError(error);
  }
}
