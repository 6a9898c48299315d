import { AtsApiError, isPermanentAtsError } from "@/lib/ats/errors";
import type { AtsProvider, AtsSession, ResultForm, ResultFormat, ResultNote } from "@/lib/ats/provider";
import { providerFor } from "@/lib/ats/registry";
import { db } from "@/lib/db/client";
import type { WriteBackKind } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { announceWriteBackFailure } from "@/lib/notifications/raise";
import { readPayload, type NotePayload } from "./payload";
import { candidateUrl, noteMarker } from "./record";

export interface ExecuteOptions {
  /** The queue will not run this job again: a failure now is final (FAILED, shown with Retry). */
  finalAttempt: boolean;
  /** Tests hand in a session; the worker uses the connection's, at low priority behind webhook work. */
  session?: AtsSession;
}

export type ExecuteOutcome = "succeeded" | "skipped" | "failed";

type AtsAnswer = Record<string, unknown>;

/** Thrown for failures that retrying cannot fix (the action becomes FAILED at once). */
class PermanentFailure extends Error {}

/**
 * Runs one recorded write-back action against the ATS. An action that already SUCCEEDED is never run
 * again; a failure the ATS may recover from (429, 5xx, network) is thrown so the queue retries it with
 * backoff, and becomes FAILED on the last attempt.
 */
