import "server-only";
import { averageTubeRelevance, relevanceLevel, sortByRelevance } from "../../domain/analysis/tube-relevance";
import { competenceCollectiveResults } from "../../domain/analysis/competence-results";
import { tubeRelevanceInputs } from "../../db/queries/campaign-results";
import { tutorialsByIds } from "../../db/repositories/results-repository";

/** The Analyse tab: subjects ranked by relevance (most relevant first) and results per competence. */
export async function campaignAnalysis(campaignId: number) {
  const inputs = await tubeRelevanceInputs(campaignId);
  // Per competence: targeted skills and validated sums, added up from the tube rows (one query for both views).
  const byCompetence = new Map<string, { competence_id: string; index: string; name: string; targeted: number; validated_sum: number }>();
  for (const t of inputs.tubes) {
    const entry = byCompetence.get(t.competenceId) ?? { competence_id: t.competenceId, index: t.competenceIndex, name: t.competenceShortName, targeted: 0, validated_sum: 0 };
    entry.targeted += t.targetedCount;
    entry.validated_sum += t.sums.v_sum;
    byCompetence.set(t.competenceId, entry);
  }
  const competences = [...byCompetence.values()].sort((a, b) => a.index.localeCompare(b.index));
  const tutorials = await tutorialsByIds([...new Set(inputs.tubes.flatMap((t) => t.tutorialIds))]);
  const tutorialById = new Map(tutorials.map((t) => [t.id, t]));
  const scored = inputs.tubes.map((t) => {
    const score =
      inputs.participants === 0
        ? null
        : averageTubeRelevance(
            { targetedCount: t.targetedCount, tubeMaxLevel: t.tubeMaxLevel, campaignMaxLevel: inputs.campaignMaxLevel },
            { participantsCount: inputs.participants, highestValidatedSum: t.sums.r_sum, validatedCountSum: t.sums.v_sum, highestOverLowestNotValidatedSum: t.sums.rn_sum },
          );
    return {
      ...t,
      score,
      relevance: score === null ? null : relevanceLevel(score),
      tutorials: t.tutorialIds.map((id) => tutorialById.get(id)).filter((x): x is NonNullable<typeof x> => Boolean(x)),
    };
  });
  const collective = competenceCollectiveResults(
    competences.map((c) => ({ competenceId: c.competence_id, targetedCount: Number(c.targeted) })),
    new Map(competences.map((c) => [c.competence_id, Number(c.validated_sum ?? 0)])),
    inputs.participants,
  );
  return {
    participants: inputs.participants,
    tubes: sortByRelevance(scored, (t) => t.score, (a, b) => a.practicalTitle.localeCompare(b.practicalTitle, "fr")),
    competences: competences.map((c, i) => ({ index: c.index, name: c.name, percent: collective[i].masteryPercent })),
  };
}
