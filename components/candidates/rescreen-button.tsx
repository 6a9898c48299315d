"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";

const POLL_MS = 1000;
const GIVE_UP_MS = 30_000;

/** Re-screens this candidate against the current criteria and refreshes the page when the result lands. */
export function RescreenButton({ candidateId, screenedAt, disabled }: { candidateId: string; screenedAt: string | null; disabled?: boolean }) {
  const router = useRouter();
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

  async function rescreen() {
    setMessage(null);
    try {
      await api(`/api/candidates/${candidateId}/screen`, { method: "POST" });
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
      {message ? (
        <p role={message.error ? "alert" : "status"} className={`max-w-xs text-xs ${message.error ? "text-red-600" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
