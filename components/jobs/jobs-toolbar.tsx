"use client";

import Form from "next/form";
import { inputClass } from "@/components/ui/field";

const SORTS = [
  { value: "newest", label: "Newest" },
  { value: "title", label: "Title (A–Z)" },
  { value: "applicants", label: "Most applicants" },
] as const;

/** Search (title, team, department, location) and sort for the jobs list, kept in the URL. */
export function JobsToolbar({ q, sort }: { q: string; sort: string }) {
  return (
    <Form action="/jobs" role="search" aria-label="Jobs" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="jobs-q" className="block text-sm font-medium text-slate-700">
          Find a job
        </label>
        <input id="jobs-q" type="search" name="q" defaultValue={q} maxLength={100} placeholder="Title, team or location" className={`mt-1 ${inputClass}`} />
      </div>
      <div className="sm:w-48">
        <label htmlFor="jobs-sort" className="block text-sm font-medium text-slate-700">
          Sort by
        </label>
        <select id="jobs-sort" name="sort" defaultValue={sort} onChange={(e) => e.currentTarget.form?.requestSubmit()} className={`mt-1 ${inputClass}`}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </Form>
  );
}
