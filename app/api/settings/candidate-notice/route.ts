import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { candidateNotice, saveCandidateNotice } from "@/lib/oversight/notice";

export const dynamic = "force-dynamic";

/** The organization's candidate notice (every member may read and copy it). */
export const GET = withOrganization(async (_req, { org }) => Response.json(await candidateNotice(org)));

/** `{text: string | null}`: null goes back to the default wording. */
export const PUT = withOrganization(async (req, { org }) => Response.json(await saveCandidateNotice(org, await readJson(req))), {
  admin: true,
  action: "edit the candidate notice",
});
