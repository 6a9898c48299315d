"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "./api";

/** Re-reads the job's posting from the ATS (title, description, requirement lists). */
export function ResyncButton({ jobId, ats }: { jobId: string; ats: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  async function resync() {
    setState({ busy: true, message: null, failed: false });
    try {
      await api(`/api/jobs/${jobId}/sync`, { method: "POST" });
      setState({ busy: false, message: `Updated from ${ats}`, failed: false });
      router.refresh();
    } catch (e) {
      setState({ busy: false, message: e instanceof Error ? e.message : "Could not re-sync", failed: true });
    }
  }
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button type="button" variant="secondary" onClick={() => void resync()} disabled={state.busy}>
        {state.busy ? "Re-syncing…" : `Re-sync from ${ats}`}
      </Button>
      {state.message ? (
        <p role={state.failed ? "alert" : "status"} className={`text-xs ${state.failed ? "text-red-600" : "text-emerald-700"}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
