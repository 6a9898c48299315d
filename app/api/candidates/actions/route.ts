import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { applyCandidateAction, candidateActionOptions } from "@/lib/writeback";

export const dynamic = "force-dynamic";

/** The stages and active rejection reasons the bulk actions offer. */
export const GET = withOrganization(async (_req, { org }) => Response.json(await candidateActionOptions(org)));

/**
 * Advances or rejects candidates: `{action: "advance", stageId, candidateIds, idempotencyKey}` or
 * `{action: "archive", archiveReasonId, candidateIds, idempotencyKey}`.
 */
export const POST = withOrganization(async (req, { org }) => Response.json(await applyCandidateAction(org, await readJson(req, 64 * 1024))));
