"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "./api";

/**
 * Follow job: its new applicants are announced under the bell. A toggle button: its name stays
 * "Follow job" and its state is pressed or not (aria-pressed), drawn as a filled bell on brand colours.
 */
export function FollowButton({ jobId, initialFollowing }: { jobId: string; initialFollowing: boolean }) {
  const [following, setFollowing] = useState(initialFollowing);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      setFollowing((await api<{ following: boolean }>(`/api/jobs/${jobId}/follow`, { body: { following: !following } })).following);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not change following");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        type="button"
        variant="secondary"
        aria-pressed={following}
        onClick={() => void toggle()}
        disabled={busy}
        className={following ? "bg-brand-50 text-brand-800 ring-brand-300 hover:bg-brand-100" : ""}
      >
        <svg aria-hidden viewBox="0 0 24 24" className={`h-4 w-4 ${following ? "fill-current text-brand-600" : "fill-none stroke-current stroke-2"}`}>
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        Follow job
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
