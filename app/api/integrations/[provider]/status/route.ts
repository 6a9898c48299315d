import { withOrganization } from "@/lib/auth/guard";
import { connectionStatus } from "@/lib/connections/status";

export const dynamic = "force-dynamic";

/** The ATS card's live status: connection state and when the last webhook arrived. */
export const GET = withOrganization(async (_req, { org }) => Response.json(await connectionStatus(org.organizationId)));
