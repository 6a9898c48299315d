import { withOrganization } from "@/lib/auth/guard";
import { candidateRecord } from "@/lib/oversight/explanation";

export const dynamic = "force-dynamic";

/** The candidate's decision record (result versions and decisions, oldest first) as a JSON download. */
export const GET = withOrganization<{ candidateId: string }>(async (_req, { org, params }) => {
  const record = await candidateRecord(org, params.candidateId);
  return Response.json(
    { exportedAt: new Date(), organization: org.organizationName, ...record },
    { headers: { "content-disposition": `attachment; filename="decision-record-${record.candidate.id}.json"`, "cache-control": "no-store" } },
  );
});
