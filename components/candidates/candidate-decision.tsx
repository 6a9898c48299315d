"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { api } from "@/components/jobs/api";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { CandidateActionOutcome, RestoreOutcome } from "@/lib/writeback/candidate-actions";

interface Option {
  id: string;
  text: string;
}

export interface DecisionOptions {
  stages: Option[];
  archiveReasons: Option[];
  /** "Lever": the connected ATS, null when none is. */
  ats: string | null;
  updatesAts: boolean;
  /** A rejected candidate can be restored (the connected ATS can unarchive, or nothing is written to it). */
  canRestore: boolean;
}

export interface ListPlace {
  position: number;
  total: number;
  previousHref: string | null;
  nextHref: string | null;
}

type Mode = "advance" | "archive";

const SHORTCUTS: Array<[string, string]> = [
  ["j", "Next candidate"],
  ["k", "Previous candidate"],
  ["a", "Advance to a stage"],
  ["r", "Reject"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close a dialog"],
];

function sentence(outcome: CandidateActionOutcome, target: string, ats: string): string {
  if (outcome.repeated) return "This change was already made.";
  const done = outcome.action === "advance" ? (outcome.changed ? `Moved to ${target}` : `Already at ${target}`) : outcome.changed ? `Rejected (${target})` : "Already rejected with this reason";
  const written =
    outcome.writeBack === "queued"
      ? outcome.queued
        ? `on its way to ${ats}`
        : null
      : outcome.writeBack === "off"
        ? `${ats} is not updated (Update stages is off)`
        : "No ATS is connected, so only this app changed";
  return `${[done, written].filter(Boolean).join(" · ")}.`;
}

const typingIn = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
};

/**
 * The candidate page's decision: Advance (stage picker) and Reject (reason picker) through the same
 * candidate-actions route as the job page's bulk actions, so the ATS write-back, its settings and
 * the confidential-job guard apply alike; previous/next within the job's ranked list as filtered;
 * and keyboard shortcuts for all of it.
 */
