"use client";

import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Alert } from "@/components/ui/alert";

/** Saved as soon as it is changed: one choice, nothing else to submit with it. */
export function DigestToggle({ enabled, organizationName, hour }: { enabled: boolean; organizationName: string; hour: number }) {
  const [on, setOn] = useState(enabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown changed at once, as a checkbox is expected to, and put back if the save fails.
  const change = async (next: boolean) => {
    setOn(next);
    setBusy(true);
    setError(null);
    try {
      setOn((await api<{ enabled: boolean }>("/api/profile/digest", { body: { enabled: next } })).enabled);
    } catch (e) {
      setOn(!next);
      setError(e instanceof Error ? e.message : "Could not save the setting");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="max-w-md space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={on} disabled={busy} onChange={(e) => void change(e.target.checked)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        <span>
          <span className="font-medium text-slate-900">Email me a daily digest</span>
          <span className="block text-slate-600">
            Once a day at {String(hour).padStart(2, "0")}:00 UTC, when you have unread notifications in {organizationName}, one email lists them.
          </span>
        </span>
      </label>
    </div>
  );
}
