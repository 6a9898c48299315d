import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Badge } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { searchCandidates, SearchInput, searchJobs } from "@/lib/search";

export const metadata: Metadata = { title: "Search" };

const pageHref = (q: string, page: number) => `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const org = await pageOrgContext();
  const raw = await searchParams;
  const { q, page } = SearchInput.parse({ q: typeof raw.q === "string" ? raw.q : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const [candidates, jobs] = await Promise.all([searchCandidates(org, { q, page }), searchJobs(org, q)]);
  const first = (candidates.page - 1) * candidates.pageSize + 1;
  const last = first + candidates.rows.length - 1;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{q ? <>Results for “{q}”</> : "Search"}</h1>
        <p className="mt-1 text-sm text-slate-600">Candidates by name or email across all of {org.organizationName}&apos;s jobs, and jobs by title.</p>
      </div>

      {/* Phones have no search box in the top bar: this is it. */}
      <Form action="/search" role="search" aria-label="Candidates and jobs" className="flex gap-2 md:hidden">
        <label htmlFor="page-search" className="sr-only">
          Search candidates and jobs
        </label>
        <input id="page-search" type="search" name="q" defaultValue={q} maxLength={100} autoFocus={!q} placeholder="Name, email or job title" className={inputClass} />
        <button type="submit" className="rounded-lg bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </Form>

      {!q ? (
        <p className="text-sm text-slate-600">Type a name, part of an email address or a job title{" "}<span className="hidden md:inline">in the search box (press / to jump there)</span>.</p>
      ) : (
        <>
          {jobs.total > 0 ? (
            <section aria-labelledby="jobs-heading" className="space-y-2">
              <h2 id="jobs-heading" className="text-sm font-semibold text-slate-900">
                Jobs <span className="font-normal text-slate-600">({jobs.total})</span>
              </h2>
              <Card>
                <ul className="divide-y divide-slate-100">
                  {jobs.rows.map((j) => (
                    <li key={j.id} className="flex items-center justify-between gap-3 px-5 py-3">
                      <div className="min-w-0">
                        <Link href={`/jobs/${j.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                          {j.title}
                        </Link>
                        <p className="truncate text-sm text-slate-600">{[j.team, j.location].filter(Boolean).join(" · ")}</p>
                      </div>
                      <span className="shrink-0 text-sm tabular-nums text-slate-600">
                        {j.candidates} {j.candidates === 1 ? "candidate" : "candidates"}
                      </span>
                    </li>
                  ))}
                </ul>
                {jobs.total > jobs.rows.length ? (
                  <p className="border-t border-slate-100 px-5 py-2.5 text-sm">
                    <Link href={`/jobs?${new URLSearchParams({ q })}`} className="font-medium text-brand-700 hover:underline">
                      All {jobs.total} matching jobs
                    </Link>
                  </p>
                ) : null}
              </Card>
            </section>
          ) : null}

          <section aria-labelledby="candidates-heading" className="space-y-2">
            <h2 id="candidates-heading" className="text-sm font-semibold text-slate-900">
              Candidates <span className="font-normal text-slate-600">({candidates.total})</span>
            </h2>
            {candidates.total === 0 ? (
              <Card>
                <p className="px-5 py-8 text-center text-sm text-slate-600">
                  No candidate&apos;s name or email contains “{q}”{jobs.total === 0 ? ", and no job title does" : ""}.
                </p>
              </Card>
            ) : (
              <Card className="overflow-hidden">
                <ul className="divide-y divide-slate-100" data-testid="candidate-results">
                  {candidates.rows.map((c) => (
                    <li key={c.id} className="flex items-start gap-3 px-5 py-3">
                      <span
                        className="mt-0.5 grid h-8 w-10 shrink-0 place-items-center rounded-md bg-slate-100 text-sm font-semibold tabular-nums text-slate-700"
                        title={c.score === null ? "Not screened yet" : `Score ${c.score} of 100`}
                      >
                        {c.score ?? "—"}
                        <span className="sr-only">{c.score === null ? " (not screened yet)" : " out of 100"}</span>
                      </span>
                      <div className="min-w-0 flex-1">
                        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                          <Link href={`/jobs/${c.jobId}/candidates/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                            {c.name}
                          </Link>
                          {c.archived ? <Badge>Archived</Badge> : null}
                        </div>
                        <p className="truncate text-sm text-slate-600">{[c.email, c.headline].filter(Boolean).join(" · ")}</p>
                        <p className="mt-0.5 text-sm text-slate-600">
                          <Link href={`/jobs/${c.jobId}`} className="hover:text-brand-700 hover:underline">
                            {c.jobTitle}
                          </Link>
                          {c.stage ? <> · {c.stage}</> : null}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
                <nav aria-label="Candidate results pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-2.5 text-sm">
                  <span className="text-slate-600" aria-live="polite">
                    {first}–{last} of {candidates.total}
                  </span>
                  {candidates.pages > 1 ? (
                    <span className="flex gap-2">
                      {candidates.page > 1 ? (
                        <Link href={pageHref(q, candidates.page - 1)} className="rounded-md px-2.5 py-1 font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" rel="prev">
                          Previous
                        </Link>
                      ) : null}
                      {candidates.page < candidates.pages ? (
                        <Link href={pageHref(q, candidates.page + 1)} className="rounded-md px-2.5 py-1 font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" rel="next">
                          Next
                        </Link>
                      ) : null}
                    </span>
                  ) : null}
                </nav>
              </Card>
            )}
          </section>
        </>
      )}
    </div>
  );
}
