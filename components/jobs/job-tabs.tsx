import Link from "next/link";
import { TabStrip } from "./tab-strip";

export const JOB_TABS = ["candidates", "criteria", "job", "automations", "decisions", "report"] as const;
export type JobTab = (typeof JOB_TABS)[number];

/** The tab a job page's `?tab=` asks for; anything else is the candidates list. */
export function jobTabOf(raw: string | string[] | undefined): JobTab {
  const one = Array.isArray(raw) ? raw[0] : raw;
  return (JOB_TABS as readonly string[]).includes(one ?? "") ? (one as JobTab) : "candidates";
}

/**
 * The job page's sections as links rather than script-driven tabs: each is its own URL, so Back,
 * reload and a shared link all land on the same section, and screen readers hear a navigation
 * with the current page marked.
 */
export function JobTabs({ current, tabs }: { current: JobTab; tabs: Array<{ tab: JobTab; label: string; count?: number; href: string }> }) {
  return (
    <nav aria-label="Job sections" className="border-b border-slate-200">
      <TabStrip current={current}>
        {tabs.map(({ tab, label, count, href }) => {
          const active = tab === current;
          return (
            <li key={tab}>
              <Link
                href={href}
                scroll={false}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-2.5 py-2.5 text-sm font-medium sm:px-3 ${
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {label}
                {count !== undefined ? (
                  <span className={`rounded-full px-1.5 py-0.5 text-xs tabular-nums ${active ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-700"}`}>{count}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </TabStrip>
    </nav>
  );
}
