import { withOrganization } from "@/lib/auth/guard";
import { retryWriteBack } from "@/lib/writeback";

export const dynamic = "force-dynamic";

/** Queues a failed write-back to Lever again. */
export const POST = withOrganization<{ id: string }>(async (_req, { org, params }) => Response.json(await retryWriteBack(org, params.id), { status: 202 }));
