"use client";

import Link from "next/link";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function ForgotPasswordForm() {
  const [state, action, pending, formRef] = useFormAction(forgotPasswordAction, ["email"]);
  const alert = formError(state);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={state?.values.email} error={fieldError(state, "email")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href="/login">
          Sign in
        </Link>
      </p>
    </form>
  );
}
