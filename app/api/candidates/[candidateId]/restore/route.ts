import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { restoreCandidate } from "@/lib/writeback";

export const dynamic = "force-dynamic";

/** Restores a rejected candidate here and in the ATS: `{idempotencyKey}`. */
export const POST = withOrganization<{ candidateId: string }>(async (req, { org, params }) =>
  Response.json(await restoreCandidate(org, params.candidateId, await readJson(req, 4 * 1024))),
);
