import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { RESET_LINK_PROBLEM, resetTokenState, resetTokenEmail } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prisma = await db();
  const state = await resetTokenState(prisma, token);
  return (
    <Card>
      <CardBody className="space-y-6 p-8">
        {state === "valid" ? (
          <>
            <div>
              <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
              <p className="mt-1 text-sm text-slate-500">Use at least 10 characters. You will be signed out everywhere and sign in again with it.</p>
            </div>
            <ResetPasswordForm token={token} email={(await resetTokenEmail(prisma, token)) ?? ""} />
          </>
        ) : (
          <>
            <div>
              <h1 className="text-2xl font-semibold tracking-tight">{state === "expired" ? "This link has expired" : state === "used" ? "This link was already used" : "This link does not work"}</h1>
              <p className="mt-2 text-sm text-slate-600">{RESET_LINK_PROBLEM[state]}</p>
            </div>
            <div className="flex flex-wrap gap-3">
              <Link href="/forgot-password" className={buttonClass("primary")}>
                Ask for a new link
              </Link>
              <Link href="/login" className={buttonClass("secondary")}>
                Back to sign in
              </Link>
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
