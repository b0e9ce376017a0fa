import { fieldLabel, textInput } from "@/components/ui/button-styles";
import { DEFAULT_PRECISION_TARGET_CHOICE, isFormerPrecisionTarget, PRECISION_TARGET_CHOICES } from "@/lib/domain/campaigns/campaign-form";

const TARGET_LABELS: Record<number, string> = { 8: " (par défaut, le plus précis)", 20: " (test le plus court)" };

/**
 * « Options avancées » of an assessment campaign: how the test runs. A <details> that opens without
 * JavaScript; closed, its fields are still sent with their defaults.
 */
export function EngineSettingsFields({ method, target, errors, editing = false }: { method?: string; target?: string; errors: Record<string, string | undefined>; editing?: boolean }) {
  const chosenMethod = method === "SMART_RANDOM" ? "SMART_RANDOM" : "PRECISION";
  const chosenTarget = target ?? String(DEFAULT_PRECISION_TARGET_CHOICE);
  // A campaign created with a precision no longer offered keeps it until the teacher picks another one.
  const former = editing && isFormerPrecisionTarget(Number(chosenTarget)) ? Number(chosenTarget) : null;
  return (
    <details className="rounded-lg border border-slate-200 p-4" open={Boolean(errors.assessmentMethod || errors.precisionTarget)}>
      <summary className="cursor-pointer font-semibold">Options avancées</summary>
      <fieldset className="mt-3 space-y-2">
        <legend className={fieldLabel}>Déroulement du test</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="assessmentMethod" value="PRECISION" defaultChecked={chosenMethod === "PRECISION"} className="mt-1" />
          <span>
            <strong>Arrêt à la précision visée</strong> (recommandé) : le test pose les questions les plus utiles et s&apos;arrête dès que le
            résultat est connu avec la précision choisie ci-dessous, ou plus tôt quand les questions restantes n&apos;apporteraient
            presque plus rien.
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="assessmentMethod" value="SMART_RANDOM" defaultChecked={chosenMethod === "SMART_RANDOM"} className="mt-1" />
          <span>
            <strong>Déroulement historique (« smart random »)</strong> : le test continue tant qu&apos;une question peut encore trancher un
            acquis ; plus long pour une précision comparable.
          </span>
        </label>
        {errors.assessmentMethod && <p className="text-sm font-medium text-red-700">{errors.assessmentMethod}</p>}
      </fieldset>
      <div className="mt-3">
        <label htmlFor="precisionTarget" className={fieldLabel}>Précision visée</label>
        <p id="precisionTarget-help" className="mb-1 text-sm text-slate-600">
          Le résultat de l&apos;élève s&apos;affiche « 62 % ± 6 » : le vrai résultat est, dans 95 % des cas, à moins de ce nombre de points.
          Chaque résultat donne la précision obtenue : pour un élève au milieu de l&apos;échelle, ou sur un parcours de peu de sujets, elle
          reste souvent plus large que la précision visée, même quand le test a posé toutes les questions utiles.
        </p>
        <select id="precisionTarget" name="precisionTarget" defaultValue={chosenTarget} className={textInput} aria-describedby="precisionTarget-help" aria-invalid={Boolean(errors.precisionTarget)}>
          {former !== null && <option value={former}>± {former} points (n&apos;est plus proposé : rarement atteint)</option>}
          {PRECISION_TARGET_CHOICES.map((choice) => (
            <option key={choice} value={choice}>± {choice} points{TARGET_LABELS[choice] ?? ""}</option>
          ))}
        </select>
        {errors.precisionTarget && <p className="mt-1 text-sm font-medium text-red-700">{errors.precisionTarget}</p>}
      </div>
      {editing && (
        <p className="mt-3 text-sm text-slate-600">
          Un changement de ces options s&apos;applique dès leur question suivante aux élèves qui ont déjà commencé le test ; les réponses
          déjà données sont gardées.
        </p>
      )}
    </details>
  );
}
