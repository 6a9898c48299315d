"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

/** An unexpected failure while showing a page. Nothing internal is shown; the digest matches the server's log line. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="min-h-screen bg-slate-50">
      <StatusPage
        code="Error"
        title="Something went wrong"
        actions={
          <>
            <Button type="button" onClick={reset}>
              Try again
            </Button>
            <Link href="/jobs" className={buttonClass("secondary")}>
              Go to Jobs
            </Link>
          </>
        }
      >
        <p>The page could not be shown. Try again; if it keeps happening, tell your admin{error.digest ? " this reference" : ""}.</p>
        {error.digest ? <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p> : null}
      </StatusPage>
    </main>
  );
}
