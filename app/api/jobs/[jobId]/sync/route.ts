import { withOrganization } from "@/lib/auth/guard";
import { resyncJob } from "@/lib/imports/postings";

export const dynamic = "force-dynamic";

/** Re-reads the job's posting from Lever. */
export const POST = withOrganization<{ jobId: string }>(async (_req, { org, params }) => Response.json(await resyncJob(org, params.jobId)));
