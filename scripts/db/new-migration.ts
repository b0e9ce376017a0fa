/**
 * Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema
 * of the last migration (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
 * Usage: npm run db:new-migration -- <name>
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withSchemaEngine } from "./schema-engine";
import { MIGRATIONS_DIR } from "./migrations-folder";
import { startEmbeddedPostgres } from "./embedded-postgres";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage : npm run db:new-migration -- <nom>");
  process.exit(1);
}
const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
const snapshotPath = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const schema = readFileSync(schemaPath, "utf8");
const from = existsSync(snapshotPath)
  ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readFileSync(snapshotPath, "utf8") }] }
  : { tag: "empty" };

let sql = "";
// The engine connects when it starts, even for a diff between two schema texts: give it a scratch server.
const scratch = await startEmbeddedPostgres({ name: "scratch", database: "scratch", quiet: true });
try {
  const result = await withSchemaEngine(scratch.url, schema, (engine) =>
    engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  sql = result.stdout ?? "";
} finally {
  await scratch.stop();
}
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("Aucune différence entre le schéma et la dernière migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
writeFileSync(snapshotPath, schema);
if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
  writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Migration créée : ${path.relative(process.cwd(), dir)}/migration.sql`);
