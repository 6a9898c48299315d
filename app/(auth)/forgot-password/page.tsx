import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card, CardBody } from "@/components/ui/card";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <Card>
      <CardBody className="space-y-6 p-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
          <p className="mt-1 text-sm text-slate-500">Enter the email you sign in with and we will send you a link to choose a new password.</p>
        </div>
        <ForgotPasswordForm />
      </CardBody>
    </Card>
  );
}
