import { withOrganization } from "@/lib/auth/guard";
import { previewRule } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** How many of the job's current candidates a draft rule would suggest an action for; nothing is saved. */
export const POST = withOrganization<{ jobId: string }>(async (req, { org, params }) => Response.json(await previewRule(org, params.jobId, await readJson(req))));
