import { KIND_LABEL, WEIGHT_LABEL } from "@/components/screening/verdicts";
import type { CriterionKind, CriterionWeight } from "@/lib/screening/types";

export interface CriterionRowView {
  id: string;
  text: string;
  kind: CriterionKind;
  weight: CriterionWeight;
  keptReason: string | null;
  /** The column heading in the candidates' verdict matrix. */
  label: string;
}

const KIND_TONE: Record<CriterionKind, string> = {
  REQUIRED: "bg-red-50 text-red-800 ring-red-200",
  PREFERRED: "bg-brand-50 text-brand-700 ring-brand-100",
  NEUTRAL: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** The job's criteria as they are screened, numbered as the editor numbers them; editing happens in the editor. */
export function CriteriaList({ criteria }: { criteria: CriterionRowView[] }) {
  if (criteria.length === 0) return <p className="text-sm text-slate-600">No criteria yet. Add some to screen this job&apos;s candidates.</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="criteria-list">
      {criteria.map((c, i) => (
        <li key={c.id} className="flex flex-col gap-1.5 py-3 sm:flex-row sm:items-start sm:gap-4" data-testid="criterion">
          <span className="w-6 shrink-0 text-sm tabular-nums text-slate-600" aria-hidden>
            {i + 1}.
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium text-slate-900" data-testid="criterion-text">{c.text}</p>
            <p className="mt-0.5 text-xs text-slate-600" data-testid="criterion-label">
              Column: {c.label}
            </p>
            {c.keptReason ? <p className="mt-1 text-xs text-slate-600">Kept because: {c.keptReason}</p> : null}
          </div>
          <p className="flex shrink-0 items-center gap-1.5 text-xs">
            <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${KIND_TONE[c.kind]}`}>{KIND_LABEL[c.kind]}</span>
            <span className="text-slate-600">{c.kind === "NEUTRAL" ? "filters only, not scored" : `${WEIGHT_LABEL[c.weight].toLowerCase()} weight`}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
