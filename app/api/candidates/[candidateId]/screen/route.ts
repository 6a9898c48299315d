import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { requestCandidateRescreen } from "@/lib/oversight/human-review";
import { candidateScreeningStatus } from "@/lib/screening/run";

export const dynamic = "force-dynamic";

/**
 * Re-screens one candidate against the job's current criteria (nothing changes when nothing did). A
 * candidate who asked for a human review needs `{confirmHumanReview: true}` (else 409).
 */
export const POST = withOrganization<{ candidateId: string }>(async (req, { org, params }) =>
  Response.json(await requestCandidateRescreen(org, params.candidateId, await readJson(req)), { status: 202 }),
);

/** The candidate's result as it stands: score, when screened, and whether it matches the current criteria. */
export const GET = withOrganization<{ candidateId: string }>(async (_req, { org, params }) => Response.json(await candidateScreeningStatus(org, params.candidateId)));
