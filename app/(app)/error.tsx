"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

/** A failure inside the app: the shell (navigation, search, account menu) stays, with a way back. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
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
      <p>This page could not be shown. Try again; if it keeps happening, tell your admin{error.digest ? " this reference" : ""}.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-600">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
