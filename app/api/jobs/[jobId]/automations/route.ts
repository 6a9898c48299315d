import { withOrganization } from "@/lib/auth/guard";
import { createRule, listRules } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const GET = withOrganization<{ jobId: string }>(async (_req, { org, params }) => Response.json({ rules: await listRules(org, params.jobId) }));

/** Creates a rule; only owners and admins may create one that applies on its own. */
export const POST = withOrganization<{ jobId: string }>(async (req, { org, params }) => Response.json(await createRule(org, params.jobId, await readJson(req)), { status: 201 }));
