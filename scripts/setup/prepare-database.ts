import { applyMigrations } from "../db/migrate";
import { importContentInto } from "../content-import";
import { createPrismaClient } from "../../lib/db/prisma-factory";
import { seedDemoSchool } from "../../lib/db/seed/demo-school";

/** Migrations, learning content and (optionally) the demo school: what a fresh database needs. */
export async function prepareDatabase(url: string, options: { demo: boolean; log?: (m: string) => void }): Promise<void> {
  const log = options.log ?? (() => {});
  const applied = await applyMigrations(url);
  log(applied.length ? `Migrations appliquées : ${applied.length}` : "Base à jour.");
  const ms = await importContentInto(url);
  log(`Contenu pédagogique importé (${(ms / 1000).toFixed(1)} s).`);
  if (options.demo) {
    const client = createPrismaClient(url, 2);
    let establishmentId: number;
    try {
      ({ establishmentId } = await seedDemoSchool(client));
      // Loaded here, not at the top: it pulls server-only modules (demo runs use --conditions=react-server).
      await (await import("../../lib/db/seed/demo-roster")).seedDemoRoster(client, establishmentId);
    } finally {
      await client.$disconnect();
    }
    // The demo campaigns go through the product's own use cases (run with --conditions=react-server).
    process.env.DATABASE_URL ??= url;
    const { seedDemoCampaigns } = await import("../../lib/db/seed/demo-campaigns");
    await seedDemoCampaigns(establishmentId);
    log("Établissement de démonstration prêt.");
  }
}
