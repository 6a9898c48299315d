"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The retention period: off, or delete candidates archived more than N days ago (admins change it). */
export function RetentionForm({ initial, canEdit }: { initial: number | null; canEdit: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [on, setOn] = useState(initial !== null);
  const [days, setDays] = useState(String(initial ?? 365));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function save() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api<{ days: number | null }>("/api/settings/retention", { method: "PUT", body: { days: on ? Number(days) : null } });
      setSaved(result.days);
      setMessage({ tone: "success", text: result.days === null ? "Retention is off: archived candidates are kept." : `Saved: candidates archived more than ${result.days} days ago are deleted every hour.` });
      router.refresh();
    } catch (e) {
      setMessage({ tone: "error", text: e instanceof Error ? e.message : "Could not save the retention period" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {saved === null ? "Off: archived candidates are kept until someone deletes them." : `On: candidates archived more than ${saved} days ago are deleted.`} Deleting keeps an
        anonymized decision record (verdicts, scores and who decided what, without the person); nothing is deleted in the ATS.
      </p>
      <fieldset disabled={!canEdit || busy} className="space-y-3">
        <legend className="sr-only">Retention period</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
          Delete archived candidates after a retention period
        </label>
        {on ? (
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <label htmlFor="retention-days">Delete candidates archived more than</label>
            <span className="w-24">
              <input id="retention-days" type="number" min={7} max={3650} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} className={inputClass} />
            </span>
            <span>days ago</span>
          </div>
        ) : null}
      </fieldset>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="button" disabled={busy} onClick={() => void save()}>
            {busy ? "Saving…" : "Save retention"}
          </Button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">Only organization owners and admins can change the retention period.</p>
      )}
    </div>
  );
}
