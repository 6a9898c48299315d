/**
 * Response headers that limit what a page can do if something hostile ever reaches it (a candidate's
 * name or résumé text is shown on many pages and comes from anyone who applies). Pure functions so
 * the proxy (pages) and next.config (everything else) share one definition.
 */

/** HSTS is only honoured over https; sent over http it would be ignored, so it is sent only then. */
const HSTS = "max-age=63072000; includeSubDomains";

/** Headers every response carries, pages and API alike. */
export const BASE_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links to Lever carry job and candidate ids in their path; other sites learn nothing of them.
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/**
 * JSON, redirects and files only: nothing in an API response may run, load or be framed. `sandbox`
 * also gives a file shown in the browser (a candidate's PDF résumé) an origin of its own, so even a
 * viewer's bug could not act as the signed-in user.
 */
export const API_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The pages' policy. Scripts run only with this response's nonce (Next puts it on its own scripts
 * when it finds it in the request's Content-Security-Policy header), and 'strict-dynamic' lets those
 * load the chunks they import. Style elements need the nonce too; style attributes stay allowed,
 * because progress bars set their width inline and an attribute cannot carry a nonce.
 * Development needs 'unsafe-eval' for React's error overlay.
 */
export function pageContentSecurityPolicy({ nonce, https, development = false }: { nonce: string; https: boolean; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function transportSecurityHeader(https: boolean): Record<string, string> {
  return https ? { "Strict-Transport-Security": HSTS } : {};
}
