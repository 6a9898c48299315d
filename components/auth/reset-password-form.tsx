"use client";

import { resetPasswordAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending, formRef] = useFormAction(resetPasswordAction, [], { focusOnError: "password" });
  const alert = formError(state);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters" error={fieldError(state, "password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
