import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ChallengeForm } from "@/components/app/campaign/challenge-form";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { primaryButton } from "@/components/ui/button-styles";
import { startTimerAction } from "@/lib/actions/pupil-actions";
import { getSessionUserId } from "@/lib/auth/session";
import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { displayOrder } from "@/lib/domain/learning-content/option-order";
import { publicChallenge } from "@/lib/domain/learning-content/public-challenge";
import { questionNumberInGroup, CHECKPOINT_EVERY } from "@/lib/domain/participations/checkpoint";
import { DomainError } from "@/lib/domain/shared/errors";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { campaignForLanding } from "@/lib/use-cases/participations/pupil-campaign";
import { normalizeCampaignCode } from "@/lib/domain/campaigns/campaign-code";

export const metadata: Metadata = { title: "Question" };

export default async function EvaluationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
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
  const source = await challengeSource(question.challengeId);
  if (!source) notFound();
  const challenge = publicChallenge(source.content, displayOrder(question.optionSeed, source.content));
  const number = questionNumberInGroup(question.answersCount);
  const heading = `Question ${number} sur ${CHECKPOINT_EVERY}`;
  if (challenge.timer && !question.isTimerStarted) {
    return (
      <section className="mx-auto max-w-2xl space-y-5 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-slate-600">{campaign.title ?? campaign.name} — {heading}</p>
        <h1 className="text-2xl font-bold">Question chronométrée</h1>
        <p className="text-lg">Vous disposerez de {challenge.timer} secondes pour réussir la question suivante.</p>
        <p className="text-slate-700">Le temps restant s&apos;affichera au-dessus de la question. Une réponse donnée après la fin du temps ne sera pas validée.</p>
        <form action={startTimerAction}>
          <input type="hidden" name="code" value={campaign.code} />
          <input type="hidden" name="challengeId" value={challenge.id} />
          <button type="submit" className={primaryButton}>Commencer</button>
        </form>
      </section>
    );
  }
  const secondsLeft = challenge.timer && question.askedAt ? Math.max(0, Math.round(challenge.timer - (Date.now() - question.askedAt.getTime()) / 1000)) : null;
  return (
    <section className="mx-auto max-w-2xl space-y-5 rounded-2xl bg-white p-5 shadow-sm sm:p-8" aria-labelledby="question-heading">
      <p className="text-sm font-semibold text-slate-600">{campaign.title ?? campaign.name}</p>
      <div>
        <h1 id="question-heading" className="text-xl font-bold">{heading}</h1>
        <div className="mt-2 h-2 w-full rounded-full bg-slate-200" role="progressbar" aria-label="Avancement dans la série de 5 questions" aria-valuemin={0} aria-valuemax={CHECKPOINT_EVERY} aria-valuenow={number - 1}>
          <div className="h-2 rounded-full bg-brand-600" style={{ width: `${((number - 1) / CHECKPOINT_EVERY) * 100}%` }} />
        </div>
      </div>
      <ChallengeForm key={challenge.id} code={campaign.code} challenge={challenge} secondsLeft={secondsLeft} instruction={<SafeMarkdown>{challenge.instruction}</SafeMarkdown>} />
    </section>
  );
}
