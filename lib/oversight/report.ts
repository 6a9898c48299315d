import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { VERDICTS, type Verdict } from "@/lib/screening/types";
import type { RecordScope, TimeRange } from "./record-pages";

/**
 * The oversight report of a job or an organization over a time range: how many candidates were
 * screened, what people did with what the AI said (suggestions confirmed or dismissed, verdicts
 * overridden, advances and rejections in line with the required criteria or not), the verdicts per
 * criterion, the scores, and all of it week by week. Counted by the database (aggregates over the
 * decision record), so a large organization is not read into memory.
 */

export const HISTOGRAM_BUCKETS = 10;

export interface WeekRow {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  screened: number;
  advanced: number;
  rejected: number;
  confirmed: number;
  dismissed: number;
  autoApplied: number;
  overridden: number;
}

export interface CriterionRow {
  criterion: string;
  counts: Record<Verdict, number>;
  total: number;
}

export interface OversightReport {
  range: { from: string | null; to: string | null };
  candidatesScreened: number;
  resultVersions: number;
  /** Made: the automations' suggestions created in the range (some still wait for a person); the others are decisions. */
  suggestions: { made: number; confirmed: number; dismissed: number; autoApplied: number };
  overridden: number;
  /** Confirmed ÷ (confirmed + dismissed): how often people agreed with a suggestion they answered. Null with no answer. */
  suggestionAgreement: number | null;
  /** Advances of candidates meeting every required criterion plus rejections of those missing one, ÷ all advances and rejections made on a result. */
  decisionAgreement: { agreeing: number; total: number; rate: number | null };
  /** Overridden verdicts ÷ verdicts in the candidates' latest results. */
  verdictsOverriddenShare: number | null;
  /** Scores of the candidates' latest results in the range: [0–9], [10–19], … [90–100]. */
  scoreHistogram: Array<{ from: number; to: number; count: number }>;
  verdictsByCriterion: CriterionRow[];
  weeks: WeekRow[];
}

const MAX_CRITERIA_ROWS = 20;
const n = (v: unknown) => Number(v ?? 0);
const rate = (num: number, den: number) => (den > 0 ? num / den : null);

