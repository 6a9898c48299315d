"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "@/components/jobs/api";
import { Alert, Badge } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Clause } from "@/lib/automations/condition";
import type { RuleView } from "@/lib/automations/rules";

interface Option {
  id: string;
  text: string;
}

// The rule as the server lists it; the condition's clauses are the server's own type.
export type RuleRow = Omit<RuleView, "updatedAt">;

interface Draft {
  name: string;
  required: "" | "all_required_met" | "any_required_not_met";
  scoreOp: "" | "score_at_least" | "score_at_most";
  score: string;
  criterionId: string;
  verdict: "MET" | "PARTLY_MET" | "NOT_MET";
  action: "advance" | "reject";
  stageId: string;
  archiveReasonId: string;
  maxStageId: string;
  mode: "SUGGEST" | "AUTO_AFTER_DELAY";
  delay: string;
  enabled: boolean;
}

const EMPTY: Draft = {
  name: "",
  required: "any_required_not_met",
  scoreOp: "",
  score: "80",
  criterionId: "",
  verdict: "NOT_MET",
  action: "reject",
  stageId: "",
  archiveReasonId: "",
  maxStageId: "",
  mode: "SUGGEST",
  delay: "30",
  enabled: true,
};

function draftOf(rule: RuleRow): Draft {
  const find = <T extends Clause["type"]>(t: T) => rule.condition.clauses.find((c) => c.type === t) as Extract<Clause, { type: T }> | undefined;
  const score = find("score_at_least") ?? find("score_at_most");
  const criterion = find("criterion");
  return {
    name: rule.name,
    required: find("all_required_met") ? "all_required_met" : find("any_required_not_met") ? "any_required_not_met" : "",
    scoreOp: score?.type ?? "",
    score: String(score?.value ?? 80),
    criterionId: criterion?.criterionId ?? "",
    verdict: criterion?.verdict ?? "NOT_MET",
    action: rule.action,
    stageId: rule.stageId ?? "",
    archiveReasonId: rule.archiveReasonId ?? "",
    maxStageId: rule.maxStageId ?? "",
    mode: rule.mode,
    delay: String(rule.delayMinutes ?? 30),
    enabled: rule.enabled,
  };
}

function bodyOf(d: Draft) {
  const clauses: Clause[] = [];
  if (d.required) clauses.push({ type: d.required });
  if (d.scoreOp) clauses.push({ type: d.scoreOp, value: Number(d.score) });
  if (d.criterionId) clauses.push({ type: "criterion", criterionId: d.criterionId, verdict: d.verdict });
  return {
    name: d.name,
    condition: { clauses },
    action: d.action,
    ...(d.action === "advance" ? { stageId: d.stageId || undefined } : { archiveReasonId: d.archiveReasonId || undefined }),
    maxStageId: d.maxStageId || null,
    mode: d.mode,
    delayMinutes: d.mode === "AUTO_AFTER_DELAY" ? Number(d.delay) : null,
    enabled: d.enabled,
  };
}

const label = "block text-sm font-medium text-slate-700";

