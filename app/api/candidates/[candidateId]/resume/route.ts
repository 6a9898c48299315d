import { withOrganization } from "@/lib/auth/guard";
import { resumeFileResponse } from "@/lib/candidates/resume-file";

export const dynamic = "force-dynamic";

/** The candidate's original résumé, read from the ATS now: a PDF shown in the browser, anything else (or `?download=1`) downloaded. */
export const GET = withOrganization<{ candidateId: string }>(
  async (req, { org, params }) => resumeFileResponse(org, params.candidateId, { download: req.nextUrl.searchParams.get("download") === "1" }),
  { plainErrors: true },
);
