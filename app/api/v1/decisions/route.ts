import { readDecisions, readOnly } from "@/lib/api-tokens/read-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/decisions?since=&cursor=&limit= with Authorization: Bearer <API token>. */
export const GET = readDecisions;
export const POST = readOnly;
export const PUT = readOnly;
export const PATCH = readOnly;
export const DELETE = readOnly;
