import { withOrganization } from "@/lib/auth/guard";
import { unreadCount } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** The bell's count alone, which it asks for on every navigation and now and then. */
export const GET = withOrganization(async (_req, { org }) => Response.json({ unread: await unreadCount(org) }));
