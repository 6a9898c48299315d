import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

/** A job or candidate that is not there (removed, another organization's, or a mistyped link), inside the shell. */
export default function AppNotFound() {
  return (
    <StatusPage
      code="404"
      title="Not found"
      actions={
        <>
          <Link href="/jobs" className={buttonClass("primary")}>
            Go to Jobs
          </Link>
          <Link href="/search" className={buttonClass("secondary")}>
            Search candidates
          </Link>
        </>
      }
    >
      This job or candidate is not one you can open: it may have been removed, be a confidential job you have not been
      given access to, or belong to another organization. If you belong to several, switch organization from your
      account menu.
    </StatusPage>
  );
}