export async function oversightReport(scope: RecordScope, range: TimeRange): Promise<OversightReport> {
  const prisma = await db();
  const job = (column: Prisma.Sql) => (scope.jobId ? Prisma.sql`AND ${column} = ${scope.jobId}` : Prisma.empty);
  const within = (column: Prisma.Sql) =>
    Prisma.sql`${range.from ? Prisma.sql`AND ${column} >= ${range.from}` : Prisma.empty} ${range.to ? Prisma.sql`AND ${column} < ${range.to}` : Prisma.empty}`;
  const org = scope.organizationId;
  // The latest version per candidate in the range: a re-screen replaces, it does not count twice.
  // A deleted candidate's versions have no candidate any more; each counts on its own.
  const latest = Prisma.sql`
    SELECT DISTINCT ON (COALESCE(v."candidateId", v.id)) v.id, v.score, v.verdicts, v."requiredTier"
    FROM "ScreeningResultVersion" v
    WHERE v."organizationId" = ${org} ${job(Prisma.sql`v."jobId"`)} ${within(Prisma.sql`v."screenedAt"`)}
    ORDER BY COALESCE(v."candidateId", v.id), v.version DESC`;

  const [totals, kinds, agreement, histogram, criteria, versionWeeks, decisionWeeks, suggested] = await Promise.all([
    prisma.$queryRaw<Array<{ candidates: bigint; versions: bigint; verdicts: bigint }>>(Prisma.sql`
      SELECT (SELECT count(*) FROM (${latest}) l) AS candidates,
             (SELECT count(*) FROM "ScreeningResultVersion" v WHERE v."organizationId" = ${org} ${job(Prisma.sql`v."jobId"`)} ${within(Prisma.sql`v."screenedAt"`)}) AS versions,
             (SELECT COALESCE(sum(jsonb_array_length(l.verdicts)), 0) FROM (${latest}) l) AS verdicts`),
    prisma.$queryRaw<Array<{ kind: string; count: bigint }>>(Prisma.sql`
      SELECT d.kind, count(*) AS count FROM "Decision" d
      WHERE d."organizationId" = ${org} ${job(Prisma.sql`d."jobId"`)} ${within(Prisma.sql`d."createdAt"`)}
      GROUP BY d.kind`),
    prisma.$queryRaw<Array<{ agreeing: bigint; total: bigint }>>(Prisma.sql`
      SELECT count(*) FILTER (WHERE (d.kind = 'ADVANCE' AND v."requiredTier" = 0) OR (d.kind = 'REJECT' AND v."requiredTier" = 2)) AS agreeing, count(*) AS total
      FROM "Decision" d JOIN "ScreeningResultVersion" v ON v.id = d."resultVersionId"
      WHERE d."organizationId" = ${org} AND d.kind IN ('ADVANCE', 'REJECT') ${job(Prisma.sql`d."jobId"`)} ${within(Prisma.sql`d."createdAt"`)}`),
    prisma.$queryRaw<Array<{ bucket: number; count: bigint }>>(Prisma.sql`
      SELECT LEAST(FLOOR(l.score / 10.0), ${HISTOGRAM_BUCKETS - 1})::int AS bucket, count(*) AS count FROM (${latest}) l GROUP BY 1`),
    prisma.$queryRaw<Array<{ criterion: string; verdict: string; count: bigint }>>(Prisma.sql`
      SELECT e->>'text' AS criterion, e->>'verdict' AS verdict, count(*) AS count
      FROM (${latest}) l, jsonb_array_elements(l.verdicts) e
      GROUP BY 1, 2`),
    prisma.$queryRaw<Array<{ week: Date; count: bigint }>>(Prisma.sql`
      SELECT date_trunc('week', v."screenedAt") AS week, count(*) AS count FROM "ScreeningResultVersion" v
      WHERE v."organizationId" = ${org} ${job(Prisma.sql`v."jobId"`)} ${within(Prisma.sql`v."screenedAt"`)}
      GROUP BY 1`),
    prisma.$queryRaw<Array<{ week: Date; kind: string; count: bigint }>>(Prisma.sql`
      SELECT date_trunc('week', d."createdAt") AS week, d.kind, count(*) AS count FROM "Decision" d
      WHERE d."organizationId" = ${org} ${job(Prisma.sql`d."jobId"`)} ${within(Prisma.sql`d."createdAt"`)}
        AND d.kind IN ('ADVANCE', 'REJECT', 'SUGGESTION_CONFIRMED', 'SUGGESTION_DISMISSED', 'AUTO_APPLIED', 'OVERRIDE')
      GROUP BY 1, 2`),
    prisma.$queryRaw<Array<{ count: bigint }>>(Prisma.sql`
      SELECT count(*) AS count FROM "AutomationSuggestion" s
      WHERE s."organizationId" = ${org} ${job(Prisma.sql`s."jobId"`)} ${within(Prisma.sql`s."createdAt"`)}`),
  ]);

  const kind = new Map(kinds.map((k) => [k.kind, n(k.count)] as const));
  const confirmed = kind.get("SUGGESTION_CONFIRMED") ?? 0;
  const dismissed = kind.get("SUGGESTION_DISMISSED") ?? 0;
  const autoApplied = kind.get("AUTO_APPLIED") ?? 0;
  const overridden = kind.get("OVERRIDE") ?? 0;
  const t = totals[0]!;
  const a = agreement[0]!;

  const byBucket = new Map(histogram.map((h) => [h.bucket, n(h.count)] as const));
  const scoreHistogram = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => ({ from: i * 10, to: i === HISTOGRAM_BUCKETS - 1 ? 100 : i * 10 + 9, count: byBucket.get(i) ?? 0 }));

  const perCriterion = new Map<string, CriterionRow>();
  for (const row of criteria) {
    if (!(VERDICTS as readonly string[]).includes(row.verdict)) continue;
    const entry = perCriterion.get(row.criterion) ?? { criterion: row.criterion, counts: { MET: 0, PARTLY_MET: 0, NOT_MET: 0, UNKNOWN: 0 }, total: 0 };
    entry.counts[row.verdict as Verdict] += n(row.count);
    entry.total += n(row.count);
    perCriterion.set(row.criterion, entry);
  }
  const verdictsByCriterion = [...perCriterion.values()].sort((x, y) => y.total - x.total || x.criterion.localeCompare(y.criterion)).slice(0, MAX_CRITERIA_ROWS);

  const weeks = new Map<string, WeekRow>();
  const week = (d: Date) => {
    const key = d.toISOString().slice(0, 10);
    const row = weeks.get(key) ?? { week: key, screened: 0, advanced: 0, rejected: 0, confirmed: 0, dismissed: 0, autoApplied: 0, overridden: 0 };
    weeks.set(key, row);
    return row;
  };
  for (const w of versionWeeks) week(w.week).screened += n(w.count);
  const FIELD: Record<string, keyof Omit<WeekRow, "week" | "screened">> = {
    ADVANCE: "advanced",
    REJECT: "rejected",
    SUGGESTION_CONFIRMED: "confirmed",
    SUGGESTION_DISMISSED: "dismissed",
    AUTO_APPLIED: "autoApplied",
    OVERRIDE: "overridden",
  };
  for (const w of decisionWeeks) week(w.week)[FIELD[w.kind]!] += n(w.count);

  return {
    range: { from: range.from?.toISOString().slice(0, 10) ?? null, to: range.to ? new Date(range.to.getTime() - 1).toISOString().slice(0, 10) : null },
    candidatesScreened: n(t.candidates),
    resultVersions: n(t.versions),
    suggestions: { made: n(suggested[0]?.count), confirmed, dismissed, autoApplied },
    overridden,
    suggestionAgreement: rate(confirmed, confirmed + dismissed),
    decisionAgreement: { agreeing: n(a.agreeing), total: n(a.total), rate: rate(n(a.agreeing), n(a.total)) },
    verdictsOverriddenShare: rate(overridden, n(t.verdicts)),
    scoreHistogram,
    verdictsByCriterion,
    weeks: [...weeks.values()].sort((x, y) => x.week.localeCompare(y.week)),
  };
}

