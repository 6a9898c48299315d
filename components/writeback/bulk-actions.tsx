"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api } from "@/components/jobs/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { CandidateActionOutcome } from "@/lib/writeback/candidate-actions";

interface Option {
  id: string;
  text: string;
}
interface Options {
  stages: Option[];
  archiveReasons: Option[];
  ats: string | null;
  updatesAts: boolean;
  undoSeconds: number;
}
type Outcome = CandidateActionOutcome;

/** A selected row as the dialog names it. */
export interface SelectedCandidate {
  id: string;
  name: string;
  stage: string | null;
  archived: boolean;
  caution: "late" | "hired" | null;
}

interface Banner {
  tone: "success" | "info" | "error";
  text: string;
  /** While set, Undo is offered until `until` (ms since the epoch, this browser's clock); `after` replaces the text then. */
  undo?: { batchId: string; until: number; after: string };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(outcome: Outcome, target: string, ats: string, undoOpen: boolean): Banner {
  if (outcome.repeated) return { tone: "info", text: "This change was already made." };
  const verb = outcome.action === "advance" ? `Moved ${plural(outcome.changed, "candidate")} to ${target}` : `Rejected ${plural(outcome.changed, "candidate")} (${target})`;
  const parts = [outcome.changed ? verb : "Nothing to change"];
  if (outcome.unchanged) parts.push(`${outcome.unchanged} already ${outcome.action === "advance" ? "there" : "rejected"}`);
  if (outcome.writeBack === "queued" && outcome.queued) parts.push(undoOpen ? `sent to ${ats} in a few seconds unless you undo` : `${plural(outcome.queued, "update")} on the way to ${ats}`);
  if (outcome.writeBack === "off") parts.push(`${ats} is not updated (Update stages is off)`);
  if (outcome.writeBack === "not_connected") parts.push("No ATS is connected");
  return { tone: "success", text: `${parts.join(" · ")}.` };
}

type Mode = "advance" | "archive";

const BANNER_TONE = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-brand-100 bg-brand-50 text-brand-700",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

const CAUTION_LABEL = { late: "Late stage", hired: "Hired" } as const;

/**
 * Advance or reject the selected candidates. The change shows in the app at once; with "Update
 * stages" on it is also written to the ATS by the worker (see each candidate's history). The reject
 * dialog names everyone it rejects, asks for a confirmation when any is at a late stage or hired,
 * and the result offers Undo for a few seconds, before anything is sent to the ATS.
 */
export function BulkActions({ jobId, selected, onDone }: { jobId: string; selected: readonly SelectedCandidate[]; onDone?: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState<Options | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  const ats = options?.ats ?? "your ATS";
  const [mode, setMode] = useState<Mode>("advance");
  const [choice, setChoice] = useState("");
  // One key per opened dialog: a double-click or a resent request is the same change, made once.
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [undoing, setUndoing] = useState(false);

  useEffect(() => {
    api<Options>("/api/candidates/actions")
      .then(setOptions)
      .catch((e: Error) => setOptionsError(e.message));
  }, []);

  // The countdown ticks only while Undo is offered.
  const undoUntil = banner?.undo?.until ?? null;
  useEffect(() => {
    if (undoUntil === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [undoUntil]);
  const undoLeft = undoUntil === null ? 0 : Math.ceil((undoUntil - now) / 1000);

  const count = selected.length;
  const none = count === 0;
  const list = mode === "advance" ? (options?.stages ?? []) : (options?.archiveReasons ?? []);
  const flagged = mode === "archive" ? selected.filter((c) => c.caution) : [];
  const needsConfirm = flagged.length > 0 && !confirmed;

  const open = (next: Mode) => {
    setMode(next);
    setChoice("");
    setError(null);
    setConfirmed(false);
    setIdempotencyKey(crypto.randomUUID());
    dialog.current?.showModal();
  };

  const undo = async (batchId: string) => {
    setUndoing(true);
    try {
      const result = await api<{ restored: number }>("/api/candidates/actions/undo", { body: { batchId } });
      setBanner({ tone: "info", text: `Undone: ${plural(result.restored, "candidate")} back as before. Nothing was sent to ${ats}.` });
      router.refresh();
    } catch (err) {
      setBanner({ tone: "error", text: (err as Error).message });
    } finally {
      setUndoing(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError(mode === "advance" ? "Choose a stage." : "Choose a rejection reason.");
      return;
    }
    if (needsConfirm) {
      setError("Confirm that you want to reject the candidates marked above.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const candidateIds = selected.map((c) => c.id);
      const body =
        mode === "advance"
          ? { action: "advance", stageId: choice, candidateIds, jobId, idempotencyKey }
          : { action: "archive", archiveReasonId: choice, candidateIds, jobId, idempotencyKey, undo: true, confirmLate: flagged.length > 0 };
      const sentAt = Date.now();
      const result = await api<Outcome>("/api/candidates/actions", { body });
      const target = list.find((o) => o.id === choice)?.text ?? "";
      // Counted on this browser's clock from when the request left, so it never outlasts the server's window.
      const undoWindow = result.undo ? Math.min(Date.parse(result.undo.until) - Date.now(), (options?.undoSeconds ?? 10) * 1000) : 0;
      setNow(Date.now());
      const after = describe(result, target, ats, false);
      setBanner(result.undo && undoWindow > 0 ? { ...describe(result, target, ats, true), undo: { batchId: result.undo.batchId, until: sentAt + undoWindow, after: after.text } } : after);
      dialog.current?.close();
      onDone?.();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-2" data-testid="bulk-actions">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-1 text-sm text-slate-600" aria-live="polite">
          {none ? "Select candidates to advance or reject" : `${plural(count, "candidate")} selected`}
        </span>
        <Button type="button" variant="secondary" disabled={none || !options} onClick={() => open("advance")}>
          Advance to stage…
        </Button>
        <Button type="button" variant="danger" disabled={none || !options} onClick={() => open("archive")}>
          Reject…
        </Button>
      </div>
      {optionsError ? <Alert tone="error">{optionsError}</Alert> : null}
      {banner ? (
        <div
          data-testid="bulk-outcome"
          role={banner.tone === "error" ? "alert" : "status"}
          className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${BANNER_TONE[banner.tone]}`}
        >
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-2">
            <p className="min-w-0 flex-1 basis-56">{banner.undo && undoLeft <= 0 ? banner.undo.after : banner.text}</p>
            {banner.undo && undoLeft > 0 ? (
              <Button type="button" variant="secondary" disabled={undoing} onClick={() => void undo(banner.undo!.batchId)}>
                {undoing ? "Undoing…" : `Undo (${undoLeft}s)`}
              </Button>
            ) : null}
          </div>
          <button type="button" onClick={() => setBanner(null)} className="rounded p-1 leading-none opacity-70 hover:opacity-100" aria-label="Dismiss this message">
            ×
          </button>
        </div>
      ) : null}

      <dialog ref={dialog} aria-labelledby="bulk-action-title" className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={submit} className="space-y-4 p-6">
          <div>
            <h2 id="bulk-action-title" className="text-lg font-semibold">
              {mode === "advance" ? `Advance ${plural(count, "candidate")}` : `Reject ${plural(count, "candidate")}`}
            </h2>
            <p className="mt-1 text-sm text-slate-500">
              {options?.updatesAts
                ? mode === "advance"
                  ? `They move to this stage here and in ${ats}.`
                  : `They are archived here at once, and in ${ats} after ${options.undoSeconds} seconds unless you undo.`
                : options?.ats
                  ? `The change stays in this app: Update stages in ${ats} is off.`
                  : "The change stays in this app: no ATS is connected."}
            </p>
          </div>
          <div>
            <p className="text-sm font-medium text-slate-700">{mode === "advance" ? "Moving" : "Rejecting"}</p>
            <ul className="mt-1 max-h-44 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 text-sm" data-testid="bulk-action-list">
              {selected.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 px-3 py-1.5">
                  <span className="min-w-0 flex-1 basis-40 break-words font-medium text-slate-900">{c.name}</span>
                  <span className="shrink-0 text-slate-500">{c.archived ? "Archived" : (c.stage ?? "No stage")}</span>
                  {mode === "archive" && c.caution ? (
                    <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{CAUTION_LABEL[c.caution]}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
          {flagged.length > 0 ? (
            <div className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="late-stage-warning">
              <p className="font-semibold">
                {flagged.length === 1 ? `${flagged[0]!.name} is` : `${flagged.length} of them are`} at a late stage (Offer or later) or hired.
              </p>
              <label className="mt-2 flex items-start gap-2">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-0.5 h-4 w-4 accent-red-600" />
                <span>Yes, reject {flagged.length === 1 ? "them" : "them all"} too.</span>
              </label>
            </div>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div>
            <label htmlFor="bulk-action-choice" className="block text-sm font-medium text-slate-700">
              {mode === "advance" ? "Stage" : "Rejection reason"}
            </label>
            <select id="bulk-action-choice" required value={choice} onChange={(e) => setChoice(e.target.value)} className={`mt-1 ${inputClass}`}>
              <option value="" disabled>
                {mode === "advance" ? "Choose a stage…" : "Choose a reason…"}
              </option>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                </option>
              ))}
            </select>
            {list.length === 0 ? (
              <p className="mt-1 text-xs text-amber-700">
                {mode === "advance" ? `No stages yet: they are imported from ${ats} on Settings → ATS.` : `No active rejection reasons yet: they are imported from ${ats} on Settings → ATS.`}
              </p>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={mode === "archive" ? "danger" : "primary"} disabled={pending || !choice || needsConfirm}>
              {pending ? "Saving…" : mode === "advance" ? `Advance ${count}` : `Reject ${count}`}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
