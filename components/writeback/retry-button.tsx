"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";

export function RetryWriteBackButton({ actionId }: { actionId: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "pending" | "queued">("idle");
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setState("pending");
    setError(null);
    try {
      await api(`/api/writebacks/${actionId}/retry`, { method: "POST" });
      setState("queued");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setState("idle");
    }
  };
  return (
    <span className="flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <button
        type="button"
        onClick={retry}
        disabled={state !== "idle"}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50 disabled:opacity-50"
      >
        {state === "queued" ? "Queued" : state === "pending" ? "Retrying…" : "Retry"}
      </button>
    </span>
  );
}
