"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { RunView } from "@/lib/imports/runs";
import { api } from "./api";

const ACTIVE = new Set(["QUEUED", "RUNNING"]);
const POLL_MS = 1000;
/** The rate shown is measured over the last samples, so it follows the run's current pace. */
const WINDOW_MS = 20_000;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const m = Math.round(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

type Sample = { t: number; done: number };

function windowRate(samples: Sample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || samples.length < 3 || last.t - first.t < 2000) return null;
  return (last.done - first.done) / ((last.t - first.t) / 1000);
}

function useRun(initial: RunView | null) {
  const [state, setState] = useState<{ run: RunView | null; samples: Sample[] }>({ run: initial, samples: [] });
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const { run, samples } = state;
  const id = run?.id;
  const active = run ? ACTIVE.has(run.status) : false;

  useEffect(() => {
    if (!id || !active) return;
    let stopped = false;
    const tick = async () => {
      try {
        const next = await api<RunView>(`/api/imports/${id}`);
        if (stopped) return;
        const now = Date.now();
        setState((prev) => ({ run: next, samples: [...prev.samples.filter((x) => now - x.t < WINDOW_MS), { t: now, done: next.done }] }));
        setError(null);
        if (!ACTIVE.has(next.status)) router.refresh();
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : "Lost contact with the server");
      }
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    void tick();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, active, router]);

  const rate = windowRate(samples) ?? run?.ratePerSec ?? null;
  const remaining = run?.total != null ? Math.max(0, run.total - run.done) : null;
  const eta = rate && rate > 0 && remaining !== null ? remaining / rate : null;
  const setRun = (next: RunView) => setState({ run: next, samples: [] });
  return { run, setRun, error, rate, eta };
}

function Progress({ run, rate, eta, ats }: { run: RunView; rate: number | null; eta: number | null; ats: string }) {
  const total = run.total;
  const pct = total ? Math.min(100, Math.round((run.done / total) * 100)) : run.status === "SUCCEEDED" ? 100 : 0;
  const active = ACTIVE.has(run.status);
  const label =
    run.status === "QUEUED"
      ? "Waiting for a worker…"
      : run.status === "RUNNING" && total === null
        ? `Counting applicants in ${ats}…`
        : `${run.done} / ${total ?? "?"} applicants`;
  return (
    <div className="space-y-2" data-testid="import-progress" data-status={run.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <span className="font-medium text-slate-900" data-testid="import-progress-count">
          {label}
        </span>
        {run.resuming ? (
          // Its worker stopped; another takes the run over within about 30 s, from where it was.
          <span className="text-slate-500" data-testid="import-rate" role="status">
            resuming…
          </span>
        ) : active && run.status === "RUNNING" && total !== null ? (
          <span className="text-slate-500" data-testid="import-rate">
            {rate ? `${rate.toFixed(1)} per second` : "measuring speed…"}
            {eta !== null && rate ? ` · about ${duration(eta)} left` : ""}
          </span>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label="Applicant import progress"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? run.done : undefined}
        className="h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${run.status === "CANCELLED" || run.status === "FAILED" ? "bg-slate-400" : "bg-brand-600"} ${active && (total === null || run.resuming) ? "animate-pulse" : ""}`}
          style={{ width: `${active && total === null ? 100 : pct}%` }}
        />
      </div>
      {run.done > 0 ? (
        <p className="text-xs text-slate-500">
          {run.created} new · {run.updated} updated · {run.skipped} already imported{run.failed ? ` · ${run.failed} failed` : ""}
        </p>
      ) : null}
    </div>
  );
}

const finished: Record<string, { tone: "success" | "warning" | "error"; text: (r: RunView) => string }> = {
  SUCCEEDED: { tone: "success", text: (r) => `Import finished: ${r.created} new, ${r.updated} updated, ${r.skipped} already imported${r.failed ? `, ${r.failed} failed (run it again to retry them)` : ""}.` },
  CANCELLED: { tone: "warning", text: (r) => `Import cancelled after ${r.done} of ${r.total ?? "?"} applicants.` },
  FAILED: { tone: "error", text: (r) => `Import failed: ${r.lastError ?? "unknown error"}` },
};

/** The job page's "Import from <ATS>" for existing applicants, with a live progress bar everyone in the organization sees. */
export function ImportApplicants({ jobId, initialRun, canImport, ats }: { jobId: string; initialRun: RunView | null; canImport: boolean; ats: string }) {
  const { run, setRun, error: pollError, rate, eta } = useRun(initialRun);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [reimport, setReimport] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = run ? ACTIVE.has(run.status) : false;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setRun(await api<RunView>(`/api/jobs/${jobId}/imports`, { body: { includeArchived, reimport } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not start the import");
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    if (!run) return;
    setBusy(true);
    try {
      setRun(await api<RunView>(`/api/imports/${run.id}/cancel`, { method: "POST" }));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not cancel");
    } finally {
      setBusy(false);
    }
  }

  const outcome = run && !active ? finished[run.status] : undefined;
  return (
    <Card>
      <CardBody className="space-y-3">
        {/* One compact block: it sits above the candidate list, which should start high on the page. */}
        <div className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:gap-3">
          <h2 className="text-base font-semibold text-slate-900">Applicants in {ats}</h2>
          <p className="text-sm text-slate-600">Import those who applied before the webhook; new applications arrive on their own.</p>
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {pollError && active ? <Alert tone="warning">{pollError}</Alert> : null}
        {run && active ? (
          <>
            <Progress ats={ats} run={run} rate={rate} eta={eta} />
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-xs text-slate-500">
                Started by {run.startedBy ?? "someone"} · {run.includeArchived ? "active and archived" : "active only"}
                {run.reimport ? " · re-importing existing candidates" : ""}. You can leave this page; the import goes on.
              </p>
              <Button type="button" variant="danger" onClick={() => void cancel()} disabled={busy || run.cancelRequested}>
                {run.cancelRequested ? "Cancelling…" : "Cancel import"}
              </Button>
            </div>
          </>
        ) : (
          <>
            {run && outcome ? (
              run.status === "SUCCEEDED" ? (
                <p role="status" className="text-sm text-emerald-800">
                  {outcome.text(run)}
                </p>
              ) : (
                <div className="space-y-3">
                  <Alert tone={outcome.tone}>{outcome.text(run)}</Alert>
                  <Progress ats={ats} run={run} rate={null} eta={null} />
                </div>
              )
            ) : null}
            {canImport ? (
              <form
                className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between"
                onSubmit={(e) => {
                  e.preventDefault();
                  void start();
                }}
              >
                <div className="space-y-2 text-sm">
                  <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
                    <legend className="sr-only">Which applicants</legend>
                    <label className="flex items-center gap-2">
                      <input type="radio" name="which" checked={!includeArchived} onChange={() => setIncludeArchived(false)} className="h-4 w-4" />
                      Active only
                    </label>
                    <label className="flex items-center gap-2">
                      <input type="radio" name="which" checked={includeArchived} onChange={() => setIncludeArchived(true)} className="h-4 w-4" />
                      Active and archived
                    </label>
                  </fieldset>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={reimport} onChange={(e) => setReimport(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
                    Re-import candidates already imported (refresh their details and résumés)
                  </label>
                </div>
                <Button type="submit" disabled={busy} className="shrink-0">
                  {busy ? "Starting…" : `Import from ${ats}`}
                </Button>
              </form>
            ) : (
              <p className="text-sm text-slate-600">Connect your ATS in Settings → ATS to import applicants.</p>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
