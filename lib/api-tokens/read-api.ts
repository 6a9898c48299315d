import type { NextRequest } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/auth/guard";
import { jobOr404 } from "@/lib/auth/job-access";
import { AppError, fromZod } from "@/lib/errors";
import { decisionsPage, decodeCursor, encodeCursor, PAGE_MAX, versionsPage, type Cursor } from "@/lib/oversight/record-pages";
import { organizationOfToken } from "./tokens";

/**
 * The read-only API (`/api/v1`), for a customer pulling results and decisions into their own
 * systems. An organization's API token is its only credential: it reads that organization's record
 * (all its jobs, as an admin would) and nothing else, and no method but GET exists.
 */

const Query = z.object({
  since: z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(s) && !Number.isNaN(new Date(s).getTime()), {
      error: "Give since as a date or a date and time (ISO 8601, e.g. 2026-11-01 or 2026-11-01T09:00:00Z)",
    })
    .optional(),
  job: z.string().max(50, { error: "That job does not exist" }).optional(),
  cursor: z.string().max(200, { error: "The cursor is not valid: pass the nextCursor of the previous page as it was." }).optional(),
  limit: z.coerce.number({ error: `Give limit as a number from 1 to ${PAGE_MAX}` }).int({ error: `Give limit as a number from 1 to ${PAGE_MAX}` }).min(1, { error: `Give limit as a number from 1 to ${PAGE_MAX}` }).max(PAGE_MAX, { error: `Give limit as a number from 1 to ${PAGE_MAX}` }).default(100),
});

type Page = (scope: { organizationId: string; jobId?: string }, range: { from?: Date }, after: Cursor | undefined, take: number) => Promise<Array<{ at: Date; id: string }>>;

function readRoute(page: Page, allowJob: boolean) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      const { organizationId } = await organizationOfToken(req.headers.get("authorization"));
      const raw = Object.fromEntries(req.nextUrl.searchParams);
      const parsed = Query.safeParse(raw);
      if (!parsed.success) throw fromZod(parsed.error);
      const { since, job, cursor, limit } = parsed.data;
      if (job && !allowJob) throw new AppError(400, "bad_request", "This list has no job filter: decisions are read for the whole organization.");
      if (job) await jobOr404({ organizationId }, job, { id: true });
      const rows = await page({ organizationId, ...(job ? { jobId: job } : {}) }, since ? { from: new Date(since) } : {}, cursor ? decodeCursor(cursor) : undefined, limit);
      const last = rows.at(-1);
      return Response.json({ data: rows, nextCursor: rows.length === limit && last ? encodeCursor({ at: last.at, id: last.id }) : null }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const readResults = readRoute(versionsPage, true);
export const readDecisions = readRoute(decisionsPage, false);

/** Every method but GET: the API is read-only whatever the token. */
export function readOnly(): Response {
  return Response.json({ error: { code: "method_not_allowed", message: "This API is read-only: only GET is allowed." } }, { status: 405, headers: { allow: "GET" } });
}
