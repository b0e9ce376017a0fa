import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { TutorialLink } from "@/components/app/tutorial-link";
import { primaryButton } from "@/components/ui/button-styles";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import type { CheckpointData } from "@/lib/use-cases/participations/answer-and-continue";

const BADGE: Record<string, string> = { OK: "bg-green-100 text-green-900", KO: "bg-red-100 text-red-900", ABAND: "bg-slate-200 text-slate-900", TIMEDOUT: "bg-amber-100 text-amber-900" };

export function checkpointAnnouncement(view: Pick<CheckpointData, "completed" | "percentDone">): string {
  return `${view.completed ? "Fin de votre évaluation" : "Avancement"} : vous avez effectué ${view.percentDone} % de votre parcours.`;
}

/**
 * « Avancement » (every five answers) and « Fin de votre évaluation ». Plain markup: rendered by the checkpoint page,
 * and into the reply to the fifth answer (then « Continuer », `data-continue`, shows the question that came with it:
 * public/scripts/answer-flow.js; without it, a plain link to the question page).
 */
export function CheckpointPanel({ code, view }: { code: string; view: CheckpointData }) {
  return (
    <section className="mx-auto max-w-2xl space-y-6 rounded-2xl bg-white p-5 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold" tabIndex={-1}>{view.completed ? "Fin de votre évaluation" : "Avancement"}</h1>
      <p className="text-lg">Vous avez effectué {view.percentDone} % de votre parcours.</p>
      <div className="h-3 w-full rounded-full bg-slate-200" role="progressbar" aria-label="Avancement du parcours" aria-valuemin={0} aria-valuemax={100} aria-valuenow={view.percentDone}>
        <div className="h-3 rounded-full bg-brand-600" style={{ width: `${view.percentDone}%` }} />
      </div>
      <h2 className="text-xl font-bold">Réponses et tutos</h2>
      <ol className="space-y-4">
        {view.items.map((item) => (
          <li key={item.id} className="space-y-2 rounded-xl border border-slate-200 p-4">
            <p><span className={`rounded px-2 py-0.5 text-sm font-semibold ${BADGE[item.result]}`}>{item.resultLabel}</span></p>
            <SafeMarkdown className="space-y-2 text-slate-800">{item.instruction}</SafeMarkdown>
            <p><span className="font-semibold">Bonne réponse&#8239;:</span> {frenchTypography(item.solution)}</p>
            <p className="text-slate-700">{frenchTypography(item.correction)}</p>
            {item.tutorials.length > 0 && (
              <div>
                <p className="font-semibold">Pour réussir la prochaine fois</p>
                <ul className="list-disc space-y-1 pl-6">{item.tutorials.map((t) => <li key={t.id}><TutorialLink tutorial={t} /></li>)}</ul>
              </div>
            )}
            {item.learnMore.length > 0 && (
              <div>
                <p className="font-semibold">Pour en apprendre davantage</p>
                <ul className="list-disc space-y-1 pl-6">{item.learnMore.map((t) => <li key={t.id}><TutorialLink tutorial={t} /></li>)}</ul>
              </div>
            )}
          </li>
        ))}
      </ol>
      {view.completed ? (
        <a href={`/campagnes/${code}/resultats`} className={primaryButton}>Voir mes résultats</a>
      ) : (
        <a href={`/campagnes/${code}/evaluation`} className={primaryButton} data-continue="">Continuer</a>
      )}
    </section>
  );
}
