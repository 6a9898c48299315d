import { withOrganization } from "@/lib/auth/guard";
import { exportRankedCandidates } from "@/lib/candidates/export";

export const dynamic = "force-dynamic";

/** The job's ranked candidates with their verdicts as CSV; the query string holds the job page's filters. */
export const GET = withOrganization<{ jobId: string }>(async (req, { org, params }) => {
  const search: Record<string, string[]> = {};
  for (const [k, v] of req.nextUrl.searchParams) (search[k] ??= []).push(v);
  const { filename, csv } = await exportRankedCandidates(org, params.jobId, search);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
