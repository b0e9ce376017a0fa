/** Loads the learning content into DATABASE_URL (idempotent). Usage: npm run content:import */
import path from "node:path";
import { loadValidContent } from "./setup/load-valid-content";
import { importContent } from "../lib/db/content/import-content";
import { createPrismaClient } from "../lib/db/prisma-factory";

export async function importContentInto(databaseUrl: string): Promise<number> {
  const started = performance.now();
  const content = loadValidContent();
  const client = createPrismaClient(databaseUrl, 2);
  try {
    await importContent(client, content);
  } finally {
    await client.$disconnect();
  }
  return performance.now() - started;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL manquant.");
    process.exit(1);
  }
  const ms = await importContentInto(url);
  console.log(`Contenu pédagogique importé en ${(ms / 1000).toFixed(2)} s.`);
}
