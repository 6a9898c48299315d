"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/components/jobs/api";
import { Alert, Badge } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export interface SuggestionRow {
  id: string;
  jobId: string;
  jobTitle: string;
  candidateId: string;
  candidateName: string;
  ruleName: string;
  action: "advance" | "reject";
  actionText: string;
  score: number;
  verdicts: Array<{ text: string; kind: string; verdict: string }>;
  /** ISO time the rule applies it on its own, unless cancelled. */
  applyAfter: string | null;
}

interface Outcome {
  done: number;
  problems: Array<{ suggestionId: string; candidateName: string; message: string }>;
}

const VERDICT = { MET: { label: "Met", tone: "green" }, PARTLY_MET: { label: "Partly met", tone: "amber" }, NOT_MET: { label: "Not met", tone: "red" }, UNKNOWN: { label: "Unknown", tone: "slate" } } as const;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

function minutesLeft(iso: string, now: number): string {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 60_000) return "Applies in under a minute";
  const min = Math.ceil(ms / 60_000);
  return min < 120 ? `Applies in ${min} min` : `Applies in ${Math.round(min / 60)} h`;
}

/**
 * The Needs decision queue: each suggestion with the candidate, the rule and the verdicts that made it
 * match. Confirm writes it to the ATS (through the same path as a person's own action), Dismiss
 * writes nothing; a rule that applies on its own shows how long is left and can be cancelled.
 */
export function NeedsDecision({ rows, showJob, ats }: { rows: SuggestionRow[]; showJob: boolean; ats: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<{ tone: "success" | "error" | "warning"; text: string; late?: string[] } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const waiting = rows.some((r) => r.applyAfter);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [waiting]);

  const visible = new Set(rows.map((r) => r.id));
  const chosen = [...selected].filter((id) => visible.has(id));
  const all = rows.length > 0 && chosen.length === rows.length;

  const run = async (verb: "confirm" | "dismiss" | "cancel", ids: string[], confirmLate = false) => {
    setBusy(true);
    setBanner(null);
    try {
      const out = await api<Outcome>(`/api/suggestions/${verb}`, { body: { suggestionIds: ids, ...(confirmLate ? { confirmLate } : {}) } });
      const did = { confirm: "Confirmed", dismiss: "Dismissed", cancel: "Cancelled" }[verb];
      const after = { confirm: ` · on the way to ${ats}`, dismiss: " · nothing was sent", cancel: ` · nothing will be sent to ${ats}` }[verb];
      const late = out.problems.filter((p) => /late stage or hired/.test(p.message)).map((p) => p.suggestionId);
      setBanner({
        tone: out.problems.length ? "warning" : "success",
        text: [out.done ? `${did} ${plural(out.done, "suggestion")}${after}.` : "", ...out.problems.map((p) => `${p.candidateName}: ${p.message}`)].filter(Boolean).join(" "),
        late,
      });
      setSelected(new Set());
      router.refresh();
    } catch (e) {
      const message = (e as Error).message;
      setBanner({ tone: "error", text: message, late: verb === "confirm" && /late stage or hired/.test(message) ? ids : undefined });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div>
      {banner ? (
        <div className="border-b border-slate-100 px-5 py-3">
          <Alert tone={banner.tone}>
            <p>{banner.text}</p>
            {banner.late?.length ? (
              <Button variant="danger" className="mt-2" disabled={busy} onClick={() => run("confirm", banner.late!, true)}>
                Reject anyway
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <div className="px-5 py-10 text-center">
          <p className="text-sm font-medium text-slate-900">Nothing needs a decision</p>
          <p className="mt-1 text-sm text-slate-600">When a rule matches a screening result, its suggestion waits here for you.</p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
            <label className="mr-auto inline-flex w-full items-center gap-2 text-sm text-slate-700 sm:w-auto">
              <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={all} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} />
              {chosen.length ? `${chosen.length} selected` : "Select all"}
            </label>
            <Button disabled={busy || chosen.length === 0} onClick={() => run("confirm", chosen)}>
              Confirm selected
            </Button>
            <Button variant="secondary" disabled={busy || chosen.length === 0} onClick={() => run("dismiss", chosen)}>
              Dismiss selected
            </Button>
          </div>
          <ul className="divide-y divide-slate-100" aria-label="Suggestions that need a decision">
            {rows.map((r) => (
              <li key={r.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start" data-testid="suggestion">
                <div className="flex min-w-0 flex-1 gap-3">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.candidateName}`}
                    className="mt-1 h-4 w-4 shrink-0 rounded border-slate-300"
                    checked={selected.has(r.id)}
                    onChange={() => toggle(r.id)}
                  />
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <Link href={`/jobs/${r.jobId}/candidates/${r.candidateId}`} className="font-medium text-slate-900 hover:text-brand-700">
                        {r.candidateName}
                      </Link>
                      <Badge tone={r.action === "reject" ? "red" : "brand"}>{r.actionText}</Badge>
                    </p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {showJob ? `${r.jobTitle} · ` : ""}Rule “{r.ruleName}” · score {r.score}
                    </p>
                    {r.verdicts.length ? (
                      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Verdicts that matched">
                        {r.verdicts.map((v, i) => (
                          <li key={i}>
                            <Badge tone={VERDICT[v.verdict as keyof typeof VERDICT]?.tone ?? "slate"}>
                              {v.text}: {VERDICT[v.verdict as keyof typeof VERDICT]?.label ?? v.verdict}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {r.applyAfter ? (
                      <p className="mt-2 text-sm font-medium text-amber-800" data-testid="applies-in">
                        {minutesLeft(r.applyAfter, now)} unless cancelled
                      </p>
                    ) : null}
                  </div>
                </div>
                <div className="flex shrink-0 gap-2 pl-7 sm:pl-0">
                  {r.applyAfter ? (
                    <Button variant="danger" disabled={busy} onClick={() => run("cancel", [r.id])} aria-label={`Cancel for ${r.candidateName}`}>
                      Cancel
                    </Button>
                  ) : null}
                  <Button disabled={busy} onClick={() => run("confirm", [r.id])} aria-label={`Confirm for ${r.candidateName}`}>
                    {r.applyAfter ? "Apply now" : "Confirm"}
                  </Button>
                  {r.applyAfter ? null : (
                    <Button variant="secondary" disabled={busy} onClick={() => run("dismiss", [r.id])} aria-label={`Dismiss for ${r.candidateName}`}>
                      Dismiss
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
