import { BarChart, ShareBars, type Series } from "@/components/oversight/charts";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { OversightReport } from "@/lib/oversight/report";
import { VERDICT_LABEL } from "@/lib/screening/labels";

const VERDICT_SERIES: Series[] = [
  { key: "MET", label: VERDICT_LABEL.MET, color: "#10b981" },
  { key: "PARTLY_MET", label: VERDICT_LABEL.PARTLY_MET, color: "#fbbf24" },
  { key: "NOT_MET", label: VERDICT_LABEL.NOT_MET, color: "#ef4444" },
  { key: "UNKNOWN", label: VERDICT_LABEL.UNKNOWN, color: "#8b5cf6" },
];
const DECISION_SERIES: Series[] = [
  { key: "advanced", label: "Advanced", color: "#10b981" },
  { key: "rejected", label: "Rejected", color: "#ef4444" },
  { key: "confirmed", label: "Suggestion confirmed", color: "#3b55d9" },
  { key: "dismissed", label: "Suggestion dismissed", color: "#94a3b8" },
  { key: "autoApplied", label: "Applied by an automation", color: "#0ea5e9" },
  { key: "overridden", label: "Verdict overridden", color: "#f59e0b" },
];

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)} %`);

function Stat({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {note ? <dd className="mt-0.5 text-xs text-slate-500">{note}</dd> : null}
    </div>
  );
}

/** The range picker of a report: a plain GET form, so the range is in the URL and can be shared. */
function RangeForm({ action, hidden, from, to }: { action: string; hidden: Record<string, string>; from: string; to: string }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="text-xs font-medium text-slate-700">
        From
        <input type="date" name="from" defaultValue={from} className={`mt-1 ${inputClass}`} />
      </label>
      <label className="text-xs font-medium text-slate-700">
        To (included)
        <input type="date" name="to" defaultValue={to} className={`mt-1 ${inputClass}`} />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}

/**
 * The oversight report as a person reads it: the key numbers, then charts (each with its table), and
 * links to the same numbers as CSV or JSON.
 */
export function ReportView({ report, pageAction, hidden, exportHref }: { report: OversightReport; pageAction: string; hidden: Record<string, string>; exportHref: string }) {
  const { from, to } = report.range;
  const query = `from=${from ?? ""}&to=${to ?? ""}`;
  const answered = report.suggestions.confirmed + report.suggestions.dismissed;
  return (
    <Card>
      <CardHeader
        title="Oversight report"
        description={`What the AI said and what people did with it, ${from} to ${to}. Each candidate counts once, with their latest result in the range.`}
        actions={
          <>
            <a href={`${exportHref}?format=csv&${query}`} className={buttonClass("secondary", "print:hidden")} download>
              CSV
            </a>
            <a href={`${exportHref}?format=json&${query}`} className={buttonClass("secondary", "print:hidden")} download>
              JSON
            </a>
          </>
        }
      />
      <CardBody className="space-y-6">
        <RangeForm action={pageAction} hidden={hidden} from={from ?? ""} to={to ?? ""} />
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="report-stats">
          <Stat label="Candidates screened" value={report.candidatesScreened} note={`${report.resultVersions} result ${report.resultVersions === 1 ? "version" : "versions"}`} />
          <Stat
            label="Suggestions"
            value={report.suggestions.made}
            note={`${report.suggestions.confirmed} confirmed · ${report.suggestions.dismissed} dismissed · ${report.suggestions.autoApplied} applied on their own`}
          />
          <Stat label="Agreement with suggestions" value={pct(report.suggestionAgreement)} note={answered ? `confirmed ÷ answered (${answered})` : "no suggestion answered yet"} />
          <Stat
            label="Decisions in line with the AI"
            value={pct(report.decisionAgreement.rate)}
            note={`${report.decisionAgreement.agreeing} of ${report.decisionAgreement.total} advances and rejections followed the required criteria · ${report.overridden} ${report.overridden === 1 ? "verdict" : "verdicts"} overridden`}
          />
        </dl>
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChart
            testId="chart-screened"
            title="Screened per week"
            summary={report.weeks.length ? `${report.resultVersions} results over ${report.weeks.length} ${report.weeks.length === 1 ? "week" : "weeks"} (weeks start on Monday).` : "Nothing screened in this range."}
            categoryLabel="Week of"
            categories={report.weeks.map((w) => w.week.slice(5))}
            series={[{ key: "screened", label: "Results", color: "#3b55d9" }]}
            values={report.weeks.map((w) => ({ screened: w.screened }))}
          />
          <BarChart
            testId="chart-decisions"
            title="People's decisions per week"
            summary="Advances, rejections, suggestions confirmed or dismissed, automations applied and verdicts overridden."
            categoryLabel="Week of"
            categories={report.weeks.map((w) => w.week.slice(5))}
            series={DECISION_SERIES}
            values={report.weeks.map((w) => ({ ...w }) as unknown as Record<string, number>)}
          />
          <BarChart
            testId="chart-scores"
            title="Scores"
            summary={`Latest score of each of the ${report.candidatesScreened} candidates, in bands of ten.`}
            categoryLabel="Score"
            categories={report.scoreHistogram.map((b) => `${b.from}–${b.to}`)}
            series={[{ key: "count", label: "Candidates", color: "#4f6bed" }]}
            values={report.scoreHistogram.map((b) => ({ count: b.count }))}
          />
          {report.verdictsByCriterion.length ? (
            <ShareBars
              testId="chart-verdicts"
              title="Verdicts per criterion"
              summary="Share of each verdict in the candidates' latest results."
              series={VERDICT_SERIES}
              rows={report.verdictsByCriterion.map((c) => ({ label: c.criterion, values: c.counts }))}
            />
          ) : (
            <p className="text-sm text-slate-500">No verdicts in this range.</p>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
