import { withOrganization } from "@/lib/auth/guard";
import { exportResponse } from "@/lib/oversight/export";
import { parseExportQuery } from "@/lib/oversight/record-pages";

export const dynamic = "force-dynamic";

/** The job's decision record for an auditor: `?format=csv|json&from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included). */
export const GET = withOrganization<{ jobId: string }>(async (req, { org, params }) => {
  const { format, range, label } = parseExportQuery(req.nextUrl.searchParams);
  return exportResponse({ organizationId: org.organizationId, jobId: params.jobId }, range, format, `decision-record-job-${params.jobId}-${label}`);
});
