import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { visibleCandidates } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { providerFor } from "@/lib/ats/registry";
import { currentConnection } from "@/lib/connections/lookup";
import { cautionOf, organizationLateStages } from "./late-stage";
import { recordDecisions } from "@/lib/decisions/record";
import { recordActions, type NewAction } from "./record";

export const MAX_CANDIDATES_PER_ACTION = 200;

/** How long a rejection can be undone before it is sent to the ATS. */
export const UNDO_WINDOW_MS = 10_000;

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
        /** Hold the write-back for the Undo window (the bulk dialog offers Undo). */
        undo: z.boolean().optional(),
        /** The person saw that some are at a late stage or hired, and rejects them anyway. */
        confirmLate: z.boolean().optional(),
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
  /** Present while the change can be undone: nothing is sent to the ATS before `until`. */
  undo: { batchId: string; until: string } | null;
}

/**
 * Advances candidates to a stage or archives them with a non-hired rejection reason. The app's copy
 * changes at once; with "Update stages" on, each change becomes a write-back action the
 * worker sends to the ATS. Every id must belong to the organization, else nothing changes (404).
 */
export interface ActionOrigin {
  /** The automation rule and suggestion the change comes from (the record names them). */
  ruleId?: string;
  /** The rule's name when it acted, so the record still says which rule after it is renamed. */
  ruleName?: string;
  suggestionId?: string;
  /** Applied by the app after the rule's delay, with no person confirming. */
  automatic?: boolean;
}

