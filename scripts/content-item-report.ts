/**
 * For content authors: how each question behaves in real tests and what pupils reported about it, worst first
 * (lib/domain/assessment/calibration/item-statistics.ts; issue 14.5 and « Signaler un problème »).
 *   npm run content:item-report                          flagged or reported questions, worst first
 *   npm run content:item-report -- --limite 100          how many questions to detail (30)
 *   npm run content:item-report -- --min-tentatives 50   answers before a question may be flagged (30)
 *   npm run content:item-report -- --tout                every answered question, flagged or not
 * Reads the answers of completed tests (the calibration's reader) and every problem report.
 * Database: DATABASE_URL, else the one of a running `npm run dev`, else the embedded development database.
 */
import { parseArgs } from "node:util";
import { openDevDatabase } from "./setup/dev-database";

/** Map.groupBy is Node 21+. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

const { values } = parseArgs({
  options: {
    limite: { type: "string", default: "30" },
    "min-tentatives": { type: "string", default: "30" },
    tout: { type: "boolean", default: false },
  },
});
const listed = Number(values.limite);
const minimumAttempts = Number(values["min-tentatives"]);
if (!Number.isInteger(listed) || listed < 1 || !Number.isInteger(minimumAttempts) || minimumAttempts < 1) {
  console.error("✗ --limite et --min-tentatives : des nombres entiers positifs.");
  process.exit(1);
}

const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { unsafeCampaignTargetSkills, unsafeCompletedTestResponses, unsafeProblemReports, challengesWithContext } = await import("../lib/db/queries/item-responses");
  const { firstAttempts, itemStatistics } = await import("../lib/domain/assessment/calibration/item-statistics");
  const text = await import("../lib/domain/content-quality/item-report-text");
  const { ENGINE_PARAMETERS } = await import("../lib/domain/assessment/engine-parameters");
  const { PROBLEM_CATEGORIES } = await import("../lib/domain/content-quality/problem-report");
  type Test = Parameters<typeof itemStatistics>[0]["tests"][number];
  type Key = Parameters<typeof itemStatistics>[0]["challenges"] extends ReadonlyMap<string, infer K> ? K : never;

  const started = performance.now();
  const tests: Test[] = [];
  for await (const batch of unsafeCompletedTestResponses()) {
    const skillsByCampaign = await unsafeCampaignTargetSkills([...new Set(batch.map((test) => test.campaignId))]);
    for (const test of batch) tests.push({ pupilId: test.userId, targetSkills: skillsByCampaign.get(test.campaignId) ?? [], answers: test.answers });
  }
  const reports = await unsafeProblemReports();
  const answeredIds = new Set(tests.flatMap((t) => t.answers.map((a) => a.challengeId)));
  const contexts = await challengesWithContext([...new Set([...answeredIds, ...reports.map((r) => r.challengeId)])]);
  const contextById = new Map(contexts.map((c) => [c.id, c]));
  const keys = new Map<string, Key>();
  for (const c of contexts) {
    const content = c.content as { type?: string; proposals?: unknown[]; solution?: number | number[] };
    const isChoice = content.type === "QCU" || content.type === "QCM";
    keys.set(c.id, { type: content.type ?? "?", proposalsCount: isChoice ? content.proposals?.length ?? null : null, solution: isChoice ? [content.solution ?? []].flat() : [] });
  }
  const statistics = itemStatistics({ tests, challenges: keys, parameters: ENGINE_PARAMETERS, minimumAttempts });
  const reportsByChallenge = groupBy(reports, (r) => r.challengeId);

  const answers = tests.reduce((total, t) => total + t.answers.length, 0);
  const counted = firstAttempts(tests).reduce((total, t) => total + t.answers.length, 0);
  console.log(text.summaryLine({ tests: tests.length, answers, repeatedAnswers: answers - counted, questions: answeredIds.size, reports: reports.length, reportedQuestions: reportsByChallenge.size }));
  console.log(text.methodLine(minimumAttempts));
  const flagCounts = new Map<string, number>();
  for (const s of statistics) for (const f of s.flags) flagCounts.set(f.kind, (flagCounts.get(f.kind) ?? 0) + 1);
  const FLAG_NAMES: Record<string, string> = { CLE_CHOISIE_PAR_LES_FAIBLES: "clé choisie par les plus faibles", DISCRIMINATION_NEGATIVE: "discrimination négative", TROP_FACILE: "trop facile pour son niveau", TROP_DIFFICILE: "trop difficile pour son niveau", DISTRACTEUR_DELAISSE: "distracteur délaissé" };
  console.log(`Signaux : ${flagCounts.size === 0 ? "aucun" : [...flagCounts].map(([kind, n]) => `${n} ${FLAG_NAMES[kind]}`).join(", ")}.`);
  const byCategory = groupBy(reports, (r) => r.category);
  if (reports.length > 0) console.log(`Signalements par motif : ${[...byCategory].map(([category, list]) => `${list.length} « ${PROBLEM_CATEGORIES[category]} »`).join(", ")}.`);

  // Worst first: the statistics' severity, then the number of reports; reported questions nobody finished a test on come last.
  const statsById = new Map(statistics.map((s) => [s.challengeId, s]));
  const ids = [...new Set([...statistics.map((s) => s.challengeId), ...reportsByChallenge.keys()])]
    .filter((id) => values.tout || (statsById.get(id)?.flags.length ?? 0) > 0 || reportsByChallenge.has(id))
    .sort((a, b) => (statsById.get(b)?.severity ?? 0) - (statsById.get(a)?.severity ?? 0) || (reportsByChallenge.get(b)?.length ?? 0) - (reportsByChallenge.get(a)?.length ?? 0) || a.localeCompare(b));
  console.log(`\n${text.listHeading(ids.length, listed)}`);
  for (const id of ids.slice(0, listed)) {
    const s = statsById.get(id);
    const c = contextById.get(id);
    console.log(`\n■ ${id}${c ? ` — ${c.skillName} (niveau ${c.level}), ${c.tubeTitle}, ${c.competenceIndex}` : " — épreuve absente du contenu"}`);
    if (s) {
      console.log(`  ${text.statisticsLine(s)}`);
      if (s.options) console.log(`  ${text.optionsLine(s.options)}`);
      for (const flag of s.flags) console.log(`  ⚠ ${flag.label}`);
    } else {
      console.log("  Aucune réponse dans un test terminé.");
    }
    const own = reportsByChallenge.get(id) ?? [];
    if (own.length > 0) {
      const counts = groupBy(own, (r) => r.category);
      console.log(`  ${text.reportsLine([...counts].map(([category, list]) => [PROBLEM_CATEGORIES[category], list.length] as const))}`);
      for (const report of own.filter((r) => r.comment).slice(-10)) console.log(`    « ${report.comment!.replace(/\s+/g, " ")} » (${report.createdAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })})`);
    }
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  await database.close();
}
process.exit(process.exitCode ?? 0);
