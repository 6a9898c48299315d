import { withOrganization } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json";
import { setFollowing } from "@/lib/notifications/follow";

export const dynamic = "force-dynamic";

/** Follows or unfollows the job for the signed-in member. `{ following }` */
export const POST = withOrganization<{ jobId: string }>(async (req, { org, params }) => Response.json(await setFollowing(org, params.jobId, await readJson(req))));
