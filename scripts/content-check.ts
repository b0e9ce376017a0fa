/**
 * Validates the learning content, runs the validity lints and prints the coverage.
 * Usage: npm run content:check [-- --only 1-1-recherche-veille.json] [-- --details]
 *        npm run content:stats   (the coverage figures and the lint figures, without failing)
 */
import { readContentFiles } from "../lib/content-source/read-content-files";
import { validateContent } from "../lib/domain/learning-content/validate-content";
import { computeContentStats } from "../lib/domain/learning-content/content-stats";
import { CONTENT_REVIEW_LANDED, lintContent, type LintResult } from "../lib/domain/learning-content/content-lints";

const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const statsOnly = args.includes("--stats");
const details = args.includes("--details");

const { raw, mediaExists } = readContentFiles();
if (only) raw.competences = raw.competences.filter((c) => c.file === only);
const { content, problems } = validateContent(raw, mediaExists);
const relevant = only ? problems.filter((p) => !p.message.startsWith("fichier de compétence manquant")) : problems;
for (const p of relevant) console.log(`✗ ${p.where} : ${p.message}`);

const MAX_LISTED = 25;
function printLint(lint: LintResult) {
  const mark = lint.ok ? "✓" : lint.severity === "error" ? "✗" : "⚠";
  console.log(`${mark} ${lint.title} — ${lint.figures[0]}`);
  for (const figure of lint.figures.slice(1)) console.log(`    ${figure}`);
  if (lint.ok) return;
  const listed = details ? lint.offenders : lint.offenders.slice(0, MAX_LISTED);
  for (const offender of listed) console.log(`    · ${offender}`);
  if (listed.length < lint.offenders.length) console.log(`    … et ${lint.offenders.length - listed.length} autre(s) (--details pour tout afficher)`);
}

let lintErrors = 0;
if (content) {
  if (statsOnly) console.log(JSON.stringify(computeContentStats(content), null, 2));
  const lints = lintContent(content);
  console.log(`\nContrôles de validité${CONTENT_REVIEW_LANDED ? "" : " (⚠ = avertissement tant que CONTENT_REVIEW_LANDED vaut false dans lib/domain/learning-content/content-lints.ts)"} :`);
  for (const lint of lints) printLint(lint);
  lintErrors = lints.filter((l) => !l.ok && l.severity === "error").length;
}
if (statsOnly) process.exit(0);
const failures = relevant.length + lintErrors;
console.log(failures === 0 ? "\nContenu valide." : `\n${relevant.length} problème(s), ${lintErrors} contrôle(s) de validité en erreur.`);
process.exit(failures === 0 ? 0 : 1);
