import { RecordExportForm } from "@/components/oversight/record-export-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** The job page's Report tab: the oversight report and the auditor's export of the job's decision record. */
export function JobReport({ jobId }: { jobId: string }) {
  return (
    <Card>
      <CardHeader title="Export the decision record" description="Every screening result version and every decision on this job, for an auditor." />
      <CardBody>
        <RecordExportForm action={`/api/jobs/${jobId}/record`} idPrefix="job-export" />
      </CardBody>
    </Card>
  );
}
