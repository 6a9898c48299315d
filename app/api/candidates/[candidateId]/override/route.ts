import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { overrideVerdict } from "@/lib/oversight/override";

export const dynamic = "force-dynamic";

/** A person's verdict on one criterion: `{criterionId, verdict, reason}`; the AI's result is kept as it was. */
export const POST = withOrganization<{ candidateId: string }>(async (req, { org, params }) =>
  Response.json(await overrideVerdict(org, params.candidateId, await readJson(req)), { status: 201 }),
);
