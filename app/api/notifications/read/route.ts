import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { markRead } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** Marks the member's notifications read. `{ ids }` or `{ all: true }` */
export const POST = withOrganization(async (req, { org }) => Response.json(await markRead(org, await readJson(req))));
