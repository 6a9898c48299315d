import { withOrganization } from "@/lib/auth/guard";
import { listPending, pendingCount } from "@/lib/automations";

export const dynamic = "force-dynamic";

/** The Needs decision queue across the jobs the member may see, oldest first. */
export const GET = withOrganization(async (_req, { org }) => Response.json({ count: await pendingCount(org), suggestions: await listPending(org) }));
