import { startEmbeddedPostgres, type RunningDatabase } from "../../scripts/db/embedded-postgres";
import { prepareDatabase } from "../../scripts/setup/prepare-database";

let database: RunningDatabase | undefined;

/** A real PostgreSQL for the integration suite, fresh at every run, with migrations and content. */
export async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  database = process.env.TEST_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ name: "test", database: "pix_test", fresh: true, quiet: true });
  const url = process.env.TEST_DATABASE_URL ?? database!.url;
  await prepareDatabase(url, { demo: false });
  provide("databaseUrl", url);
}

export async function teardown() {
  await database?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
