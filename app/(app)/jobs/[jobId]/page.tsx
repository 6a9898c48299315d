import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportApplicants } from "@/components/jobs/import-applicants";
import { ResyncButton } from "@/components/jobs/resync-button";
import { Badge } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { findConnection } from "@/lib/imports/connection";
import { getJobForOrg, jobCandidates } from "@/lib/imports/jobs";
import { latestImportRun } from "@/lib/imports/runs";
import type { RequirementList } from "@/lib/integrations/lever/import/jobs";

export const metadata: Metadata = { title: "Job" };

const via = { MANUAL: "Manual import", WEBHOOK: "Webhook", AUTO_GENERATED: "Auto-generated", RECONCILE: "Reconcile" } as const;
const resume: Record<string, { text: string; tone: "green" | "amber" | "red" | "slate" }> = {
  parsed: { text: "Text extracted", tone: "green" },
  empty: { text: "No text in file", tone: "amber" },
  unprocessable: { text: "Lever could not process", tone: "red" },
  missing: { text: "File missing", tone: "red" },
  none: { text: "No résumé", tone: "slate" },
};

async function load(organizationId: string, jobId: string) {
  try {
    return await getJobForOrg(organizationId, jobId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function JobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<{ page?: string }> }) {
  const org = await requireOrgContext();
  const { jobId } = await params;
  const job = await load(org.organizationId, jobId);
  const page = Math.max(1, Math.floor(Number((await searchParams).page) || 1));
  const [candidates, run, connection] = await Promise.all([
    jobCandidates(org.organizationId, job.id, page),
    latestImportRun(org.organizationId, job.id),
    findConnection(org.organizationId),
  ]);
  const connected = connection?.status === "ACTIVE";
  const lists = (job.requirementLists as unknown as RequirementList[]) ?? [];
  const meta = [job.team, job.department, job.location, job.commitment].filter(Boolean).join(" · ");

  return (
    <div className="space-y-6">
      <div>
        <Link href="/jobs" className="text-sm text-slate-500 hover:text-slate-900">
          ← Jobs
        </Link>
        <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight">{job.title}</h1>
            <p className="mt-1 text-sm text-slate-500">{meta}</p>
            <p className="mt-2 flex flex-wrap gap-1.5">
              {job.state ? <Badge tone={job.state === "published" ? "green" : "slate"}>{job.state}</Badge> : null}
              {job.confidential ? <Badge tone="amber">Confidential</Badge> : null}
              <Badge>Not screened</Badge>
            </p>
          </div>
          {connected ? <ResyncButton jobId={job.id} /> : null}
        </div>
      </div>

      <ImportApplicants jobId={job.id} initialRun={run} canImport={connected} />

      <Card>
        <CardHeader
          title={`Candidates (${candidates.total})`}
          description={candidates.total ? "Screening scores come later; for now, what was imported from Lever." : undefined}
        />
        {candidates.total === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">No candidates yet. Import this posting&apos;s applicants from Lever above.</p>
          </CardBody>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Candidates for {job.title}</caption>
                <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-5 py-2.5">Name</th>
                    <th scope="col" className="px-3 py-2.5">Stage</th>
                    <th scope="col" className="hidden px-3 py-2.5 sm:table-cell">Résumé</th>
                    <th scope="col" className="hidden px-5 py-2.5 md:table-cell">Imported via</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {candidates.rows.map((c) => {
                    const r = resume[c.resumeStatus ?? "none"] ?? { text: c.resumeStatus ?? "—", tone: "slate" as const };
                    return (
                      <tr key={c.id}>
                        <td className="px-5 py-2.5">
                          <p className="font-medium text-slate-900">{c.name}</p>
                          <p className="break-all text-slate-500">{c.emails[0] ?? "—"}</p>
                          <p className="mt-1 sm:hidden">
                            <Badge tone={r.tone}>{r.text}</Badge>
                          </p>
                        </td>
                        <td className="px-3 py-2.5">
                          <p>{c.stage?.text ?? "—"}</p>
                          {c.archivedAt ? (
                            <p className="mt-0.5">
                              <Badge tone="red">Archived{c.archiveReason ? `: ${c.archiveReason.text}` : ""}</Badge>
                            </p>
                          ) : null}
                        </td>
                        <td className="hidden px-3 py-2.5 sm:table-cell">
                          <Badge tone={r.tone}>{r.text}</Badge>
                        </td>
                        <td className="hidden px-5 py-2.5 text-slate-600 md:table-cell">{via[c.importedVia]}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {candidates.pages > 1 ? (
              <nav aria-label="Candidate pages" className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm">
                {page > 1 ? <Link href={`?page=${page - 1}`} className="font-medium text-brand-700">← Previous</Link> : <span />}
                <span className="text-slate-500">
                  Page {Math.min(page, candidates.pages)} of {candidates.pages}
                </span>
                {page < candidates.pages ? <Link href={`?page=${page + 1}`} className="font-medium text-brand-700">Next →</Link> : <span />}
              </nav>
            ) : null}
          </>
        )}
      </Card>

      <Card>
        <CardHeader title="About the job" description={job.syncedAt ? `From Lever, last synced ${job.syncedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : undefined} />
        <CardBody className="space-y-5">
          {job.description ? <p className="whitespace-pre-line text-sm leading-6 text-slate-700">{job.description}</p> : <p className="text-sm text-slate-500">No description in Lever.</p>}
          {lists.map((l, i) => (
            <div key={i}>
              <h3 className="text-sm font-semibold text-slate-900">{l.text || "Requirements"}</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {l.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </CardBody>
      </Card>
    </div>
  );
}
