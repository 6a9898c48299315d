import { VERDICT_LABEL } from "@/lib/screening/labels";
import type { RequiredTier } from "@/lib/screening/score";
import type { CriterionKind, CriterionWeight, Verdict } from "@/lib/screening/types";

/** How verdicts, scores, kinds and weights look everywhere (job table, candidate page, filters). */

export { VERDICT_LABEL };
export const KIND_LABEL: Readonly<Record<CriterionKind, string>> = { REQUIRED: "Required", PREFERRED: "Preferred", NEUTRAL: "Neutral" };
export const WEIGHT_LABEL: Readonly<Record<CriterionWeight, string>> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

const VERDICT_STYLE: Readonly<Record<Verdict, { chip: string; icon: string; mark: string }>> = {
  MET: { chip: "bg-emerald-50 text-emerald-800 ring-emerald-200", icon: "bg-emerald-500 text-white", mark: "✓" },
  PARTLY_MET: { chip: "bg-amber-50 text-amber-900 ring-amber-200", icon: "bg-amber-400 text-white", mark: "½" },
  NOT_MET: { chip: "bg-red-50 text-red-800 ring-red-200", icon: "bg-red-500 text-white", mark: "✕" },
  // Needs review: a call for a person to look, not a neutral grey.
  UNKNOWN: { chip: "bg-violet-50 text-violet-800 ring-violet-200", icon: "bg-violet-500 text-white", mark: "?" },
};

export function VerdictIcon({ verdict, className = "" }: { verdict: Verdict; className?: string }) {
  const s = VERDICT_STYLE[verdict];
  return (
    <span aria-hidden className={`grid h-4 w-4 shrink-0 place-items-center rounded-full text-[10px] font-bold leading-none ${s.icon} ${className}`}>
      {s.mark}
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

const REQUIRED_STYLE: Readonly<Record<RequiredTier, { badge: string; mark: string }>> = {
  0: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", mark: "✓" },
  1: { badge: "bg-violet-50 text-violet-800 ring-violet-200", mark: "?" },
  2: { badge: "bg-red-50 text-red-800 ring-red-200", mark: "✕" },
};

/** The REQUIRED state next to a score ("All required met", "Required needs review", "Missing required"). */
export function RequiredBadge({ tier, label, title }: { tier: RequiredTier; label: string | null; title?: string }) {
  if (!label) return null;
  const s = REQUIRED_STYLE[tier];
  return (
    <span title={title} data-testid="required-state" className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.badge}`}>
      <span aria-hidden className="font-bold">
        {s.mark}
      </span>
      {label}
    </span>
  );
}

/** How many verdicts need review, as a chip (nothing when none do). */
export function NeedsReviewCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span data-testid="needs-review" className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-white px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-inset ring-violet-200">
      {count} {count === 1 ? "needs" : "need"} review
    </span>
  );
}

/**
 * The score; a result missing a REQUIRED criterion shows its score greyed with a red ring (the colour
 * of the "Missing required" badge beside it), so a high number never reads as a good candidate. When
 * every verdict needs review (no résumé text, say) the score is in the needs-review colour: its 0 says
 * nothing could be checked, not that the candidate fails.
 */
export function ScoreBadge({
  score,
  stale,
  requiredTier = 0,
  unchecked = false,
  size = "md",
}: {
  score: number | null;
  stale?: boolean;
  requiredTier?: RequiredTier;
  unchecked?: boolean;
  size?: "md" | "lg";
}) {
  const box = size === "lg" ? "h-16 w-16 text-2xl rounded-2xl" : "h-9 w-11 text-sm rounded-lg";
  if (score === null) {
    return (
      <span title="Not screened yet" className={`inline-grid place-items-center bg-slate-50 font-semibold text-slate-500 ring-1 ring-inset ring-slate-200 ${box}`}>
        —
      </span>
    );
  }
  const missing = requiredTier === 2;
  const title = stale
    ? "Screened with earlier criteria"
    : unchecked
      ? `Score ${score} of 100: nothing could be checked, every verdict needs review`
      : `Score ${score} of 100${missing ? ", but a required criterion is not met" : ""}`;
  const tone = missing ? "bg-slate-100 text-slate-700 ring-2 ring-red-300" : unchecked ? "ring-1 bg-violet-50 text-violet-800 ring-violet-200" : `ring-1 ${scoreTone(score)}`;
  return (
    <span
      title={title}
      data-testid="score"
      className={`relative inline-grid place-items-center font-semibold tabular-nums ring-inset ${tone} ${box} ${stale ? "opacity-60" : ""}`}
    >
      {score}
      {stale ? <span aria-hidden className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full bg-amber-400 ring-2 ring-white" /> : null}
    </span>
  );
}
