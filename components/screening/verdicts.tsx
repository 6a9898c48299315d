import type { CriterionKind, CriterionWeight, Verdict } from "@/lib/screening/types";

/** How verdicts, scores, kinds and weights look everywhere (job table, candidate page, filters). */

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { MET: "Met", PARTLY_MET: "Partly met", NOT_MET: "Not met", UNKNOWN: "Unknown" };
export const KIND_LABEL: Readonly<Record<CriterionKind, string>> = { REQUIRED: "Required", PREFERRED: "Preferred", NEUTRAL: "Neutral" };
export const WEIGHT_LABEL: Readonly<Record<CriterionWeight, string>> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

const VERDICT_STYLE: Readonly<Record<Verdict, { chip: string; icon: string; mark: string }>> = {
  MET: { chip: "bg-emerald-50 text-emerald-800 ring-emerald-200", icon: "bg-emerald-500 text-white", mark: "✓" },
  PARTLY_MET: { chip: "bg-amber-50 text-amber-900 ring-amber-200", icon: "bg-amber-400 text-white", mark: "½" },
  NOT_MET: { chip: "bg-red-50 text-red-800 ring-red-200", icon: "bg-red-500 text-white", mark: "✕" },
  UNKNOWN: { chip: "bg-slate-50 text-slate-600 ring-slate-200", icon: "bg-slate-300 text-slate-700", mark: "?" },
};

export function VerdictIcon({ verdict, className = "" }: { verdict: Verdict; className?: string }) {
  const s = VERDICT_STYLE[verdict];
  return (
    <span aria-hidden className={`grid h-4 w-4 shrink-0 place-items-center rounded-full text-[10px] font-bold leading-none ${s.icon} ${className}`}>
      {s.mark}
    </span>
  );
}

/** A criterion's verdict as a compact chip; the full criterion and verdict are in the title and for screen readers. */
export function VerdictChip({ verdict, text, neutral }: { verdict: Verdict; text: string; neutral?: boolean }) {
  return (
    <span
      title={`${text}: ${VERDICT_LABEL[verdict]}${neutral ? " (not scored)" : ""}`}
      className={`inline-flex max-w-[10rem] items-center gap-1 rounded-full py-0.5 pl-0.5 pr-2 text-xs font-medium ring-1 ring-inset ${VERDICT_STYLE[verdict].chip} ${neutral ? "italic" : ""}`}
    >
      <VerdictIcon verdict={verdict} />
      <span className="truncate">{text}</span>
      <span className="sr-only">: {VERDICT_LABEL[verdict]}</span>
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full py-0.5 pl-0.5 pr-2.5 text-xs font-semibold ring-1 ring-inset ${VERDICT_STYLE[verdict].chip}`}>
      <VerdictIcon verdict={verdict} />
      {VERDICT_LABEL[verdict]}
    </span>
  );
}

export function scoreTone(score: number): string {
  if (score >= 75) return "bg-emerald-50 text-emerald-700 ring-emerald-200";
  if (score >= 50) return "bg-brand-50 text-brand-700 ring-brand-100";
  if (score >= 25) return "bg-amber-50 text-amber-800 ring-amber-200";
  return "bg-red-50 text-red-700 ring-red-200";
}

export function ScoreBadge({ score, stale, size = "md" }: { score: number | null; stale?: boolean; size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-16 w-16 text-2xl rounded-2xl" : "h-9 w-11 text-sm rounded-lg";
  if (score === null) {
    return (
      <span title="Not screened yet" className={`inline-grid place-items-center bg-slate-50 font-semibold text-slate-500 ring-1 ring-inset ring-slate-200 ${box}`}>
        —
      </span>
    );
  }
  return (
    <span
      title={stale ? "Screened with earlier criteria" : `Score ${score} of 100`}
      data-testid="score"
      className={`relative inline-grid place-items-center font-semibold tabular-nums ring-1 ring-inset ${scoreTone(score)} ${box} ${stale ? "opacity-60" : ""}`}
    >
      {score}
      {stale ? <span aria-hidden className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full bg-amber-400 ring-2 ring-white" /> : null}
    </span>
  );
}
