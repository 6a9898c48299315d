import { withOrganization } from "@/lib/auth/guard";
import { getImportRun } from "@/lib/imports/runs";

export const dynamic = "force-dynamic";

/** Progress of an import run, polled by the job page. */
export const GET = withOrganization<{ runId: string }>(async (_req, { org, params }) => Response.json(await getImportRun(org, params.runId)));
