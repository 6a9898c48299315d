"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PostingImportResult } from "@/lib/imports/postings";
import type { WaitingJob } from "@/lib/imports/waiting";
import { api } from "./api";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Applications that arrived for postings not imported were only lines in the activity log; this
 * says how many wait and imports their postings with their applicants in one step.
 */
export function WaitingApplicants({ total, jobs, ats }: { total: number; jobs: WaitingJob[]; ats: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<PostingImportResult["failed"]>([]);

  async function importAll() {
    setBusy(true);
    setError(null);
    try {
      const result = await api<PostingImportResult>("/api/jobs/import", { body: { postingIds: jobs.map((j) => j.jobExternalId) } });
      // Each job's applicants come in as a background import, as from the job page.
      await Promise.all(result.imported.map((j) => api(`/api/jobs/${j.jobId}/imports`, { body: {} }).catch(() => null)));
      setFailed(result.failed);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not import the postings");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="waiting-title" className="rounded-xl border border-brand-100 bg-brand-50/60 px-5 py-4" data-testid="waiting-applicants">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <h2 id="waiting-title" className="text-sm font-semibold text-slate-900">
            {plural(total, "applicant", "applicants")} waiting for {jobs.length === 1 ? "a job" : "jobs"} you have not imported
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {jobs.map((j, i) => (
              <span key={j.jobExternalId}>
                {i ? "; " : ""}
                {j.title ? `“${j.title}”` : "a confidential posting"} ({j.applicants})
              </span>
            ))}
            . They applied in {ats}; importing the {jobs.length === 1 ? "posting" : "postings"} brings them in and screens them.
          </p>
        </div>
        <Button type="button" onClick={() => void importAll()} disabled={busy} className="shrink-0">
          {busy ? "Importing…" : "Import"}
        </Button>
      </div>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {failed.length ? (
        <div className="mt-3">
          <Alert tone="error">{failed.map((f) => f.message).join(" ")}</Alert>
        </div>
      ) : null}
    </section>
  );
}
