import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CandidateDecision } from "@/components/candidates/candidate-decision";
import { DeleteDataButton } from "@/components/candidates/delete-data-button";
import { RescreenButton } from "@/components/candidates/rescreen-button";
import { HumanReviewBanner, MarkHumanReview } from "@/components/oversight/human-review-control";
import { OverrideVerdict } from "@/components/oversight/override-verdict";
import { KIND_LABEL, NeedsReviewCount, RequiredBadge, ScoreBadge, VerdictBadge, WEIGHT_LABEL } from "@/components/screening/verdicts";
import { Alert, Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { WriteBackHistory } from "@/components/writeback/history";
import { isAdminRole, type OrgContext } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { requireCandidateAccess } from "@/lib/auth/job-access";
import { rankingPlace, rankingQuery } from "@/lib/candidates/ranking-place";
import { AppError } from "@/lib/errors";
import { requiredLabel, requiredSentence } from "@/lib/screening/labels";
import { resumeProblem } from "@/lib/resumes/status";
import { humanReviewOf } from "@/lib/oversight/human-review";
import { currentOverrides } from "@/lib/oversight/override";
import { candidateDetail, RANKED_PAGE_SIZE } from "@/lib/screening/results";
import { requiredStateOfStored } from "@/lib/screening/score";
import { providerFor } from "@/lib/ats/registry";
import { candidateActionOptions } from "@/lib/writeback/candidate-actions";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Candidate" };

const RESUME = (ats: string): Record<string, string> => ({
  empty: "The résumé file has no text (perhaps a scan), so every verdict needs review.",
  unprocessable: `${ats} could not process the résumé file, so verdicts rely on what else ${ats} parsed.`,
  missing: `The résumé file is missing in ${ats}.`,
  none: `This candidate has no résumé in ${ats}, so every verdict needs review.`,
});
const resumeSentence = (status: string | null, ats: string): string | null => {
  const problem = resumeProblem(status);
  return RESUME(ats)[status ?? "none"] ?? (problem ? `${problem}, so verdicts rely on what else ${ats} parsed.` : null);
};

const linkLabel = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, "")}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return url;
  }
};
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

