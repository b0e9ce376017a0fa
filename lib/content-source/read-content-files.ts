import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RawContent } from "../domain/learning-content/validate-content";

/** Reads the learning-content source files from the repository (Node only). */
export function readContentFiles(root = process.cwd()): { raw: RawContent; mediaExists: (url: string) => boolean } {
  // LEARNING_CONTENT_DIR lets an author try another copy of the content (defaults to the repository's).
  const dir = process.env.LEARNING_CONTENT_DIR ?? path.join(root, "prisma", "learning-content");
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const framework = read("framework.json") as { competences?: { file: string }[] };
  const competences = (framework.competences ?? [])
    .filter(({ file }) => existsSync(path.join(dir, "competences", file)))
    .map(({ file }) => ({ file, data: read(path.join("competences", file)) }));
  const profilesFile = path.join(dir, "target-profiles.json");
  const targetProfiles = existsSync(profilesFile) ? read("target-profiles.json") : undefined;
  const publicDir = path.join(root, "public");
  return {
    raw: { framework, competences, targetProfiles },
    mediaExists: (url) => existsSync(path.join(publicDir, url)),
  };
}
