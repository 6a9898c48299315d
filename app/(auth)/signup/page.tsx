import type { Metadata } from "next";
import { SignupForm } from "@/components/auth/signup-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/organizations/service";

export const metadata: Metadata = { title: "Create account" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite: token } = await searchParams;
  const invitation = token ? await findInvitation(await db(), token) : null;
  return (
    <Card>
      <CardBody className="space-y-6 p-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{invitation ? "Join your team" : "Create your account"}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {invitation ? "Set up your account to start screening." : "You will be the owner of a new organization."}
          </p>
        </div>
        {token && !invitation ? <Alert tone="warning">This invitation is invalid or has expired. Ask your admin for a new one.</Alert> : null}
        <SignupForm invite={invitation ? { token: token!, email: invitation.email, organization: invitation.organization.name } : undefined} />
      </CardBody>
    </Card>
  );
}