function RuleForm({
  jobId,
  rule,
  stages,
  reasons,
  criteria,
  isAdmin,
  onClose,
}: {
  jobId: string;
  rule: RuleRow | null;
  stages: Option[];
  reasons: Option[];
  criteria: Option[];
  isAdmin: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const [d, setD] = useState<Draft>(rule ? draftOf(rule) : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((x) => ({ ...x, [k]: v }));
    setPreview(null);
  };

  const call = async <T,>(url: string, method: string) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(bodyOf(d)), cache: "no-store" });
      const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string; fieldErrors?: Record<string, string[]> } }) | null;
      if (!res.ok) {
        setError(json?.error?.message ?? `Request failed (${res.status})`);
        setFieldErrors(json?.error?.fieldErrors ?? {});
        return null;
      }
      return json as T;
    } finally {
      setBusy(false);
    }
  };

  const check = async () => {
    const out = await call<{ matching: number; screened: number; names: string[] }>(`/api/jobs/${jobId}/automations/preview`, "POST");
    if (out) {
      const names = out.names.length ? `: ${out.names.join(", ")}${out.matching > out.names.length ? ` and ${out.matching - out.names.length} more` : ""}` : "";
      setPreview(`Would suggest this for ${out.matching} of the ${out.screened} screened candidates now${names}.`);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = await call<{ id: string }>(rule ? `/api/jobs/${jobId}/automations/${rule.id}` : `/api/jobs/${jobId}/automations`, rule ? "PATCH" : "POST");
    if (out) {
      onClose();
      router.refresh();
    }
  };

  const err = (k: string) => (fieldErrors[k] ? <p className="mt-1 text-xs text-red-600">{fieldErrors[k]!.join(". ")}</p> : null);

  return (
    <form onSubmit={submit} className="space-y-5" aria-label={rule ? `Edit rule ${rule.name}` : "New rule"}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div>
        <label htmlFor="rule-name" className={label}>
          Rule name
        </label>
        <input id="rule-name" className={`mt-1 ${inputClass}`} value={d.name} onChange={(e) => set("name", e.target.value)} placeholder="Missing a requirement" maxLength={100} />
        {err("name")}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">When a screening result shows</legend>
        <div>
          <label htmlFor="rule-required" className={label}>
            Required criteria
          </label>
          <select id="rule-required" className={`mt-1 ${inputClass}`} value={d.required} onChange={(e) => set("required", e.target.value as Draft["required"])}>
            <option value="">Any</option>
            <option value="all_required_met">Every required criterion is met</option>
            <option value="any_required_not_met">A required criterion is not met</option>
          </select>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="rule-score-op" className={label}>
              Score
            </label>
            <select id="rule-score-op" className={`mt-1 ${inputClass}`} value={d.scoreOp} onChange={(e) => set("scoreOp", e.target.value as Draft["scoreOp"])}>
              <option value="">Any score</option>
              <option value="score_at_least">At least</option>
              <option value="score_at_most">At most</option>
            </select>
          </div>
          {d.scoreOp ? (
            <div>
              <label htmlFor="rule-score" className={label}>
                Score (0–100)
              </label>
              <input id="rule-score" type="number" min={0} max={100} className={`mt-1 ${inputClass}`} value={d.score} onChange={(e) => set("score", e.target.value)} />
            </div>
          ) : null}
        </div>
        {criteria.length ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="rule-criterion" className={label}>
                One criterion
              </label>
              <select id="rule-criterion" className={`mt-1 ${inputClass}`} value={d.criterionId} onChange={(e) => set("criterionId", e.target.value)}>
                <option value="">Any</option>
                {criteria.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.text}
                  </option>
                ))}
              </select>
            </div>
            {d.criterionId ? (
              <div>
                <label htmlFor="rule-verdict" className={label}>
                  Is
                </label>
                <select id="rule-verdict" className={`mt-1 ${inputClass}`} value={d.verdict} onChange={(e) => set("verdict", e.target.value as Draft["verdict"])}>
                  <option value="MET">Met</option>
                  <option value="PARTLY_MET">Partly met</option>
                  <option value="NOT_MET">Not met</option>
                </select>
              </div>
            ) : null}
          </div>
        ) : null}
        {err("condition.clauses") ?? err("condition")}
        <p className="text-xs text-slate-500">A result with an unknown verdict on a criterion the rule reads is never matched: a person looks at it first.</p>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Suggest</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="rule-action" checked={d.action === "reject"} onChange={() => set("action", "reject")} /> Rejecting
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="rule-action" checked={d.action === "advance"} onChange={() => set("action", "advance")} /> Advancing
          </label>
        </div>
        {d.action === "reject" ? (
          <div>
            <label htmlFor="rule-reason" className={label}>
              Rejection reason
            </label>
            <select id="rule-reason" className={`mt-1 ${inputClass}`} value={d.archiveReasonId} onChange={(e) => set("archiveReasonId", e.target.value)}>
              <option value="">Choose a reason</option>
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.text}
                </option>
              ))}
            </select>
            {err("archiveReasonId")}
          </div>
        ) : (
          <div>
            <label htmlFor="rule-stage" className={label}>
              Advance to
            </label>
            <select id="rule-stage" className={`mt-1 ${inputClass}`} value={d.stageId} onChange={(e) => set("stageId", e.target.value)}>
              <option value="">Choose a stage</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.text}
                </option>
              ))}
            </select>
            {err("stageId")}
          </div>
        )}
        <div>
          <label htmlFor="rule-max-stage" className={label}>
            Never for candidates past
          </label>
          <select id="rule-max-stage" className={`mt-1 ${inputClass}`} value={d.maxStageId} onChange={(e) => set("maxStageId", e.target.value)}>
            <option value="">No stage limit</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.text}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">Hired or rejected candidates, those at a late stage (Offer) and those who asked for a human review are never included.</p>
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Who decides</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="rule-mode" className="mt-0.5" checked={d.mode === "SUGGEST"} onChange={() => set("mode", "SUGGEST")} />
          <span>A person confirms each suggestion in Needs decision</span>
        </label>
        <label className={`flex flex-wrap items-center gap-2 text-sm ${isAdmin ? "" : "text-slate-400"}`}>
          <input type="radio" name="rule-mode" disabled={!isAdmin} checked={d.mode === "AUTO_AFTER_DELAY"} onChange={() => set("mode", "AUTO_AFTER_DELAY")} />
          <span>Apply on its own after</span>
          <input
            aria-label="Minutes to wait"
            type="number"
            min={5}
            className={inputClass.replace("block w-full", "inline-block w-20")}
            disabled={!isAdmin || d.mode !== "AUTO_AFTER_DELAY"}
            value={d.delay}
            onChange={(e) => set("delay", e.target.value)}
          />
          <span>minutes, unless someone cancels</span>
        </label>
        {err("delayMinutes")}
        {!isAdmin ? <p className="text-xs text-slate-500">Only owners and admins can let a rule apply on its own.</p> : null}
      </fieldset>

      {rule ? (
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set("enabled", e.target.checked)} /> Rule is on
        </label>
      ) : null}

      {preview ? <Alert tone="info">{preview}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {rule ? "Save rule" : "Create rule"}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={check}>
          Check current candidates
        </Button>
        <Button type="button" variant="ghost" disabled={busy} onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A job's automation rules: each in plain words, with how many suggestions wait, and the form to add or change one. */
export function RulesPanel({ jobId, rules, stages, reasons, criteria, isAdmin }: { jobId: string; rules: RuleRow[]; stages: Option[]; reasons: Option[]; criteria: Option[]; isAdmin: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<RuleRow | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (rule: RuleRow, method: "PATCH" | "DELETE") => {
    setError(null);
    try {
      await api(`/api/jobs/${jobId}/automations/${rule.id}`, { method, body: method === "PATCH" ? { enabled: false } : {} });
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (editing) {
    return (
      <div className="px-5 py-4">
        <RuleForm jobId={jobId} rule={editing === "new" ? null : editing} stages={stages} reasons={reasons} criteria={criteria} isAdmin={isAdmin} onClose={() => setEditing(null)} />
      </div>
    );
  }
  return (
    <div>
      {error ? (
        <div className="px-5 pt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {rules.length === 0 ? (
        <div className="px-5 py-8 text-center">
          <p className="text-sm font-medium text-slate-900">No rules yet</p>
          <p className="mt-1 text-sm text-slate-600">A rule reads each screening result and suggests advancing or rejecting; nothing reaches your ATS until someone confirms.</p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rules.map((r) => (
            <li key={r.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="rule">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{r.name}</span>
                  {!r.enabled ? <Badge>Off</Badge> : r.mode === "AUTO_AFTER_DELAY" ? <Badge tone="amber">Applies after {r.delayMinutes} min</Badge> : <Badge tone="brand">Suggests</Badge>}
                  {r.pending ? <Badge tone="slate">{r.pending} waiting</Badge> : null}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  When {r.conditionText.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join(" and ")} → {r.actionText.charAt(0).toLowerCase() + r.actionText.slice(1)}
                </p>
                {r.maxStageText ? <p className="mt-0.5 text-xs text-slate-500">Never for candidates past {r.maxStageText}</p> : null}
              </div>
              <div className="flex shrink-0 gap-2">
                <Button variant="secondary" onClick={() => setEditing(r)} disabled={r.mode === "AUTO_AFTER_DELAY" && !isAdmin}>
                  Edit
                </Button>
                {r.enabled ? (
                  <Button variant="secondary" onClick={() => act(r, "PATCH")}>
                    Switch off
                  </Button>
                ) : null}
                {r.mode === "SUGGEST" || isAdmin ? (
                  <Button variant="danger" onClick={() => act(r, "DELETE")}>
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-slate-100 px-5 py-3">
        <Button onClick={() => setEditing("new")}>New rule</Button>
      </div>
    </div>
  );
}
