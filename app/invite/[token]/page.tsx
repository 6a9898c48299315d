import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db/client";
import { acceptInvitation, findInvitation } from "@/lib/organizations/service";
import { actionError } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Invitation" };

/** The page's own words for the code in the URL; text from the URL is never shown. */
function inviteErrorMessage(code: string, invitedEmail: string): string {
  if (code === "wrong_email") return `This invitation is for ${invitedEmail}. Sign in with that address.`;
  if (code === "invalid") return "This invitation is invalid or has expired. Ask for a new one.";
  return "Could not accept the invitation. Try again.";
}

export default async function InvitePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> }) {
  const { token } = await params;
  const { error } = await searchParams;
  const invitation = await findInvitation(await db(), token);
  const session = await auth();

  async function accept() {
    "use server";
    const s = await auth();
    if (!s?.user?.id || !s.user.email) redirect(`/login?next=/invite/${encodeURIComponent(token)}`);
    try {
      await acceptInvitation(await db(), s.user.id, s.user.email, token);
    } catch (e) {
      const status = actionError(e).status;
      redirect(`/invite/${encodeURIComponent(token)}?error=${status === 403 ? "wrong_email" : status === 400 ? "invalid" : "failed"}`);
    }
    redirect("/jobs");
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-md">
        <CardBody className="space-y-4 p-8">
          {!invitation ? (
            <Alert tone="warning" title="This invitation is invalid or has expired">Ask your admin to send a new one.</Alert>
          ) : (
            <>
              <h1 className="text-2xl font-semibold tracking-tight">Join {invitation.organization.name}</h1>
              <p className="text-sm text-slate-500">
                You were invited as {invitation.role.toLowerCase()} ({invitation.email}).
              </p>
              {error ? <Alert tone="error">{inviteErrorMessage(error, invitation.email)}</Alert> : null}
              {session?.user ? (
                <form action={accept}>
                  <Button type="submit" className="w-full">Accept invitation</Button>
                </form>
              ) : (
                <div className="flex gap-2">
                  <Link className={buttonClass("primary", "flex-1")} href={`/signup?invite=${encodeURIComponent(token)}`}>Create account</Link>
                  <Link className={buttonClass("secondary", "flex-1")} href={`/login?next=/invite/${encodeURIComponent(token)}`}>Sign in</Link>
                </div>
              )}
            </>
          )}
        </CardBody>
      </Card>
    </main>
  );
}
