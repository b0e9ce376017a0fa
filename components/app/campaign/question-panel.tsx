import { ChallengeForm } from "@/components/app/campaign/challenge-form";
import { ReportProblem } from "@/components/app/campaign/report-problem";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { primaryButton } from "@/components/ui/button-styles";
import type { ChallengeSource } from "@/lib/domain/learning-content/schema";
import { displayOrder } from "@/lib/domain/learning-content/option-order";
import { publicChallenge } from "@/lib/domain/learning-content/public-challenge";
import { questionNumberInGroup, CHECKPOINT_EVERY } from "@/lib/domain/participations/checkpoint";

export type QuestionPanelProps = {
  campaign: { code: string; name: string; title: string | null };
  question: { challengeId: string; answersCount: number; isTimerStarted: boolean; askedAt: Date | null; optionSeed: string };
  source: ChallengeSource;
  /** `?signalement=` after a report sent without JavaScript (report-problem.tsx). */
  reportStatus?: string | null;
  /** Why the last post was refused (no JavaScript: the page is shown again with it). */
  message?: string | null;
};

/** The text a screen reader hears when the question arrives without a page load (public/scripts/answer-flow.js). */
export function questionAnnouncement(answersCount: number): string {
  return `Question ${questionNumberInGroup(answersCount)} sur ${CHECKPOINT_EVERY}`;
}

/**
 * A question as the pupil sees it (or the warning before a timed one). Plain markup (no client component): rendered by
 * the question page (app/(app)/campagnes/[code]/evaluation/route.ts) and, for the question after an answer, into the answer's
 * reply that the page's script swaps in without loading the page.
 */
export function QuestionPanel({ campaign, question, source, message, reportStatus = null }: QuestionPanelProps) {
  const challenge = publicChallenge(source, displayOrder(question.optionSeed, source));
  const number = questionNumberInGroup(question.answersCount);
  const heading = `Question ${number} sur ${CHECKPOINT_EVERY}`;
  if (challenge.timer && !question.isTimerStarted) {
    return (
      <section className="mx-auto max-w-2xl space-y-5 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-slate-600">{campaign.title ?? campaign.name} — {heading}</p>
        <h1 className="text-2xl font-bold" tabIndex={-1}>Question chronométrée</h1>
        <p className="text-lg">Vous disposerez de {challenge.timer} secondes pour réussir la question suivante.</p>
        <p className="text-slate-700">Le temps restant s&apos;affichera au-dessus de la question. Une réponse donnée après la fin du temps ne sera pas validée.</p>
        <form method="post" action={`/campagnes/${campaign.code}/evaluation`} data-answer-form="">
          <input type="hidden" name="intent" value="start-timer" />
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
        <h1 id="question-heading" className="text-xl font-bold" tabIndex={-1}>{heading}</h1>
        <div className="mt-2 h-2 w-full rounded-full bg-slate-200" role="progressbar" aria-label="Avancement dans la série de 5 questions" aria-valuemin={0} aria-valuemax={CHECKPOINT_EVERY} aria-valuenow={number - 1}>
          <div className="h-2 rounded-full bg-brand-600" style={{ width: `${((number - 1) / CHECKPOINT_EVERY) * 100}%` }} />
        </div>
      </div>
      <ChallengeForm key={challenge.id} code={campaign.code} challenge={challenge} secondsLeft={secondsLeft} instruction={<SafeMarkdown>{challenge.instruction}</SafeMarkdown>} message={message} />
      {/* Its own plain form, after the question's. The option seed is the assessment's id (answer-challenge.ts): the
          report names the pupil's own assessment. No React on this page: public/scripts/answer-flow.js enhances it. */}
      <ReportProblem key={`signalement-${challenge.id}`} code={campaign.code} assessmentId={question.optionSeed} challengeId={challenge.id} status={reportStatus} />
    </section>
  );
}
