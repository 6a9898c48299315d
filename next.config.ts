import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, BASE_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and pg-boss/pg use Node APIs: keep them out of the bundle.
  // pdf.js (inside pdf-parse) loads its worker and fonts from its own package folder at run time.
  // @node-rs/argon2 loads its prebuilt native binary (a per-platform package) at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pg", "@prisma/schema-engine-wasm", "pdf-parse", "pdfjs-dist", "mammoth", "@node-rs/argon2"],
  poweredByHeader: false,
  // Pages get their nonce-based policy (and HSTS over https) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...BASE_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
