import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { latestImportRun, startApplicantImport } from "@/lib/imports/runs";
import { getJobForOrg } from "@/lib/imports/jobs";

export const dynamic = "force-dynamic";

/** Starts importing the job's Lever applicants: `{includeArchived?: boolean, reimport?: boolean}`. */
export const POST = withOrganization<{ jobId: string }>(async (req, { org, params }) =>
  Response.json(await startApplicantImport(org, params.jobId, await readJson(req)), { status: 202 }),
);

/** The job's newest applicant import. */
export const GET = withOrganization<{ jobId: string }>(async (_req, { org, params }) => {
  const job = await getJobForOrg(org, params.jobId);
  return Response.json({ run: await latestImportRun(org.organizationId, job.id) });
});