export async function applyCandidateAction(org: OrgContext, raw: unknown, options: { now?: Date; origin?: ActionOrigin } = {}): Promise<CandidateActionOutcome> {
  const input = CandidateActionInput.parse(raw);
  const now = options.now ?? new Date();
  const origin = options.origin ?? {};
  const ids = [...new Set(input.candidateIds)];
  const prisma = await db();
  const organizationId = org.organizationId;

  // Candidates of a confidential job the member may not see count as not found, like another organization's.
  const candidates = await prisma.candidate.findMany({
    where: { ...visibleCandidates(org), id: { in: ids }, ...(input.jobId ? { jobId: input.jobId } : {}) },
    select: { id: true, name: true, stageId: true, stage: { select: { text: true } }, archiveReason: { select: { type: true } } },
  });
  if (candidates.length !== ids.length) throw notFound(ids.length === 1 ? "Candidate not found" : "Some of the selected candidates were not found");

  if (input.action === "archive" && !input.confirmLate) {
    const late = await organizationLateStages(prisma, organizationId);
    const flagged = candidates.filter((c) => cautionOf({ stageId: c.stageId, archiveReasonType: c.archiveReason?.type ?? null }, late));
    if (flagged.length > 0) {
      const named = flagged.slice(0, 3).map((c) => `${c.name} (${c.archiveReason?.type === "hired" ? "hired" : (c.stage?.text ?? "late stage")})`);
      const more = flagged.length > 3 ? ` and ${flagged.length - 3} more` : "";
      throw conflict(`${named.join(", ")}${more} ${flagged.length === 1 ? "is" : "are"} at a late stage or hired: confirm that you want to reject ${flagged.length === 1 ? "them" : "them all"}.`);
    }
  }

  const connection = await currentConnection(organizationId);
  const writeBack = !connection ? "not_connected" : (connection.settings?.updateStages ?? true) ? "queued" : "off";

  let target: { stageId: string; externalStageId: string } | { archiveReasonId: string; externalArchiveReasonId: string };
  let targetName: string;
  if (input.action === "advance") {
    const stage = await prisma.stage.findFirst({ where: { organizationId, id: input.stageId }, select: { id: true, externalId: true, text: true } });
    if (!stage) throw badRequest("Choose one of your stages", { stageId: ["Unknown stage"] });
    target = { stageId: stage.id, externalStageId: stage.externalId };
    targetName = stage.text;
  } else {
    const reason = await prisma.archiveReason.findFirst({
      where: { organizationId, id: input.archiveReasonId },
      select: { id: true, externalId: true, type: true, active: true, text: true },
    });
    if (!reason) throw badRequest("Choose one of your rejection reasons", { archiveReasonId: ["Unknown rejection reason"] });
    if (reason.type !== "non-hired") throw badRequest(`"${reason.text}" is a hired reason; rejecting needs a non-hired reason`, { archiveReasonId: ["Not a rejection reason"] });
    if (!reason.active) throw badRequest(`"${reason.text}" is inactive in your ATS; choose an active reason`, { archiveReasonId: ["Inactive reason"] });
    target = { archiveReasonId: reason.id, externalArchiveReasonId: reason.externalId };
    targetName = reason.text;
  }

  const kind = input.action === "advance" ? "STAGE_CHANGE" : "ARCHIVE";
  const keyOf = (candidateId: string) => `${kind.toLowerCase()}:${input.idempotencyKey}:${candidateId}`;

  return prisma.$transaction(async (tx) => {
    // A double-click sends the same key twice at once: the lock makes the second request wait for the
    // first and then see its actions (on PostgreSQL both would otherwise read "nothing done yet").
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`candidate-action:${organizationId}:${input.idempotencyKey}`}))`;
    const repeated = (await tx.writeBackAction.count({ where: { organizationId, idempotencyKey: { in: ids.map(keyOf) } } })) > 0;
    const outcome: CandidateActionOutcome = { action: input.action, requested: ids.length, changed: 0, unchanged: ids.length, queued: 0, writeBack, repeated, undo: null };
    if (repeated) return outcome;
    const current = await tx.candidate.findMany({
      where: { organizationId, id: { in: candidates.map((c) => c.id) } },
      select: { id: true, stageId: true, externalStageId: true, archivedAt: true, archiveReasonId: true, externalArchiveReasonId: true },
    });
    const toChange = current.filter((c) =>
      "stageId" in target ? c.stageId !== target.stageId : !c.archivedAt || c.archiveReasonId !== target.archiveReasonId,
    );
    if (toChange.length === 0) return outcome;

    const changeIds = toChange.map((c) => c.id);
    const data = "stageId" in target ? target : { ...target, archivedAt: now };
    await tx.candidate.updateMany({ where: { organizationId, id: { in: changeIds } }, data });

    // What Undo puts back: each candidate as it was before this change.
    const batch =
      input.action === "archive" && input.undo
        ? await tx.candidateActionBatch.create({
            data: {
              organizationId,
              kind,
              previous: toChange.map((c) => ({ ...c, archivedAt: c.archivedAt?.toISOString() ?? null })) satisfies PreviousState[],
              undoUntil: new Date(now.getTime() + UNDO_WINDOW_MS),
              requestedById: org.userId,
            },
            select: { id: true, undoUntil: true },
          })
        : null;

    let written: Array<{ id: string; candidateId: string }> = [];
    if (connection && writeBack === "queued") {
      const actions: NewAction[] = changeIds.map((candidateId) => ({
        organizationId,
        connectionId: connection.id,
        candidateId,
        kind,
        payload: target,
        idempotencyKey: keyOf(candidateId),
        requestedById: origin.automatic ? null : org.userId,
        ...(batch ? { batchId: batch.id } : {}),
      }));
      written = await recordActions(tx, actions, batch ? { startAfter: batch.undoUntil } : {});
    }
    const actionOf = new Map(written.map((w) => [w.candidateId, w.id] as const));
    const kindOfDecision = origin.automatic ? "AUTO_APPLIED" : origin.suggestionId ? "SUGGESTION_CONFIRMED" : input.action === "advance" ? "ADVANCE" : "REJECT";
    await recordDecisions(
      tx,
      changeIds.map((candidateId) => ({
        organizationId,
        candidateId,
        kind: kindOfDecision,
        actorUserId: origin.automatic ? null : org.userId,
        ruleId: origin.ruleId ?? null,
        suggestionId: origin.suggestionId ?? null,
        writeBackActionId: actionOf.get(candidateId) ?? null,
        details: {
          ...(input.action === "advance" ? { action: "advance", stage: targetName } : { action: "reject", reason: targetName, ...(batch ? { undoBatchId: batch.id } : {}) }),
          ...(origin.ruleName ? { rule: origin.ruleName } : {}),
        },
      })),
    );
    return {
      ...outcome,
      changed: changeIds.length,
      unchanged: ids.length - changeIds.length,
      queued: written.length,
      undo: batch ? { batchId: batch.id, until: batch.undoUntil.toISOString() } : null,
    };
  });
}

/** One candidate as it was before an undoable change (CandidateActionBatch.previous). */
const PreviousState = z.object({
  id: z.string(),
  stageId: z.string().nullable(),
  externalStageId: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReasonId: z.string().nullable(),
  externalArchiveReasonId: z.string().nullable(),
});
type PreviousState = z.infer<typeof PreviousState>;

export const UndoInput = z.object({ batchId: z.string({ error: "Say which change to undo" }).pipe(id) }).strict();

export interface UndoOutcome {
  /** Candidates put back as they were. */
  restored: number;
  /** Write-backs withdrawn before they reached the ATS. */
  withdrawn: number;
  /** Undone before: nothing was done again. */
  repeated: boolean;
}

/**
 * Undoes a change within its window: its write-backs are withdrawn before any reaches the ATS, and
 * the candidates go back to their stage and archive state. Another organization's change (or one on a
 * job the member may not see) is a 404; once the window has passed, or a write-back has started, 409.
 */
export async function undoCandidateAction(org: OrgContext, raw: unknown, clock: { now?: Date } = {}): Promise<UndoOutcome> {
  const { batchId } = UndoInput.parse(raw);
  const now = clock.now ?? new Date();
  const prisma = await db();
  const organizationId = org.organizationId;
  return prisma.$transaction(async (tx) => {
    // Two Undo clicks at once: the second waits and then finds it undone.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`candidate-action-undo:${organizationId}:${batchId}`}))`;
    const batch = await tx.candidateActionBatch.findFirst({ where: { id: batchId, organizationId } });
    if (!batch) throw notFound("That change was not found");
    const previous = z.array(PreviousState).parse(batch.previous);
    const visible = await tx.candidate.count({ where: { ...visibleCandidates(org), id: { in: previous.map((p) => p.id) } } });
    if (visible !== previous.length) throw notFound("That change was not found");
    if (batch.undoneAt) return { restored: previous.length, withdrawn: 0, repeated: true };
    if (now.getTime() >= batch.undoUntil.getTime()) throw conflict("Too late to undo: the change has already been sent on.");

    // Only actions no worker has touched are withdrawn; the worker claims an action by updating its
    // row, so either it sees the row gone or this sees it claimed (and refuses).
    const actions = await tx.writeBackAction.count({ where: { organizationId, batchId } });
    const withdrawn = await tx.writeBackAction.deleteMany({ where: { organizationId, batchId, status: "PENDING", attempts: 0 } });
    if (withdrawn.count !== actions) throw conflict("Too late to undo: the change is already being sent.");

    for (const p of previous) {
      await tx.candidate.updateMany({
        where: { id: p.id, organizationId },
        data: {
          stageId: p.stageId,
          externalStageId: p.externalStageId,
          archivedAt: p.archivedAt ? new Date(p.archivedAt) : null,
          archiveReasonId: p.archiveReasonId,
          externalArchiveReasonId: p.externalArchiveReasonId,
        },
      });
    }
    await tx.candidateActionBatch.update({ where: { id: batch.id, organizationId }, data: { undoneAt: now } });
    await recordDecisions(
      tx,
      previous.map((p) => ({ organizationId, candidateId: p.id, kind: "UNDO" as const, actorUserId: org.userId, details: { undoBatchId: batch.id } })),
    );
    return { restored: previous.length, withdrawn: withdrawn.count, repeated: false };
  });
}

