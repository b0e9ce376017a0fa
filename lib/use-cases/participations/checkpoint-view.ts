import "server-only";
import { progression } from "../../domain/assessment";
import { displayOrder } from "../../domain/learning-content/option-order";
import { solutionText } from "../../domain/learning-content/public-challenge";
import { ANSWER_OUTCOME_LABELS, type AnswerOutcome } from "../../domain/participations/answer-outcome";
import { CHECKPOINT_EVERY } from "../../domain/participations/checkpoint";
import { NotFoundError } from "../../domain/shared/errors";
import { answersOfAssessment, challengeSource, engineContentOfCampaign, findAssessmentOfParticipation, latestKnowledgeElements } from "../../db/repositories/assessment-repository";
import { findLiveParticipation } from "../../db/repositories/participation-repository";
import { tutorialIdsOfSkill, tutorialsByIds } from "../../db/repositories/results-repository";

/** "Avancement": % of the parcours done and the last answers with their correction and tutorials. */
export async function checkpointView(input: { userId: number; campaignId: number }) {
  const participation = await findLiveParticipation(input.campaignId, input.userId);
  if (!participation) throw new NotFoundError();
  const assessment = await findAssessmentOfParticipation(participation.id);
  if (!assessment || assessment.userId !== input.userId) throw new NotFoundError();
  const answers = await answersOfAssessment(assessment.id);
  const count = answers.length % CHECKPOINT_EVERY || Math.min(CHECKPOINT_EVERY, answers.length);
  const last = answers.slice(-count);
  const { skills } = await engineContentOfCampaign(input.campaignId);
  const known = await latestKnowledgeElements(input.userId, skills.map((s) => s.id));
  const done = progression({ targetSkills: skills, knowledgeElements: known, isCompleted: assessment.state === "COMPLETED" });
  const items = [];
  for (const answer of last) {
    const source = await challengeSource(answer.challengeId);
    if (!source) continue;
    const skill = await tutorialIdsOfSkill(source.skillId);
    const result = answer.result as AnswerOutcome;
    items.push({
      id: answer.id,
      instruction: source.content.instruction,
      result,
      resultLabel: ANSWER_OUTCOME_LABELS[result],
      solution: solutionText(source.content, displayOrder(String(assessment.id), source.content)),
      correction: source.content.correction,
      tutorials: result === "OK" ? [] : await tutorialsByIds(skill?.tutorialIds ?? []),
      learnMore: await tutorialsByIds(skill?.learningMoreTutorialIds ?? []),
    });
  }
  return { percentDone: Math.round(done * 100), items, completed: assessment.state === "COMPLETED" };
}
