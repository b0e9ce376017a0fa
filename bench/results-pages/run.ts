/**
 * Server time of the teacher's Résultats, Analyse (and its « Questions » view) and Activité tabs on the 10,000-participation campaign
 * made by bench/results-export/generate.ts (run that first, `--tailles 10000` is enough), and of the same tabs of
 * its 10,000-profile « Collecter les profils » campaign: every query a tab's page runs (access check, header, list,
 * filters, help panel), as the page runs them, after the session is read. Prints the median and worst of several
 * runs per case, and the peak RSS. Target: ≤ 300 ms each.
 *   npx tsx --conditions=react-server bench/results-pages/run.ts [--participants 10000] [--runs 7]
 */
import { startRssSampler } from "../support/rss-sampler";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { BENCH_COLLECTION_NAME, BENCH_DATABASE, BENCH_TEACHER_EMAIL, benchCampaignName } from "../results-export/bench-data";

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
const { resultsList, activityStats, dailyActivity, campaignDivisions } = await import("../../lib/db/queries/campaign-results");
const { campaignParticipants } = await import("../../lib/db/queries/campaign-activity");
const { campaignDetails } = await import("../../lib/db/queries/campaign-list");
const { campaignMissingLearners } = await import("../../lib/db/queries/campaign-missing-learners");
const { stagesOfCampaign } = await import("../../lib/db/repositories/results-repository");
const { campaignAnalysis } = await import("../../lib/use-cases/campaigns/campaign-analysis");
const { campaignQuestions } = await import("../../lib/use-cases/campaigns/campaign-questions");
const { readableCampaign } = await import("../../lib/use-cases/campaigns/manage-campaign");
const { collectionResultsList, collectionStats, profileDetail } = await import("../../lib/db/queries/profiles-collection-results");
const { frameworkCompetences } = await import("../../lib/db/queries/pix-profile");
const { profilesCollectionAnalysis } = await import("../../lib/use-cases/campaigns/profiles-collection-analysis");

const sampler = startRssSampler();

try {
  const campaign = await db.campaign.findFirst({ where: { name: benchCampaignName(participants) }, select: { id: true } });
  if (!campaign) throw new Error(`Campagne « ${benchCampaignName(participants)} » absente : lancez d'abord npx tsx bench/results-export/generate.ts`);
  const collection = await db.campaign.findFirst({ where: { name: BENCH_COLLECTION_NAME }, select: { id: true } });
  if (!collection) throw new Error(`Campagne « ${BENCH_COLLECTION_NAME} » absente : relancez npx tsx bench/results-export/generate.ts`);
  const teacher = await db.user.findFirstOrThrow({ where: { email: BENCH_TEACHER_EMAIL }, select: { id: true } });
  type Filter = Parameters<typeof resultsList>[1];
  const header = async (campaignId = campaign.id) => {
    const access = await readableCampaign(teacher.id, campaignId);
    await campaignDetails(access.id);
    return access;
  };
  // The same pages for the profiles collection (app/(orga)/orga/campagnes/[id]/…: profiles-results, profiles-analysis, profile-detail).
  type ProfileFilter = Parameters<typeof collectionResultsList>[1];
  const profilesPage = (filter: ProfileFilter) => async () => {
    const access = await header(collection.id);
    await campaignDetails(access.id);
    await Promise.all([collectionResultsList(access.id, filter), campaignDivisions(access.id), campaignMissingLearners(access, filter.division)]);
  };
  const noProfileFilter: ProfileFilter = { search: "", division: null, certifiable: null, sort: "nom", page: 1 };
  const someProfile = await db.participation.findFirstOrThrow({ where: { campaignId: collection.id, isLatestShared: true }, select: { id: true } });
  // The Résultats page: layout header, then its own queries (as app/(orga)/orga/campagnes/[id]/resultats/page.tsx).
  const resultsPage = (filter: Filter) => async () => {
    const access = await header();
    await campaignDetails(access.id);
    await stagesOfCampaign(access.id);
    await Promise.all([resultsList(access.id, filter), campaignDivisions(access.id), campaignMissingLearners(access, filter.division)]);
  };
  const none: Filter = { search: "", stage: null, division: null, sort: "nom", page: 1 };
  const cases: [string, () => Promise<unknown>][] = [
    ["Résultats, page 1 (tri par nom)", resultsPage(none)],
    ["Résultats, page 100 (tri par résultat)", resultsPage({ ...none, sort: "resultat", page: 100 })],
    ["Résultats, recherche « mar »", resultsPage({ ...none, search: "mar" })],
    ["Résultats, filtre palier 2", resultsPage({ ...none, stage: 2 })],
    ["Résultats, filtre classe « 4e B »", resultsPage({ ...none, division: "4e B" })],
    ["Analyse (sujets + compétences)", async () => campaignAnalysis((await header()).id)],
    ["Analyse › Questions (par sujet, page 1)", async () => campaignQuestions((await header()).id, "sujet", 1)],
    ["Analyse › Questions (réussite croissante, page 2)", async () => campaignQuestions((await header()).id, "reussite-croissante", 2)],
    ["Activité (cartes, graphique, participants)", async () => {
      const access = await header();
      await Promise.all([campaignParticipants(access.id, {}), activityStats(access.id), dailyActivity(access.id), campaignDivisions(access.id)]);
    }],
    ["Collecte : Résultats, page 1 (tri par nom)", profilesPage(noProfileFilter)],
    ["Collecte : Résultats, page 100 (tri par score)", profilesPage({ ...noProfileFilter, sort: "pix", page: 100 })],
    ["Collecte : Résultats, certifiables, classe 4e B", profilesPage({ ...noProfileFilter, certifiable: true, division: "4e B" })],
    ["Collecte : Analyse (niveaux par compétence)", async () => profilesCollectionAnalysis((await header(collection.id)).id)],
    ["Collecte : Activité (cartes, graphique, participants)", async () => {
      const access = await header(collection.id);
      await Promise.all([campaignParticipants(access.id, {}), activityStats(access.id), collectionStats(access.id), dailyActivity(access.id), campaignDivisions(access.id)]);
    }],
    ["Collecte : profil d'un élève", async () => {
      const access = await header(collection.id);
      await Promise.all([profileDetail(access.id, someProfile.id), frameworkCompetences()]);
    }],
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
    console.log(`${label.padEnd(56)} médiane ${median.toFixed(0).padStart(4)} ms, pire ${worst.toFixed(0).padStart(4)} ms ${worst <= TARGET_MS ? "✓" : "✗"} (objectif ≤ ${TARGET_MS} ms)`);
  }
  console.log(`Mémoire (RSS) maximale : ${(sampler.stop() / 1024 / 1024).toFixed(0)} Mo`);
} finally {
  sampler.stop();
  await db.$disconnect();
  await database.stop();
}
