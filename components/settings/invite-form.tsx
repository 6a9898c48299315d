"use client";

import { useActionState } from "react";
import { inviteAction } from "@/app/(app)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export function InviteForm({ canGrantOwner }: { canGrantOwner: boolean }) {
  const [state, action, pending] = useActionState(inviteAction, null);
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      {state?.ok && state.data ? (
        <Alert tone="success" title={`Invitation ready for ${state.data.email}`}>
          Send them this link: <code className="break-all rounded bg-white/70 px-1">{state.data.url}</code>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label="Email" name="email" type="email" required error={state && !state.ok ? state.fieldErrors?.email : undefined} />
        <Select label="Role" name="role" defaultValue="RECRUITER">
          <option value="RECRUITER">Recruiter</option>
          <option value="ADMIN">Admin</option>
          {canGrantOwner ? <option value="OWNER">Owner</option> : null}
        </Select>
        <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Invite"}</Button>
      </div>
    </form>
  );
}
