import "server-only";
import { campaignChallengeResults, challengesWithContext } from "../../db/queries/item-responses";
import { questionRows, questionView, type QuestionSort } from "../../domain/analysis/question-view";

/** The « Questions » view of Analyse. The caller checked that the teacher may read the campaign (campaignForPage). */
export async function campaignQuestions(campaignId: number, sort: QuestionSort, page: number) {
  const counts = await campaignChallengeResults(campaignId);
  const contexts = await challengesWithContext(counts.map((c) => c.challengeId));
  return questionView(questionRows(counts, contexts), sort, page);
}
