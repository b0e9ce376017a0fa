/**
 * Validates the learning content and prints its coverage.
 * Usage: npm run content:check [-- --only 1-1-recherche-veille.json]
 */
import { readContentFiles } from "../lib/content-source/read-content-files";
import { validateContent } from "../lib/domain/learning-content/validate-content";
import { computeContentStats } from "../lib/domain/learning-content/content-stats";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const { raw, mediaExists } = readContentFiles();
if (only) raw.competences = raw.competences.filter((c) => c.file === only);
const { content, problems } = validateContent(raw, mediaExists);
const relevant = only ? problems.filter((p) => !p.message.startsWith("fichier de compétence manquant")) : problems;
for (const p of relevant) console.log(`✗ ${p.where} : ${p.message}`);
if (content) console.log(JSON.stringify(computeContentStats(content), null, 2));
console.log(relevant.length === 0 ? "Contenu valide." : `${relevant.length} problème(s).`);
process.exit(relevant.length === 0 ? 0 : 1);
