import { withOrganization } from "@/lib/auth/guard";
import { retentionOf, saveRetention } from "@/lib/candidates/deletion";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const GET = withOrganization(async (_req, { org }) => Response.json(await retentionOf(org.organizationId)));

/** `{days: number | null}`: candidates archived more than `days` ago are deleted by the hourly job; null turns it off. */
export const PUT = withOrganization(async (req, { org }) => Response.json(await saveRetention(org, await readJson(req))), {
  admin: true,
  action: "change the retention period",
});
