import { withOrganization } from "@/lib/auth/guard";
import { screeningOverview } from "@/lib/screening/results";
import { requestJobScreening } from "@/lib/screening/run";

export const dynamic = "force-dynamic";

/** Screens the job's candidates whose result is missing or was made with other criteria. */
export const POST = withOrganization<{ jobId: string }>(async (_req, { org, params }) =>
  Response.json(await requestJobScreening(org, params.jobId), { status: 202 }),
);

/** How far screening has got: counts of screened, out-of-date and unscreened candidates. */
export const GET = withOrganization<{ jobId: string }>(async (_req, { org, params }) => {
  const { total, screened, stale, unscreened, criteriaHash } = await screeningOverview(org.organizationId, params.jobId);
  return Response.json({ total, screened, stale, unscreened, criteriaHash });
});
