import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, BASE_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and pg-boss/pg use Node APIs: keep them out of the bundle.
  // pdf.js (inside pdf-parse) loads its worker and fonts from its own package folder at run time.
  // @node-rs/argon2 loads its prebuilt native binary (a per-platform package) at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pg", "@prisma/schema-engine-wasm", "pdf-parse", "pdfjs-dist", "mammoth", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole project, tests and scripts included) runs in CI before the
  // build and before every commit; checking again here was 40 % of a first start's build (21–28 s of
  // 52–59 s on two busy cores). Next 16's build no longer lints.
  typescript: { ignoreBuildErrors: true },
  // Pages get their nonce-based policy (and HSTS over https) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...BASE_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
