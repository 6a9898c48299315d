"use client";

import { useActionState } from "react";
import { createOrganizationAction } from "@/app/welcome/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <Field label="Organization name" name="organizationName" required maxLength={100} />
      <Button type="submit" className="w-full" disabled={pending}>Create organization</Button>
    </form>
  );
}
