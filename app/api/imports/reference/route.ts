import { withOrganization } from "@/lib/auth/guard";
import { refreshReference } from "@/lib/imports/reference";

export const dynamic = "force-dynamic";

/** Admins re-read stages and rejection reasons from Lever. */
export const POST = withOrganization(async (_req, { org }) => Response.json(await refreshReference(org)), { admin: true, action: "refresh Lever data" });
