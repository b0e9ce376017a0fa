/**
 * Server time of the teacher's Résultats and Analyse tabs on the 10,000-participation campaign made by
 * bench/results-export/generate.ts (run that first). Prints the median and worst of several runs per
 * query, and the peak RSS. Target: ≤ 300 ms each.
 *   npx tsx --conditions=react-server bench/results-pages/run.ts [--participants 10000] [--runs 7]
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { BENCH_DATABASE, benchCampaignName } from "../results-export/generate";

const TARGET_MS = 300;
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const participants = argument("participants", 10_000);
const runs = argument("runs", 7);

const database = await startEmbeddedPostgres({ ...BENCH_DATABASE, quiet: true });
process.env.DATABASE_URL = database.url;
const { db } = await import("../../lib/db/client");
const { resultsList, activityStats, dailyActivity } = await import("../../lib/db/queries/campaign-results");
const { campaignAnalysis } = await import("../../lib/use-cases/campaigns/campaign-analysis");

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);

try {
  const campaign = await db.campaign.findFirst({ where: { name: benchCampaignName(participants) }, select: { id: true } });
  if (!campaign) throw new Error(`Campagne « ${benchCampaignName(participants)} » absente : lancez d'abord npx tsx bench/results-export/generate.ts`);
  const cases: [string, () => Promise<unknown>][] = [
    ["Résultats, page 1 (tri par nom)", () => resultsList(campaign.id, { search: "", stage: null, division: null, sort: "nom", page: 1 })],
    ["Résultats, page 100 (tri par résultat)", () => resultsList(campaign.id, { search: "", stage: null, division: null, sort: "resultat", page: 100 })],
    ["Résultats, recherche « mar »", () => resultsList(campaign.id, { search: "mar", stage: null, division: null, sort: "nom", page: 1 })],
    ["Résultats, filtre palier 2", () => resultsList(campaign.id, { search: "", stage: 2, division: null, sort: "nom", page: 1 })],
    ["Analyse (sujets + compétences)", () => campaignAnalysis(campaign.id)],
    ["Activité (cartes + graphique)", () => Promise.all([activityStats(campaign.id), dailyActivity(campaign.id)])],
  ];
  console.log(`Campagne de ${participants} participations partagées, ${runs} mesures par requête (la première réchauffe les caches).`);
  for (const [label, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = performance.now();
      await run();
      if (i > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const worst = times[times.length - 1];
    console.log(`${label.padEnd(42)} médiane ${median.toFixed(0).padStart(4)} ms, pire ${worst.toFixed(0).padStart(4)} ms ${worst <= TARGET_MS ? "✓" : "✗"} (objectif ≤ ${TARGET_MS} ms)`);
  }
  console.log(`Mémoire (RSS) maximale : ${(peakRss / 1024 / 1024).toFixed(0)} Mo`);
} finally {
  clearInterval(sampler);
  await db.$disconnect();
  await database.stop();
}
