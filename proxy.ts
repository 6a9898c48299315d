import { NextResponse, type NextRequest } from "next/server";
import { isHttps, pageContentSecurityPolicy, transportSecurityHeader } from "@/lib/http/security-headers";

/**
 * Pages get a fresh nonce per request in their Content-Security-Policy. Next reads the policy from
 * the request headers while rendering and puts the nonce on its scripts, which is why the header is
 * set on the forwarded request as well as on the response. Every page renders per request (the root
 * layout waits for the connection), so no prerendered page carries scripts without it.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = isHttps(request);
  const policy = pageContentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [key, value] of Object.entries(transportSecurityHeader(https))) response.headers.set(key, value);
  return response;
}

export const config = {
  // API routes and static files get their headers from next.config; prefetches need no nonce of their own.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
