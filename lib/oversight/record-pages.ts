import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, fromZod } from "@/lib/errors";
import type { StoredVerdict } from "@/lib/screening/run";
import { decisionLabel, decisionSummary } from "./decision-labels";
import { userNames } from "./override";

/**
 * The decision record read a page at a time, in time order with an (instant, id) cursor, so neither
 * an auditor's export of a large organization nor the read-only API ever holds it all in memory.
 * One row per result version and per decision; no résumé text (evidence quotes stay on the
 * candidate's Explanation page) and a name only while the candidate still exists.
 */

export interface RecordScope {
  organizationId: string;
  jobId?: string;
}

/** [from, to): `to` is exclusive. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

export interface Cursor {
  at: Date;
  id: string;
}

export interface VersionRow {
  type: "result_version";
  id: string;
  at: Date;
  jobId: string;
  jobTitle: string | null;
  candidateId: string | null;
  candidateName: string | null;
  version: number;
  engine: string;
  engineVersion: string;
  score: number;
  requiredTier: number;
  needsReview: number;
  summary: string;
  inputHash: string;
  criteriaHash: string;
  anonymizedAt: Date | null;
  verdicts: Array<{ criterionId: string; criterion: string; kind: string; weight: string; verdict: string }>;
}

export interface DecisionRow {
  type: "decision";
  id: string;
  at: Date;
  jobId: string | null;
  jobTitle: string | null;
  candidateId: string | null;
  candidateName: string | null;
  kind: string;
  label: string;
  summary: string;
  actorUserId: string | null;
  actor: string | null;
  resultVersionId: string | null;
  ruleId: string | null;
  suggestionId: string | null;
  writeBackActionId: string | null;
  writeBackStatus: string | null;
  details: Record<string, unknown>;
}

export const PAGE_MAX = 500;

export const encodeCursor = (c: Cursor): string => Buffer.from(`${c.at.toISOString()}|${c.id}`).toString("base64url");

export function decodeCursor(raw: string): Cursor {
  const [at = "", id = ""] = Buffer.from(raw, "base64url").toString().split("|");
  const date = new Date(at);
  if (!id || !/^[a-z0-9]{1,40}$/i.test(id) || Number.isNaN(date.getTime())) throw badRequest("The cursor is not valid: pass the nextCursor of the previous page as it was.");
  return { at: date, id };
}

function timeWhere(field: "screenedAt" | "createdAt", range: TimeRange, after?: Cursor) {
  const bounds = { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
  return {
    ...(Object.keys(bounds).length ? { [field]: bounds } : {}),
    ...(after ? { OR: [{ [field]: { gt: after.at } }, { [field]: after.at, id: { gt: after.id } }] } : {}),
  };
}

async function namesFor(organizationId: string, jobIds: Array<string | null>, candidateIds: Array<string | null>) {
  const prisma = await db();
  const ids = (list: Array<string | null>) => [...new Set(list.filter((x): x is string => Boolean(x)))];
  const [jobs, candidates] = await Promise.all([
    prisma.job.findMany({ where: { organizationId, id: { in: ids(jobIds) } }, select: { id: true, title: true } }),
    prisma.candidate.findMany({ where: { organizationId, id: { in: ids(candidateIds) } }, select: { id: true, name: true } }),
  ]);
  return { job: new Map(jobs.map((j) => [j.id, j.title] as const)), candidate: new Map(candidates.map((c) => [c.id, c.name] as const)) };
}

export async function versionsPage(scope: RecordScope, range: TimeRange, after: Cursor | undefined, take: number): Promise<VersionRow[]> {
  const prisma = await db();
  const rows = await prisma.screeningResultVersion.findMany({
    where: { organizationId: scope.organizationId, ...(scope.jobId ? { jobId: scope.jobId } : {}), ...timeWhere("screenedAt", range, after) },
    orderBy: [{ screenedAt: "asc" }, { id: "asc" }],
    take: Math.min(take, PAGE_MAX),
  });
  const names = await namesFor(scope.organizationId, rows.map((r) => r.jobId), rows.map((r) => r.candidateId));
  return rows.map((v) => ({
    type: "result_version",
    id: v.id,
    at: v.screenedAt,
    jobId: v.jobId,
    jobTitle: names.job.get(v.jobId) ?? null,
    candidateId: v.candidateId,
    candidateName: v.candidateId ? (names.candidate.get(v.candidateId) ?? null) : null,
    version: v.version,
    engine: v.engine,
    engineVersion: v.engineVersion,
    score: v.score,
    requiredTier: v.requiredTier,
    needsReview: v.needsReview,
    summary: v.summary,
    inputHash: v.inputHash,
    criteriaHash: v.criteriaHash,
    anonymizedAt: v.anonymizedAt,
    verdicts: (Array.isArray(v.verdicts) ? (v.verdicts as unknown as StoredVerdict[]) : []).map((x) => ({
      criterionId: x.criterionId,
      criterion: x.text,
      kind: x.kind,
      weight: x.weight,
      verdict: x.verdict,
    })),
  }));
}

export async function decisionsPage(scope: RecordScope, range: TimeRange, after: Cursor | undefined, take: number): Promise<DecisionRow[]> {
  const prisma = await db();
  const rows = await prisma.decision.findMany({
    where: { organizationId: scope.organizationId, ...(scope.jobId ? { jobId: scope.jobId } : {}), ...timeWhere("createdAt", range, after) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(take, PAGE_MAX),
  });
  const actionIds = rows.flatMap((d) => (d.writeBackActionId ? [d.writeBackActionId] : []));
  const [names, actors, actions] = await Promise.all([
    namesFor(scope.organizationId, rows.map((r) => r.jobId), rows.map((r) => r.candidateId)),
    userNames(scope.organizationId, rows.map((r) => r.actorUserId)),
    actionIds.length ? prisma.writeBackAction.findMany({ where: { organizationId: scope.organizationId, id: { in: actionIds } }, select: { id: true, status: true } }) : [],
  ]);
  const statusOf = new Map(actions.map((a) => [a.id, a.status as string] as const));
  return rows.map((d) => {
    const details = d.details && typeof d.details === "object" && !Array.isArray(d.details) ? (d.details as Record<string, unknown>) : {};
    return {
      type: "decision",
      id: d.id,
      at: d.createdAt,
      jobId: d.jobId,
      jobTitle: d.jobId ? (names.job.get(d.jobId) ?? null) : null,
      candidateId: d.candidateId,
      candidateName: d.candidateId ? (names.candidate.get(d.candidateId) ?? null) : null,
      kind: d.kind,
      label: decisionLabel(d.kind),
      summary: decisionSummary(d.kind, details),
      actorUserId: d.actorUserId,
      actor: d.actorUserId ? (actors.get(d.actorUserId) ?? "A former member") : null,
      resultVersionId: d.resultVersionId,
      ruleId: d.ruleId,
      suggestionId: d.suggestionId,
      writeBackActionId: d.writeBackActionId,
      writeBackStatus: d.writeBackActionId ? (statusOf.get(d.writeBackActionId) ?? null) : null,
      details,
    };
  });
}

async function* paged<T extends { at: Date; id: string }>(read: (after: Cursor | undefined) => Promise<T[]>): AsyncGenerator<T> {
  let after: Cursor | undefined;
  for (;;) {
    const page = await read(after);
    yield* page;
    if (page.length < PAGE_MAX) return;
    const last = page.at(-1)!;
    after = { at: last.at, id: last.id };
  }
}

/** Every version and decision in the range, merged into one time order, read a page at a time. */
export async function* recordRows(scope: RecordScope, range: TimeRange): AsyncGenerator<VersionRow | DecisionRow> {
  const versions = paged((after) => versionsPage(scope, range, after, PAGE_MAX));
  const decisions = paged((after) => decisionsPage(scope, range, after, PAGE_MAX));
  let v = await versions.next();
  let d = await decisions.next();
  while (!v.done || !d.done) {
    if (!v.done && (d.done || v.value.at.getTime() <= d.value.at.getTime())) {
      yield v.value;
      v = await versions.next();
    } else if (!d.done) {
      yield d.value;
      d = await decisions.next();
    }
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (what: string) =>
  z
    .string({ error: `Give the ${what} date as YYYY-MM-DD` })
    .regex(DAY, { error: `Give the ${what} date as YYYY-MM-DD` })
    .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: `The ${what} date is not a real date` })
    .optional();

