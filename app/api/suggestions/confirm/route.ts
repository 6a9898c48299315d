import { withOrganization } from "@/lib/auth/guard";
import { confirmSuggestions } from "@/lib/automations";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** Confirms suggestions: each becomes its advance or rejection, written to the ATS. `{ suggestionIds }` */
export const POST = withOrganization(async (req, { org }) => Response.json(await confirmSuggestions(org, await readJson(req))));
