import { withOrganization } from "@/lib/auth/guard";
import { parseExportQuery } from "@/lib/oversight/record-pages";
import { reportResponse } from "@/lib/oversight/report-export";

export const dynamic = "force-dynamic";

/** The organization's oversight report numbers (admins): `?format=csv|json&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export const GET = withOrganization(
  async (req, { org }) => {
    const { format, range, label } = parseExportQuery(req.nextUrl.searchParams);
    return reportResponse({ organizationId: org.organizationId }, range, format, `oversight-report-${label}`);
  },
  { admin: true, action: "read the organization's oversight report" },
);
