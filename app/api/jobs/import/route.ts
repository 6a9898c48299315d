import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { importPostings } from "@/lib/imports/postings";

export const dynamic = "force-dynamic";

/** Imports the postings chosen in the picker as jobs: `{postingIds: string[]}`. */
export const POST = withOrganization(async (req, { org }) => Response.json(await importPostings(org, await readJson(req))));
