import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig, proxy } from "@/proxy";

const directives = (policy: string | null) => new Map((policy ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("security headers", () => {
  it("a page gets a fresh nonce in its CSP, on the response and on the request Next renders with", () => {
    const first = proxy(new NextRequest("http://localhost:3000/jobs"));
    const second = proxy(new NextRequest("http://localhost:3000/jobs"));
    const policy = first.headers.get("content-security-policy");
    const csp = directives(policy);
    const nonce = csp.get("script-src")!.find((v) => v.startsWith("'nonce-"))!;
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(csp.get("script-src")).toEqual(["'self'", nonce, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("style-src")).toEqual(["'self'", nonce]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // Next reads the nonce from the forwarded request's headers while rendering.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce.slice("'nonce-".length, -1));
  });

  it("HSTS and upgrade-insecure-requests only over https (directly or behind a proxy that says so)", () => {
    const plain = proxy(new NextRequest("http://localhost:3000/login"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(directives(plain.headers.get("content-security-policy")).has("upgrade-insecure-requests")).toBe(false);
    for (const req of [new NextRequest("https://screening.example.com/login"), new NextRequest("http://10.0.0.5:3000/login", { headers: { "x-forwarded-proto": "https" } })]) {
      const res = proxy(req);
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(directives(res.headers.get("content-security-policy")).has("upgrade-insecure-requests")).toBe(true);
    }
  });

  it("pages go through the proxy; API routes and static files do not", () => {
    const source = new RegExp(`^${(proxyConfig.matcher[0] as { source: string }).source}$`);
    for (const path of ["/", "/login", "/jobs/abc", "/settings/ats"]) expect(source.test(path), path).toBe(true);
    for (const path of ["/api/webhooks/lever/x", "/api/health", "/_next/static/chunks/a.js", "/favicon.ico"]) expect(source.test(path), path).toBe(false);
  });

  it("every response gets nosniff, a referrer policy and no framing; API responses a policy that allows nothing", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!.headers;
    expect(Object.fromEntries(all.map((h) => [h.key, h.value]))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
    });
    const api = rules.find((r) => r.source === "/api/:path*")!.headers;
    expect(api).toEqual([{ key: "Content-Security-Policy", value: expect.stringMatching(/^sandbox; default-src 'none'; frame-ancestors 'none'/) }]);
  });
});
