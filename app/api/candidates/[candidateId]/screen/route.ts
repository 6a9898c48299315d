import { withOrganization } from "@/lib/auth/guard";
import { candidateScreeningStatus, requestCandidateScreening } from "@/lib/screening/run";

export const dynamic = "force-dynamic";

/** Re-screens one candidate against the job's current criteria (nothing changes when nothing did). */
export const POST = withOrganization<{ candidateId: string }>(async (_req, { org, params }) =>
  Response.json(await requestCandidateScreening(org, params.candidateId), { status: 202 }),
);

/** The candidate's result as it stands: score, when screened, and whether it matches the current criteria. */
export const GET = withOrganization<{ candidateId: string }>(async (_req, { org, params }) => Response.json(await candidateScreeningStatus(org, params.candidateId)));
