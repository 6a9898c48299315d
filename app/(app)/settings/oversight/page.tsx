import type { Metadata } from "next";
import { RecordExportForm } from "@/components/oversight/record-export-form";
import { ReportView } from "@/components/oversight/report-view";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { reportRange } from "@/lib/oversight/record-pages";
import { oversightReport } from "@/lib/oversight/report";

export const metadata: Metadata = { title: "Oversight" };

export default async function OversightPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const org = await pageOrgContext();
  if (!isAdminRole(org.role)) {
    return <Alert tone="info">The organization&apos;s oversight report and its decision record are for owners and admins. Each job&apos;s Report tab shows that job&apos;s.</Alert>;
  }
  const report = await oversightReport({ organizationId: org.organizationId }, reportRange(await searchParams));
  return (
    <div className="space-y-6">
      <ReportView report={report} pageAction="/settings/oversight" hidden={{}} exportHref="/api/settings/report" />
      <Card>
        <CardHeader title="Export the decision record" description={`Every screening result version and every decision across ${org.organizationName}'s jobs, confidential ones included, for an auditor.`} />
        <CardBody>
          <RecordExportForm action="/api/settings/record" idPrefix="org-export" />
        </CardBody>
      </Card>
    </div>
  );
}
