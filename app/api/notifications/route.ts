import { withOrganization } from "@/lib/auth/guard";
import { listNotifications } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** The bell's list: the member's latest notifications and the unread count. */
export const GET = withOrganization(async (_req, { org }) => Response.json(await listNotifications(org)));
