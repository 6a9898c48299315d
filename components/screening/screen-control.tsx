"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";

interface Status {
  total: number;
  screened: number;
  stale: number;
  unscreened: number;
}

const POLL_MS = 1000;
/** Stop waiting when nothing has moved for this long (the worker retries failures on its own). */
const STALL_MS = 30_000;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The job's screening state in one bar: "add criteria first", "criteria changed — re-screen N",
 * "N not screened yet", or all done; the button queues the work and the bar follows it live.
 */
export function ScreenControl({ jobId, hasCriteria, initial }: { jobId: string; hasCriteria: boolean; initial: Status }) {
  const router = useRouter();
  // While a run is followed the polled counts are shown; otherwise the server's (refreshed with the page).
  const [polled, setPolled] = useState<Status | null>(null);
  const [run, setRun] = useState<{ queued: number } | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success" | "warning"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const lastMove = useRef({ at: 0, remaining: 0 });

  useEffect(() => {
    if (!run) return;
    let stopped = false;
    let ticks = 0;
    const timer = setInterval(async () => {
      try {
        const next = await api<Status>(`/api/jobs/${jobId}/screen`);
        if (stopped) return;
        setPolled(next);
        const remaining = next.stale + next.unscreened;
        const now = Date.now();
        if (remaining !== lastMove.current.remaining) lastMove.current = { at: now, remaining };
        if (++ticks % 3 === 0) router.refresh();
        if (remaining === 0) {
          setRun(null);
          setMessage({ tone: "success", text: `Screening finished: ${plural(next.screened, "candidate")} scored against the current criteria.` });
          router.refresh();
        } else if (now - lastMove.current.at > STALL_MS) {
          setRun(null);
          setMessage({ tone: "warning", text: `${plural(remaining, "candidate")} could not be screened yet; the worker keeps retrying them.` });
          router.refresh();
        }
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [run, jobId, router]);

  async function screen() {
    setBusy(true);
    setMessage(null);
    try {
      const res = await api<{ queued: number; total: number }>(`/api/jobs/${jobId}/screen`, { method: "POST" });
      if (res.queued === 0) setMessage({ tone: "success", text: "Every candidate is already screened against the current criteria." });
      else {
        lastMove.current = { at: Date.now(), remaining: res.queued };
        setPolled(null);
        setRun({ queued: res.queued });
      }
    } catch (e) {
      setMessage({ tone: "error", text: e instanceof Error ? e.message : "Could not start screening" });
    } finally {
      setBusy(false);
    }
  }

  const status = (run ? polled : null) ?? initial;
  const remaining = status.stale + status.unscreened;
  let tone = "border-slate-200 bg-white";
  let title: string;
  let detail: string;
  let action: string | null = "Re-screen all";
  if (!hasCriteria) {
    tone = "border-amber-200 bg-amber-50";
    title = "Add criteria first";
    detail = "Candidates are scored against the job's criteria. Add at least one on the Criteria tab, then screen.";
    action = null;
  } else if (status.total === 0) {
    title = "No candidates to screen yet";
    detail = "Imported applicants are screened automatically as they arrive.";
    action = null;
  } else if (status.stale > 0) {
    tone = "border-amber-200 bg-amber-50";
    title = `Criteria changed — re-screen ${plural(status.stale, "candidate")}`;
    detail = `Their scores were computed with earlier criteria${status.unscreened ? `; ${status.unscreened} more not screened yet` : ""}.`;
    action = `Re-screen ${remaining}`;
  } else if (status.unscreened > 0) {
    tone = "border-brand-100 bg-brand-50";
    title = `${plural(status.unscreened, "candidate")} not screened yet`;
    detail = `${status.screened} of ${status.total} scored against the current criteria.`;
    action = "Screen all";
  } else {
    title = `All ${plural(status.total, "candidate")} screened`;
    detail = "Scores match the current criteria. New applicants are screened as they arrive.";
  }
  const done = run ? Math.max(0, run.queued - remaining) : 0;
  const pct = run ? Math.min(100, Math.round((done / Math.max(1, run.queued)) * 100)) : 0;

  return (
    <section aria-label="Screening" data-testid="screen-control" className={`rounded-xl border px-5 py-4 shadow-sm ${tone}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900" data-testid="screen-status">
            {run ? `Screening… ${done} of ${run.queued}` : title}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{run ? "Scores appear below as candidates are screened. You can leave this page." : detail}</p>
        </div>
        {action ? (
          <Button type="button" variant={status.stale || status.unscreened ? "primary" : "secondary"} onClick={() => void screen()} disabled={busy || run !== null} className="shrink-0">
            {busy || run ? "Screening…" : action}
          </Button>
        ) : null}
      </div>
      {run ? (
        <div role="progressbar" aria-label="Screening progress" aria-valuemin={0} aria-valuemax={run.queued} aria-valuenow={done} className="mt-3 h-2 overflow-hidden rounded-full bg-white/70 ring-1 ring-inset ring-slate-200">
          <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${Math.max(4, pct)}%` }} />
        </div>
      ) : null}
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mt-2 text-sm ${message.tone === "error" ? "text-red-700" : message.tone === "warning" ? "text-amber-800" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
