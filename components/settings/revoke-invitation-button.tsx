"use client";

import { useActionState } from "react";
import { revokeInvitationAction } from "@/app/(app)/settings/actions";

/** Withdraws a pending invitation; its link stops working at once. */
export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <button disabled={pending} aria-label={`Revoke the invitation of ${email}`} className="rounded-md px-2 py-1 text-sm text-red-600 hover:bg-red-50">
        Revoke
      </button>
    </form>
  );
}
