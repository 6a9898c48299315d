import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the CLI here; migrations go through scripts/db.ts
// (Prisma's schema engine as WebAssembly), so no datasource URL is needed by the CLI.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
