"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { VERDICT_LABEL } from "@/lib/screening/labels";
import type { Verdict } from "@/lib/screening/types";

const VERDICTS: Verdict[] = ["MET", "PARTLY_MET", "NOT_MET", "UNKNOWN"];
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export interface OverrideShown {
  verdict: Verdict;
  reason: string;
  by: string | null;
  at: string;
}

/**
 * Under one criterion of the candidate page: the person's own verdict when one was recorded, beside
 * the AI's (which stays as it was), and "Your verdict…" to record one with a reason.
 */
export function OverrideVerdict({ candidateId, criterionId, criterion, aiVerdict, current }: { candidateId: string; criterionId: string; criterion: string; aiVerdict: Verdict; current: OverrideShown | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(current?.verdict ?? (aiVerdict === "MET" ? "NOT_MET" : "MET"));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `override-${criterionId}`;

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/candidates/${candidateId}/override`, { method: "POST", body: { criterionId, verdict, reason } });
      setOpen(false);
      setReason("");
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3 print:hidden">
      {current ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="override">
          <span className="font-medium">Person&apos;s verdict: {VERDICT_LABEL[current.verdict]}</span> (the AI said {VERDICT_LABEL[aiVerdict]}) · {current.reason}
          <span className="block text-xs text-amber-800">
            {current.by ?? "A former member"}, {when(current.at)}
          </span>
        </p>
      ) : null}
      {open ? (
        <form
          className="mt-2 space-y-2 rounded-lg border border-slate-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset>
            <legend className="text-xs font-medium text-slate-700">Your verdict on “{criterion}”</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {VERDICTS.map((v) => (
                <label key={v} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" name={id} value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
                  {VERDICT_LABEL[v]}
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-700">
            Why (required; kept in the decision record)
          </label>
          <textarea id={`${id}-reason`} value={reason} maxLength={500} rows={2} required onChange={(e) => setReason(e.target.value)} className={inputClass} />
          {error ? (
            <p role="alert" className="text-xs text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" className="px-2.5 py-1 text-xs" disabled={busy}>
              {busy ? "Saving…" : "Record my verdict"}
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="ghost" className="mt-1 px-2 py-1 text-xs shadow-none" onClick={() => setOpen(true)}>
          Your verdict…
        </Button>
      )}
    </div>
  );
}
