import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { setHumanReview } from "@/lib/oversight/human-review";

export const dynamic = "force-dynamic";

/** Marks or clears "asked for human review": `{requested: boolean, note?: string}`. */
export const PUT = withOrganization<{ candidateId: string }>(async (req, { org, params }) =>
  Response.json(await setHumanReview(org, params.candidateId, await readJson(req))),
);
