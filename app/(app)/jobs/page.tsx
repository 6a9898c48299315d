import type { Metadata } from "next";
import Link from "next/link";
import { AtsLabel } from "@/components/ats/ats-label";
import { JobsToolbar } from "@/components/jobs/jobs-toolbar";
import { PostingPicker } from "@/components/jobs/posting-picker";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { findConnection } from "@/lib/connections/lookup";
import { countJobs, JobListInput, listJobs } from "@/lib/imports/jobs";

export const metadata: Metadata = { title: "Jobs" };

const via = { MANUAL: "Imported by hand", WEBHOOK: "Webhook", AUTO_GENERATED: "Auto-generated", RECONCILE: "Reconcile" } as const;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const org = await requireOrgContext();
  const raw = await searchParams;
  const list = JobListInput.parse({ q: typeof raw.q === "string" ? raw.q : undefined, sort: typeof raw.sort === "string" ? raw.sort : undefined });
  const [jobs, connection, all] = await Promise.all([listJobs(org, list), findConnection(org.organizationId), countJobs(org)]);
  const connected = connection?.status === "ACTIVE";
  const filtered = list.q !== "";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        {connected ? <PostingPicker ats={connection.providerLabel} /> : null}
      </div>
      {!connected ? (
        <Card>
          <CardBody className="py-10 text-center">
            <h2 className="text-base font-semibold">{connection ? `${connection.providerLabel} needs to be reconnected` : "Connect your ATS to import jobs"}</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">
              {connection
                ? `The ${connection.providerLabel} connection stopped working. An admin can reconnect it in Settings → ATS; then jobs and applicants can be imported again.`
                : "Jobs and their applicants come from your ATS. Once an admin connects it in Settings → ATS, import postings here or let new applications create them."}
            </p>
            <Link href="/settings/ats" className={buttonClass("secondary", "mt-4")}>
              Go to Settings → ATS
            </Link>
          </CardBody>
        </Card>
      ) : null}
      {all > 0 ? <JobsToolbar q={list.q} sort={list.sort} /> : null}
      {filtered && jobs.length === 0 && all > 0 ? (
        <Card>
          <CardBody className="py-10 text-center">
            <h2 className="text-base font-semibold">No jobs match “{list.q}”</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">Search looks in titles, teams, departments and locations.</p>
            <Link href="/jobs" className={buttonClass("secondary", "mt-4")}>
              Show all jobs
            </Link>
          </CardBody>
        </Card>
      ) : null}
      {all === 0 && connected ? (
        <Card>
          <CardBody className="py-12 text-center">
            <h2 className="text-base font-semibold">No jobs yet</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">Use Import from {connection?.providerLabel ?? "your ATS"} to choose postings, or let new applications create them.</p>
          </CardBody>
        </Card>
      ) : null}
      {jobs.length > 0 ? (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{filtered ? `${jobs.length} of ${all} imported jobs, matching “${list.q}”` : "Imported jobs"}</caption>
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2.5">Job</th>
                <th scope="col" className="px-3 py-2.5 text-right">Candidates</th>
                <th scope="col" className="hidden px-3 py-2.5 sm:table-cell">Screening</th>
                <th scope="col" className="hidden px-5 py-2.5 md:table-cell">Source</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((j) => (
                <tr key={j.id} className="hover:bg-slate-50">
                  <td className="px-5 py-3">
                    <Link href={`/jobs/${j.id}`} className="font-medium text-slate-900 hover:text-brand-700">
                      {j.title}
                    </Link>
                    <span className="ml-2 align-middle">
                      <AtsLabel provider={j.provider} />
                    </span>
                    {j.confidential ? (
                      <span className="ml-2 align-middle">
                        <Badge tone="amber">Confidential</Badge>
                      </span>
                    ) : null}
                    <p className="text-slate-500">{[j.team, j.location, j.commitment].filter(Boolean).join(" · ")}</p>
                    <p className="mt-1 flex flex-wrap gap-1 sm:hidden">
                      <ScreeningBadge job={j} />
                    </p>
                  </td>
                  <td className="px-3 py-3 text-right tabular-nums">
                    {j.candidates} {j.candidates === 1 ? "candidate" : "candidates"}
                    {j.importing ? (
                      <span className="mt-1 block">
                        <Badge tone="brand">Importing…</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="hidden px-3 py-3 sm:table-cell">
                    <ScreeningBadge job={j} />
                  </td>
                  <td className="hidden px-5 py-3 text-slate-500 md:table-cell">{via[j.importedVia]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </div>
  );
}

function ScreeningBadge({ job }: { job: { candidates: number; criteria: number; screened: number } }) {
  if (job.criteria === 0) return <Badge tone="amber">No criteria</Badge>;
  if (job.candidates === 0) return <Badge>No candidates yet</Badge>;
  if (job.screened === 0) return <Badge>Not screened</Badge>;
  if (job.screened >= job.candidates) return <Badge tone="green">Screened</Badge>;
  return <Badge tone="brand">{job.screened} of {job.candidates} screened</Badge>;
}
