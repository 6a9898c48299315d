"use client";

import Link from "next/link";
import { signupAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, formError, useFormAction } from "@/components/ui/use-form-action";

export function SignupForm({ invite }: { invite?: { token: string; email: string; organization: string } }) {
  // Everything typed comes back after a server error except the password.
  const [state, action, pending, formRef] = useFormAction(signupAction, ["name", "email", "organizationName"]);
  const alert = formError(state);
  const kept = state?.values;
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      {invite ? (
        <>
          <Alert tone="info">You are joining {invite.organization}.</Alert>
          <input type="hidden" name="inviteToken" value={invite.token} />
        </>
      ) : null}
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={kept?.name} error={fieldError(state, "name")} />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={invite?.email ?? kept?.email}
        readOnly={!!invite}
        error={fieldError(state, "email")}
      />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters" error={fieldError(state, "password")} />
      {invite ? null : (
        <Field label="Organization name" name="organizationName" autoComplete="organization" required defaultValue={kept?.organizationName} error={fieldError(state, "organizationName")} />
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : invite ? "Join" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={invite ? `/login?next=${encodeURIComponent(`/invite/${invite.token}`)}` : "/login"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
