import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AtsLabel } from "@/components/ats/ats-label";
import { JobAccessPanel } from "@/components/access/job-access-panel";
import { AutomationsSection, NeedsDecisionSection } from "@/components/automations/sections";
import { ImportApplicants } from "@/components/jobs/import-applicants";
import { JobTabs, jobTabOf, type JobTab } from "@/components/jobs/job-tabs";
import { JobReport } from "@/components/oversight/job-report";
import { FollowButton } from "@/components/jobs/follow-button";
import { ResyncButton } from "@/components/jobs/resync-button";
import { CandidateFilters } from "@/components/screening/candidate-filters";
import { CandidateTable, type CandidateRowView } from "@/components/screening/candidate-table";
import { CriteriaEditor } from "@/components/screening/criteria-editor";
import { CriteriaList } from "@/components/screening/criteria-list";
import { ScreenControl } from "@/components/screening/screen-control";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole, type OrgContext } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { jobAccessMembers } from "@/lib/auth/job-access";
import { rankingQuery } from "@/lib/candidates/ranking-place";
import { pendingCount } from "@/lib/automations";
import { AppError } from "@/lib/errors";
import { findConnection } from "@/lib/connections/lookup";
import { getJobForOrg, requirementListsOf } from "@/lib/imports/jobs";
import { latestImportRun } from "@/lib/imports/runs";
import { isFollowing } from "@/lib/notifications/follow";
import { requiredLabel, requiredSentence } from "@/lib/screening/labels";
import { humanReviewIds } from "@/lib/oversight/human-review";
import { rankedCandidates, RankedFiltersSchema, screeningOverview } from "@/lib/screening/results";
import type { StoredVerdict } from "@/lib/screening/run";
import { requiredStateOfStored } from "@/lib/screening/score";
import { shortLabels } from "@/lib/screening/short-label";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Job" };

