import { withOrganization } from "@/lib/auth/guard";
import { cancelSuggestions } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** Cancels suggestions waiting to apply on their own: nothing is sent. `{ suggestionIds }` */
export const POST = withOrganization(async (req, { org }) => Response.json(await cancelSuggestions(org, await readJson(req))));
