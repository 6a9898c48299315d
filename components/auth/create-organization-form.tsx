"use client";

import { createOrganizationAction } from "@/app/welcome/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function CreateOrganizationForm() {
  const [state, action, pending, formRef] = useFormAction(createOrganizationAction, ["organizationName"]);
  const alert = formError(state);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      <Field
        label="Organization name"
        name="organizationName"
        autoComplete="organization"
        required
        maxLength={100}
        defaultValue={state?.values.organizationName}
        error={fieldError(state, "organizationName")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
