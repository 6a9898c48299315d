"use client";

import Link from "next/link";
import { loginAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export function LoginForm({ next }: { next?: string }) {
  // A wrong password keeps the email; the password is typed again.
  const [state, action, pending, formRef] = useFormAction(loginAction, ["email"], { focusOnError: "password" });
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="next" value={next ?? "/jobs"} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={state?.values.email} />
      <div>
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <p className="mt-1 text-right text-sm">
          <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href="/forgot-password">
            Forgot password?
          </Link>
        </p>
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href="/signup">
          Create an account
        </Link>
      </p>
    </form>
  );
}
