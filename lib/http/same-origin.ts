import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * Cross-site request forgery defence for the routes a signed-in browser calls. The session cookie is
 * SameSite=Lax, which still lets a page on a sibling origin (another subdomain of the same site) post
 * with it, and a `text/plain` or form post needs no CORS preflight. So a state-changing request must:
 *
 * - come from this app: `Sec-Fetch-Site` is not `cross-site`/`same-site`, and an `Origin`, when sent,
 *   is this request's own origin or `APP_URL`'s (the public address behind a proxy); requests without
 *   either header are not from a browser, so carry no one's ambient cookie;
 * - for JSON routes, declare `Content-Type: application/json`, which a cross-origin page can only send
 *   after a CORS preflight that this app never answers.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

function allowedOrigins(req: Request): Set<string> {
  const origins = new Set([new URL(config().appUrl).origin, new URL(req.url).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(/:$/, "");
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

/** Throws a 403 when the request was sent by a page of another origin. */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new AppError(403, "cross_site", "Requests from other sites are not accepted. Use the app's own pages.");
  }
  const origin = req.headers.get("origin");
  if (origin !== null && !allowedOrigins(req).has(origin)) {
    throw new AppError(403, "cross_site", "Requests from other sites are not accepted. Use the app's own pages.");
  }
}

/** Throws a 415 unless the request declares a JSON body. */
export function assertJsonContentType(req: Request): void {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError(415, "unsupported_media_type", "Send the request as JSON with the header Content-Type: application/json");
  }
}

/** The checks every state-changing JSON route makes before it reads the session. */
export function assertStateChangingJsonRequest(req: Request): void {
  if (isSafeMethod(req.method)) return;
  assertSameOrigin(req);
  assertJsonContentType(req);
}