async function load(org: OrgContext, jobId: string, candidateId: string) {
  try {
    await requireCandidateAccess(org, candidateId);
    return await candidateDetail(org.organizationId, jobId, candidateId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

type Search = Record<string, string | string[] | undefined>;

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ jobId: string; candidateId: string }>; searchParams: Promise<Search> }) {
  const org = await pageOrgContext();
  const { jobId, candidateId } = await params;
  const search = await searchParams;
  const { candidate: c, criteria, result } = await load(org, jobId, candidateId);
  const ats = providerFor(c.provider).label;
  const [humanReview, place, options, overrides] = await Promise.all([
    humanReviewOf(org.organizationId, c.id),
    rankingPlace(org.organizationId, c.job.id, c.id, search),
    candidateActionOptions(org),
    currentOverrides(org.organizationId, c.id),
  ]);
  const candidateHref = (id: string, page: number) => `/jobs/${c.job.id}/candidates/${id}${rankingQuery(search, page)}`;
  // Back to the list as it was: same filters, the page this candidate is on.
  const listHref = `/jobs/${c.job.id}${rankingQuery(search, place ? Math.ceil(place.position / RANKED_PAGE_SIZE) : undefined)}`;
  const screenedIds = new Set(result?.verdicts.map((v) => v.criterionId));
  const unscreened = criteria.filter((x) => !screenedIds.has(x.id));
  const scored = result?.verdicts.filter((v) => v.kind !== "NEUTRAL") ?? [];
  const neutral = result?.verdicts.filter((v) => v.kind === "NEUTRAL") ?? [];
  const resumeNote = c.resumeStatus && c.resumeStatus !== "parsed" ? resumeSentence(c.resumeStatus, ats) : null;
  const required = result ? requiredStateOfStored(result.verdicts) : null;

  return (
    <div className="space-y-6">
      <div>
        <Link href={listHref} className="text-sm text-slate-600 hover:text-slate-900">
          ← {c.job.title}
        </Link>
        <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex min-w-0 items-start gap-4">
            <ScoreBadge
              score={result?.score ?? null}
              stale={result?.stale}
              requiredTier={required?.tier}
              unchecked={!!result && result.verdicts.length > 0 && result.verdicts.every((v) => v.verdict === "UNKNOWN")}
              size="lg"
            />
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight">{c.name}</h1>
              {c.headline ? <p className="mt-0.5 text-sm text-slate-600">{c.headline}</p> : null}
              <p className="mt-2 flex flex-wrap gap-1.5">
                <Badge>{c.stage?.text ?? "No stage"}</Badge>
                {c.archivedAt ? <Badge tone="red">Archived{c.archiveReason ? ` · ${c.archiveReason.text}` : ""}</Badge> : <Badge tone="green">Active</Badge>}
                {required ? <RequiredBadge tier={required.tier} label={requiredLabel(required)} title={requiredSentence(required)} /> : null}
                {required ? <NeedsReviewCount count={required.needsReview.length} /> : null}
                {result ? <Badge tone="slate">Screened <TimeAgo date={result.screenedAt} /></Badge> : <Badge tone="amber">Not screened</Badge>}
                {humanReview ? <Badge tone="brand">Asked for human review</Badge> : null}
              </p>
            </div>
          </div>
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <RescreenButton
              candidateId={c.id}
              screenedAt={result?.screenedAt.toISOString() ?? null}
              disabled={criteria.length === 0}
              confirm={humanReview ? `${c.name} asked for a human review, so they are not screened automatically. Screen them anyway? Your confirmation is recorded.` : undefined}
            />
            {humanReview ? null : <MarkHumanReview candidateId={c.id} />}
            <Link href={`/jobs/${c.job.id}/candidates/${c.id}/explanation`} className="text-xs font-medium text-brand-700 hover:text-brand-600">
              Explanation and record
            </Link>
          </div>
        </div>
        <div className="mt-4 border-t border-slate-200 pt-4">
          <CandidateDecision
            key={c.id}
            candidateId={c.id}
            jobId={c.job.id}
            name={c.name}
            stageId={c.stageId}
            archived={c.archivedAt !== null}
            options={options}
            place={
              place
                ? {
                    position: place.position,
                    total: place.total,
                    previousHref: place.previous ? candidateHref(place.previous.id, place.previous.page) : null,
                    nextHref: place.next ? candidateHref(place.next.id, place.next.page) : null,
                  }
                : null
            }
          />
        </div>
      </div>

      {c.archivedAt ? (
        <Alert tone="warning" title={`Archived${c.archiveReason ? ` · ${c.archiveReason.text}` : ""}`}>
          {c.name} is no longer active in this job: archived <TimeAgo date={c.archivedAt} />{c.stage ? ` at the ${c.stage.text} stage` : ""}. Advance and Reject are off for archived candidates{options.canRestore ? "; Restore puts them back in the pipeline" : ""}.
        </Alert>
      ) : null}

      {humanReview ? (
        <HumanReviewBanner candidateId={c.id} requestedAt={humanReview.requestedAt.toISOString()} requestedBy={humanReview.requestedBy} note={humanReview.note} />
      ) : null}
      {result?.stale ? (
        <Alert tone="warning" title="Screened with earlier criteria">
          The job&apos;s criteria changed since this result. Re-screen to score this candidate against the current ones.
        </Alert>
      ) : null}
      {criteria.length === 0 ? (
        <Alert tone="warning" title="Add criteria first">
          This job has no screening criteria. Add them on the job&apos;s <Link href={`/jobs/${c.job.id}?tab=criteria`} className="font-medium underline">Criteria</Link> tab, then screen.
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Screening"
              description={result ? `Score ${result.score}/100 · ${result.engine === "llm" ? "AI engine" : "rule-based engine"}` : "Not screened yet."}
            />
            {result ? (
              <CardBody className="space-y-5">
                {required && required.required > 0 ? (
                  <p className={`text-sm font-medium ${required.tier === 0 ? "text-emerald-800" : required.tier === 1 ? "text-violet-800" : "text-red-800"}`} data-testid="required-summary">
                    {requiredSentence(required)}.
                  </p>
                ) : null}
                {result.summary ? <p className="text-sm leading-6 text-slate-700" data-testid="summary">{result.summary}</p> : null}
                {required?.needsReview.length ? (
                  <p className="text-sm text-violet-800" data-testid="needs-review-summary">
                    Needs review ({required.needsReview.length}): {required.needsReview.map((x) => x.text).join("; ")}. The engine could not tell from the résumé; each one below says why.
                  </p>
                ) : null}
                {resumeNote ? <Alert tone="warning">{resumeNote}</Alert> : null}
                <ol className="space-y-3" data-testid="verdict-list">
                  {[...scored, ...neutral].map((v) => (
                    <li key={v.criterionId} className="rounded-lg border border-slate-200 p-4" data-testid="verdict">
                      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                        <p className="font-medium text-slate-900">{v.text}</p>
                        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
                          <span className="text-xs text-slate-500">
                            {KIND_LABEL[v.kind]}
                            {v.kind === "NEUTRAL" ? " · not scored" : ` · ${WEIGHT_LABEL[v.weight].toLowerCase()} weight`}
                          </span>
                          <VerdictBadge verdict={v.verdict} />
                        </div>
                      </div>
                      {v.reason ? (
                        <p className={`mt-1.5 text-sm ${v.verdict === "UNKNOWN" ? "text-violet-800" : "text-slate-600"}`} data-testid="verdict-reason">
                          {v.verdict === "UNKNOWN" ? <span className="font-medium">Why it needs review: </span> : null}
                          {v.reason}
                        </p>
                      ) : null}
                      {v.evidence.length ? (
                        <div className="mt-3 space-y-1.5">
                          {v.evidence.map((e, i) => (
                            <blockquote key={i} className="border-l-2 border-brand-500/50 bg-slate-50 py-1.5 pl-3 pr-2 text-sm italic leading-6 text-slate-700" data-testid="evidence">
                              “{e}”
                            </blockquote>
                          ))}
                        </div>
                      ) : null}
                      <OverrideVerdict
                        candidateId={c.id}
                        criterionId={v.criterionId}
                        criterion={v.text}
                        aiVerdict={v.verdict}
                        current={overrides.has(v.criterionId) ? { ...overrides.get(v.criterionId)!, at: overrides.get(v.criterionId)!.at.toISOString() } : null}
                      />
                    </li>
                  ))}
                </ol>
                {unscreened.length ? (
                  <p className="text-sm text-slate-500">
                    Added since this result, not screened yet: {unscreened.map((x) => x.text).join("; ")}.
                  </p>
                ) : null}
              </CardBody>
            ) : (
              <CardBody>
                <p className="text-sm text-slate-500">
                  {criteria.length ? "This candidate has not been screened yet. Re-screen to score them now." : "Add criteria to the job to screen this candidate."}
                </p>
              </CardBody>
            )}
          </Card>

          <Card>
            <CardHeader
              title="Résumé"
              description={c.resumeFileName ?? undefined}
              actions={
                c.resumeFileName ? (
                  <>
                    {/* Plain links, not client navigation: the route answers with the file itself, read from the ATS now. */}
                    {/\.pdf$/i.test(c.resumeFileName) ? (
                      <a href={`/api/candidates/${c.id}/resume`} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary", "py-1.5")}>
                        View original<span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    ) : null}
                    <a href={`/api/candidates/${c.id}/resume?download=1`} download className={buttonClass("secondary", "py-1.5")}>
                      Download<span className="sr-only"> the original résumé</span>
                    </a>
                  </>
                ) : undefined
              }
            />
            <CardBody>
              {c.resumeText?.trim() ? (
                <details className="group" data-testid="resume">
                  <summary className="cursor-pointer select-none text-sm font-medium text-brand-700 hover:text-brand-600">
                    <span className="group-open:hidden">Show résumé text</span>
                    <span className="hidden group-open:inline">Hide résumé text</span>
                  </summary>
                  <pre className="mt-3 max-h-[36rem] overflow-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-4 font-sans text-sm leading-6 text-slate-700">{c.resumeText}</pre>
                </details>
              ) : (
                <p className="text-sm text-slate-500">{resumeSentence(c.resumeStatus, ats) ?? "No résumé text."}</p>
              )}
            </CardBody>
          </Card>

          <WriteBackHistory candidateId={c.id} />
        </div>

        <Card>
          <CardHeader title="Contact" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Email</dt>
                <dd className="mt-0.5 break-all">
                  {c.emails.length ? c.emails.map((e) => <a key={e} href={`mailto:${e}`} className="block text-brand-700 hover:text-brand-600">{e}</a>) : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Phone</dt>
                <dd className="mt-0.5">{c.phones.length ? c.phones.join(", ") : "—"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Location</dt>
                <dd className="mt-0.5">{c.location ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Links</dt>
                <dd className="mt-0.5 space-y-0.5">
                  {c.links.length
                    ? c.links.map((l) => {
                        const href = safeHref(l);
                        return href ? (
                          <a key={l} href={href} target="_blank" rel="noreferrer noopener" className="block truncate text-brand-700 hover:text-brand-600">
                            {linkLabel(l)}
                          </a>
                        ) : (
                          <span key={l} className="block truncate">{l}</span>
                        );
                      })
                    : "—"}
                </dd>
              </div>
            </dl>
            {c.externalUrl ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <a href={c.externalUrl} target="_blank" rel="noreferrer noopener" className="text-sm font-medium text-brand-700 hover:text-brand-600">
                  Open in {ats} ↗
                </a>
              </div>
            ) : null}
            {isAdminRole(org.role) ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <DeleteDataButton candidateId={c.id} name={c.name} ats={ats} jobHref={`/jobs/${c.job.id}`} />
              </div>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
