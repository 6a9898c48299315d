import { providerFor } from "@/lib/ats/registry";
import type { ProviderColumn } from "@/lib/ats/provider";

/** Which ATS a job came from: an organization that switched ATS keeps the first one's jobs. */
export function AtsLabel({ provider }: { provider: ProviderColumn }) {
  const label = providerFor(provider).label;
  return (
    <span
      title={`Imported from ${label}`}
      data-testid="job-ats"
      className="inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-300"
    >
      <span className="sr-only">From </span>
      {label}
    </span>
  );
}
