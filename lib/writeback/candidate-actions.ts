import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { visibleCandidates } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/errors";
import { providerFor } from "@/lib/ats/registry";
import { currentConnection } from "@/lib/connections/lookup";
import { recordActions, type NewAction } from "./record";

export const MAX_CANDIDATES_PER_ACTION = 200;

const id = z.string().min(1).max(50).regex(/^[\w-]+$/, "That is not a valid id");
const common = {
  candidateIds: z
    .array(id)
    .min(1, "Select at least one candidate")
    .max(MAX_CANDIDATES_PER_ACTION, `Select at most ${MAX_CANDIDATES_PER_ACTION} candidates at a time`),
  /** When given, every candidate must be one of this job's. */
  jobId: id.optional(),
  // Chosen by the client once per submitted change: a double-click or a resent request repeats it.
  idempotencyKey: z
    .string({ error: "Reload the page and try again (the request key is missing)" })
    .min(8, { error: "Reload the page and try again (the request key is too short)" })
    .max(100, { error: "Reload the page and try again (the request key is too long)" })
    .regex(/^[\w-]+$/, { error: "Reload the page and try again (the request key is not valid)" }),
};

export const CandidateActionInput = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("advance"), stageId: z.string({ error: "Choose a stage" }).pipe(id), ...common }).strict(),
    z
      .object({
        action: z.literal("archive"),
        archiveReasonId: z.string({ error: "Choose a rejection reason" }).pipe(id),
        ...common,
      })
      .strict(),
  ],
  { error: "Choose whether to advance or reject" },
);
export type CandidateActionInput = z.infer<typeof CandidateActionInput>;

export interface CandidateActionOutcome {
  action: "advance" | "archive";
  /** Candidates selected. */
  requested: number;
  /** Candidates whose stage or archive state changed in the app. */
  changed: number;
  /** Already there: nothing to change or write. */
  unchanged: number;
  /** Writes queued for the ATS (0 when "Update stages" is off, or for a repeated request). */
  queued: number;
  writeBack: "queued" | "off" | "not_connected";
  /** The same idempotency key was used before: nothing was done again. */
  repeated: boolean;
}

/**
 * Advances candidates to a stage or archives them with a non-hired rejection reason. The app's copy
 * changes at once; with "Update stages" on, each change becomes a write-back action the
 * worker sends to the ATS. Every id must belong to the organization, else nothing changes (404).
 */
export async function applyCandidateAction(org: OrgContext, raw: unknown): Promise<CandidateActionOutcome> {
  const input = CandidateActionInput.parse(raw);
  const ids = [...new Set(input.candidateIds)];
  const prisma = await db();
  const organizationId = org.organizationId;

  // Candidates of a confidential job the member may not see count as not found, like another organization's.
  const candidates = await prisma.candidate.findMany({
    where: { ...visibleCandidates(org), id: { in: ids }, ...(input.jobId ? { jobId: input.jobId } : {}) },
    select: { id: true },
  });
  if (candidates.length !== ids.length) throw notFound(ids.length === 1 ? "Candidate not found" : "Some of the selected candidates were not found");

  const connection = await currentConnection(organizationId);
  const writeBack = !connection ? "not_connected" : (connection.settings?.updateStages ?? true) ? "queued" : "off";

  let target: { stageId: string; externalStageId: string } | { archiveReasonId: string; externalArchiveReasonId: string };
  if (input.action === "advance") {
    const stage = await prisma.stage.findFirst({ where: { organizationId, id: input.stageId }, select: { id: true, externalId: true } });
    if (!stage) throw badRequest("Choose one of your stages", { stageId: ["Unknown stage"] });
    target = { stageId: stage.id, externalStageId: stage.externalId };
  } else {
    const reason = await prisma.archiveReason.findFirst({
      where: { organizationId, id: input.archiveReasonId },
      select: { id: true, externalId: true, type: true, active: true, text: true },
    });
    if (!reason) throw badRequest("Choose one of your rejection reasons", { archiveReasonId: ["Unknown rejection reason"] });
    if (reason.type !== "non-hired") throw badRequest(`"${reason.text}" is a hired reason; rejecting needs a non-hired reason`, { archiveReasonId: ["Not a rejection reason"] });
    if (!reason.active) throw badRequest(`"${reason.text}" is inactive in your ATS; choose an active reason`, { archiveReasonId: ["Inactive reason"] });
    target = { archiveReasonId: reason.id, externalArchiveReasonId: reason.externalId };
  }

  const kind = input.action === "advance" ? "STAGE_CHANGE" : "ARCHIVE";
  const keyOf = (candidateId: string) => `${kind.toLowerCase()}:${input.idempotencyKey}:${candidateId}`;

  return prisma.$transaction(async (tx) => {
    // A double-click sends the same key twice at once: the lock makes the second request wait for the
    // first and then see its actions (on PostgreSQL both would otherwise read "nothing done yet").
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`candidate-action:${organizationId}:${input.idempotencyKey}`}))`;
    const repeated = (await tx.writeBackAction.count({ where: { organizationId, idempotencyKey: { in: ids.map(keyOf) } } })) > 0;
    const outcome = { action: input.action, requested: ids.length, changed: 0, unchanged: ids.length, queued: 0, writeBack, repeated } satisfies CandidateActionOutcome;
    if (repeated) return outcome;
    const current = await tx.candidate.findMany({
      where: { organizationId, id: { in: candidates.map((c) => c.id) } },
      select: { id: true, stageId: true, archivedAt: true, archiveReasonId: true },
    });
    const toChange = current.filter((c) =>
      "stageId" in target ? c.stageId !== target.stageId : !c.archivedAt || c.archiveReasonId !== target.archiveReasonId,
    );
    if (toChange.length === 0) return outcome;

    const changeIds = toChange.map((c) => c.id);
    const data = "stageId" in target ? target : { ...target, archivedAt: new Date() };
    await tx.candidate.updateMany({ where: { organizationId, id: { in: changeIds } }, data });

    let queued = 0;
    if (connection && writeBack === "queued") {
      const actions: NewAction[] = changeIds.map((candidateId) => ({
        organizationId,
        connectionId: connection.id,
        candidateId,
        kind,
        payload: target,
        idempotencyKey: keyOf(candidateId),
        requestedById: org.userId,
      }));
      queued = (await recordActions(tx, actions)).length;
    }
    return { ...outcome, changed: changeIds.length, unchanged: ids.length - changeIds.length, queued };
  });
}

/** What the bulk-action controls offer: the organization's stages and its active rejection reasons. */
export async function candidateActionOptions(org: OrgContext) {
  const prisma = await db();
  const organizationId = org.organizationId;
  const [stages, reasons, connection] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId }, orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true } }),
    prisma.archiveReason.findMany({
      where: { organizationId, type: "non-hired", active: true },
      orderBy: { text: "asc" },
      select: { id: true, text: true },
    }),
    currentConnection(organizationId),
  ]);
  return {
    stages,
    archiveReasons: reasons,
    /** "Lever": the ATS the changes are written to, or null when none is connected. */
    ats: connection ? providerFor(connection.provider).label : null,
    updatesAts: Boolean(connection && (connection.settings?.updateStages ?? true)),
  };
}
