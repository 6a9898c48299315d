import { scaleBand, scaleLinear } from "d3-scale";
import type { ReactNode } from "react";

/**
 * Charts drawn on the server as SVG with d3-scale (no script, no network, prints as drawn). Each is a
 * figure whose picture is described in one sentence and whose numbers are also a table underneath,
 * for screen readers and for anyone who would rather read than look.
 */

export interface Series {
  key: string;
  label: string;
  color: string;
}

const W = 480;
const H = 220;
const M = { top: 12, right: 8, bottom: 34, left: 34 };
// Wide enough to read as a bar when there is only one category (one week).
const MAX_BAR = 56;

function Figure({ title, summary, table, children, testId }: { title: string; summary: string; table: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <figure className="min-w-0 break-inside-avoid" data-testid={testId}>
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <p className="mt-0.5 text-xs text-slate-500">{summary}</p>
      <div className="mt-2 overflow-x-auto">{children}</div>
      <details className="mt-1 text-sm print:hidden">
        <summary className="cursor-pointer select-none text-xs font-medium text-brand-700 hover:text-brand-600">Show as a table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

function Table({ head, rows }: { head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="w-full text-left text-xs">
      <thead className="border-b border-slate-200 text-slate-500">
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className="py-1 pr-3 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (j === 0 ? <th key={j} scope="row" className="py-1 pr-3 font-normal">{c}</th> : <td key={j} className="py-1 pr-3">{c}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden>
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Vertical bars, stacked when there is more than one series: one bar per category (a week, a score
 * band). Every other label is dropped when there are too many to read.
 */
export function BarChart({
  title,
  summary,
  categoryLabel,
  categories,
  series,
  values,
  testId,
}: {
  title: string;
  summary: string;
  /** The table's first column: what a category is ("Week", "Score"). */
  categoryLabel: string;
  categories: string[];
  series: Series[];
  values: Array<Record<string, number>>;
  testId?: string;
}) {
  const totals = values.map((v) => series.reduce((sum, s) => sum + (v[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = scaleBand<string>().domain(categories).range([M.left, W - M.right]).padding(0.2);
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const every = Math.max(1, Math.ceil(categories.length / 6));
  const bar = Math.min(x.bandwidth(), MAX_BAR);
  return (
    <Figure
      title={title}
      summary={summary}
      testId={testId}
      table={<Table head={[categoryLabel, ...series.map((s) => s.label), ...(series.length > 1 ? ["Total"] : [])]} rows={categories.map((c, i) => [c, ...series.map((s) => values[i]?.[s.key] ?? 0), ...(series.length > 1 ? [totals[i]!] : [])])} />}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`${title}: ${summary}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500" fontSize={13}>
              {t}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          let base = 0;
          return (
            <g key={c}>
              {series.map((s) => {
                const v = values[i]?.[s.key] ?? 0;
                const top = y(base + v);
                const bottom = y(base);
                base += v;
                return v > 0 ? (
                  <rect key={s.key} x={(x(c) ?? 0) + (x.bandwidth() - bar) / 2} y={top} width={bar} height={Math.max(0, bottom - top)} fill={s.color}>
                    <title>{`${c} · ${s.label}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              {i % every === 0 ? (
                <text x={(x(c) ?? 0) + x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle" className="fill-slate-500" fontSize={13}>
                  {c}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="stroke-slate-400" />
      </svg>
      {series.length > 1 ? <Legend series={series} /> : null}
    </Figure>
  );
}

/** One 100 % stacked bar per row (a criterion), its label above it: readable at any width. */
export function ShareBars({ title, summary, rows, series, testId }: { title: string; summary: string; rows: Array<{ label: string; values: Record<string, number> }>; series: Series[]; testId?: string }) {
  const x = scaleLinear().domain([0, 1]).range([0, 100]);
  return (
    <Figure
      title={title}
      summary={summary}
      testId={testId}
      table={<Table head={["Criterion", ...series.map((s) => s.label)]} rows={rows.map((r) => [r.label, ...series.map((s) => r.values[s.key] ?? 0)])} />}
    >
      <ul className="space-y-2.5">
        {rows.map((r) => {
          const total = series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0) || 1;
          let start = 0;
          return (
            <li key={r.label}>
              <p className="truncate text-xs text-slate-700" title={r.label}>
                {r.label}
              </p>
              <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="mt-1 h-3 w-full rounded-sm" role="img" aria-label={`${r.label}: ${series.map((s) => `${s.label} ${r.values[s.key] ?? 0}`).join(", ")}`}>
                {series.map((s) => {
                  const share = (r.values[s.key] ?? 0) / total;
                  const rect = share > 0 ? <rect key={s.key} x={x(start)} width={x(share)} y={0} height={6} fill={s.color} /> : null;
                  start += share;
                  return rect;
                })}
              </svg>
            </li>
          );
        })}
      </ul>
      <Legend series={series} />
    </Figure>
  );
}
