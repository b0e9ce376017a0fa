import { fieldLabel, secondaryButton, textInput } from "@/components/ui/button-styles";
import { COMMENT_MAX_LENGTH, PROBLEM_CATEGORIES, REPORT_STATUS_MESSAGES } from "@/lib/domain/content-quality/problem-report";

export type ReportProblemProps = {
  /** The campaign's code: where the page comes back to without JavaScript. */
  code: string;
  assessmentId: number | string;
  challengeId: string;
  /** `?signalement=` of the page after a post without JavaScript (envoye, trop-long, …), else null. */
  status?: string | null;
};

/**
 * « Signaler un problème » under a question: a disclosure with a plain form posted to /api/signalements. Works
 * without JavaScript (303 back here with the status, the message focused through the #signalement-message
 * fragment); with the question page's script (public/scripts/answer-flow.js), the post happens in place and the
 * pupil's typed answer stays. Never moves the question.
 */
export function ReportProblem({ code, assessmentId, challengeId, status = null }: ReportProblemProps) {
  const shown = status ? REPORT_STATUS_MESSAGES[status] ?? null : null;
  const formId = `signalement-${challengeId}`;
  return (
    <details id="signalement" open={shown !== null} className="rounded-lg border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700">Signaler un problème</summary>
      <p id="signalement-message" data-report-message role={shown?.ok === false ? "alert" : "status"} tabIndex={-1} hidden={shown === null}
        className="mt-3 rounded-md bg-slate-100 p-2 font-medium text-slate-900">
        {shown?.message}
      </p>
      <form id={formId} method="post" action="/api/signalements" data-report-form className="mt-3 space-y-3">
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="assessmentId" value={String(assessmentId)} />
        {/* Not « challengeId »: the answer form next to it has one, and pages and tests look for it there. */}
        <input type="hidden" name="question" value={challengeId} />
        <fieldset className="space-y-1">
          <legend className="mb-1 font-medium text-slate-800">Quel problème avez-vous rencontré avec cette question&#8239;?</legend>
          {Object.entries(PROBLEM_CATEGORIES).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="category" value={value} required /> {label}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={`${formId}-commentaire`} className={fieldLabel}>Commentaire (facultatif, {COMMENT_MAX_LENGTH} caractères au plus)</label>
          <textarea id={`${formId}-commentaire`} name="comment" rows={3} maxLength={COMMENT_MAX_LENGTH} className={textInput} />
        </div>
        <button type="submit" className={secondaryButton}>Envoyer le signalement</button>
      </form>
    </details>
  );
}
