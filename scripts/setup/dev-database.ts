import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningDatabase } from "../db/embedded-postgres";

const URL_FILE = path.join(".data", "dev-database-url");

export function recordDevDatabaseUrl(url: string): void {
  writeFileSync(URL_FILE, url);
}

export function forgetDevDatabaseUrl(): void {
  rmSync(URL_FILE, { force: true });
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * For operator commands: DATABASE_URL if set; else the database of a running `npm run dev`; else the
 * embedded development database, started for the command and stopped after it.
 */
export async function openDevDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  if (existsSync(URL_FILE)) {
    const url = readFileSync(URL_FILE, "utf8").trim();
    if (await answers(url)) return { url, close: async () => {} };
  }
  const database: RunningDatabase = await startEmbeddedPostgres({ name: "dev", database: "pix", quiet: true });
  return { url: database.url, close: () => database.stop() };
}
