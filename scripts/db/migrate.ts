/** Applies prisma/migrations to DATABASE_URL (same bookkeeping as `prisma migrate deploy`). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { withSchemaEngine } from "./schema-engine";
import { readMigrationsList } from "./migrations-folder";

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL manquant (npm run dev démarre la base embarquée et migre tout seul).");
    process.exit(1);
  }
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Base à jour : aucune migration à appliquer.");
}
