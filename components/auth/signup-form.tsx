"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signupAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignupForm({ invite }: { invite?: { token: string; email: string; organization: string } }) {
  const [state, action, pending] = useActionState(signupAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      {invite ? (
        <>
          <Alert tone="info">You are joining {invite.organization}.</Alert>
          <input type="hidden" name="inviteToken" value={invite.token} />
        </>
      ) : null}
      <Field label="Your name" name="name" autoComplete="name" required error={errors?.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={invite?.email} readOnly={!!invite} error={errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters" error={errors?.password} />
      {invite ? null : <Field label="Organization name" name="organizationName" required error={errors?.organizationName} />}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : invite ? "Join" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/login">
          Sign in
        </Link>
      </p>
    </form>
  );
}
