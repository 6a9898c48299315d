"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Downloads the decision record for a date range as CSV or JSON. A plain GET form (the browser saves
 * the file); the only check here is the one a date picker cannot make, start before end.
 */
export function RecordExportForm({ action, idPrefix }: { action: string; idPrefix: string }) {
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 90 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const swapped = Boolean(from && to && from > to);
  return (
    <form action={action} method="get" className="space-y-3" data-testid="record-export">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${idPrefix}-from`} label="From" name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field id={`${idPrefix}-to`} label="To (included)" name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={swapped ? ["Choose an end date after the start date"] : undefined} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="format" value="csv" className={buttonClass("secondary")} disabled={swapped}>
          Download CSV
        </button>
        <button type="submit" name="format" value="json" className={buttonClass("secondary")} disabled={swapped}>
          Download JSON
        </button>
      </div>
      <p className="text-xs text-slate-500">
        One row per result version and per decision, oldest first. No résumé text or evidence quotes (each candidate&apos;s Explanation page has those); names only
        of candidates whose data still exists.
      </p>
    </form>
  );
}
