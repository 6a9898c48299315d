"use client";

import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import type { Verdict } from "@/lib/screening/types";
import { REQUIRED_LABEL } from "@/lib/screening/labels";
import { VERDICT_LABEL } from "./verdicts";

export interface FilterState {
  stage?: string;
  status: "all" | "active" | "archived";
  v: { criterionId: string; verdict: Verdict }[];
  required?: "met" | "review" | "missing";
  /** Only candidates with at least one verdict that needs review. */
  review: boolean;
}

const VERDICTS = Object.keys(VERDICT_LABEL) as Verdict[];
// The URL schema keeps at most this many (lib/screening/results.ts).
const MAX_VERDICT_FILTERS = 10;
/** "is met", "is not met", but "needs review" rather than "is needs review". */
const verdictOption = (v: Verdict) => (v === "UNKNOWN" ? VERDICT_LABEL[v].toLowerCase() : `is ${VERDICT_LABEL[v].toLowerCase()}`);

/** Filters live in the URL, so the server filters and paginates, and a filtered list can be shared. */
export function CandidateFilters({
  filters: current,
  criteria,
  stages,
}: {
  filters: FilterState;
  criteria: { id: string; text: string; kind: string }[];
  stages: { id: string; text: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // The controls show the new choice at once, while the server renders the filtered list.
  const [filters, setFilters] = useOptimistic(current);

  const go = (next: FilterState) => {
    const q = new URLSearchParams();
    if (next.stage) q.set("stage", next.stage);
    if (next.status !== "active") q.set("status", next.status);
    for (const f of next.v) q.append("v", `${f.criterionId}:${f.verdict}`);
    if (next.required) q.set("required", next.required);
    if (next.review) q.set("review", "1");
    startTransition(() => {
      setFilters(next);
      router.push(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
    });
  };
  const active = Boolean(filters.stage || filters.status !== "active" || filters.v.length || filters.required || filters.review);
  const select = `${inputClass.replace("w-full", "w-auto")} py-1.5 pr-8 text-sm`;
  const textOf = (id: string) => criteria.find((c) => c.id === id)?.text ?? "criterion";
  const unused = criteria.filter((c) => !filters.v.some((f) => f.criterionId === c.id));
  // Row i is set, or removed with null; with no filter yet, row 0 is the "Any criterion" one.
  const setAt = (i: number, f: FilterState["v"][number] | null) => {
    const v = [...filters.v];
    if (f) v[i] = f;
    else v.splice(i, 1);
    go({ ...filters, v });
  };
  // The first pair keeps the plain names "Criterion" and "Verdict"; the next ones are numbered.
  const nth = (name: string, i: number) => (i === 0 ? name : `${name} ${i + 1}`);

  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2" data-testid="candidate-filters" aria-busy={pending}>
      <div role="group" aria-label="Verdict filters, every one must hold" className="flex w-full min-w-0 flex-col gap-1.5 sm:w-auto">
        <span aria-hidden className="block text-xs font-medium text-slate-500">
          Criterion
        </span>
        {(filters.v.length ? filters.v : [null]).map((f, i) => (
          // On a phone the criterion (a sentence) takes the whole line and its verdict the next; side by side from sm up.
          <div key={f?.criterionId ?? "any"} className="flex min-w-0 flex-wrap items-center gap-1.5 sm:flex-nowrap" data-testid="verdict-filter">
            <select
              aria-label={nth("Criterion", i)}
              className={`${inputClass} min-w-0 basis-full truncate py-1.5 pr-8 sm:w-auto sm:max-w-[16rem] sm:flex-1 sm:basis-auto`}
              value={f?.criterionId ?? ""}
              onChange={(e) => setAt(i, e.target.value ? { criterionId: e.target.value, verdict: f?.verdict ?? "MET" } : null)}
            >
              <option value="">{i === 0 ? "Any criterion" : "Remove this filter"}</option>
              {criteria
                .filter((c) => c.id === f?.criterionId || unused.includes(c))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.text}
                    {c.kind === "NEUTRAL" ? " (neutral)" : ""}
                  </option>
                ))}
            </select>
            <select className={`${select} min-w-0 flex-1 sm:flex-none`} value={f?.verdict ?? "MET"} disabled={!f} aria-label={nth("Verdict", i)} onChange={(e) => f && setAt(i, { criterionId: f.criterionId, verdict: e.target.value as Verdict })}>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {verdictOption(v)}
                </option>
              ))}
            </select>
            {f ? (
              <button
                type="button"
                aria-label={`Remove the filter on ${textOf(f.criterionId)}`}
                title="Remove this filter"
                onClick={() => setAt(i, null)}
                className="grid h-8 w-8 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-700"
              >
                <span aria-hidden>✕</span>
              </button>
            ) : null}
          </div>
        ))}
        {filters.v.length > 0 && filters.v.length < MAX_VERDICT_FILTERS && unused.length > 0 ? (
          <button
            type="button"
            onClick={() => go({ ...filters, v: [...filters.v, { criterionId: unused[0]!.id, verdict: "MET" }] })}
            className="self-start text-sm font-medium text-brand-700 hover:text-brand-600"
          >
            + Add a criterion
          </button>
        ) : null}
      </div>
      <label className="block">
        <span className="block text-xs font-medium text-slate-500">Required criteria</span>
        <select
          aria-label="Required criteria"
          className={`${select} mt-1`}
          value={filters.required ?? ""}
          onChange={(e) => go({ ...filters, required: (e.target.value || undefined) as FilterState["required"] })}
        >
          <option value="">Any</option>
          <option value="met">Meets all required</option>
          <option value="review">{REQUIRED_LABEL.review}</option>
          <option value="missing">{REQUIRED_LABEL.missing}</option>
        </select>
      </label>
      <label className="mb-1.5 inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={filters.review}
          onChange={(e) => go({ ...filters, review: e.target.checked })}
          className="h-4 w-4 rounded border-slate-300 accent-brand-600"
        />
        Needs review
      </label>
      <label className="block">
        <span className="block text-xs font-medium text-slate-500">Stage</span>
        <select aria-label="Stage" className={`${select} mt-1 max-w-[12rem]`} value={filters.stage ?? ""} onChange={(e) => go({ ...filters, stage: e.target.value || undefined })}>
          <option value="">Any stage</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text}
            </option>
          ))}
          <option value="none">No stage</option>
        </select>
      </label>
      <label className="block">
        <span className="block text-xs font-medium text-slate-500">Status</span>
        <select aria-label="Status" className={`${select} mt-1`} value={filters.status} onChange={(e) => go({ ...filters, status: e.target.value as FilterState["status"] })}>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
          <option value="all">Active and archived</option>
        </select>
      </label>
      {active ? (
        <button type="button" onClick={() => go({ status: "active", v: [], review: false })} className="mb-1.5 text-sm font-medium text-brand-700 hover:text-brand-600">
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
