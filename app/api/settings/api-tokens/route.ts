import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { createApiToken, listApiTokens } from "@/lib/api-tokens/tokens";

export const dynamic = "force-dynamic";

const admin = { admin: true, action: "manage API tokens" };

export const GET = withOrganization(async (_req, { org }) => Response.json({ apiTokens: await listApiTokens(org) }), admin);

/** `{name}` → the new token, shown this once. */
export const POST = withOrganization(async (req, { org }) => Response.json(await createApiToken(org, await readJson(req)), { status: 201, headers: { "cache-control": "no-store" } }), admin);
