"use client";

import Link from "next/link";
import { useState } from "react";
import { BulkActions } from "@/components/writeback/bulk-actions";
import type { RequiredTier } from "@/lib/screening/score";
import { resumeProblem } from "@/lib/resumes/status";
import type { Verdict } from "@/lib/screening/types";
import { NeedsReviewCount, RequiredBadge, ScoreBadge, VERDICT_LABEL, VerdictIcon } from "./verdicts";

export interface CandidateRowView {
  id: string;
  name: string;
  headline: string | null;
  email: string | null;
  stage: string | null;
  archived: boolean;
  archiveReason: string | null;
  /** Rejecting them asks for a confirmation: at a late stage, or hired. */
  caution: "late" | "hired" | null;
  resumeStatus: string | null;
  score: number | null;
  /** Where the REQUIRED criteria stand (0 all met, 1 needs review, 2 missing), with its label and the criteria it names. */
  required: { tier: RequiredTier; label: string | null; detail: string } | null;
  needsReview: number;
  stale: boolean;
  summary: string | null;
  verdicts: { criterionId: string; verdict: Verdict }[];
  /** The candidate asked for a human review: no screening job scores them. */
  humanReview?: boolean;
}

const RESUME_NOTES: Record<string, string> = {
  empty: "No text in the résumé file",
  unprocessable: "Lever could not process the résumé",
  missing: "Résumé file missing",
  none: "No résumé",
};
/** A column of the verdict matrix: the criterion's short label heads it, its full text is for hover, focus and screen readers. */
export interface CriterionColumn {
  id: string;
  text: string;
  label: string;
  kind: string;
}

const LEGEND: Verdict[] = ["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"];
// Checkbox, score, candidate (at least) and stage, in px: the table scrolls sideways rather than squeeze them.
const FIXED_WIDTH = 48 + 64 + 256 + 160;
const COLUMN_WIDTH = 36;

const resumeNote = (status: string | null): string | undefined => RESUME_NOTES[status ?? "none"] ?? resumeProblem(status) ?? undefined;

/**
 * The ranked candidates with a checkbox per row, "select all on this page", and the bulk actions bar.
 * `query` (the list's filters and page) goes with each candidate link, for previous/next there.
 */
