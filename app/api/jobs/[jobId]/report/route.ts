import { withOrganization } from "@/lib/auth/guard";
import { parseExportQuery } from "@/lib/oversight/record-pages";
import { reportResponse } from "@/lib/oversight/report-export";

export const dynamic = "force-dynamic";

/** The job's oversight report numbers: `?format=csv|json&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export const GET = withOrganization<{ jobId: string }>(async (req, { org, params }) => {
  const { format, range, label } = parseExportQuery(req.nextUrl.searchParams);
  return reportResponse({ organizationId: org.organizationId, jobId: params.jobId }, range, format, `oversight-report-job-${params.jobId}-${label}`);
});
