import { primaryButton, secondaryButton, textInput } from "@/components/ui/button-styles";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import type { PublicChallenge } from "@/lib/domain/learning-content/public-challenge";

/** The countdown's look, and its look in the last ten seconds (public/scripts/answer-flow.js switches them). */
const TIMER = "sticky top-0 z-10 rounded-lg px-3 py-2 font-mono text-lg font-bold shadow-sm";
const TIMER_CALM = `${TIMER} bg-amber-50 text-amber-900`;
const TIMER_URGENT = `${TIMER} bg-red-100 text-red-800`;

const clock = (seconds: number) => `${Math.floor(Math.max(0, seconds) / 60)}:${String(Math.max(0, seconds) % 60).padStart(2, "0")}`;

/**
 * One question: radios (QCU), checkboxes (QCM) or fields (QROC/QROCM); « Je valide » and « Je passe ». Plain markup:
 * the form posts to the question page itself (app/(app)/campagnes/[code]/evaluation/route.ts) and works without JavaScript;
 * the page's small script (public/scripts/answer-flow.js) sends it with fetch instead, runs the countdown (kept in
 * view while a long question scrolls) and swaps the next screen in.
 */
export function ChallengeForm({ code, challenge, instruction, secondsLeft, message }: { code: string; challenge: PublicChallenge; instruction: React.ReactNode; secondsLeft: number | null; message?: string | null }) {
  const isChoice = challenge.type === "QCU" || challenge.type === "QCM";
  return (
    <form method="post" action={`/campagnes/${code}/evaluation`} className="space-y-5" data-answer-form="">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="challengeId" value={challenge.id} />
      <input type="hidden" name="kind" value={isChoice ? "choices" : "fields"} />
      <input type="hidden" name="timedOut" value="0" data-timed-out="" />
      {secondsLeft !== null && (
        <p role="timer" aria-live={secondsLeft <= 10 ? "assertive" : "off"} className={secondsLeft <= 10 ? TIMER_URGENT : TIMER_CALM} data-seconds-left={secondsLeft} data-urgent-class={TIMER_URGENT}>
          Temps restant : <span data-clock="">{clock(secondsLeft)}</span>
        </p>
      )}
      <div className="space-y-3 text-lg">{instruction}</div>
      {challenge.illustration && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={challenge.illustration.url} alt={challenge.illustration.alt} className="max-h-96 w-auto max-w-full rounded-lg border border-slate-200" />
      )}
      {challenge.attachments.length > 0 && (
        <ul className="space-y-1">
          {challenge.attachments.map((a) => (
            <li key={a.url}>
              <a href={a.url} download className="font-semibold text-brand-700 underline">Télécharger le fichier : {a.name}</a>
            </li>
          ))}
        </ul>
      )}
      {isChoice ? (
        <fieldset>
          <legend className="mb-2 font-semibold">{challenge.type === "QCU" ? "Sélectionnez une seule réponse." : "Sélectionnez une ou plusieurs réponses."}</legend>
          <div className="space-y-2">
            {/* Proposals arrive in this pupil's order; the value is the displayed position, mapped back on the server. */}
            {challenge.proposals.map((proposal, i) => (
              <label key={i} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type={challenge.type === "QCU" ? "radio" : "checkbox"} name="choice" value={i + 1} className="mt-1 h-5 w-5" />
                <span>{frenchTypography(proposal)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="space-y-3">
          {challenge.fields.map((f) => (
            <div key={f.key}>
              <label htmlFor={`field-${f.key}`} className="mb-1 block font-medium">{frenchTypography(f.label)}</label>
              <input id={`field-${f.key}`} name={`field:${f.key}`} placeholder={f.placeholder} autoComplete="off" className={textInput} inputMode={challenge.format === "nombre" ? "decimal" : undefined} />
            </div>
          ))}
        </div>
      )}
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700" data-message="">{message ?? ""}</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="answer" className={primaryButton}>Je valide</button>
        <button type="submit" name="intent" value="skip" className={secondaryButton}>Je passe</button>
      </div>
    </form>
  );
}
