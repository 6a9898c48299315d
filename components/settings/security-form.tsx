"use client";

import { changePasswordAction, signOutEverywhereAction } from "@/app/(app)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, useFormAction } from "@/components/ui/use-form-action";

/** Change password (ends the account's other sessions) and sign out everywhere. */
export function SecurityForm({ hasPassword, passwordChanged }: { hasPassword: boolean; passwordChanged: boolean }) {
  // Passwords are never kept; after a refusal focus goes to the field named, else the current password.
  const [state, action, pending, formRef] = useFormAction(changePasswordAction, [], { focusOnError: "currentPassword" });
  return (
    <div className="max-w-md space-y-6">
      {hasPassword ? (
        <form ref={formRef} action={action} className="space-y-4" noValidate>
          {passwordChanged && !state ? <Alert tone="success">Password changed. Your other sessions were signed out.</Alert> : null}
          {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(state, "currentPassword")} />
          <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={200} error={fieldError(state, "newPassword")} hint="At least 10 characters; not a common password." />
          <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
        </form>
      ) : null}
      <form action={signOutEverywhereAction} className="space-y-2">
        <p className="text-sm text-slate-500">Signs this account out on every device and browser, this one included.</p>
        <Button type="submit" variant="secondary">Sign out everywhere</Button>
      </form>
    </div>
  );
}
