import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the app does not have. Pages inside the app use (app)/not-found.tsx, in the shell. */
export default function NotFound() {
  return (
    <main id="main" className="min-h-screen bg-slate-50">
      <StatusPage
        code="404"
        title="This page does not exist"
        actions={
          <>
            <Link href="/jobs" className={buttonClass("primary")}>
              Go to Jobs
            </Link>
            <Link href="/login" className={buttonClass("secondary")}>
              Sign in
            </Link>
          </>
        }
      >
        The link may be mistyped, or the page may have moved.
      </StatusPage>
    </main>
  );
}
