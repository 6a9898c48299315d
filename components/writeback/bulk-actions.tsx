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
}
type Outcome = CandidateActionOutcome;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(outcome: Outcome, target: string, ats: string): { tone: "success" | "info"; text: string } {
  if (outcome.repeated) return { tone: "info", text: "This change was already made." };
  const verb = outcome.action === "advance" ? `Moved ${plural(outcome.changed, "candidate")} to ${target}` : `Rejected ${plural(outcome.changed, "candidate")} (${target})`;
  const parts = [outcome.changed ? verb : "Nothing to change"];
  if (outcome.unchanged) parts.push(`${outcome.unchanged} already ${outcome.action === "advance" ? "there" : "rejected"}`);
  if (outcome.writeBack === "queued" && outcome.queued) parts.push(`${plural(outcome.queued, "update")} on the way to ${ats}`);
  if (outcome.writeBack === "off") parts.push(`${ats} is not updated (Update stages is off)`);
  if (outcome.writeBack === "not_connected") parts.push("No ATS is connected");
  return { tone: "success", text: `${parts.join(" · ")}.` };
}

type Mode = "advance" | "archive";

/**
 * Advance or reject the selected candidates. The change shows in the app at once; with "Update
 * stages" on it is also written to the ATS by the worker (see each candidate's history).
 */
export function BulkActions({ jobId, selectedIds, onDone }: { jobId: string; selectedIds: readonly string[]; onDone?: () => void }) {
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
  const [outcome, setOutcome] = useState<{ tone: "success" | "info"; text: string } | null>(null);

  useEffect(() => {
    api<Options>("/api/candidates/actions")
      .then(setOptions)
      .catch((e: Error) => setOptionsError(e.message));
  }, []);

  const count = selectedIds.length;
  const none = count === 0;
  const list = mode === "advance" ? (options?.stages ?? []) : (options?.archiveReasons ?? []);

  const open = (next: Mode) => {
    setMode(next);
    setChoice("");
    setError(null);
    setIdempotencyKey(crypto.randomUUID());
    dialog.current?.showModal();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError(mode === "advance" ? "Choose a stage." : "Choose a rejection reason.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const body =
        mode === "advance"
          ? { action: "advance", stageId: choice, candidateIds: selectedIds, jobId, idempotencyKey }
          : { action: "archive", archiveReasonId: choice, candidateIds: selectedIds, jobId, idempotencyKey };
      const result = await api<Outcome>("/api/candidates/actions", { body });
      setOutcome(describe(result, list.find((o) => o.id === choice)?.text ?? "", ats));
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
      {outcome ? (
        <div data-testid="bulk-outcome">
          <Alert tone={outcome.tone}>{outcome.text}</Alert>
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
                  : `They are archived here and in ${ats} with this reason.`
                : options?.ats
                  ? `The change stays in this app: Update stages in ${ats} is off.`
                  : "The change stays in this app: no ATS is connected."}
            </p>
          </div>
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
            <Button type="submit" variant={mode === "archive" ? "danger" : "primary"} disabled={pending || !choice}>
              {pending ? "Saving…" : mode === "advance" ? `Advance ${count}` : `Reject ${count}`}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
