"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { signIn } from "@/lib/auth";
import { actionError, type ActionResult } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fromZod } from "@/lib/errors";
import { ForgotPasswordInput, formToObject, ResetPasswordInput, SignUpInput } from "@/lib/organizations/schemas";
import { signUp } from "@/lib/organizations/service";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { clientAddress, throttleMessage, throttleState } from "@/lib/auth/throttle";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";

export async function loginAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { ok: false, status: 400, error: "Enter your email and password." };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirectPath(form.get("next")) });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const state = await throttleState(await db(), { email: email.toLowerCase(), address: clientAddress(await headers()) });
      if (state.blocked) return { ok: false, status: 429, error: throttleMessage(state) };
      return { ok: false, status: 401, error: "That email and password do not match an account." };
    }
    throw error;
  }
}

export async function signupAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = SignUpInput.safeParse(formToObject(form));
  if (!parsed.success) return actionError(fromZod(parsed.error));
  try {
    await signUp(await db(), parsed.data);
  } catch (error) {
    return actionError(error);
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/jobs" });
  return { ok: true };
}

export async function forgotPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = ForgotPasswordInput.safeParse(formToObject(form));
  if (!parsed.success) return actionError(fromZod(parsed.error));
  const outcome = await requestPasswordReset(await db(), { email: parsed.data.email, address: clientAddress(await headers()) }, new Date(), (work) => after(work));
  return outcome.ok ? { ok: true, message: outcome.message } : { ok: false, status: outcome.status, error: outcome.message };
}

/** The new password is set and every session ends; sign-in then asks for the new password, with a word that it changed. */
export async function resetPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = ResetPasswordInput.safeParse(formToObject(form));
  if (!parsed.success) return actionError(fromZod(parsed.error));
  try {
    await resetPassword(await db(), parsed.data);
  } catch (error) {
    return actionError(error);
  }
  redirect("/login?reset=done");
}