export function CandidateDecision({
  candidateId,
  jobId,
  name,
  stageId,
  archived,
  options,
  place,
}: {
  candidateId: string;
  jobId: string;
  name: string;
  stageId: string | null;
  archived: boolean;
  options: DecisionOptions;
  place: ListPlace | null;
}) {
  const router = useRouter();
  const decision = useRef<HTMLDialogElement>(null);
  const help = useRef<HTMLDialogElement>(null);
  const choiceRef = useRef<HTMLSelectElement>(null);
  const [mode, setMode] = useState<Mode>("advance");
  const [choice, setChoice] = useState("");
  // One key per opened dialog: a double-click or a resent request is the same change, made once.
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "info"; text: string } | null>(null);
  // A candidate who leaves the filtered list (rejected while it shows active ones) keeps the neighbours they had.
  const [lastPlace, setLastPlace] = useState(place);
  if (place && (place.previousHref !== lastPlace?.previousHref || place.nextHref !== lastPlace?.nextHref || place.position !== lastPlace?.position || place.total !== lastPlace?.total)) {
    setLastPlace(place);
  }
  const shown = place ?? lastPlace;

  const ats = options.ats ?? "your ATS";
  const list = mode === "advance" ? options.stages : options.archiveReasons;
  const stageIndex = options.stages.findIndex((s) => s.id === stageId);

  const open = (next: Mode) => {
    if (archived) {
      setMessage({ tone: "info", text: `${name} is archived, so they cannot be advanced or rejected here.` });
      return;
    }
    setMode(next);
    // Advancing usually means the next stage of the pipeline.
    setChoice(next === "advance" ? (options.stages[stageIndex + 1]?.id ?? "") : "");
    setError(null);
    setIdempotencyKey(crypto.randomUUID());
    decision.current?.showModal();
    choiceRef.current?.focus();
  };

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
    if (document.querySelector("dialog[open]")) return;
    const go = (href: string | null | undefined) => {
      if (href) router.push(href);
    };
    switch (e.key) {
      case "j":
        go(shown?.nextHref);
        break;
      case "k":
        go(shown?.previousHref);
        break;
      case "a":
        open("advance");
        break;
      case "r":
        open("archive");
        break;
      case "?":
        help.current?.showModal();
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  useEffect(() => {
    document.addEventListener("keydown", onShortcut);
    return () => document.removeEventListener("keydown", onShortcut);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setError(mode === "advance" ? "Choose a stage." : "Choose a rejection reason.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const common = { candidateIds: [candidateId], jobId, idempotencyKey };
      // One named candidate whose stage shows beside the button: rejecting them is already deliberate.
      const body = mode === "advance" ? { action: "advance", stageId: choice, ...common } : { action: "archive", archiveReasonId: choice, confirmLate: true, ...common };
      const outcome = await api<CandidateActionOutcome>("/api/candidates/actions", { body });
      setMessage({ tone: "success", text: sentence(outcome, list.find((o) => o.id === choice)?.text ?? "", ats) });
      decision.current?.close();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  };

  const restore = async () => {
    setPending(true);
    setMessage(null);
    try {
      const outcome = await api<RestoreOutcome>(`/api/candidates/${candidateId}/restore`, { body: { idempotencyKey: crypto.randomUUID() } });
      const written = outcome.writeBack === "queued" ? `on its way to ${ats}` : outcome.writeBack === "off" ? `${ats} is not updated (Update stages is off)` : null;
      setMessage({ tone: "success", text: `${[`${name} is restored to the pipeline`, written].filter(Boolean).join(" · ")}.` });
      router.refresh();
    } catch (err) {
      setMessage({ tone: "info", text: (err as Error).message });
    } finally {
      setPending(false);
    }
  };

  // Enter on the picker confirms, so "a" then Enter advances to the next stage without the mouse.
  const onChoiceKey = (e: ReactKeyboardEvent<HTMLSelectElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  };

  const navLink = "inline-flex items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  const navOff = "inline-flex items-center rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-500 ring-1 ring-inset ring-slate-200";

  return (
    <div className="space-y-3" data-testid="candidate-decision">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={() => open("advance")} disabled={archived} aria-keyshortcuts="a">
          Advance…
        </Button>
        <Button type="button" variant="danger" onClick={() => open("archive")} disabled={archived} aria-keyshortcuts="r">
          Reject…
        </Button>
        {archived && options.canRestore ? (
          <Button type="button" variant="secondary" onClick={() => void restore()} disabled={pending}>
            {pending ? "Restoring…" : "Restore"}
          </Button>
        ) : null}
        <nav aria-label="Candidates in this job" className="flex items-center gap-1.5 sm:ml-auto">
          {shown?.previousHref ? (
            <Link href={shown.previousHref} className={navLink} aria-keyshortcuts="k" rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className={navOff} role="link" aria-disabled="true">
              ← Previous
            </span>
          )}
          {shown ? (
            <span className="px-1 text-sm tabular-nums text-slate-600" data-testid="list-position">
              {shown.position} of {shown.total}
            </span>
          ) : null}
          {shown?.nextHref ? (
            <Link href={shown.nextHref} className={navLink} aria-keyshortcuts="j" rel="next">
              Next →
            </Link>
          ) : (
            <span className={navOff} role="link" aria-disabled="true">
              Next →
            </span>
          )}
          <button type="button" onClick={() => help.current?.showModal()} className={buttonClass("ghost", "px-2.5 py-1.5")} aria-keyshortcuts="?">
            <span aria-hidden>?</span>
            <span className="sr-only">Keyboard shortcuts</span>
          </button>
        </nav>
      </div>
      {message ? (
        <div data-testid="decision-outcome">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      ) : null}

      <dialog ref={decision} aria-labelledby="decision-title" className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={submit} className="space-y-4 p-6">
          <div>
            <h2 id="decision-title" className="text-lg font-semibold">
              {mode === "advance" ? `Advance ${name}` : `Reject ${name}`}
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              {options.updatesAts
                ? mode === "advance"
                  ? `They move to this stage here and in ${ats}.`
                  : `They are archived here and in ${ats} with this reason.`
                : `The change stays in this app: ${ats} is not updated.`}
            </p>
          </div>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div>
            <label htmlFor="decision-choice" className="block text-sm font-medium text-slate-700">
              {mode === "advance" ? "Stage" : "Rejection reason"}
            </label>
            <select id="decision-choice" ref={choiceRef} required value={choice} onChange={(e) => setChoice(e.target.value)} onKeyDown={onChoiceKey} className={`mt-1 ${inputClass}`}>
              <option value="" disabled>
                {mode === "advance" ? "Choose a stage…" : "Choose a reason…"}
              </option>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                  {mode === "advance" && o.id === stageId ? " (current)" : ""}
                </option>
              ))}
            </select>
            {list.length === 0 ? (
              <p className="mt-1 text-xs text-amber-800">
                {mode === "advance" ? `No stages yet: they are imported from ${ats} on Settings → ATS.` : `No active rejection reasons yet: they are imported from ${ats} on Settings → ATS.`}
              </p>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => decision.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={mode === "archive" ? "danger" : "primary"} disabled={pending || !choice}>
              {pending ? "Saving…" : mode === "advance" ? "Advance" : "Reject"}
            </Button>
          </div>
        </form>
      </dialog>

      <dialog ref={help} aria-labelledby="shortcuts-title" className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([key, what]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="inline-flex min-w-7 justify-center rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{key}</kbd>
                </dt>
                <dd className="text-slate-700">{what}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-slate-600">Shortcuts do nothing while you type in a field.</p>
          <div className="flex justify-end">
            <Button type="button" variant="secondary" onClick={() => help.current?.close()}>
              Close
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
