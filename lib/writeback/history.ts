import type { OrgContext } from "@/lib/auth/guard";
import { visibleCandidates } from "@/lib/auth/job-access";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import type { WriteBackKind, WriteBackStatus } from "@/lib/generated/prisma/enums";
import { localIds } from "./payload";
import { enqueueActions } from "./record";

export interface WriteBackEntry {
  id: string;
  kind: WriteBackKind;
  /** In the recruiter's words: "Posted the screening note", "Moved to Phone screen", … */
  summary: string;
  status: WriteBackStatus;
  attempts: number;
  requestedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
  lastError: string | null;
  externalNoteId: string | null;
  externalResponse: unknown;
  /** "Lever": the ATS the action was written to. */
  ats: string;
}

/** A candidate's write-backs to the ATS, newest first. Another organization's candidate is a 404. */
export async function listWriteBacks(org: OrgContext, candidateId: string): Promise<WriteBackEntry[]> {
  const prisma = await db();
  const organizationId = org.organizationId;
  const candidate = await prisma.candidate.findFirst({ where: { id: candidateId, ...visibleCandidates(org) }, select: { id: true } });
  if (!candidate) throw notFound("Candidate not found");
  const actions = await prisma.writeBackAction.findMany({
    where: { organizationId, candidateId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { connection: { select: { provider: true } } },
  });
  const payloads = actions.map((a) => localIds(a.payload));
  const [stages, reasons, people] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId, id: { in: payloads.flatMap((p) => p.stageId ?? []) } }, select: { id: true, text: true } }),
    prisma.archiveReason.findMany({ where: { organizationId, id: { in: payloads.flatMap((p) => p.archiveReasonId ?? []) } }, select: { id: true, text: true } }),
    // Only members of this organization are named; anyone else shows as "Automatic".
    prisma.membership.findMany({
      where: { organizationId, userId: { in: actions.flatMap((a) => a.requestedById ?? []) } },
      select: { userId: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const stageText = new Map(stages.map((s) => [s.id, s.text]));
  const reasonText = new Map(reasons.map((r) => [r.id, r.text]));
  const personName = new Map(people.map((p) => [p.userId, p.user.name ?? p.user.email]));

  return actions.map((a, i) => {
    const p = payloads[i]!;
    const summary =
      a.kind === "NOTE"
        ? "Screening note"
        : a.kind === "STAGE_CHANGE"
          ? `Moved to ${stageText.get(p.stageId ?? "") ?? "a stage"}`
          : a.kind === "UNARCHIVE"
            ? "Restored (unarchived)"
            : `Rejected: ${reasonText.get(p.archiveReasonId ?? "") ?? "archive reason"}`;
    return {
      id: a.id,
      kind: a.kind,
      summary,
      status: a.status,
      attempts: a.attempts,
      requestedBy: a.requestedById ? (personName.get(a.requestedById) ?? null) : null,
      createdAt: a.createdAt,
      completedAt: a.completedAt,
      lastError: a.lastError,
      externalNoteId: a.externalNoteId,
      externalResponse: a.externalResponse,
      ats: providerFor(a.connection.provider).label,
    };
  });
}

/** Sends a FAILED action to the worker again (any member of the organization may). */
export async function retryWriteBack(org: OrgContext, actionId: string): Promise<{ id: string; status: WriteBackStatus }> {
  const prisma = await db();
  const organizationId = org.organizationId;
  return prisma.$transaction(async (tx) => {
    const action = await tx.writeBackAction.findFirst({
      where: { id: actionId, organizationId, candidate: { is: visibleCandidates(org) } },
      select: { id: true, status: true, connection: { select: { id: true, status: true, externalAccountId: true } } },
    });
    if (!action) throw notFound("Write-back not found");
    if (action.status !== "FAILED") throw conflict(action.status === "SUCCEEDED" ? "This write-back already succeeded" : "This write-back is already queued");
    // Reconnecting after a disconnect makes a new connection row: a retry goes through it when it is
    // the same Lever account (the opportunity ids mean nothing in another account).
    let connectionId = action.connection.id;
    if (action.connection.status === "DISCONNECTED") {
      const current = await tx.atsConnection.findFirst({
        where: { organizationId, status: { not: "DISCONNECTED" }, externalAccountId: action.connection.externalAccountId },
        select: { id: true },
      });
      if (!current) throw conflict("Reconnect the same Lever account in Settings → ATS, then retry.");
      connectionId = current.id;
    }
    // Conditional on FAILED, so two clicks queue it once.
    const claimed = await tx.writeBackAction.updateMany({ where: { id: action.id, organizationId, status: "FAILED" }, data: { status: "PENDING", connectionId } });
    if (claimed.count === 0) throw conflict("This write-back is already queued");
    await enqueueActions(tx, [action.id]);
    return { id: action.id, status: "PENDING" as const };
  });
}
