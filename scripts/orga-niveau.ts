/**
 * Operators: corrects the kind of school of an establishment (it decides the parcours its teachers are offered)
 * and pre-creates the rentrée campaigns of its new kind.
 * npm run orga:niveau -- --uai 0751234A --niveau lycee-pro
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { ESTABLISHMENT_KIND_LABELS, ESTABLISHMENT_KIND_OPTIONS } from "../lib/domain/establishments/establishment-kind";
import { openDevDatabase } from "./setup/dev-database";

const { values } = parseArgs({ options: { uai: { type: "string" }, niveau: { type: "string" } } });
const input = z
  .object({
    uai: z.string({ error: "--uai est obligatoire" }).trim().toUpperCase().regex(/^\d{7}[A-Z]$/, "--uai : 7 chiffres et une lettre (ex. 0751234A)"),
    niveau: z.enum(Object.keys(ESTABLISHMENT_KIND_OPTIONS) as [string, ...string[]], { error: `--niveau : ${Object.keys(ESTABLISHMENT_KIND_OPTIONS).join(", ")}` }),
  })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`✗ ${issue.message}`);
  process.exit(1);
}

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { changeEstablishmentKind } = await import("../lib/use-cases/establishments/change-establishment-kind");
  const kind = ESTABLISHMENT_KIND_OPTIONS[input.data.niveau];
  const result = await changeEstablishmentKind({ uai: input.data.uai, kind });
  console.log(`${result.name} : ${ESTABLISHMENT_KIND_LABELS[kind]} (${result.rentreeCampaignsCreated} campagne(s) de rentrée ajoutée(s)).`);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  await database.close();
}