export const ExportQuery = z.object({
  format: z.enum(["csv", "json"], { error: "Choose the format: csv or json" }).default("csv"),
  from: day("start"),
  to: day("end"),
});

/** The export's query (`format`, `from`, `to` as whole UTC days, both included); a bad one is a 400. */
export function parseExportQuery(params: URLSearchParams): { format: "csv" | "json"; range: TimeRange; label: string } {
  const parsed = ExportQuery.safeParse(Object.fromEntries(["format", "from", "to"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))));
  if (!parsed.success) throw fromZod(parsed.error);
  const { format, from, to } = parsed.data;
  if (from && to && from > to) throw badRequest("The start date is after the end date: swap them.");
  const range: TimeRange = {
    ...(from ? { from: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { to: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
  return { format, range, label: `${from ?? "start"}_to_${to ?? "now"}` };
}

export const REPORT_DEFAULT_DAYS = 90;

/**
 * A report page's range from its search params: the days asked for when they are valid, else the
 * last 90 days up to today. A page never fails on a hand-edited URL; it shows the default instead.
 */
export function reportRange(search: Record<string, string | string[] | undefined>, now = new Date()): TimeRange & { from: Date; to: Date } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const parsed = ExportQuery.safeParse({ from: one(search.from) || undefined, to: one(search.to) || undefined });
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const to = parsed.success && parsed.data.to ? new Date(`${parsed.data.to}T00:00:00Z`) : today;
  const from = parsed.success && parsed.data.from ? new Date(`${parsed.data.from}T00:00:00Z`) : new Date(to.getTime() - REPORT_DEFAULT_DAYS * 86_400_000);
  return from <= to ? { from, to: new Date(to.getTime() + 86_400_000) } : { from: to, to: new Date(from.getTime() + 86_400_000) };
}
