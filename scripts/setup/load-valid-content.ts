import { readContentFiles } from "../../lib/content-source/read-content-files";
import { validateContent, type ParsedContent } from "../../lib/domain/learning-content/validate-content";

/** Reads and validates the content files; refuses to go on with invalid content. */
export function loadValidContent(): ParsedContent {
  const { raw, mediaExists } = readContentFiles();
  const { content, problems } = validateContent(raw, mediaExists);
  const blocking = problems.filter((p) => p.message !== "fichier de compétence manquant");
  if (!content || blocking.length > 0) {
    const details = blocking.slice(0, 20).map((p) => `  ✗ ${p.where} : ${p.message}`).join("\n");
    throw new Error(`Contenu pédagogique invalide (npm run content:check pour le détail) :\n${details}`);
  }
  return content;
}
