import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/auth/create-organization-form";
import { Card, CardBody } from "@/components/ui/card";
import { currentUserId, getOrgContext } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Welcome" };

/** For signed-in users without an organization (for example after company SSO sign-in). */
export default async function WelcomePage() {
  if (!(await currentUserId())) redirect("/login");
  if (await getOrgContext()) redirect("/jobs");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-md">
        <CardBody className="space-y-4 p-8">
          <h1 className="text-2xl font-semibold tracking-tight">Create your organization</h1>
          <p className="text-sm text-slate-500">You are not a member of any organization yet. Create one, or open the invitation link a teammate sent you.</p>
          <CreateOrganizationForm />
        </CardBody>
      </Card>
    </main>
  );
}
