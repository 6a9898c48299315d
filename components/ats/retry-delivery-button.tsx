"use client";

import { useActionState } from "react";
import { retryDeliveryAction } from "@/app/(app)/settings/ats/actions";

export function RetryDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const [state, action, pending] = useActionState(retryDeliveryAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {state && !state.ok ? <span className="text-xs text-red-600">{state.error}</span> : null}
      <button disabled={pending || state?.ok} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50 disabled:opacity-50">
        {state?.ok ? "Queued" : pending ? "Retrying…" : "Retry"}
      </button>
    </form>
  );
}
