import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/oversight/print-button";
import { VerdictBadge, KIND_LABEL, WEIGHT_LABEL } from "@/components/screening/verdicts";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { decisionLabel, decisionSummary } from "@/lib/oversight/decision-labels";
import { candidateRecord, type RecordedDecision, type RecordedVersion } from "@/lib/oversight/explanation";

export const metadata: Metadata = { title: "Explanation" };

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const engineName = (engine: string) => (engine === "llm" ? "AI engine" : engine === "local" ? "Rule-based engine" : engine);
const WRITE_BACK: Record<string, string> = { PENDING: "waiting to be sent", RUNNING: "being sent", SUCCEEDED: "sent", FAILED: "failed" };

function Version({ v }: { v: RecordedVersion }) {
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm break-inside-avoid print:shadow-none" data-testid="record-version">
      <header className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 className="text-base font-semibold">
          Result version {v.version} · score {v.score}/100
        </h2>
        <p className="text-sm text-slate-500">{when(v.at)}</p>
      </header>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
        <div>
          <dt className="inline font-medium">Engine: </dt>
          <dd className="inline">
            {engineName(v.engine)} ({v.engineVersion})
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Input hash: </dt>
          <dd className="inline break-all font-mono">{v.inputHash.slice(0, 16)}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Criteria: </dt>
          <dd className="inline">{v.criteria.length} as they were when screened</dd>
        </div>
        {v.anonymizedAt ? (
          <div>
            <dt className="inline font-medium">Anonymized: </dt>
            <dd className="inline">{when(v.anonymizedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {v.summary ? <p className="mt-3 text-sm text-slate-700">{v.summary}</p> : null}
      <ol className="mt-3 space-y-2">
        {v.verdicts.map((x) => {
          const kept = v.criteria.find((c) => c.id === x.criterionId)?.keptReason;
          return (
            <li key={x.criterionId} className="rounded-lg border border-slate-100 p-3 break-inside-avoid">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
                <p className="text-sm font-medium">{x.text}</p>
                <span className="flex shrink-0 items-center gap-1.5 text-xs text-slate-500">
                  {KIND_LABEL[x.kind]}
                  {x.kind === "NEUTRAL" ? "" : ` · ${WEIGHT_LABEL[x.weight].toLowerCase()} weight`}
                  <VerdictBadge verdict={x.verdict} />
                </span>
              </div>
              {kept ? <p className="mt-1 text-xs text-slate-500">Kept on purpose: {kept}</p> : null}
              {x.reason ? <p className="mt-1 text-sm text-slate-600">{x.reason}</p> : null}
              {x.evidence.map((e, i) => (
                <blockquote key={i} className="mt-1.5 border-l-2 border-brand-500/50 bg-slate-50 py-1 pl-3 text-sm italic text-slate-700">
                  “{e}”
                </blockquote>
              ))}
            </li>
          );
        })}
      </ol>
    </article>
  );
}

function Decision({ d }: { d: RecordedDecision }) {
  const summary = decisionSummary(d.kind, d.details);
  return (
    <article className="rounded-xl border border-amber-200 bg-amber-50/40 px-5 py-3 break-inside-avoid" data-testid="record-decision">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <p className="text-sm">
          <span className="font-semibold">{d.actor ?? "The app, on its own"}</span> · {decisionLabel(d.kind)}
          {summary ? <span className="text-slate-700"> · {summary}</span> : null}
        </p>
        <p className="shrink-0 text-sm text-slate-500">{when(d.at)}</p>
      </div>
      <p className="mt-1 flex flex-wrap gap-1.5 text-xs text-slate-600">
        {d.resultVersion ? <Badge>On result version {d.resultVersion}</Badge> : null}
        {d.ruleId ? <Badge tone="brand">Suggested by a rule</Badge> : null}
        {d.writeBack ? (
          <Badge tone={d.writeBack.status === "FAILED" ? "red" : d.writeBack.status === "SUCCEEDED" ? "green" : "amber"}>
            Update to the ATS {WRITE_BACK[d.writeBack.status] ?? d.writeBack.status}
            {d.writeBack.completedAt ? ` ${when(d.writeBack.completedAt)}` : ""}
          </Badge>
        ) : null}
      </p>
    </article>
  );
}

export default async function ExplanationPage({ params }: { params: Promise<{ jobId: string; candidateId: string }> }) {
  const org = await pageOrgContext();
  const { jobId, candidateId } = await params;
  const record = await candidateRecord(org, candidateId, jobId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { candidate, entries } = record;
  const versions = entries.filter((e) => e.type === "version").length;
  const decisions = entries.length - versions;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/jobs/${jobId}/candidates/${candidate.id}`} className="text-sm text-slate-600 hover:text-slate-900 print:hidden">
          ← {candidate.name}
        </Link>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Explanation: {candidate.name}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {candidate.jobTitle} · {org.organizationName} · {versions} result {versions === 1 ? "version" : "versions"}, {decisions} {decisions === 1 ? "decision" : "decisions"} · printed {when(new Date())}
            </p>
            <p className="mt-2 max-w-2xl text-sm text-slate-600">
              What the screening said, on which criteria and from which evidence, and what people did with it, oldest first. Results are never changed once
              made: a re-screen adds a version.
            </p>
          </div>
          <div className="flex shrink-0 gap-2 print:hidden">
            <PrintButton />
            <a href={`/api/candidates/${candidate.id}/record`} className={buttonClass("secondary")} download>
              Download JSON
            </a>
          </div>
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing is recorded for this candidate yet: they have not been screened and no one has acted on them.</p>
      ) : (
        <ol className="space-y-3" aria-label="Decision record, oldest first">
          {entries.map((e) => (
            <li key={e.id}>{e.type === "version" ? <Version v={e} /> : <Decision d={e} />}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
