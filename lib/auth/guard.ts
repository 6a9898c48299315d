import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { AppError, forbidden, notFound, toAppError, unauthorized } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertStateChangingJsonRequest } from "@/lib/http/same-origin";
import { log } from "@/lib/log";
import { auth } from "./index";
import { requireRouteAccess } from "./job-access";
import { isAdminRole } from "./roles";
import type { OrgContext } from "./context";

export const ORG_COOKIE = "org";

export type { OrgContext };

export { isAdminRole };

export async function currentUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}

/**
 * The organization and role of the signed-in user, always from the session and the database; the
 * request body never chooses the organization. The `org` cookie only picks among the user's own
 * memberships (users in several organizations switch with it).
 */
export async function getOrgContext(): Promise<OrgContext | null> {
  const userId = await currentUserId();
  if (!userId) return null;
  const prisma = await db();
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { organization: true, user: true },
    orderBy: { createdAt: "asc" },
  });
  if (memberships.length === 0) return null;
  const chosen = (await cookies()).get(ORG_COOKIE)?.value;
  const m = memberships.find((x) => x.organizationId === chosen) ?? memberships[0]!;
  return {
    userId,
    userEmail: m.user.email,
    organizationId: m.organizationId,
    organizationName: m.organization.name,
    role: m.role,
  };
}

export async function requireOrgContext(options: { admin?: boolean; action?: string } = {}): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) throw unauthorized();
  if (options.admin && !isAdminRole(ctx.role)) {
    throw forbidden(`Only organization owners and admins can ${options.action ?? "do this"}. Ask an admin of ${ctx.organizationName}.`);
  }
  return ctx;
}

/**
 * An error as an answer: JSON for the app's own calls, or `plain` text for a page the browser opens
 * itself (a file in a new tab), which would otherwise show a person raw JSON.
 */
export function errorResponse(error: unknown, { plain = false }: { plain?: boolean } = {}): Response {
  const appError = toAppError(error);
  if (appError) {
    if (appError.code === "database_unavailable") log.warn("database unavailable; answered 503", { error });
    if (plain) return plainError(appError.status, appError.message, appError.retryAfterSeconds);
    return Response.json(
      { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
      {
        status: appError.status,
        headers: appError.retryAfterSeconds ? { "retry-after": String(appError.retryAfterSeconds) } : undefined,
      },
    );
  }
  log.error("unhandled error in route", { error });
  if (plain) return plainError(500, "Something went wrong. Please try again.");
  return Response.json({ error: { code: "internal", message: "Something went wrong. Please try again." } }, { status: 500 });
}

function plainError(status: number, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" };
  if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
  return new Response(`${message}\n`, { status, headers });
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: refuses cross-site and non-JSON state-changing requests (see
 * lib/http/same-origin), resolves the organization from the session, checks the role, and maps
 * errors to JSON. Handlers look rows up with `organizationId: org.organizationId` and answer 404 for
 * anything outside it. A `jobId` or `candidateId` in the route's params is checked here, before the
 * handler runs: a confidential job the member may not see is a 404 on every route that names it.
 */
export function withOrganization<P = Record<string, string>>(
  handler: (req: NextRequest, ctx: { org: OrgContext; params: P }) => Promise<Response>,
  options: { admin?: boolean; action?: string; plainErrors?: boolean } = {},
) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    try {
      assertStateChangingJsonRequest(req);
      const org = await requireOrgContext(options);
      const params = await route.params;
      await requireRouteAccess(org, params);
      return await handler(req, { org, params });
    } catch (error) {
      return errorResponse(error, { plain: options.plainErrors });
    }
  };
}

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; status: number; fieldErrors?: Record<string, string[]> };

/** The same guard for server actions; errors become a result the form can show. */
export async function orgAction<T>(
  options: { admin?: boolean; action?: string },
  fn: (org: OrgContext) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    const org = await requireOrgContext(options);
    return await fn(org);
  } catch (error) {
    return actionError(error);
  }
}

export function actionError(error: unknown): { ok: false; error: string; status: number; fieldErrors?: Record<string, string[]> } {
  if (error instanceof Error && "digest" in error && String((error as { digest?: unknown }).digest).startsWith("NEXT_")) {
    throw error; // redirect() and notFound() travel as errors
  }
  const appError = toAppError(error);
  if (appError) return { ok: false, error: appError.message, status: appError.status, fieldErrors: appError.fieldErrors };
  log.error("unhandled error in action", { error });
  return { ok: false, error: "Something went wrong. Please try again.", status: 500 };
}

export { AppError, notFound };
