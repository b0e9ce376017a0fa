/**
 * Calibrates the adaptive engine's model from the answers in the database (docs/adr/0011-mastery-posterior.md).
 *   npm run engine:calibrate                     prints the parameters the answers support and the items that
 *                                                do not behave as their level says (worst first)
 *   npm run engine:calibrate -- --ecrire         also writes lib/domain/assessment/parameters.json (to review
 *                                                and commit like code: same answers ⇒ same questions)
 * Options: --min-reponses 5000 (below, nothing is written), --signalements 30 (items listed).
 * Database: DATABASE_URL, else the one of a running `npm run dev`, else the embedded development database.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDevDatabase } from "./setup/dev-database";

const { values } = parseArgs({
  options: {
    ecrire: { type: "boolean", default: false },
    "min-reponses": { type: "string", default: "5000" },
    signalements: { type: "string", default: "30" },
  },
});
// A mistyped number (« 5k », « 5 000 ») would be NaN: every comparison with the floor false, --ecrire would write.
for (const option of ["min-reponses", "signalements"] as const) {
  if (!/^\d+$/.test(values[option])) {
    console.error(`✗ --${option} attend un nombre entier (par exemple ${option === "min-reponses" ? "5000" : "30"}), pas « ${values[option]} ».`);
    process.exit(1);
  }
}
const minimumAnswers = Number(values["min-reponses"]);
const listed = Number(values.signalements);

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { unsafeCampaignTargetSkills, unsafeCompletedTestResponses } = await import("../lib/db/queries/item-responses");
  const { calibrateParameters } = await import("../lib/domain/assessment/calibration/calibrate-parameters");
  const { itemFit } = await import("../lib/domain/assessment/calibration/item-fit");
  const { ENGINE_PARAMETERS, engineParametersSchema } = await import("../lib/domain/assessment/engine-parameters");
  type Pupil = Parameters<typeof calibrateParameters>[0]["pupils"][number];

  const pupils: Pupil[] = [];
  for await (const batch of unsafeCompletedTestResponses()) {
    const skillsByCampaign = await unsafeCampaignTargetSkills([...new Set(batch.map((test) => test.campaignId))]);
    for (const test of batch) {
      pupils.push({
        targetSkills: skillsByCampaign.get(test.campaignId) ?? [],
        answers: test.answers.map((a) => ({ challengeId: a.challengeId, skillId: a.skillId, isSuccess: a.result === "OK" })),
      });
    }
  }
  const answers = pupils.reduce((total, pupil) => total + pupil.answers.length, 0);
  console.log(`${pupils.length} tests terminés, ${answers} réponses.`);
  if (answers > 0 && answers < minimumAnswers) {
    console.log(`⚠ Moins de ${minimumAnswers} réponses : l'estimation ci-dessous n'est qu'indicative, trop incertaine pour remplacer les paramètres (--ecrire la refusera).`);
  }
  if (answers === 0) {
    console.log("Aucune réponse : rien à calibrer.");
  } else {
    const started = performance.now();
    const result = calibrateParameters({ pupils, initial: ENGINE_PARAMETERS });
    const format = (p: typeof result.parameters) =>
      `inattention (slip) ${p.slip.toFixed(3)}, chance (guess) ${p.guess.toFixed(3)}, dispersion des sujets ${p.tubeSpread.toFixed(2)}, ` +
      `niveau a priori : référence ${p.levelPrior.offsetFromReference >= 0 ? "+" : ""}${p.levelPrior.offsetFromReference.toFixed(2)}, écart-type ${p.levelPrior.standardDeviation.toFixed(2)}`;
    console.log(`Paramètres actuels (${ENGINE_PARAMETERS.version}) : ${format(ENGINE_PARAMETERS)}`);
    console.log(`Paramètres estimés : ${format(result.parameters)}`);
    console.log(`Log-vraisemblance ${result.logLikelihood.toFixed(1)}, ${result.iterations} tours d'EM${result.converged ? "" : " (non convergé)"}, ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const fits = itemFit({ pupils, parameters: engineParametersSchema.parse({ ...ENGINE_PARAMETERS, ...result.parameters }) });
    const flagged = fits.filter((fit) => fit.flag !== null);
    console.log(`\nÉpreuves dont la difficulté ne correspond pas au niveau (${flagged.length} sur ${fits.length} épreuves répondues) :`);
    for (const fit of flagged.slice(0, listed)) {
      console.log(
        `  ${fit.challengeId} — niveau ${fit.level}, se comporte comme un niveau ${fit.effectiveLevel.toFixed(2)} (${fit.flag === "TROP_FACILE" ? "trop facile" : "trop difficile"}) : ` +
          `${fit.successes}/${fit.attempts} réussites, ${fit.expectedSuccesses.toFixed(1)} attendues`,
      );
    }

    if (values.ecrire) {
      if (answers < minimumAnswers || !result.converged) {
        console.error(`\n✗ Fichier non écrit : ${answers < minimumAnswers ? `moins de ${minimumAnswers} réponses` : "l'estimation n'a pas convergé"}.`);
        process.exitCode = 1;
      } else {
        const file = path.join("lib", "domain", "assessment", "parameters.json");
        const parameters = engineParametersSchema.parse({
          version: `calibre-${new Date().toISOString().slice(0, 10)}`,
          source: `Estimés par npm run engine:calibrate sur ${answers} réponses de ${pupils.length} tests terminés (maximum de vraisemblance, EM).`,
          ...result.parameters,
        });
        writeFileSync(file, `${JSON.stringify(parameters, null, 2)}\n`);
        console.log(`\n✓ ${file} écrit : relisez-le et committez-le ; le banc (npx tsx bench/adaptive/run.ts) dit ce qu'il change.`);
      }
    }
  }
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  await database.close();
}
// A refusal must fail the command (a CI step or a shell script checks it), whatever the libraries left open.
process.exit(process.exitCode ?? 0);