/** What the bulk-action controls offer: the organization's stages and its active rejection reasons. */
export async function candidateActionOptions(org: OrgContext) {
  const prisma = await db();
  const organizationId = org.organizationId;
  const connection = await currentConnection(organizationId);
  // After a switch of ATS the earlier one's stages and reasons stay in the database; offer the connected one's.
  const ofProvider = connection ? { provider: connection.provider } : {};
  const [stages, reasons] = await Promise.all([
    prisma.stage.findMany({ where: { organizationId, ...ofProvider }, orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true } }),
    prisma.archiveReason.findMany({
      where: { organizationId, type: "non-hired", active: true, ...ofProvider },
      orderBy: { text: "asc" },
      select: { id: true, text: true },
    }),
  ]);
  return {
    stages,
    archiveReasons: reasons,
    /** "Lever": the ATS the changes are written to, or null when none is connected. */
    ats: connection ? providerFor(connection.provider).label : null,
    updatesAts: Boolean(connection && (connection.settings?.updateStages ?? true)),
    /** Restore is offered unless the ATS it would be written to cannot unarchive. */
    canRestore: !connection || !(connection.settings?.updateStages ?? true) || providerFor(connection.provider).capabilities.unreject,
    undoSeconds: UNDO_WINDOW_MS / 1000,
  };
}

