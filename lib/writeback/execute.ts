import { db } from "@/lib/db/client";
import type { WriteBackKind } from "@/lib/generated/prisma/enums";
import { LeverApiError, LeverClient } from "@/lib/ats/providers/lever/client";
import { log } from "@/lib/log";
import { formatLeverNote, leverScore, type NoteVerdict, type RequiredTier } from "@/lib/screening";
import { candidateUrl, noteMarker } from "./record";

export interface ExecuteOptions {
  /** The queue will not run this job again: a failure now is final (FAILED, shown with Retry). */
  finalAttempt: boolean;
  /** Tests hand in a client; the worker uses the connection's, at low priority behind webhook work. */
  client?: LeverClient;
}

export type ExecuteOutcome = "succeeded" | "skipped" | "failed";

type LeverAnswer = Record<string, unknown>;

/** Thrown for failures that retrying cannot fix (the action becomes FAILED at once). */
class PermanentFailure extends Error {}

/**
 * Runs one recorded write-back action against Lever. An action that already SUCCEEDED is never run
 * again; a failure Lever may recover from (429, 5xx, network) is thrown so the queue retries it with
 * backoff, and becomes FAILED on the last attempt.
 */
export async function executeWriteBack(actionId: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const prisma = await db();
  const action = await prisma.writeBackAction.findUnique({
    where: { id: actionId },
    include: {
      candidate: { select: { id: true, jobId: true, externalId: true } },
      connection: { select: { id: true, status: true, actingUserExternalId: true } },
    },
  });
  if (!action || action.status === "SUCCEEDED") return "skipped";
  const { organizationId } = action;
  const payload = action.payload as Record<string, string>;

  // A stage change or archive that a later one of the same kind replaced is not sent, so a late
  // retry never undoes the newer move. (The app's copy cannot decide this: Lever's webhook for the
  // older write may already have set it back to the older stage.)
  if (action.kind !== "NOTE" && (await replacedByLater(action))) {
    await prisma.writeBackAction.update({
      where: { id: action.id, organizationId },
      data: { status: "SUCCEEDED", lastError: null, externalResponse: { ok: true, skipped: "superseded" }, completedAt: new Date() },
    });
    return "skipped";
  }

  await prisma.writeBackAction.update({
    where: { id: action.id, organizationId },
    data: { status: "RUNNING", attempts: { increment: 1 } },
  });
  const attemptedBefore = action.attempts > 0;

  try {
    if (action.connection.status !== "ACTIVE") {
      throw new PermanentFailure(
        action.connection.status === "NEEDS_RECONNECT" ? "The Lever connection needs to be reconnected by an admin" : "Lever is disconnected",
      );
    }
    const client = options.client ?? LeverClient.forConnection(action.connection.id, { priority: "low" });
    const performAs = action.connection.actingUserExternalId ?? undefined;
    const opportunityId = action.candidate.externalId;

    let answer: LeverAnswer;
    let externalNoteId: string | null = null;
    if (action.kind === "NOTE") {
      const written = await writeNote(client, { action, payload, performAs, attemptedBefore });
      externalNoteId = written.noteId;
      answer = written.answer;
    } else if (action.kind === "STAGE_CHANGE") {
      await client.changeStage(opportunityId, payload.externalStageId!, performAs);
      answer = { method: "PUT", path: "stage", stage: payload.externalStageId };
    } else {
      await client.archive(opportunityId, payload.externalArchiveReasonId!, performAs);
      answer = { method: "PUT", path: "archived", reason: payload.externalArchiveReasonId };
    }

    await prisma.writeBackAction.update({
      where: { id: action.id, organizationId },
      data: { status: "SUCCEEDED", lastError: null, externalNoteId, externalResponse: { ok: true, ...answer }, completedAt: new Date() },
    });
    return "succeeded";
  } catch (error) {
    const permanent = error instanceof PermanentFailure || (error instanceof LeverApiError && isPermanent(error));
    const final = permanent || options.finalAttempt;
    const message = describe(error);
    await prisma.writeBackAction.update({
      where: { id: action.id, organizationId },
      data: {
        status: final ? "FAILED" : "PENDING",
        lastError: message,
        externalResponse: error instanceof LeverApiError ? { ok: false, status: error.status, code: error.code } : { ok: false },
      },
    });
    log.warn("write-back to Lever failed", { actionId: action.id, kind: action.kind, final, error: message });
    if (final) return "failed";
    throw error;
  }
}

