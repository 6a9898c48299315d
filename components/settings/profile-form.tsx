"use client";

import { useActionState } from "react";
import { updateProfileAction } from "@/app/(app)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action, pending] = useActionState(updateProfileAction, null);
  return (
    <form action={action} className="max-w-md space-y-4">
      {state ? state.ok ? <Alert tone="success">{state.message}</Alert> : <Alert tone="error">{state.error}</Alert> : null}
      <Field label="Name" name="name" defaultValue={name} required maxLength={100} error={state && !state.ok ? state.fieldErrors?.name : undefined} />
      <Field label="Email" name="email-readonly" defaultValue={email} readOnly disabled />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}
