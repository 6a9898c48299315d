import { RecordExportForm } from "@/components/oversight/record-export-form";
import { ReportView } from "@/components/oversight/report-view";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { oversightReport } from "@/lib/oversight/report";
import { reportRange } from "@/lib/oversight/record-pages";

/** The job page's Report tab: the oversight report and the auditor's export of the job's decision record. */
export async function JobReport({ organizationId, jobId, search }: { organizationId: string; jobId: string; search: Record<string, string | string[] | undefined> }) {
  const range = reportRange(search);
  const report = await oversightReport({ organizationId, jobId }, range);
  return (
    <div className="space-y-6">
      <ReportView report={report} pageAction={`/jobs/${jobId}`} hidden={{ tab: "report" }} exportHref={`/api/jobs/${jobId}/report`} />
      <Card>
        <CardHeader title="Export the decision record" description="Every screening result version and every decision on this job, for an auditor." />
        <CardBody>
          <RecordExportForm action={`/api/jobs/${jobId}/record`} idPrefix="job-export" />
        </CardBody>
      </Card>
    </div>
  );
}
