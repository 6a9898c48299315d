import { safeRedirectPath } from "./redirect";

/**
 * The page a signed-out visitor asked for travels to the sign-in page as `?next=`, so that a
 * candidate link (Lever notes carry them) opens the candidate after sign-in, not the jobs list.
 * proxy.ts copies each page request's path into this request header; the app layout, which only
 * knows it must send the visitor to sign in, reads it back. Only same-site paths survive.
 */
export const REQUEST_PATH_HEADER = "x-request-path";

export function signInPath(requestedPath: string | null | undefined): string {
  const next = safeRedirectPath(requestedPath, "");
  return next && next !== "/" && next !== "/jobs" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
