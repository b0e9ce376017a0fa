/** Which template the bench's data come from: regenerated when the migrations, the content or the generator change. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readMigrationsList } from "../../scripts/db/migrations-folder";
import { TEMPLATE_STAMP_FILE } from "./settings";

/** Bump when the generated data change shape: older templates are then regenerated. */
export const GENERATOR_VERSION = 3;

/** `campaigns`: the number of load campaigns generated (stamps written before 07/12 (13) lack it). */
export type TemplateStamp = { version: number; pupils: number; campaigns?: number; fingerprint: string; generatedAt: string };

export function templateFingerprint(): string {
  const hash = createHash("sha256");
  for (const m of readMigrationsList().migrationDirectories) hash.update(m.path).update(m.migrationFile.content.value);
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of files(path.join("prisma", "learning-content")).sort()) hash.update(file).update(readFileSync(file));
  return `${GENERATOR_VERSION}:${hash.digest("hex").slice(0, 16)}`;
}

export function readTemplateStamp(): TemplateStamp | null {
  try {
    return JSON.parse(readFileSync(TEMPLATE_STAMP_FILE, "utf8")) as TemplateStamp;
  } catch {
    return null;
  }
}

/**
 * The sweep's header line naming the load it ran on: generator version, pupils and campaigns of the template, its
 * fingerprint (migrations and content) and when it was generated, so that a result file says which data it measured.
 */
export function templateLine(stamp: TemplateStamp | null): string {
  if (!stamp) return "Base modèle : aucune (pas de template.json)";
  const campaigns = stamp.campaigns === undefined ? "campagnes non notées" : `${stamp.campaigns} campagnes`;
  return `Base modèle : générateur v${stamp.version}, ${stamp.pupils} élèves × ${campaigns}, empreinte ${stamp.fingerprint}, générée le ${stamp.generatedAt}`;
}
