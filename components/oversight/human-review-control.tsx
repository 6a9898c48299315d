"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time-ago";


/** Marks or clears the request; the page refreshes to show the badge, the banner and the Re-screen question. */
function useHumanReview(candidateId: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(body: { requested: boolean; note?: string | null }): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/candidates/${candidateId}/human-review`, { method: "PUT", body });
      router.refresh();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}

/**
 * The candidate page's "Asked for human review…": records that the candidate asked to be reviewed by a
 * person only (with an optional note of how they asked). From then on no screening job scores them.
 */
export function MarkHumanReview({ candidateId }: { candidateId: string }) {
  const { busy, error, submit } = useHumanReview(candidateId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");

  if (!open) {
    return (
      <Button type="button" variant="ghost" className="px-2 py-1 text-xs shadow-none" onClick={() => setOpen(true)}>
        Asked for human review…
      </Button>
    );
  }
  return (
    <form
      className="w-full max-w-xs space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-left shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ requested: true, note: note.trim() || null }).then((ok) => ok && setOpen(false));
      }}
    >
      <p className="text-xs text-slate-600">The candidate will not be screened automatically; a person reviews their application.</p>
      <label htmlFor={`review-note-${candidateId}`} className="block text-xs font-medium text-slate-700">
        How did they ask? (optional)
      </label>
      <input id={`review-note-${candidateId}`} value={note} maxLength={300} placeholder="e.g. In the application form" onChange={(e) => setNote(e.target.value)} className={inputClass} />
      {error ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" className="px-2.5 py-1 text-xs" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button type="submit" className="px-2.5 py-1 text-xs" disabled={busy}>
          {busy ? "Saving…" : "Mark as asked for human review"}
        </Button>
      </div>
    </form>
  );
}

/** Shown on the candidate page while the request stands: who recorded it and when, and a way to clear it. */
export function HumanReviewBanner({ candidateId, requestedAt, requestedBy, note }: { candidateId: string; requestedAt: string; requestedBy: string | null; note: string | null }) {
  const { busy, error, submit } = useHumanReview(candidateId);
  return (
    <div role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700" data-testid="human-review-banner">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="font-semibold">Asked for human review</p>
          <p className="mt-1">Automatic screening is off for this candidate: a person reviews the application. A Re-screen asks for confirmation first.</p>
          <p className="mt-1 text-xs">
            Recorded <TimeAgo date={requestedAt} />
            {requestedBy ? ` by ${requestedBy}` : ""}
            {note ? ` · ${note}` : ""}
          </p>
        </div>
        <Button type="button" variant="secondary" className="shrink-0" disabled={busy} onClick={() => void submit({ requested: false })}>
          {busy ? "Saving…" : "Clear request"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
