import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { listCriteria, replaceCriteria } from "@/lib/screening/criteria";

export const dynamic = "force-dynamic";

/** The job's screening criteria, in order. */
export const GET = withOrganization<{ jobId: string }>(async (_req, { org, params }) => Response.json(await listCriteria(org, params.jobId)));

/** Replaces the ordered list: `{criteria: [{id?, text, kind, weight}]}` (no id: a new criterion; left out: removed). */
export const PUT = withOrganization<{ jobId: string }>(async (req, { org, params }) =>
  Response.json(await replaceCriteria(org, params.jobId, await readJson(req, 64 * 1024))),
);
