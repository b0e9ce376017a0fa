import "server-only";
import { competenceLevelCounts } from "../../db/queries/profiles-collection-results";
import { frameworkCompetences } from "../../db/queries/pix-profile";
import { competenceLevelDistributions } from "../../domain/scoring/profiles-collection";

/** Analyse of a « Collecter les profils » campaign: for each of the 16 competences, the profiles at each level. */
export async function profilesCollectionAnalysis(campaignId: number) {
  const [competences, counts] = await Promise.all([frameworkCompetences(), competenceLevelCounts(campaignId)]);
  const distributions = competenceLevelDistributions(competences, counts.rows, counts.receivedCount);
  return {
    receivedCount: counts.receivedCount,
    competences: competences.map((competence, i) => ({
      id: competence.id,
      index: competence.index,
      name: competence.name,
      area: competence.area,
      ...distributions[i],
    })),
  };
}
