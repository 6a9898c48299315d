import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { currentUserId } from "@/lib/auth/guard";
import { safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const { next, reset } = await searchParams;
  if (await currentUserId()) redirect(safeRedirectPath(next));
  return (
    <Card>
      <CardBody className="space-y-6 p-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Screen applicants from Lever against each job&apos;s criteria.</p>
        </div>
        {reset === "done" ? <Alert tone="success">Your password was changed and every session signed out. Sign in with your new password.</Alert> : null}
        <LoginForm next={safeRedirectPath(next)} />
      </CardBody>
    </Card>
  );
}