export const RestoreInput = z.object({ idempotencyKey: common.idempotencyKey }).strict();

export interface RestoreOutcome {
  /** False when the candidate was not rejected (or this request was made before). */
  restored: boolean;
  queued: number;
  writeBack: "queued" | "off" | "not_connected";
  repeated: boolean;
}

/**
 * Restores a rejected candidate: unarchived here at once and, with "Update stages" on, in the ATS
 * by the worker. An ATS that cannot restore is refused (409) rather than left disagreeing with the app.
 */
export async function restoreCandidate(org: OrgContext, candidateId: string, raw: unknown): Promise<RestoreOutcome> {
  const { idempotencyKey } = RestoreInput.parse(raw);
  const prisma = await db();
  const organizationId = org.organizationId;
  const found = await prisma.candidate.findFirst({ where: { ...visibleCandidates(org), id: candidateId }, select: { id: true } });
  if (!found) throw notFound("Candidate not found");

  const connection = await currentConnection(organizationId);
  const writeBack = !connection ? "not_connected" : (connection.settings?.updateStages ?? true) ? "queued" : "off";
  if (connection && writeBack === "queued" && !providerFor(connection.provider).capabilities.unreject) {
    throw conflict(`${providerFor(connection.provider).label} cannot restore a rejected candidate: restore them there.`);
  }
  const key = `unarchive:${idempotencyKey}:${candidateId}`;

  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`candidate-action:${organizationId}:${idempotencyKey}`}))`;
    if ((await tx.writeBackAction.count({ where: { organizationId, idempotencyKey: key } })) > 0) return { restored: false, queued: 0, writeBack, repeated: true };
    const changed = await tx.candidate.updateMany({
      where: { id: candidateId, organizationId, archivedAt: { not: null } },
      data: { archivedAt: null, archiveReasonId: null, externalArchiveReasonId: null },
    });
    if (changed.count === 0) throw conflict("This candidate is not rejected.");
    let written: Array<{ id: string }> = [];
    if (connection && writeBack === "queued") {
      written = (
        await recordActions(tx, [
          { organizationId, connectionId: connection.id, candidateId, kind: "UNARCHIVE", payload: {}, idempotencyKey: key, requestedById: org.userId },
        ])
      );
    }
    await recordDecisions(tx, [{ organizationId, candidateId, kind: "RESTORE", actorUserId: org.userId, writeBackActionId: written[0]?.id ?? null }]);
    return { restored: true, queued: written.length, writeBack, repeated: false };
  });
}
