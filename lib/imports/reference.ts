import type { OrgContext } from "@/lib/auth/guard";
import { isAdminRole } from "@/lib/auth/roles";
import { atsToAppError } from "@/lib/ats/errors";
import { providerFor } from "@/lib/ats/registry";
import { findConnection, requireActiveConnection } from "@/lib/connections/lookup";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import type { ConnectionForImport } from "./candidates";

export interface ReferenceData {
  stages: Array<{ id: string; text: string }>;
  /** Non-hired reasons the ATS still offers: what a recruiter can choose when rejecting. */
  rejectionReasons: Array<{ id: string; text: string }>;
  syncedAt: string | null;
}

/**
 * Stages and rejection reasons, mirrored per organization from its ATS. Reasons the ATS marks
 * inactive are kept (candidates may carry them) but hidden from choices.
 */
export async function syncStagesAndReasons(connection: Pick<ConnectionForImport, "id" | "organizationId">): Promise<{ stages: number; reasons: number }> {
  const prisma = await db();
  const row = await prisma.atsConnection.findFirstOrThrow({ where: { id: connection.id, organizationId: connection.organizationId }, select: { provider: true } });
  const provider = providerFor(row.provider);
  const session = provider.session(connection);
  const [stages, reasons] = await Promise.all([session.stages(), session.rejectionReasons()]);
  const { organizationId } = connection;
  const key = (externalId: string) => ({ organizationId_provider_externalId: { organizationId, provider: provider.column, externalId } });
  await prisma.$transaction(async (tx) => {
    for (const [position, s] of stages.entries()) {
      await tx.stage.upsert({
        where: key(s.externalId),
        update: { text: s.text, position, connectionId: connection.id },
        create: { organizationId, connectionId: connection.id, provider: provider.column, externalId: s.externalId, text: s.text, position },
      });
    }
    for (const r of reasons) {
      const data = { text: r.text, type: r.type, active: r.active, connectionId: connection.id };
      await tx.archiveReason.upsert({ where: key(r.externalId), update: data, create: { ...data, organizationId, provider: provider.column, externalId: r.externalId } });
    }
    // A reason deleted in the ATS can no longer be chosen.
    await tx.archiveReason.updateMany({
      where: { organizationId, provider: provider.column, externalId: { notIn: reasons.map((r) => r.externalId) } },
      data: { active: false },
    });
  });
  return { stages: stages.length, reasons: reasons.length };
}

/**
 * Stages and rejection reasons mirrored from the connected ATS, or null when none is connected. An
 * organization that switched ATS keeps the first one's rows (its candidates carry them); they are not
 * the connected ATS's, so they are not listed.
 */
export async function referenceData(organizationId: string): Promise<ReferenceData | null> {
  const connection = await findConnection(organizationId);
  if (!connection) return null;
  const prisma = await db();
  const { provider } = connection;
  const [stages, reasons] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId, provider }, orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true, updatedAt: true } }),
    prisma.archiveReason.findMany({
      where: { organizationId, provider, type: "non-hired", active: true },
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

/** Admins re-read stages and rejection reasons from the ATS now (the daily sync does it too). */
export async function refreshReference(org: OrgContext): Promise<{ stages: number; reasons: number }> {
  if (!isAdminRole(org.role)) {
    const label = (await findConnection(org.organizationId))?.providerLabel ?? "ATS";
    throw forbidden(`Only organization owners and admins can refresh ${label} data. Ask an admin of ${org.organizationName}.`);
  }
  const connection = await requireActiveConnection(org.organizationId);
  const label = providerFor(connection.provider).label;
  try {
    return await syncStagesAndReasons(connection);
  } catch (error) {
    throw atsToAppError(error, label);
  }
}
