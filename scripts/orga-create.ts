/**
 * Operators: creates an establishment and invites its first correspondent (ADMIN) by e-mail.
 * npm run orga:create -- --nom "Collège Victor Hugo" --uai 0751234A --type SCO --email ce.0751234a@ac-paris.fr
 *                        [--niveau college|lycee|lycee-pro|superieur|autre] [--admin correspondant@ac-paris.fr] [--gere-eleves]
 * Without --niveau, the kind of school is guessed from the type and the name (printed; orga:niveau corrects it).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { ESTABLISHMENT_KIND_LABELS, ESTABLISHMENT_KIND_OPTIONS } from "../lib/domain/establishments/establishment-kind";
import { openDevDatabase } from "./setup/dev-database";

const { values } = parseArgs({
  options: {
    nom: { type: "string" },
    uai: { type: "string" },
    type: { type: "string", default: "SCO" },
    email: { type: "string" },
    admin: { type: "string" },
    niveau: { type: "string" },
    "gere-eleves": { type: "boolean", default: false },
  },
});

const input = z
  .object({
    nom: z.string({ error: "--nom est obligatoire" }).trim().min(2, "--nom : au moins 2 caractères"),
    uai: z.string().trim().toUpperCase().regex(/^\d{7}[A-Z]$/, "--uai : 7 chiffres et une lettre (ex. 0751234A)").optional(),
    type: z.enum(["SCO", "SUP", "PRO"], { error: "--type : SCO, SUP ou PRO" }),
    email: z.string({ error: "--email (adresse de contact) est obligatoire" }).trim().toLowerCase().pipe(z.email("--email : adresse invalide")),
    admin: z.string().trim().toLowerCase().pipe(z.email("--admin : adresse invalide")).optional(),
    niveau: z.enum(Object.keys(ESTABLISHMENT_KIND_OPTIONS) as [string, ...string[]], { error: `--niveau : ${Object.keys(ESTABLISHMENT_KIND_OPTIONS).join(", ")}` }).optional(),
    "gere-eleves": z.boolean(),
  })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`✗ ${issue.message}`);
  process.exit(1);
}

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { createEstablishment } = await import("../lib/use-cases/establishments/create-establishment");
  const result = await createEstablishment({
    name: input.data.nom,
    uai: input.data.uai ?? null,
    type: input.data.type,
    kind: input.data.niveau ? ESTABLISHMENT_KIND_OPTIONS[input.data.niveau] : undefined,
    contactEmail: input.data.email,
    isManagingStudents: input.data["gere-eleves"],
    firstAdminEmail: input.data.admin ?? input.data.email,
  });
  console.log(`Établissement créé (id ${result.establishmentId}) : ${ESTABLISHMENT_KIND_LABELS[result.kind]}${input.data.niveau ? "" : " (déduit du type et du nom ; corrigez avec npm run orga:niveau)"}.`);
  console.log(`Invitation ADMIN envoyée à ${input.data.admin ?? input.data.email} : ${result.invitationLink}`);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  await database.close();
}
