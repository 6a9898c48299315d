import { withOrganization } from "@/lib/auth/guard";
import { dismissSuggestions } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** Dismisses suggestions: nothing changes for the candidates. `{ suggestionIds }` */
export const POST = withOrganization(async (req, { org }) => Response.json(await dismissSuggestions(org, await readJson(req))));
