import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/return-path";
import { isHttps, pageContentSecurityPolicy, transportSecurityHeader } from "@/lib/http/security-headers";

/**
 * Pages get a fresh nonce per request in their Content-Security-Policy. Next reads the policy from
 * the request headers while rendering and puts the nonce on its scripts, which is why the header is
 * set on the forwarded request as well as on the response. Every page renders per request (the root
 * layout waits for the connection), so no prerendered page carries scripts without it. Pages also
 * learn which path was asked for (layouts are not told): the app layout sends a signed-out visitor to
 * /login?next=<that path> so they come back to it after signing in.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttps(request);
  const policy = pageContentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", policy);
  forwarded.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [key, value] of Object.entries(transportSecurityHeader(https))) response.headers.set(key, value);
  return response;
}

export const config = {
  // API routes and static files get their headers from next.config; prefetches need no nonce of their own.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
