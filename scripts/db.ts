/**
 * npm run db:migrate            apply pending migrations (PGlite by default, DATABASE_URL when set)
 * npm run db:diff -- --name x   write the migration that takes prisma/migrations to schema.prisma
 * npm run db:seed               seed the demo organization (idempotent)
 */
import { parseArgs } from "node:util";
import { config } from "@/lib/config";
import { createPrisma, openDatabase } from "@/lib/db/client";
import { applyMigrations, pendingSchemaSql, writeMigration } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { name: { type: "string" } } });
  const database = await openDatabase(config().database);
  try {
    if (command === "migrate") {
      const applied = await applyMigrations(database.adapter);
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
    } else if (command === "diff") {
      if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) throw new Error("usage: npm run db:diff -- --name snake_case_name");
      // The diff replays migrations on a scratch PGlite: it does not depend on the target server.
      const scratch = await openDatabase({ kind: "pglite", dir: "memory://" });
      const sql = await pendingSchemaSql(scratch.adapter).finally(() => scratch.close());
      if (!sql) console.log("schema.prisma and prisma/migrations agree: nothing to write");
      else console.log(`Wrote ${await writeMigration(values.name, sql)}`);
    } else if (command === "seed") {
      await applyMigrations(database.adapter);
      const prisma = createPrisma(database);
      const result = await seedDemo(prisma);
      console.log(result.created ? "Seeded the demo organization" : "Demo organization already present");
      await prisma.$disconnect();
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate|diff|seed");
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
