import { requireCandidateAccess, type Viewer } from "@/lib/auth/job-access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { StoredVerdict } from "@/lib/screening/run";
import { userNames } from "./override";

/**
 * A candidate's decision record as one story: every result version the AI produced (the criteria as
 * they were, verdicts with evidence, score, engine and model, input hash) and every decision people
 * (or a confirmed automation) made, in the order they happened. Behind the Explanation page and its
 * JSON export; the candidate must be one the member may see (a confidential job is a 404).
 */

export interface RecordedVersion {
  type: "version";
  id: string;
  version: number;
  at: Date;
  engine: string;
  engineVersion: string;
  score: number;
  summary: string;
  criteria: Array<{ id: string; text: string; kind: string; weight: string; keptReason?: string | null }>;
  verdicts: StoredVerdict[];
  criteriaHash: string;
  inputHash: string;
  anonymizedAt: Date | null;
}

export interface RecordedDecision {
  type: "decision";
  id: string;
  at: Date;
  kind: string;
  actor: string | null;
  actorUserId: string | null;
  /** The version (number) the candidate had when it was decided. */
  resultVersion: number | null;
  ruleId: string | null;
  suggestionId: string | null;
  writeBack: { id: string; kind: string; status: string; completedAt: Date | null; lastError: string | null } | null;
  details: Record<string, unknown>;
}

export type RecordEntry = RecordedVersion | RecordedDecision;

export interface CandidateRecord {
  candidate: { id: string; name: string; jobId: string; jobTitle: string };
  /** Versions and decisions together, oldest first; a version comes before a decision made at the same instant. */
  entries: RecordEntry[];
}

const byTime = (a: RecordEntry, b: RecordEntry) => a.at.getTime() - b.at.getTime() || (a.type === b.type ? 0 : a.type === "version" ? -1 : 1);

export async function candidateRecord(viewer: Viewer, candidateId: string, jobId?: string): Promise<CandidateRecord> {
  const { id } = await requireCandidateAccess(viewer, candidateId);
  const prisma = await db();
  const organizationId = viewer.organizationId;
  const candidate = await prisma.candidate.findFirst({ where: { id, organizationId }, select: { id: true, name: true, jobId: true, job: { select: { title: true } } } });
  if (!candidate || (jobId !== undefined && candidate.jobId !== jobId)) throw notFound("Candidate not found");
  const [versions, decisions] = await Promise.all([
    prisma.screeningResultVersion.findMany({ where: { organizationId, candidateId: id }, orderBy: { version: "asc" } }),
    prisma.decision.findMany({ where: { organizationId, candidateId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const actionIds = decisions.flatMap((d) => (d.writeBackActionId ? [d.writeBackActionId] : []));
  const [actions, names] = await Promise.all([
    actionIds.length
      ? prisma.writeBackAction.findMany({ where: { organizationId, id: { in: actionIds } }, select: { id: true, kind: true, status: true, completedAt: true, lastError: true } })
      : [],
    userNames(organizationId, decisions.map((d) => d.actorUserId)),
  ]);
  const actionOf = new Map(actions.map((a) => [a.id, a] as const));
  const numberOf = new Map(versions.map((v) => [v.id, v.version] as const));
  const entries: RecordEntry[] = [
    ...versions.map(
      (v): RecordedVersion => ({
        type: "version",
        id: v.id,
        version: v.version,
        at: v.screenedAt,
        engine: v.engine,
        engineVersion: v.engineVersion,
        score: v.score,
        summary: v.summary,
        criteria: Array.isArray(v.criteria) ? (v.criteria as RecordedVersion["criteria"]) : [],
        verdicts: Array.isArray(v.verdicts) ? (v.verdicts as unknown as StoredVerdict[]) : [],
        criteriaHash: v.criteriaHash,
        inputHash: v.inputHash,
        anonymizedAt: v.anonymizedAt,
      }),
    ),
    ...decisions.map(
      (d): RecordedDecision => ({
        type: "decision",
        id: d.id,
        at: d.createdAt,
        kind: d.kind,
        actorUserId: d.actorUserId,
        actor: d.actorUserId ? (names.get(d.actorUserId) ?? "A former member") : null,
        resultVersion: d.resultVersionId ? (numberOf.get(d.resultVersionId) ?? null) : null,
        ruleId: d.ruleId,
        suggestionId: d.suggestionId,
        writeBack: d.writeBackActionId ? (actionOf.get(d.writeBackActionId) ?? null) : null,
        details: d.details && typeof d.details === "object" && !Array.isArray(d.details) ? (d.details as Record<string, unknown>) : {},
      }),
    ),
  ].sort(byTime);
  return { candidate: { id: candidate.id, name: candidate.name, jobId: candidate.jobId, jobTitle: candidate.job.title }, entries };
}
