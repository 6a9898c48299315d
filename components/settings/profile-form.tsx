"use client";

import { updateProfileAction } from "@/app/(app)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action, pending, formRef] = useFormAction(updateProfileAction, ["name"]);
  const alert = formError(state);
  return (
    <form ref={formRef} action={action} className="max-w-md space-y-4" noValidate>
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : alert ? <Alert tone="error">{alert}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" defaultValue={state && !state.ok ? state.values.name : name} required maxLength={100} error={fieldError(state, "name")} />
      <Field label="Email" name="email-readonly" defaultValue={email} readOnly disabled />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}