async function replacedByLater(action: { id: string; organizationId: string; candidateId: string; kind: WriteBackKind; createdAt: Date }): Promise<boolean> {
  const prisma = await db();
  const later = await prisma.writeBackAction.count({
    where: { organizationId: action.organizationId, candidateId: action.candidateId, kind: action.kind, createdAt: { gt: action.createdAt }, id: { not: action.id } },
  });
  return later > 0;
}

/**
 * Lever refused the request itself (bad input, missing permission, unknown opportunity): trying
 * again cannot help. 429, 5xx, timeouts and network errors can: a note POST whose answer was lost
 * is safe to retry because the retry first looks for the note it may have created.
 */
function isPermanent(error: LeverApiError): boolean {
  return error.status >= 300 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** Lever's answer in words a recruiter can act on; never a stack trace or a token. */
function describe(error: unknown): string {
  if (error instanceof PermanentFailure || error instanceof LeverApiError) return error.message.slice(0, 500);
  return "Unexpected error while writing to Lever";
}

interface NoteContext {
  action: { id: string; organizationId: string; candidate: { id: string; jobId: string; externalId: string } };
  payload: Record<string, string>;
  performAs: string | undefined;
  attemptedBefore: boolean;
}

/**
 * Posts the candidate's current result as a note, or replaces the note posted before (one note per
 * candidate: re-screening updates it). A POST whose outcome was unknown (timeout, 5xx) may have
 * created the note, so a retry looks for it in the opportunity's notes before posting again.
 */
async function writeNote(client: LeverClient, { action, payload, performAs, attemptedBefore }: NoteContext): Promise<{ noteId: string; answer: LeverAnswer }> {
  const prisma = await db();
  const { organizationId, candidate } = action;
  const result = await prisma.screeningResult.findFirst({
    where: { id: payload.resultId, organizationId, candidateId: candidate.id },
  });
  if (!result) throw new PermanentFailure("The screening result no longer exists");

  const note = {
    value: formatLeverNote({ score: result.score, summary: result.summary, engine: result.engine === "llm" ? "llm" : "local", verdicts: result.verdicts as unknown as NoteVerdict[] }, { candidateUrl: candidateUrl(candidate) }),
    score: leverScore(result.score, result.requiredTier as RequiredTier),
  };
  const opportunityId = candidate.externalId;

  let noteId = result.externalNoteId ?? (await earlierNoteId(organizationId, candidate.id));
  if (!noteId && attemptedBefore) noteId = await findPostedNote(client, opportunityId, noteMarker(candidate.id));

  let method: "POST" | "PUT" = "PUT";
  if (noteId) {
    try {
      await client.updateNote(opportunityId, noteId, note, performAs);
    } catch (error) {
      // Someone deleted the note in Lever: post a new one rather than fail forever.
      if (!(error instanceof LeverApiError && error.status === 404)) throw error;
      noteId = null;
    }
  }
  if (!noteId) {
    method = "POST";
    noteId = await client.createNote(opportunityId, note, performAs);
  }
  // Stored before the action is marked done, so a crash in between still updates this note next time.
  await prisma.screeningResult.updateMany({ where: { id: result.id, organizationId }, data: { externalNoteId: noteId } });
  return { noteId, answer: { method, noteId, score: note.score } };
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

async function findPostedNote(client: LeverClient, opportunityId: string, marker: string): Promise<string | null> {
  for await (const n of client.notes(opportunityId)) {
    if (n.fields.some((f) => typeof f.value === "string" && f.value.includes(marker))) return n.id;
  }
  return null;
}
