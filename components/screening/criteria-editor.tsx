"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { checkCriterion, MAX_KEPT_REASON } from "@/lib/screening/criteria-checks";
import { deriveShortLabel, MAX_SHORT_LABEL } from "@/lib/screening/short-label";
import type { CriterionKind, CriterionWeight } from "@/lib/screening/types";
import { KIND_LABEL, WEIGHT_LABEL } from "./verdicts";

export interface EditableCriterion {
  id?: string;
  text: string;
  kind: CriterionKind;
  weight: CriterionWeight;
  source?: string | null;
  /** Why a criterion on a protected attribute is kept; asked for only when the wording needs one. */
  keptReason?: string | null;
  /** The column heading in the verdict matrix; empty means derived from the text. */
  shortLabel?: string | null;
}

type Row = EditableCriterion & { key: string };

const KINDS = Object.keys(KIND_LABEL) as CriterionKind[];
const WEIGHTS = Object.keys(WEIGHT_LABEL) as CriterionWeight[];
const KIND_HINT: Record<CriterionKind, string> = {
  REQUIRED: "Counts fully toward the score",
  PREFERRED: "Counts toward the score; usually a low weight",
  NEUTRAL: "Not scored; use it to filter candidates",
};

let counter = 0;
const withKey = (c: EditableCriterion): Row => ({ ...c, key: c.id ?? `new-${++counter}` });
// A reason typed for wording that no longer needs one is not sent, so it does not make the list unsaved.
const reasonOf = (c: EditableCriterion) => (checkCriterion(c.text).protected ? c.keptReason?.trim() || null : null);
const labelOf = (c: EditableCriterion) => c.shortLabel?.trim() || null;
const same = (a: EditableCriterion[], b: EditableCriterion[]) =>
  a.length === b.length &&
  a.every((x, i) => x.id === b[i]!.id && x.text.trim() === b[i]!.text.trim() && x.kind === b[i]!.kind && x.weight === b[i]!.weight && reasonOf(x) === reasonOf(b[i]!) && labelOf(x) === labelOf(b[i]!));

/**
 * The job's criteria as one editable list: text inline, kind and weight, add, remove, move; saved
 * together (one PUT), so a half-edited list never screens anyone. Wording on a protected attribute
 * shows a warning and asks for a reason as it is typed (the API refuses it without one); vague
 * wording gets a hint.
 */
