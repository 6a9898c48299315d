import { withOrganization } from "@/lib/auth/guard";
import { deleteRule, updateRule } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

type Params = { jobId: string; ruleId: string };

/** Replaces the rule, or with `{ enabled: false }` switches it off. */
export const PATCH = withOrganization<Params>(async (req, { org, params }) => Response.json(await updateRule(org, params.jobId, params.ruleId, await readJson(req))));

export const DELETE = withOrganization<Params>(async (_req, { org, params }) => Response.json(await deleteRule(org, params.jobId, params.ruleId)));
