import { withOrganization } from "@/lib/auth/guard";
import { leverStatus } from "@/lib/ats/providers/lever/status";

export const dynamic = "force-dynamic";

/** The Lever card's live status: connection state and when the last webhook arrived. */
export const GET = withOrganization(async (_req, { org }) => Response.json(await leverStatus(org.organizationId)));
