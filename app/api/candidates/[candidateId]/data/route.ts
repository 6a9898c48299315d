import { withOrganization } from "@/lib/auth/guard";
import { deleteCandidateByAdmin, deletionPreview } from "@/lib/candidates/deletion";
import { readJson } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** What deleting this candidate's data would remove (the confirm dialog names it). */
export const GET = withOrganization<{ candidateId: string }>(async (_req, { org, params }) => Response.json(await deletionPreview(org.organizationId, params.candidateId)), {
  admin: true,
  action: "delete candidate data",
});

/** Deletes the person's data in the app (not in the ATS), keeping the anonymized decision record: `{confirm: true}`. */
export const DELETE = withOrganization<{ candidateId: string }>(async (req, { org, params }) => Response.json(await deleteCandidateByAdmin(org, params.candidateId, await readJson(req))), {
  admin: true,
  action: "delete candidate data",
});
