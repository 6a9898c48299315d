import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { setDigestEmail } from "@/lib/notifications/digest";

export const dynamic = "force-dynamic";

/** The member's own "Email me a daily digest" in this organization. `{ enabled: boolean }` */
export const POST = withOrganization(async (req, { org }) => Response.json(await setDigestEmail(org, await readJson(req))));
