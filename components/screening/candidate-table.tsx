"use client";

import Link from "next/link";
import { useState } from "react";
import { BulkActions } from "@/components/writeback/bulk-actions";
import type { RequiredTier } from "@/lib/screening/score";
import { resumeProblem } from "@/lib/resumes/status";
import type { Verdict } from "@/lib/screening/types";
import { NeedsReviewCount, RequiredBadge, ScoreBadge, VerdictChip } from "./verdicts";

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
  verdicts: { criterionId: string; text: string; kind: string; verdict: Verdict }[];
  /** The candidate asked for a human review: no screening job scores them. */
  humanReview?: boolean;
}

const RESUME_NOTES: Record<string, string> = {
  empty: "No text in the résumé file",
  unprocessable: "Lever could not process the résumé",
  missing: "Résumé file missing",
  none: "No résumé",
};
const resumeNote = (status: string | null): string | undefined => RESUME_NOTES[status ?? "none"] ?? resumeProblem(status) ?? undefined;

/**
 * The ranked candidates with a checkbox per row, "select all on this page", and the bulk actions bar.
 * `query` (the list's filters and page) goes with each candidate link, for previous/next there.
 */
export function CandidateTable({ jobId, rows, caption, query = "" }: { jobId: string; rows: CandidateRowView[]; caption: string; query?: string }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const visible = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const all = rows.length > 0 && visible.length === rows.length;
  const some = visible.length > 0 && !all;
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
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm lg:table-fixed" data-testid="candidate-table">
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
              <th scope="col" className="px-3 py-2.5 lg:w-[30%]">Candidate</th>
              <th scope="col" className="hidden px-3 py-2.5 lg:table-cell">Criteria</th>
              <th scope="col" className="px-5 py-2.5 lg:w-44">Stage</th>
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
                    <ScoreBadge score={c.score} stale={c.stale} requiredTier={c.required?.tier} />
                  </td>
                  <td className="min-w-[12rem] px-3 py-3 lg:min-w-0">
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
                    {c.verdicts.length ? (
                      <div className="mt-2 flex flex-wrap gap-1 lg:hidden">
                        {c.verdicts.map((v) => (
                          <VerdictChip key={v.criterionId} verdict={v.verdict} text={v.text} neutral={v.kind === "NEUTRAL"} />
                        ))}
                      </div>
                    ) : null}
                  </td>
                  <td className="hidden px-3 py-3 lg:table-cell">
                    {c.verdicts.length ? (
                      <div className="flex flex-wrap gap-1" data-testid="verdicts">
                        {c.verdicts.map((v) => (
                          <VerdictChip key={v.criterionId} verdict={v.verdict} text={v.text} neutral={v.kind === "NEUTRAL"} />
                        ))}
                      </div>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                  <td className="px-5 py-3">
                    <p className="truncate text-slate-700">{c.stage ?? "—"}</p>
                    {c.archived ? (
                      <span className="mt-1 inline-flex max-w-[12rem] items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200" title={c.archiveReason ?? undefined}>
                        <span className="truncate">Archived{c.archiveReason ? ` · ${c.archiveReason}` : ""}</span>
                      </span>
                    ) : null}
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
