"use client";

import { useActionState } from "react";
import { resendInvitationAction } from "@/app/(app)/settings/actions";
import { CopyLink } from "./copy-link";

/** A fresh link for a pending invitation (expired or lost); the old link stops working. */
export function ResendInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState(resendInvitationAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button disabled={pending} aria-label={`New invitation link for ${email}`} className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">
        {pending ? "Making a link…" : "New link"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
      {state?.ok && state.data ? (
        <span role="status" className="text-xs text-slate-600">
          New link for {state.data.email}, valid 7 days{state.data.emailed ? ", on its way by email" : ""}:
          <CopyLink url={state.data.url} label={`invitation link for ${state.data.email}`} />
        </span>
      ) : null}
    </form>
  );
}
