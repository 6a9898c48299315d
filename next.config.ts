import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and pg-boss/pg use Node APIs: keep them out of the bundle.
  // pdf.js (inside pdf-parse) loads its worker and fonts from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pg", "@prisma/schema-engine-wasm", "pdf-parse", "pdfjs-dist", "mammoth"],
  poweredByHeader: false,
};

export default nextConfig;
