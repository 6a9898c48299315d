import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and pg-boss/pg use Node APIs: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pg", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
};

export default nextConfig;
