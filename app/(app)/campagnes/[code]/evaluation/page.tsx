import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AnswerFlow } from "@/components/app/campaign/answer-flow";
import { QuestionPanel } from "@/components/app/campaign/question-panel";
import { getSessionUserId } from "@/lib/auth/session";
import { cachedChallengeSource } from "@/lib/db/repositories/content-memory";
import { DomainError } from "@/lib/domain/shared/errors";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { campaignForLanding } from "@/lib/use-cases/participations/pupil-campaign";
import { normalizeCampaignCode } from "@/lib/domain/campaigns/campaign-code";

export const metadata: Metadata = { title: "Question" };

/** The current question; the next ones arrive with each answer's result, without reloading this page (answer-flow.tsx). */
export default async function EvaluationPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ signalement?: string | string[] }> }) {
  const { code } = await params;
  const { signalement } = await searchParams;
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  const campaign = await campaignForLanding(code);
  // Unknown code or no participation of this pupil: both back to the landing page, where codes are looked up under limits.
  if (!campaign) redirect(`/campagnes/${encodeURIComponent(normalizeCampaignCode(code))}`);
  let question;
  try {
    question = await currentQuestion({ userId, campaignId: campaign.id });
  } catch (error) {
    if (error instanceof DomainError) redirect(`/campagnes/${campaign.code}`);
    throw error;
  }
  if (question.kind === "completed") redirect(`/campagnes/${campaign.code}/resultats`);
  const source = await cachedChallengeSource(question.challengeId);
  if (!source) notFound();
  return (
    <AnswerFlow>
      <QuestionPanel campaign={campaign} question={question} source={source.content} reportStatus={typeof signalement === "string" ? signalement : null} />
    </AnswerFlow>
  );
}
