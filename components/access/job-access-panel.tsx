import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { JobAccessMember } from "@/lib/auth/job-access";
import { AccessRow } from "./access-row";

/** The Access panel of a confidential job, for admins: who besides the admins may see it. */
export function JobAccessPanel({ jobId, members }: { jobId: string; members: JobAccessMember[] }) {
  return (
    <Card>
      <CardHeader
        title="Access"
        description="Confidential in Lever. Owners and admins always see this job and its candidates; other members only once given access here."
      />
      {members.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">Every member is an admin, so everyone already sees this job.</p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Members and their access">
          {members.map((m) => (
            <AccessRow key={m.userId} jobId={jobId} member={m} />
          ))}
        </ul>
      )}
    </Card>
  );
}
