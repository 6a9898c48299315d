import { withOrganization } from "@/lib/auth/guard";
import { exportResponse } from "@/lib/oversight/export";
import { parseExportQuery } from "@/lib/oversight/record-pages";

export const dynamic = "force-dynamic";

/**
 * The organization's whole decision record for an auditor (admins: it spans confidential jobs):
 * `?format=csv|json&from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included).
 */
export const GET = withOrganization(
  async (req, { org }) => {
    const { format, range, label } = parseExportQuery(req.nextUrl.searchParams);
    return exportResponse({ organizationId: org.organizationId }, range, format, `decision-record-${label}`);
  },
  { admin: true, action: "export the organization's decision record" },
);
