import "server-only";
import { masteryEstimate } from "../../domain/assessment";
import { masteryPercent } from "../../domain/scoring/mastery";
import { precisionPoints } from "../../domain/scoring/precision";
import { reachedStage, stars } from "../../domain/scoring/stages";
import { summarizeTubes } from "../../domain/scoring/tube-summary";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { latestKnowledgeElements } from "../../db/repositories/assessment-repository";
import { findLiveParticipation } from "../../db/repositories/participation-repository";
import { campaignSkillDetails, shareParticipation, stagesOfCampaign, tutorialsByIds } from "../../db/repositories/results-repository";

/** The pupil's own results in a campaign (computed live until shared). */
export async function participationResults(input: { userId: number; campaignId: number }) {
  const participation = await findLiveParticipation(input.campaignId, input.userId);
  if (!participation) throw new NotFoundError();
  const skills = await campaignSkillDetails(input.campaignId);
  const known = await latestKnowledgeElements(input.userId, skills.map((s) => s.id));
  const estimate = masteryEstimate({
    targetSkills: skills.map((s) => ({ id: s.id, name: s.id, tubeId: s.tubeId, competenceId: s.competenceId, level: s.level })),
    knowledgeElements: known,
  });
  const validated = new Set(known.filter((k) => k.status === "VALIDATED").map((k) => k.skillId));
  const percent = masteryPercent(estimate.validatedCount, Math.max(1, estimate.totalCount));
  const stages = await stagesOfCampaign(input.campaignId);
  const competenceMap = new Map<string, { index: string; name: string; targeted: number; validated: number }>();
  for (const s of skills) {
    const entry = competenceMap.get(s.competenceId) ?? { index: s.competence.index, name: s.competence.name, targeted: 0, validated: 0 };
    entry.targeted++;
    if (validated.has(s.id)) entry.validated++;
    competenceMap.set(s.competenceId, entry);
  }
  const failedTutorialIds = [...new Set(skills.filter((s) => known.some((k) => k.skillId === s.id && k.status === "INVALIDATED")).flatMap((s) => s.tutorialIds))].slice(0, 8);
  return {
    participation,
    masteryPercent: percent,
    /** « ± » in points, null for results computed before the precision engine. */
    precision: precisionPoints(participation.masteryStandardError),
    estimate,
    stars: stages.length ? stars(stages, percent) : null,
    stage: stages.length ? reachedStage(stages, percent) : null,
    competences: [...competenceMap.values()].sort((a, b) => a.index.localeCompare(b.index)).map((c) => ({ ...c, percent: masteryPercent(c.validated, c.targeted) })),
    tutorials: await tutorialsByIds(failedTutorialIds),
    skills,
    known,
    validated,
  };
}

/** "J'envoie mon profil": the whole pix profile is frozen at sharing. */
async function shareProfile(input: { userId: number; campaignId: number; now: Date }, participationId: number): Promise<boolean> {
  const { allLatestKnowledgeElements } = await import("../../db/queries/pix-profile");
  const { pixByCompetence, pixProfile, MAX_REACHABLE_LEVEL, PIX_PER_LEVEL, COMPETENCES_COUNT } = await import("../../domain/scoring/pix-profile");
  const elements = await allLatestKnowledgeElements(input.userId);
  const profile = pixProfile(elements);
  return shareParticipation({
    participationId,
    now: input.now,
    snapshot: elements,
    validatedSkillsCount: elements.filter((e) => e.status === "VALIDATED").length,
    masteryRate: profile.totalPix / (MAX_REACHABLE_LEVEL * PIX_PER_LEVEL * COMPETENCES_COUNT),
    stageReached: null,
    pixScore: profile.totalPix,
    pixByCompetence: pixByCompetence(profile),
    certifiableCompetencesCount: profile.certifiableCompetencesCount,
    tubeRows: [],
  });
}

/** "J'envoie mes résultats": STARTED/TO_SHARE → SHARED with a frozen snapshot for the teacher. */
export async function shareResults(input: { userId: number; campaignId: number; isProfilesCollection?: boolean; now?: Date }): Promise<Date> {
  if (input.isProfilesCollection) {
    const participation = await findLiveParticipation(input.campaignId, input.userId);
    if (!participation) throw new NotFoundError();
    if (participation.status === "SHARED") return participation.sharedAt!;
    const now = input.now ?? new Date();
    if (!(await shareProfile({ ...input, now }, participation.id))) throw new DomainError("NOT_SHARABLE", "Ce profil ne peut plus être envoyé (campagne archivée ?).");
    return now;
  }
  const results = await participationResults(input);
  if (results.participation.status === "SHARED") return results.participation.sharedAt!;
  if (results.participation.status !== "TO_SHARE") throw new DomainError("NOT_FINISHED", "Terminez le parcours avant d'envoyer vos résultats.");
  const now = input.now ?? new Date();
  const tubeRows = summarizeTubes(results.skills.map((s) => ({ id: s.id, level: s.level, tubeId: s.tubeId, competenceId: s.competenceId })), results.validated);
  const shared = await shareParticipation({
    participationId: results.participation.id,
    now,
    snapshot: results.known.map((k) => ({ skillId: k.skillId, status: k.status, source: k.source, earnedPix: k.earnedPix, competenceId: k.competenceId })),
    validatedSkillsCount: results.estimate.validatedCount,
    masteryRate: results.estimate.masteryRate,
    stageReached: results.stars?.reached ?? null,
    pixScore: Math.floor(results.known.filter((k) => k.status === "VALIDATED").reduce((sum, k) => sum + k.earnedPix, 0)),
    tubeRows,
  });
  if (!shared) {
    const again = await findLiveParticipation(input.campaignId, input.userId);
    if (again?.status === "SHARED" && again.sharedAt) return again.sharedAt;
    throw new DomainError("NOT_SHARABLE", "Ces résultats ne peuvent plus être envoyés (campagne archivée ?).");
  }
  return now;
}
