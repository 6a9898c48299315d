"use client";

import { inviteAction } from "@/app/(app)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { CopyLink } from "./copy-link";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function InviteForm({ canGrantOwner }: { canGrantOwner: boolean }) {
  // A refused invitation keeps the address and role typed; a sent one clears them for the next.
  const [state, action, pending, formRef] = useFormAction(inviteAction, ["email", "role"]);
  const alert = formError(state);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      {state?.ok && state.data ? (
        <Alert tone="success" title={`Invitation ready for ${state.data.email}`}>
          {state.data.emailed
            ? "We are emailing them this link (valid 7 days); you can also send it yourself:"
            : "No mail server is set up, so it is not emailed: send them this link (valid 7 days). Settings → Sent email keeps a copy."}
          <CopyLink url={state.data.url} label={`invitation link for ${state.data.email}`} />
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field label="Email" name="email" type="email" autoComplete="off" required defaultValue={state?.values.email} error={fieldError(state, "email")} />
        <Select key={state?.values.role ?? "RECRUITER"} label="Role" name="role" defaultValue={state?.values.role ?? "RECRUITER"}>
          <option value="RECRUITER">Recruiter</option>
          <option value="ADMIN">Admin</option>
          {canGrantOwner ? <option value="OWNER">Owner</option> : null}
        </Select>
        <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? "Inviting…" : "Invite"}</Button>
      </div>
    </form>
  );
}
