import { withOrganization } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/api-tokens/tokens";

export const dynamic = "force-dynamic";

/** Revokes the token: from now on every request with it is a 401. */
export const DELETE = withOrganization<{ tokenId: string }>(
  async (_req, { org, params }) => {
    await revokeApiToken(org, params.tokenId);
    return Response.json({ revoked: true });
  },
  { admin: true, action: "manage API tokens" },
);
