import Link from "next/link";
import { Badge } from "@/components/ui/alert";
import { ATS_CATALOG } from "@/lib/ats/catalog";

/** The ATSs, the one the organization is connected to marked as such (one at a time). */
export function AtsList({ selected, connected }: { selected: string; connected: string | null }) {
  return (
    <nav aria-label="Applicant tracking systems">
      <h2 className="mb-2 text-sm font-medium text-slate-500">Applicant tracking systems</h2>
      <ul className="space-y-1">
        {ATS_CATALOG.map((a) => (
          <li key={a.id}>
            {a.available ? (
              <Link
                href={`/settings/ats?ats=${a.id}`}
                aria-current={selected === a.id ? "page" : undefined}
                className={`flex items-center justify-between rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-inset ${
                  selected === a.id ? "bg-white text-brand-700 ring-brand-500 shadow-sm" : "text-slate-700 ring-transparent hover:bg-white hover:ring-slate-200"
                }`}
              >
                {a.name}
                {connected === a.id ? <Badge tone="green">Connected</Badge> : null}
              </Link>
            ) : (
              <span className="flex items-center justify-between rounded-lg px-3 py-2 text-sm text-slate-500" aria-disabled>
                {a.name} <Badge>Soon</Badge>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