/** The report as CSV rows (section, label, value), for the same numbers in a spreadsheet. */
export function reportCsvRows(r: OversightReport): Array<[string, string, string | number | null]> {
  const rows: Array<[string, string, string | number | null]> = [
    ["range", "from", r.range.from],
    ["range", "to", r.range.to],
    ["totals", "candidates_screened", r.candidatesScreened],
    ["totals", "result_versions", r.resultVersions],
    ["suggestions", "made", r.suggestions.made],
    ["suggestions", "confirmed", r.suggestions.confirmed],
    ["suggestions", "dismissed", r.suggestions.dismissed],
    ["suggestions", "auto_applied", r.suggestions.autoApplied],
    ["overrides", "verdicts_overridden", r.overridden],
    ["agreement", "suggestion_agreement_rate", r.suggestionAgreement],
    ["agreement", "decisions_in_line_with_required_criteria", r.decisionAgreement.agreeing],
    ["agreement", "advances_and_rejections_on_a_result", r.decisionAgreement.total],
    ["agreement", "decision_agreement_rate", r.decisionAgreement.rate],
    ["agreement", "verdicts_overridden_share", r.verdictsOverriddenShare],
  ];
  for (const b of r.scoreHistogram) rows.push(["score_histogram", `${b.from}-${b.to}`, b.count]);
  for (const c of r.verdictsByCriterion) for (const v of VERDICTS) rows.push([`verdicts:${c.criterion}`, v, c.counts[v]]);
  for (const w of r.weeks) for (const [k, v] of Object.entries(w)) if (k !== "week") rows.push([`week:${w.week}`, k, v as number]);
  return rows;
}
