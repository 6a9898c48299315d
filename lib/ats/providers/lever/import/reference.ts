import { db } from "@/lib/db/client";
import { LeverClient } from "../client";

/**
 * Stages and archive (rejection) reasons, mirrored per organization. Reasons Lever marks inactive
 * are kept (candidates may carry them) but hidden from choices.
 */
export async function syncStagesAndReasons(connection: { id: string; organizationId: string }): Promise<{ stages: number; reasons: number }> {
  const prisma = await db();
  const client = LeverClient.forConnection(connection.id);
  const [stages, reasons] = await Promise.all([client.stages(), client.archiveReasons()]);
  const organizationId = connection.organizationId;
  await prisma.$transaction(async (tx) => {
    for (const [position, s] of stages.entries()) {
      await tx.stage.upsert({
        where: { organizationId_provider_externalId: { organizationId, provider: "LEVER" as const, externalId: s.id } },
        update: { text: s.text, position, connectionId: connection.id },
        create: { organizationId, connectionId: connection.id, provider: "LEVER", externalId: s.id, text: s.text, position },
      });
    }
    for (const r of reasons) {
      const data = { text: r.text, type: r.type ?? "non-hired", active: r.status !== "inactive", connectionId: connection.id };
      await tx.archiveReason.upsert({
        where: { organizationId_provider_externalId: { organizationId, provider: "LEVER" as const, externalId: r.id } },
        update: data,
        create: { ...data, organizationId, provider: "LEVER", externalId: r.id },
      });
    }
    const seen = reasons.map((r) => r.id);
    // A reason deleted in Lever can no longer be chosen.
    await tx.archiveReason.updateMany({ where: { organizationId, provider: "LEVER", externalId: { notIn: seen } }, data: { active: false } });
  });
  return { stages: stages.length, reasons: reasons.length };
}
