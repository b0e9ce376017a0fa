"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { formatIdle } from "@/lib/domain/live-view/format-idle";
import { STAGE_LABELS, STUCK_REASON_LABELS, type PupilLiveState } from "@/lib/domain/live-view/pupil-live-state";
import type { LiveViewSnapshot } from "@/lib/use-cases/live-view/read-live-view";
import { useCountersAnnouncement, useLiveView, useTick, type LiveMode } from "./use-live-view";

const MODE_LABELS: Record<LiveMode, string> = {
  instantane: "Situation au chargement de la page (« Actualiser » pour la mettre à jour)",
  direct: "Mise à jour en direct",
  reconnexion: "Connexion en cours…",
  interrogation: "Mise à jour toutes les 5 secondes",
  ferme: "Mise à jour arrêtée",
};

function stageText(line: PupilLiveState): string {
  if (line.stage === "QUESTION") return `Question ${line.questionNumber}`;
  if (line.stage === "CHECKPOINT") return `Point d'étape (avant la question ${line.questionNumber})`;
  return STAGE_LABELS[line.stage];
}

function Counter({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-xl bg-white px-4 py-3 shadow-sm">
      <dt className="text-sm font-semibold text-slate-600">{label}</dt>
      <dd className="text-2xl font-extrabold" data-testid={testId}>{value}</dd>
    </div>
  );
}

/**
 * « Suivi en direct »: counters, the share of the class done, one line per pupil. Rendered on the server first (the
 * page works as is without JavaScript), then kept fresh by useLiveView. The table keeps the order of names: lines do
 * not jump under a screen reader's cursor; the changes are summed up in one polite sentence at most every 10 s.
 */
export function LiveViewBoard({ initial, campaignId, showDivision }: { initial: LiveViewSnapshot; campaignId: number; showDivision: boolean }) {
  const { snapshot, receivedAt, mode, closedMessage } = useLiveView(initial, campaignId, initial.division);
  const tick = useTick(5_000);
  const announcement = useCountersAnnouncement(snapshot.counters);
  // The server's « depuis » plus the time elapsed on this device since the snapshot arrived (not the device's date).
  const elapsed = receivedAt === null ? 0 : Math.max(0, tick - receivedAt);
  const { counters } = snapshot;
  return (
    <div className="space-y-4">
      <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcement">{announcement}</p>
      <p className="text-sm text-slate-700" data-testid="live-mode" data-mode={mode}>
        <span aria-hidden="true" className={`mr-1 inline-block h-2 w-2 rounded-full ${mode === "direct" ? "bg-emerald-600" : mode === "ferme" ? "bg-red-600" : "bg-amber-500"}`} />
        {MODE_LABELS[mode]}
      </p>
      {closedMessage && <p role="alert" className="rounded-lg bg-red-50 p-3 font-semibold text-red-800">{closedMessage}</p>}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Counter label="Commencé" value={counters.started} testId="count-started" />
        <Counter label="En cours" value={counters.inProgress} testId="count-in-progress" />
        <Counter label="Terminé" value={counters.finished} testId="count-finished" />
        <Counter label="Envoyé" value={counters.sent} testId="count-sent" />
        <Counter label="Bloqué ?" value={counters.stuck} testId="count-stuck" />
      </dl>
      <div className="space-y-1">
        <p className="text-sm font-semibold" id="live-done-label">
          {showDivision ? "Part des participants ayant terminé" : "Part de la classe ayant terminé"} : {counters.percentDone} % ({counters.finished} sur {counters.expected})
        </p>
        <div className="h-3 w-full overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-labelledby="live-done-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={counters.percentDone}>
          <div className="h-full bg-brand-600" style={{ width: `${counters.percentDone}%` }} />
        </div>
      </div>
      {snapshot.lines.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">
          {showDivision ? "Aucun élève n'a encore rejoint la campagne : choisissez une classe pour voir ses élèves avant qu'ils commencent." : "Aucun élève dans cette classe."}
        </p>
      ) : (
        <TableScroll label={`Élèves (${snapshot.lines.length})`}>
          <table className="w-full text-left text-sm" data-testid="live-table">
            <caption className="sr-only">Avancement des élèves, mis à jour en direct ({snapshot.lines.length} élèves)</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Élève</th>
                {showDivision && <th scope="col" className="px-3 py-2">Classe</th>}
                <th scope="col" className="px-3 py-2">Où en est-il ?</th>
                <th scope="col" className="px-3 py-2">Réponses</th>
                <th scope="col" className="px-3 py-2">Dernière réponse</th>
                <th scope="col" className="px-3 py-2">Bloqué ?</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.lines.map((line) => {
                const isStuck = line.stuckReasons.length > 0;
                return (
                  <tr key={line.key} className={`border-b border-slate-100 ${isStuck ? "bg-amber-50" : ""}`} data-testid="live-line" data-stage={line.stage}>
                    <th scope="row" className="px-3 py-2 font-semibold">{line.lastName} {line.firstName}</th>
                    {showDivision && <td className="px-3 py-2">{line.division ?? "—"}</td>}
                    <td className="px-3 py-2" data-testid="live-stage">{stageText(line)}</td>
                    <td className="px-3 py-2" data-testid="live-answers">{line.stage === "NOT_STARTED" ? "—" : line.answersCount}</td>
                    <td className="px-3 py-2">{formatIdle(line.idleMs === null ? null : line.idleMs + elapsed)}</td>
                    <td className="px-3 py-2">{isStuck ? <strong className="text-amber-900">Oui : {line.stuckReasons.map((r) => STUCK_REASON_LABELS[r]).join(", ")}</strong> : "Non"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