async function load(org: OrgContext, jobId: string) {
  try {
    return await getJobForOrg(org, jobId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

type Search = Record<string, string | string[] | undefined>;

/** The badge beside a row's score; computed from the stored verdicts with the same rules as the stored tier. */
function requiredView(verdicts: StoredVerdict[]) {
  const state = requiredStateOfStored(verdicts);
  return { tier: state.tier, label: requiredLabel(state), detail: requiredSentence(state) };
}

function pageHref(search: Search, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) {
    if (k === "page" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  }
  if (page > 1) q.set("page", String(page));
  return q.size ? `?${q}` : "?";
}

export default async function JobPage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<Search> }) {
  const org = await pageOrgContext();
  const { jobId } = await params;
  const job = await load(org, jobId);
  const search = await searchParams;
  const filters = RankedFiltersSchema.parse(search);
  const [overview, run, connection, access, needsDecision, following] = await Promise.all([
    screeningOverview(org.organizationId, job.id),
    latestImportRun(org.organizationId, job.id),
    findConnection(org.organizationId),
    job.confidential && isAdminRole(org.role) ? jobAccessMembers(org, job.id) : null,
    pendingCount(org, job.id),
    isFollowing(org, job.id),
  ]);
  const ranked = await rankedCandidates(org.organizationId, job.id, filters, overview.criteriaHash);
  const askedForReview = await humanReviewIds(org.organizationId, ranked.rows.map((r) => r.id));
  const connected = connection?.status === "ACTIVE";
  const ats = connection?.providerLabel ?? "your ATS";
  const lists = requirementListsOf(job.requirementLists);
  const meta = [job.team, job.department, job.location, job.commitment].filter(Boolean).join(" · ");
  // Anything that can leave candidates out, the default "Active" included: the count then reads "25 of 68".
  const filtered = Boolean(filters.stage || filters.status !== "all" || filters.v.length || filters.required || filters.review);
  const rows: CandidateRowView[] = ranked.rows.map((r) => ({
    id: r.id,
    name: r.name,
    headline: r.headline,
    email: r.email,
    stage: r.stage,
    archived: r.archivedAt !== null,
    archiveReason: r.archiveReason,
    caution: r.caution,
    resumeStatus: r.resumeStatus,
    score: r.result?.score ?? null,
    required: r.result ? requiredView(r.result.verdicts) : null,
    needsReview: r.result?.needsReview ?? 0,
    stale: r.result?.stale ?? false,
    summary: r.result?.summary ?? null,
    verdicts: (r.result?.verdicts ?? []).map((v) => ({ criterionId: v.criterionId, verdict: v.verdict })),
    humanReview: askedForReview.has(r.id),
  }));
  const labels = shortLabels(overview.criteria);
  const columns = overview.criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind, label: labels.get(c.id)! }));
  const screening =
    overview.criteria.length === 0
      ? { tone: "amber" as const, text: "No criteria" }
      : overview.total === 0
        ? null
        : overview.stale > 0
          ? { tone: "amber" as const, text: "Criteria changed" }
          : overview.unscreened === 0
            ? { tone: "green" as const, text: "Screened" }
            : { tone: "brand" as const, text: `${overview.screened} of ${overview.total} screened` };

  const tab = jobTabOf(search.tab);
  const base = `/jobs/${job.id}`;
  const listQuery = rankingQuery(search, ranked.page);
  // Tabs carry the list's filters, so coming back to Candidates shows the list as it was left.
  const tabHref = (t: JobTab) => {
    if (t === "candidates") return `${base}${listQuery}`;
    const q = new URLSearchParams(listQuery.slice(1));
    q.set("tab", t);
    return `${base}?${q}`;
  };
  const editing = tab === "criteria" && search.edit === "1";
  const criteriaHref = tabHref("criteria");

  return (
    <div className="space-y-6">
      <div>
        <Link href="/jobs" className="text-sm text-slate-600 hover:text-slate-900">
          ← Jobs
        </Link>
        <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight">{job.title}</h1>
            <p className="mt-1 text-sm text-slate-600">{meta}</p>
            <p className="mt-2 flex flex-wrap gap-1.5">
              <AtsLabel provider={job.provider} />
              {job.state ? <Badge tone={job.state === "published" ? "green" : "slate"}>{job.state}</Badge> : null}
              {job.confidential ? <Badge tone="amber">Confidential</Badge> : null}
              {screening ? <Badge tone={screening.tone}>{screening.text}</Badge> : null}
            </p>
          </div>
          <div className="flex flex-wrap items-start gap-2">
            <FollowButton jobId={job.id} initialFollowing={following} />
            {connected ? <ResyncButton jobId={job.id} ats={ats} /> : null}
          </div>
        </div>
      </div>

      {access ? <JobAccessPanel jobId={job.id} members={access} /> : null}

      <JobTabs
        current={tab}
        tabs={[
          { tab: "candidates", label: "Candidates", count: overview.total, href: tabHref("candidates") },
          { tab: "criteria", label: "Criteria", count: overview.criteria.length, href: criteriaHref },
          { tab: "job", label: "Job", href: tabHref("job") },
          { tab: "automations", label: "Automations", href: tabHref("automations") },
          { tab: "decisions", label: "Needs decision", count: needsDecision, href: tabHref("decisions") },
          { tab: "report", label: "Report", href: tabHref("report") },
        ]}
      />

      {tab === "candidates" || tab === "criteria" ? (
        <ScreenControl
          jobId={job.id}
          hasCriteria={overview.criteria.length > 0}
          initial={{ total: overview.total, screened: overview.screened, stale: overview.stale, unscreened: overview.unscreened }}
        />
      ) : null}

      {tab === "candidates" ? (
        <>
          <ImportApplicants jobId={job.id} initialRun={run} canImport={connected} ats={ats} />
          <Card className="min-w-0">
            <CardHeader
              title={filtered ? `Candidates (${ranked.total} of ${overview.total})` : `Candidates (${overview.total})`}
              actions={
                ranked.total > 0 ? (
                  <a href={`/api/jobs/${job.id}/export${rankingQuery(search)}`} download className={buttonClass("secondary")}>
                    Export CSV
                  </a>
                ) : undefined
              }
              description={
                overview.total
                  ? "Candidates who meet every required criterion come first, then those with a required criterion to review, then those missing one; each group by score. Open a candidate for each verdict and the quoted evidence."
                  : undefined
              }
            />
            {overview.total === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">No candidates yet. Import this posting&apos;s applicants from {ats} above.</p>
              </CardBody>
            ) : (
              <>
                <div className="border-b border-slate-100 px-5 py-3">
                  <CandidateFilters
                    filters={{ stage: filters.stage, status: filters.status, v: filters.v, required: filters.required, review: Boolean(filters.review) }}
                    criteria={overview.criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind }))}
                    stages={overview.stages}
                  />
                </div>
                {ranked.total === 0 ? (
                  <CardBody className="py-10 text-center">
                    <p className="text-sm font-medium text-slate-900">No candidates match these filters</p>
                    <p className="mt-1 text-sm text-slate-600">
                      {filters.v.length || filters.required || filters.review ? "Verdict filters only match screened candidates. " : ""}Try another criterion, verdict or stage.
                    </p>
                  </CardBody>
                ) : (
                  <CandidateTable jobId={job.id} rows={rows} criteria={columns} query={listQuery} caption={`Candidates for ${job.title}, all required criteria met first, then by score`} />
                )}
                {ranked.pages > 1 ? (
                  <nav aria-label="Candidate pages" className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm">
                    {ranked.page > 1 ? (
                      <Link href={pageHref(search, ranked.page - 1)} scroll={false} className="font-medium text-brand-700">
                        ← Previous
                      </Link>
                    ) : (
                      <span />
                    )}
                    <span className="text-slate-600">
                      {filtered ? `${ranked.total} matching · ` : ""}Page {ranked.page} of {ranked.pages}
                    </span>
                    {ranked.page < ranked.pages ? (
                      <Link href={pageHref(search, ranked.page + 1)} scroll={false} className="font-medium text-brand-700">
                        Next →
                      </Link>
                    ) : (
                      <span />
                    )}
                  </nav>
                ) : null}
              </>
            )}
          </Card>
        </>
      ) : null}

      {tab === "criteria" ? (
        <Card>
          <CardHeader
            title="Screening criteria"
            description="Drafted from the posting's requirements. Required and preferred criteria make up the score, each by its weight (low, medium, high); neutral ones only filter."
            actions={
              editing ? (
                <Link href={criteriaHref} scroll={false} className={buttonClass("secondary")}>
                  Done editing
                </Link>
              ) : (
                <Link href={`${criteriaHref}&edit=1`} scroll={false} className={buttonClass("primary")}>
                  Edit criteria
                </Link>
              )
            }
          />
          <CardBody>
            {editing ? (
              <CriteriaEditor
                jobId={job.id}
                initial={overview.criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind, weight: c.weight, source: c.source, keptReason: c.keptReason, shortLabel: c.shortLabel }))}
              />
            ) : (
              <CriteriaList criteria={overview.criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind, weight: c.weight, keptReason: c.keptReason, label: labels.get(c.id)! }))} />
            )}
          </CardBody>
        </Card>
      ) : null}

      {tab === "automations" ? <AutomationsSection org={org} jobId={job.id} ats={ats} /> : null}
      {tab === "decisions" ? <NeedsDecisionSection org={org} jobId={job.id} ats={ats} /> : null}

      {tab === "job" ? (
        <Card>
          <CardHeader title="About the job" description={
              job.syncedAt ? (
                <>
                  From {ats}, last synced <TimeAgo date={job.syncedAt} />
                </>
              ) : undefined
            } />
          <CardBody className="space-y-5">
            {job.description ? (
              <div>
                <h3 className="text-sm font-semibold text-slate-900">Description</h3>
                <p className="mt-2 max-w-prose whitespace-pre-line text-sm leading-6 text-slate-700" data-testid="job-description">
                  {job.description}
                </p>
              </div>
            ) : (
              <p className="text-sm text-slate-600">No description in {ats}.</p>
            )}
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
      ) : null}

      {tab === "report" ? <JobReport organizationId={org.organizationId} jobId={job.id} search={search} /> : null}
    </div>
  );
}
