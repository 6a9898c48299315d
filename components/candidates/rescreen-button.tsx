"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";

const POLL_MS = 1000;
const GIVE_UP_MS = 30_000;

/**
 * Re-screens this candidate against the current criteria and refreshes the page when the result lands.
 * With `confirm` (the candidate asked for a human review) it asks that question first.
 */
export function RescreenButton({ candidateId, screenedAt, disabled, confirm }: { candidateId: string; screenedAt: string | null; disabled?: boolean; confirm?: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    if (waiting === null) return;
    const timer = setInterval(async () => {
      try {
        const status = await api<{ screenedAt: string | null; current: boolean }>(`/api/candidates/${candidateId}/screen`);
        const moved = status.screenedAt !== screenedAt;
        if (status.current && (moved || screenedAt !== null)) {
          setWaiting(null);
          setMessage({ error: false, text: moved ? "Re-screened with the current criteria." : "Already up to date with the current criteria." });
          router.refresh();
        } else if (Date.now() - waiting > GIVE_UP_MS) {
          setWaiting(null);
          setMessage({ error: true, text: "Still waiting for the worker; the result will appear when it is done." });
        }
      } catch {
        // The next tick asks again.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, candidateId, screenedAt, router]);

  async function rescreen(confirmed = false) {
    setMessage(null);
    if (confirm && !confirmed) return setConfirming(true);
    setConfirming(false);
    try {
      await api(`/api/candidates/${candidateId}/screen`, { method: "POST", ...(confirmed ? { body: { confirmHumanReview: true } } : {}) });
      setWaiting(Date.now());
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : "Could not re-screen" });
    }
  }

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button type="button" variant="secondary" onClick={() => void rescreen()} disabled={disabled || waiting !== null}>
        {waiting !== null ? "Screening…" : "Re-screen"}
      </Button>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`confirm-${candidateId}`} className="max-w-xs rounded-lg border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900">
          <p id={`confirm-${candidateId}`}>{confirm}</p>
          <div className="mt-2 flex justify-end gap-2">
            <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button type="button" className="px-2.5 py-1 text-xs" onClick={() => void rescreen(true)}>
              Screen anyway
            </Button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`max-w-xs text-xs ${message.error ? "text-red-600" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