export function CandidateTable({
  jobId,
  rows,
  criteria,
  caption,
  query = "",
}: {
  jobId: string;
  rows: CandidateRowView[];
  criteria: CriterionColumn[];
  caption: string;
  query?: string;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const visible = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const all = rows.length > 0 && visible.length === rows.length;
  const some = visible.length > 0 && !all;
  const byCriterion = (row: CandidateRowView) => new Map(row.verdicts.map((v) => [v.criterionId, v.verdict]));
  // In the job's criteria order; verdicts on criteria since removed (a stale result) are left out.
  const verdictsOf = (row: CandidateRowView) => {
    const verdicts = byCriterion(row);
    return criteria.flatMap((column) => {
      const verdict = verdicts.get(column.id);
      return verdict ? [{ column, verdict }] : [];
    });
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <div className="sticky top-0 z-10 border-b border-slate-100 bg-white/95 px-5 py-3 backdrop-blur supports-[backdrop-filter]:bg-white/80" data-testid="selection-bar">
        <BulkActions jobId={jobId} selected={rows.filter((r) => selected.has(r.id))} onDone={() => setSelected(new Set())} />
      </div>
      {criteria.length ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 pt-3 text-xs text-slate-600" data-testid="verdict-legend">
          {LEGEND.map((v) => (
            <span key={v} className="inline-flex items-center gap-1">
              <VerdictIcon verdict={v} />
              {VERDICT_LABEL[v]}
            </span>
          ))}
          <span className="hidden lg:inline">· Hover or focus a column heading for the full criterion</span>
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table
          className="w-full table-fixed text-left text-sm lg:[min-width:var(--matrix-width)]"
          style={{ "--matrix-width": `${FIXED_WIDTH + COLUMN_WIDTH * criteria.length}px` } as React.CSSProperties}
          data-testid="candidate-table"
        >
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-12 py-2.5 pl-5 pr-2">
                <input
                  type="checkbox"
                  aria-label="Select all candidates on this page"
                  checked={all}
                  ref={(el) => {
                    if (el) el.indeterminate = some;
                  }}
                  onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
                  className="h-4 w-4 rounded border-slate-300 text-brand-600 accent-brand-600"
                />
              </th>
              <th scope="col" className="w-16 px-2 py-2.5">Score</th>
              <th scope="col" className="px-3 py-2.5">Candidate</th>
              {criteria.map((c) => (
                <th key={c.id} scope="col" className="hidden w-9 px-0 pb-2 pt-3 align-bottom normal-case tracking-normal lg:table-cell" data-testid="criterion-column">
                  <CriterionHeading column={c} />
                </th>
              ))}
              <th scope="col" className="hidden px-5 py-2.5 lg:table-cell lg:w-40">Stage</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((c) => {
              const checked = selected.has(c.id);
              return (
                <tr key={c.id} className={`align-top transition-colors ${checked ? "bg-brand-50/60" : "hover:bg-slate-50"}`} data-testid="candidate-row">
                  <td className="py-3 pl-5 pr-2">
                    <input
                      type="checkbox"
                      aria-label={`Select ${c.name}`}
                      checked={checked}
                      onChange={() => toggle(c.id)}
                      className="mt-2.5 h-4 w-4 rounded border-slate-300 accent-brand-600"
                    />
                  </td>
                  <td className="px-2 py-3">
                    <ScoreBadge score={c.score} stale={c.stale} requiredTier={c.required?.tier} unchecked={c.verdicts.length > 0 && c.verdicts.every((v) => v.verdict === "UNKNOWN")} />
                  </td>
                  <td className="min-w-0 px-3 py-3">
                    <Link href={`/jobs/${jobId}/candidates/${c.id}${query}`} className="font-medium text-slate-900 hover:text-brand-700">
                      {c.name}
                    </Link>
                    <p className="truncate text-slate-500">{c.headline ?? c.email ?? "—"}</p>
                    {c.required?.label || c.needsReview ? (
                      <div className="mt-1.5 flex flex-wrap gap-1">
                        {c.required ? <RequiredBadge tier={c.required.tier} label={c.required.label} title={c.required.detail} /> : null}
                        <NeedsReviewCount count={c.needsReview} />
                      </div>
                    ) : null}
                    {c.humanReview ? (
                      <span className="mt-1 inline-flex items-center rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100" title="Not screened automatically: a person reviews this application">
                        Asked for human review
                      </span>
                    ) : null}
                    {c.score === null ? (
                      <p className="mt-1 text-xs text-slate-500">{resumeNote(c.resumeStatus) ?? "Not screened yet"}</p>
                    ) : c.resumeStatus && resumeNote(c.resumeStatus) ? (
                      <p className="mt-1 text-xs text-amber-700">{resumeNote(c.resumeStatus)}: verdicts need review</p>
                    ) : null}
                    {/* On phones the row is a card: stage and verdicts under the name, nothing off screen. */}
                    <div className="lg:hidden">
                      <StageLine row={c} phone />
                      {verdictsOf(c).length ? (
                        <ul className="mt-2 flex flex-wrap gap-1" aria-label={`Verdicts for ${c.name}`} data-testid="verdict-chips">
                          {verdictsOf(c).map(({ column, verdict }) => (
                            <li
                              key={column.id}
                              title={column.text}
                              className={`inline-flex max-w-full items-center gap-1 rounded-full bg-white py-0.5 pl-0.5 pr-2 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-200 ${column.kind === "NEUTRAL" ? "italic" : ""}`}
                            >
                              <VerdictIcon verdict={verdict} />
                              <span className="truncate">{column.label}</span>
                              <span className="sr-only">: {VERDICT_LABEL[verdict]}</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  </td>
                  {criteria.map((column) => {
                    const verdict = byCriterion(c).get(column.id);
                    return (
                      <td key={column.id} className="hidden px-0 py-3 text-center lg:table-cell" data-testid="verdict-cell">
                        {verdict ? (
                          <>
                            <span aria-hidden title={`${column.text}: ${VERDICT_LABEL[verdict]}`} className="mt-2.5 inline-flex" data-testid="verdict-mark">
                              <VerdictIcon verdict={verdict} className="h-5 w-5 text-xs" />
                            </span>
                            <span className="sr-only">{VERDICT_LABEL[verdict]}</span>
                          </>
                        ) : (
                          <>
                            <span aria-hidden title={`${column.text}: no verdict`} className="mt-2.5 inline-block text-slate-400">
                              ·
                            </span>
                            <span className="sr-only">No verdict</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className="hidden px-5 py-3 lg:table-cell">
                    <StageLine row={c} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StageLine({ row, phone }: { row: CandidateRowView; phone?: boolean }) {
  return (
    <div className="mt-1 flex min-w-0 flex-wrap items-center gap-1.5 lg:mt-0 lg:block" data-testid="stage-line">
      <p className="truncate text-slate-700">
        {phone ? <span className="text-slate-500">Stage: </span> : null}
        {row.stage ?? "—"}
      </p>
      {row.archived ? (
        <span className="inline-flex max-w-[12rem] items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200 lg:mt-1" title={row.archiveReason ?? undefined}>
          <span className="truncate">Archived{row.archiveReason ? ` · ${row.archiveReason}` : ""}</span>
        </span>
      ) : null}
    </div>
  );
}

/**
 * A column heading: the short label, written bottom to top so ten columns fit beside the names. The
 * full criterion is its accessible name (read once per column, not once per row) and shows on hover
 * and keyboard focus.
 */
function CriterionHeading({ column }: { column: CriterionColumn }) {
  const neutral = column.kind === "NEUTRAL";
  return (
    <span tabIndex={0} data-testid="column-heading" className="group relative mx-auto block w-9 rounded outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      <span aria-hidden data-testid="column-label" className={`mx-auto block max-h-40 overflow-hidden text-ellipsis whitespace-nowrap text-xs font-medium [writing-mode:vertical-rl] rotate-180 ${neutral ? "italic text-slate-500" : "text-slate-700"}`}>
        {column.label}
      </span>
      <span className="sr-only">
        {column.text}
        {neutral ? " (neutral)" : ""}
      </span>
      <span
        aria-hidden
        data-testid="column-tooltip"
        className="pointer-events-none invisible absolute left-1/2 top-full z-20 mt-1 w-56 -translate-x-1/2 rounded-md bg-slate-900 px-2.5 py-1.5 text-left text-xs font-normal normal-case leading-5 text-white shadow-lg group-hover:visible group-focus:visible"
      >
        {column.text}
        {neutral ? <span className="block text-slate-300">Neutral: filters only, not scored</span> : null}
      </span>
    </span>
  );
}