export function CriteriaEditor({ jobId, initial }: { jobId: string; initial: EditableCriterion[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState<EditableCriterion[]>(initial);
  const [rows, setRows] = useState<Row[]>(() => initial.map(withKey));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = useMemo(() => !same(rows, saved), [rows, saved]);
  // Someone else's save arrives with a refresh of the page: take it unless this editor has unsaved edits.
  // (Remounting on every change instead would also drop this editor's own "Criteria saved" notice.)
  const [seen, setSeen] = useState<EditableCriterion[]>(initial);
  if (!same(initial, seen)) {
    setSeen(initial);
    if (!dirty) {
      setSaved(initial);
      setRows(initial.map(withKey));
    }
  }

  useLeaveWarning(dirty);

  const update = (key: string, patch: Partial<EditableCriterion>) => {
    setNotice(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const move = (index: number, by: -1 | 1) => {
    setNotice(null);
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  };
  const remove = (key: string) => {
    setNotice(null);
    setRows((rs) => rs.filter((r) => r.key !== key));
  };
  const add = () => {
    setNotice(null);
    const row = withKey({ text: "", kind: "REQUIRED", weight: "MEDIUM" });
    setRows((rs) => [...rs, row]);
    requestAnimationFrame(() => document.getElementById(`criterion-${row.key}`)?.focus());
  };

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const body = {
        criteria: rows.map(({ id, text, kind, weight, keptReason, shortLabel }) => ({
          ...(id ? { id } : {}),
          text,
          kind,
          weight,
          shortLabel: labelOf({ text, kind, weight, shortLabel }),
          ...(checkCriterion(text).protected && keptReason?.trim() ? { keptReason } : {}),
        })),
      };
      const res = await fetch(`/api/jobs/${jobId}/criteria`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => null)) as
        | { criteria: EditableCriterion[]; changed: boolean; error?: undefined }
        | { error: { message: string; fieldErrors?: Record<string, string[]> } }
        | null;
      if (!res.ok || !json || json.error) {
        setError({ message: json?.error?.message ?? `Could not save (${res.status})`, fields: json?.error?.fieldErrors });
        return;
      }
      setSaved(json.criteria);
      setRows(json.criteria.map(withKey));
      setNotice(json.changed ? "Criteria saved. Re-screen the candidates to apply them." : "Criteria saved.");
      router.refresh();
    } catch {
      setError({ message: "Could not reach the server. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (i: number) =>
    error?.fields?.[`criteria.${i}.text`]?.[0] ?? error?.fields?.[`criteria.${i}.shortLabel`]?.[0] ?? error?.fields?.[`criteria.${i}.kind`]?.[0] ?? error?.fields?.[`criteria.${i}.weight`]?.[0];
  const selectClass = `${inputClass.replace("w-full", "").replace("text-sm", "text-xs").replace("px-3", "")} py-1.5 pl-2 pr-1`;

  return (
    <div className="space-y-3" data-testid="criteria-editor">
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center">
          <p className="text-sm font-medium text-slate-900">No criteria yet</p>
          <p className="mt-1 text-sm text-slate-500">Add what a strong candidate has, one requirement per line, e.g. “3+ years of React”.</p>
        </div>
      ) : (
        <ol className="space-y-1.5">
          {rows.map((r, i) => {
            const problem = fieldError(i);
            const check = checkCriterion(r.text, r.keptReason);
            const reasonProblem = error?.fields?.[`criteria.${i}.keptReason`]?.[0];
            return (
              <li key={r.key} className="rounded-lg border border-slate-200 bg-white p-2 transition-colors focus-within:border-brand-500/60 hover:border-slate-300" data-testid="criterion-row">
                <div className="flex flex-col gap-2 md:flex-row md:items-start">
                  <div className="flex min-w-0 flex-1 items-start gap-2">
                    <span aria-hidden className="mt-2 w-5 shrink-0 text-right text-xs font-medium tabular-nums text-slate-500">
                      {i + 1}
                    </span>
                    <label htmlFor={`criterion-${r.key}`} className="sr-only">
                      Criterion {i + 1}
                    </label>
                    <textarea
                      id={`criterion-${r.key}`}
                      value={r.text}
                      rows={1}
                      maxLength={300}
                      placeholder="e.g. 5+ years of backend experience"
                      aria-invalid={problem ? true : undefined}
                      onChange={(e) => update(r.key, { text: e.target.value })}
                      className={`${inputClass} field-sizing-content min-h-9 resize-none py-1.5 leading-5 ${problem ? "ring-red-400" : ""}`}
                    />
                  </div>
                  <div className="flex flex-wrap items-center gap-2 pl-7 md:flex-nowrap md:pl-0">
                    <label className="sr-only" htmlFor={`label-${r.key}`}>
                      Column label of criterion {i + 1}
                    </label>
                    <input
                      id={`label-${r.key}`}
                      value={r.shortLabel ?? ""}
                      maxLength={MAX_SHORT_LABEL}
                      placeholder={r.text.trim() ? deriveShortLabel(r.text) : "Column label"}
                      title="The column heading in the candidates list; leave empty to use the suggestion shown"
                      onChange={(e) => update(r.key, { shortLabel: e.target.value })}
                      className={`${selectClass} w-full min-w-0 px-2 md:w-36`}
                    />
                    <label className="sr-only" htmlFor={`kind-${r.key}`}>
                      Kind of criterion {i + 1}
                    </label>
                    <select id={`kind-${r.key}`} value={r.kind} title={KIND_HINT[r.kind]} onChange={(e) => update(r.key, { kind: e.target.value as CriterionKind })} className={`${selectClass} min-w-0 flex-1 md:w-[7.5rem] md:flex-none`}>
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABEL[k]}
                        </option>
                      ))}
                    </select>
                    <label className="sr-only" htmlFor={`weight-${r.key}`}>
                      Weight of criterion {i + 1}
                    </label>
                    <select
                      id={`weight-${r.key}`}
                      value={r.weight}
                      disabled={r.kind === "NEUTRAL"}
                      title={r.kind === "NEUTRAL" ? "Neutral criteria are not scored" : "How much it counts toward the score"}
                      onChange={(e) => update(r.key, { weight: e.target.value as CriterionWeight })}
                      className={`${selectClass} min-w-0 flex-1 disabled:bg-slate-50 disabled:text-slate-400 md:w-[6.5rem] md:flex-none`}
                    >
                      {WEIGHTS.map((w) => (
                        <option key={w} value={w}>
                          {WEIGHT_LABEL[w]}
                        </option>
                      ))}
                    </select>
                    <span className="flex shrink-0 items-center">
                      <IconButton label={`Move criterion ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                        <path d="M10 15V5m0 0-4 4m4-4 4 4" />
                      </IconButton>
                      <IconButton label={`Move criterion ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                        <path d="M10 5v10m0 0-4-4m4 4 4-4" />
                      </IconButton>
                      <IconButton label={`Remove criterion ${i + 1}`} danger onClick={() => remove(r.key)}>
                        <path d="M5 5l10 10M15 5 5 15" />
                      </IconButton>
                    </span>
                  </div>
                </div>
                {problem ? <p className="mt-1 pl-7 text-xs text-red-600">{problem}</p> : null}
                {check.protected ? (
                  <div className="ml-7 mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2" data-testid="protected-warning">
                    <p id={`protected-${r.key}`} className="text-xs leading-5 text-amber-900">
                      <span className="font-semibold">Protected attribute. </span>
                      {check.protected.message}
                    </p>
                    <label htmlFor={`reason-${r.key}`} className="mt-2 block text-xs font-medium text-amber-900">
                      Reason to keep criterion {i + 1}
                    </label>
                    <textarea
                      id={`reason-${r.key}`}
                      value={r.keptReason ?? ""}
                      rows={1}
                      maxLength={MAX_KEPT_REASON}
                      placeholder="e.g. Required by law for this role: bar staff must be 21 or over"
                      aria-describedby={`protected-${r.key}`}
                      aria-invalid={reasonProblem || check.reasonTooShort ? true : undefined}
                      onChange={(e) => update(r.key, { keptReason: e.target.value })}
                      className={`${inputClass} field-sizing-content mt-1 min-h-8 resize-none py-1.5 text-xs leading-5 ${reasonProblem ? "ring-red-400" : ""}`}
                    />
                    {check.needsReason ? (
                      <p className={`mt-1 text-xs ${reasonProblem ? "text-red-600" : "text-amber-800"}`}>
                        {check.reasonTooShort ? "Say a little more: an auditor should understand why it is needed." : "Required to save this criterion. The reason is recorded in the audit log."}
                      </p>
                    ) : (
                      <p className="mt-1 text-xs text-amber-800">Kept with this reason, recorded in the audit log.</p>
                    )}
                  </div>
                ) : null}
                {check.vague ? (
                  <p className="ml-7 mt-1.5 text-xs leading-5 text-slate-600" data-testid="vague-hint">
                    <span className="font-medium text-slate-700">Hint: </span>
                    {check.vague.message}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {notice && !dirty ? <Alert tone="success">{notice}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button type="button" variant="ghost" onClick={add} disabled={rows.length >= 40} className="shadow-none">
          <span aria-hidden className="text-base leading-none">+</span> Add criterion
        </Button>
        <div className="flex items-center gap-2">
          {dirty ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setRows(saved.map(withKey));
                setError(null);
              }}
              disabled={busy}
            >
              Discard
            </Button>
          ) : null}
          <Button type="button" onClick={() => void save()} disabled={busy || !dirty}>
            {busy ? "Saving…" : "Save criteria"}
          </Button>
        </div>
      </div>
    </div>
  );
}

const LEAVE_QUESTION = "Your changes to the criteria are not saved. Leave this page and lose them?";

/**
 * Asks before unsaved criteria are lost: closing or reloading the tab (the browser's own prompt),
 * following a link inside the app, which the app router performs without unloading the page, and the
 * browser's Back button (`useBackWarning`).
 */
function useLeaveWarning(dirty: boolean) {
  useBackWarning(dirty);
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    // Capture phase, before the router's own link handler sees the click.
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
      if (window.confirm(LEAVE_QUESTION)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty]);
}

/**
 * Back cannot be cancelled once pressed, and the app router answers it by rendering the previous page.
 * So while there are unsaved changes one extra history entry for this same page sits on top: Back only
 * takes that one away (the page stays), and the question is asked then. Staying puts the entry back;
 * leaving goes back for real. The listener runs in the capture phase so the router never sees a Back
 * the person cancelled. Once the changes are saved (or undone) the extra entry is taken away again.
 */
function useBackWarning(dirty: boolean) {
  const guard = useRef<{ url: string; state: unknown } | null>(null);
  useEffect(() => {
    if (!dirty) {
      if (!guard.current) return;
      guard.current = null;
      const swallow = (e: PopStateEvent) => {
        e.stopImmediatePropagation();
        window.removeEventListener("popstate", swallow, true);
      };
      window.addEventListener("popstate", swallow, true);
      history.back();
      return;
    }
    if (!guard.current) {
      guard.current = { url: location.href, state: history.state };
      history.pushState(history.state, "", location.href);
    }
    const { url, state } = guard.current;
    const onPopState = (e: PopStateEvent) => {
      e.stopImmediatePropagation();
      if (!window.confirm(LEAVE_QUESTION)) {
        history.pushState(state, "", url);
        return;
      }
      window.removeEventListener("popstate", onPopState, true);
      guard.current = null;
      // On the entry under the extra one: one more step back. Chromium can skip straight past it
      // (entries added without a user gesture), and then the router is handed the Back it missed.
      if (location.href === url) history.back();
      else window.dispatchEvent(new PopStateEvent("popstate", { state: e.state }));
    };
    window.addEventListener("popstate", onPopState, true);
    return () => window.removeEventListener("popstate", onPopState, true);
  }, [dirty]);
}

function IconButton({ label, onClick, disabled, danger, children }: { label: string; onClick: () => void; disabled?: boolean; danger?: boolean; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={`grid h-7 w-7 place-items-center rounded-md text-slate-500 transition-colors disabled:cursor-not-allowed disabled:opacity-30 ${danger ? "hover:bg-red-50 hover:text-red-600" : "hover:bg-slate-100 hover:text-slate-700"}`}
    >
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className="h-4 w-4">
        {children}
      </svg>
    </button>
  );
}
