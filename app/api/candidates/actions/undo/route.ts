import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { undoCandidateAction } from "@/lib/writeback";

export const dynamic = "force-dynamic";

/** Undoes a rejection within its window, before it reaches the ATS: `{batchId}` from the rejection's answer. */
export const POST = withOrganization(async (req, { org }) => Response.json(await undoCandidateAction(org, await readJson(req, 4 * 1024))));
