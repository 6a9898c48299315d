import { withOrganization } from "@/lib/auth/guard";
import { cancelImportRun } from "@/lib/imports/runs";

export const dynamic = "force-dynamic";

export const POST = withOrganization<{ runId: string }>(async (_req, { org, params }) => Response.json(await cancelImportRun(org, params.runId)));
