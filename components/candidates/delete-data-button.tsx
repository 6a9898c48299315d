"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";

/**
 * "Delete candidate data" (admins): a confirm dialog that names what goes (every candidacy of this
 * person in the organization) and what stays (the anonymized decision record, and the candidate in
 * the ATS), then the deletion and back to the job.
 */
export function DeleteDataButton({ candidateId, name, ats, jobHref }: { candidateId: string; name: string; ats: string; jobHref: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<{ candidacies: number; jobs: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setError(null);
    dialog.current?.showModal();
    try {
      setPreview(await api(`/api/candidates/${candidateId}/data`));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not look the candidate up");
    }
  }

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await api(`/api/candidates/${candidateId}/data`, { method: "DELETE", body: { confirm: true } });
      dialog.current?.close();
      router.push(jobHref);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not delete the data");
      setPending(false);
    }
  }

  const candidacies = preview ? (preview.candidacies === 1 ? "1 candidacy" : `${preview.candidacies} candidacies`) : "every candidacy";
  return (
    <>
      <Button type="button" variant="danger" className="px-2.5 py-1 text-xs" onClick={() => void open()}>
        Delete candidate data
      </Button>
      <dialog ref={dialog} aria-labelledby="delete-data-title" className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-3 p-6 text-sm text-slate-600">
          <h2 id="delete-data-title" className="text-lg font-semibold text-slate-900">Delete {name}&rsquo;s data?</h2>
          <p>
            This deletes from this app {candidacies} of {name}
            {preview?.jobs.length ? ` (${preview.jobs.join(", ")})` : ""}: name, contact details, résumé text and file name, application answers,
            screening results with their quoted evidence, the history of updates sent to {ats}, and their name in the activity log.
          </p>
          <p>The decision record keeps an anonymized entry: verdicts, scores and who decided what, without the person or any quote.</p>
          <p className="font-medium text-slate-900">
            Nothing is deleted in {ats}. Delete the candidate there too, or a later import from {ats} brings them back.
          </p>
          {error ? (
            <p role="alert" className="text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="button" variant="danger" disabled={pending || !preview} onClick={() => void remove()}>
              {pending ? "Deleting…" : "Delete data"}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