export async function executeWriteBack(actionId: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const prisma = await db();
  const action = await prisma.writeBackAction.findUnique({
    where: { id: actionId },
    include: {
      candidate: { select: { id: true, jobId: true, externalId: true } },
      connection: { select: { id: true, organizationId: true, provider: true, status: true, actingUserExternalId: true, scopes: true, settings: { select: { resultFormat: true } } } },
    },
  });
  if (!action || action.status === "SUCCEEDED") return "skipped";
  const { organizationId } = action;

  // A stage change or archive that a later one of the same kind replaced is not sent, so a late
  // retry never undoes the newer move (a restore and a rejection replace each other). (The app's copy cannot decide this: the ATS's webhook for the
  // older write may already have set it back to the older stage.)
  if (action.kind !== "NOTE" && (await replacedByLater(action))) {
    await prisma.writeBackAction.update({
      where: { id: action.id, organizationId },
      data: { status: "SUCCEEDED", lastError: null, externalResponse: { ok: true, skipped: "superseded" }, completedAt: new Date() },
    });
    return "skipped";
  }

  // Claimed by a conditional update: an Undo that withdrew the action first leaves nothing to claim.
  const claimed = await prisma.writeBackAction.updateMany({
    where: { id: action.id, organizationId, status: { not: "SUCCEEDED" } },
    data: { status: "RUNNING", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const attemptedBefore = action.attempts > 0;

  const provider = providerFor(action.connection.provider);
  try {
    if (action.connection.status !== "ACTIVE") {
      throw new PermanentFailure(
        action.connection.status === "NEEDS_RECONNECT" ? `The ${provider.label} connection needs to be reconnected by an admin` : `${provider.label} is disconnected`,
      );
    }
    const session = options.session ?? provider.session(action.connection, { priority: "low" });
    const actAs = action.connection.actingUserExternalId;
    const externalId = action.candidate.externalId;

    let answer: AtsAnswer;
    let externalNoteId: string | null = null;
    const unreadable = () => new PermanentFailure("This action does not say what to write; ask for the change again");
    if (action.kind === "NOTE") {
      const payload = readPayload("NOTE", action.payload);
      if (!payload) throw unreadable();
      const format = resultFormatOf(provider, action.connection);
      const written = await writeNote(session, { action, payload, actAs, attemptedBefore, format });
      externalNoteId = written.noteId;
      answer = written.answer;
    } else if (action.kind === "STAGE_CHANGE") {
      const payload = readPayload("STAGE_CHANGE", action.payload);
      if (!payload) throw unreadable();
      await session.moveStage(externalId, payload.externalStageId, actAs);
      answer = { action: "stage", stage: payload.externalStageId };
    } else if (action.kind === "ARCHIVE") {
      const payload = readPayload("ARCHIVE", action.payload);
      if (!payload) throw unreadable();
      await session.reject(externalId, payload.externalArchiveReasonId, actAs);
      answer = { action: "reject", reason: payload.externalArchiveReasonId };
    } else {
      if (!provider.capabilities.unreject) throw new PermanentFailure(`${provider.label} cannot restore a rejected candidate`);
      await session.unreject(externalId, actAs);
      answer = { action: "unreject" };
    }

    await prisma.writeBackAction.update({
      where: { id: action.id, organizationId },
      data: { status: "SUCCEEDED", lastError: null, externalNoteId, externalResponse: { ok: true, ...answer }, completedAt: new Date() },
    });
    return "succeeded";
  } catch (error) {
    const permanent = error instanceof PermanentFailure || (error instanceof AtsApiError && isPermanentAtsError(error));
    const final = permanent || options.finalAttempt;
    const message = describe(error, provider.label);
    // Failed for good and announced together: a crash in between neither loses nor repeats the notification.
    await prisma.$transaction(async (tx) => {
      await tx.writeBackAction.update({
        where: { id: action.id, organizationId },
        data: {
          status: final ? "FAILED" : "PENDING",
          lastError: message,
          externalResponse: error instanceof AtsApiError ? { ok: false, status: error.status, code: error.code } : { ok: false },
        },
      });
      if (final) {
        await announceWriteBackFailure(tx, { ...action, attempts: action.attempts + 1, lastError: message }, { label: provider.label, status: error instanceof AtsApiError ? error.status : null });
      }
    });
    log.warn("write-back to the ATS failed", { actionId: action.id, provider: provider.name, kind: action.kind, final, error: message });
    if (final) return "failed";
    throw error;
  }
}

async function replacedByLater(action: { id: string; organizationId: string; candidateId: string; kind: WriteBackKind; createdAt: Date }): Promise<boolean> {
  const prisma = await db();
  const later = await prisma.writeBackAction.count({
    where: { organizationId: action.organizationId, candidateId: action.candidateId, kind: { in: kindsReplacing(action.kind) }, createdAt: { gt: action.createdAt }, id: { not: action.id } },
  });
  return later > 0;
}

const kindsReplacing = (kind: WriteBackKind): WriteBackKind[] => (kind === "ARCHIVE" || kind === "UNARCHIVE" ? ["ARCHIVE", "UNARCHIVE"] : [kind]);

/** The ATS's answer in words a recruiter can act on; never a stack trace or a token. */
function describe(error: unknown, label: string): string {
  if (error instanceof PermanentFailure || error instanceof AtsApiError) return error.message.slice(0, 500);
  return `Unexpected error while writing to ${label}`;
}

interface NoteContext {
  action: { id: string; organizationId: string; candidate: { id: string; jobId: string; externalId: string } };
  payload: NotePayload;
  actAs: string | null;
  attemptedBefore: boolean;
  format: ResultFormat;
}

/**
 * Form when the settings say so and the ATS has forms. A connection made before the app asked for
 * the forms permission still gets a form when an admin chose it: the ATS's refusal then says to reconnect.
 */
function resultFormatOf(provider: AtsProvider, connection: { settings: { resultFormat: "NOTE" | "FORM" } | null }): ResultFormat {
  return provider.capabilities.resultForms && connection.settings?.resultFormat === "FORM" ? "form" : "note";
}

type StoredVerdict = { criterionId: string; verdict: string; text?: string; kind?: string };

/**
 * The stored result in parts, for a form: the REQUIRED criteria's state in the words the pages use
 * (the ranking's tier: all met, some to review, some not met) and the criteria by verdict.
 */
function resultForm(verdicts: unknown, requiredTier: number, link: string): ResultForm {
  const rows = (Array.isArray(verdicts) ? (verdicts as StoredVerdict[]) : []).map((v) => ({ ...v, text: v.text ?? v.criterionId, kind: v.kind ?? "REQUIRED" }));
  const named = (verdict: string) => rows.filter((r) => r.verdict === verdict).map((r) => (r.kind === "REQUIRED" ? `${r.text} (required)` : r.text));
  const hasRequired = rows.some((r) => r.kind === "REQUIRED");
  return {
    required: !hasRequired ? "No required criteria" : requiredTier === 0 ? "All required met" : requiredTier === 1 ? "Required needs review" : "Missing required",
    met: named("MET"),
    partlyMet: named("PARTLY_MET"),
    notMet: named("NOT_MET"),
    needsReview: named("UNKNOWN"),
    link,
  };
}

/**
 * Writes the candidate's current result to the ATS, or replaces the one written before (one note per
 * candidate: re-screening updates it). A write whose outcome was unknown (timeout, 5xx) may have
 * created the note, so a retry looks for it (by its marker) before writing again.
 */
async function writeNote(session: AtsSession, { action, payload, actAs, attemptedBefore, format }: NoteContext): Promise<{ noteId: string; answer: AtsAnswer }> {
  const prisma = await db();
  const { organizationId, candidate } = action;
  const result = await prisma.screeningResult.findFirst({
    where: { id: payload.resultId, organizationId, candidateId: candidate.id },
  });
  if (!result) throw new PermanentFailure("The screening result no longer exists");

  // The note as the screening worded it when it asked for it (lib/writeback/notes.ts).
  if (!payload.text) throw new PermanentFailure("This note was asked for by an earlier version of the app; re-screen the candidate to post it");
  const marker = noteMarker(candidate.id);
  const note: ResultNote = {
    text: payload.text,
    score: payload.score ?? result.score,
    requiredTier: (payload.requiredTier ?? Math.min(2, Math.max(0, result.requiredTier))) as ResultNote["requiredTier"],
    marker,
    ...(format === "form" ? { form: resultForm(result.verdicts, result.requiredTier, candidateUrl(candidate)) } : {}),
  };

  let existingNoteId = result.externalNoteId ?? (await earlierNoteId(organizationId, candidate.id));
  if (!existingNoteId && attemptedBefore) existingNoteId = await session.findResult(candidate.externalId, marker, format);
  const written = await session.writeResult(candidate.externalId, note, { existingNoteId, actAs, format });
  // Stored before the action is marked done, so a crash in between still updates this note next time.
  await prisma.screeningResult.updateMany({ where: { id: result.id, organizationId }, data: { externalNoteId: written.noteId } });
  return { noteId: written.noteId, answer: { action: written.created ? "created" : "updated", noteId: written.noteId, score: note.score, ...(format === "form" ? { format } : {}) } };
}

/** A note id kept on an earlier action, in case the result row was replaced since. */
async function earlierNoteId(organizationId: string, candidateId: string): Promise<string | null> {
  const prisma = await db();
  const earlier = await prisma.writeBackAction.findFirst({
    where: { organizationId, candidateId, kind: "NOTE", status: "SUCCEEDED", externalNoteId: { not: null } },
    orderBy: { completedAt: "desc" },
    select: { externalNoteId: true },
  });
  return earlier?.externalNoteId ?? null;
}
