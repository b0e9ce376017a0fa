import type { RosterHelpFigures } from "@/lib/db/queries/learners";

const count = (value: number, singular: string, plural: string) => `${value} ${value > 1 ? plural : singular}`;

/**
 * "Tous vos élèves n'apparaissent pas ?": the usual reasons, each with the establishment's own figure and what to do.
 * Only reasons that apply are listed, so the teacher reads about their school, not a generic FAQ.
 */
export function MissingLearnersHelp({ figures, canImport }: { figures: RosterHelpFigures; canImport: boolean }) {
  const importer = canImport ? "importez de nouveau le fichier SIECLE" : "demandez à un administrateur (correspondant Pix) d'importer de nouveau le fichier SIECLE";
  const reasons: { key: string; title: string; text: string }[] = [];
  if (figures.activeCount === 0) {
    reasons.push({ key: "empty", title: "Aucun élève importé", text: `La liste se remplit avec l'export SIECLE de l'établissement : ${importer}.` });
  }
  if (figures.disabledCount > 0) {
    reasons.push({
      key: "disabled",
      title: `${count(figures.disabledCount, "élève absent", "élèves absents")} du dernier import`,
      text: `Les élèves qui ne sont plus dans le fichier SIECLE (partis, ou sans classe) sont désactivés : ils n'apparaissent plus ici et ne peuvent plus rejoindre vos campagnes, mais leurs résultats sont conservés. S'ils sont toujours dans l'établissement, vérifiez leur classe dans SIECLE puis ${importer}.`,
    });
  }
  if (figures.withoutDivisionCount > 0) {
    reasons.push({ key: "division", title: `${count(figures.withoutDivisionCount, "élève", "élèves")} sans classe`, text: `Ils ne figurent dans aucune classe du filtre « Classe ». Renseignez leur division dans SIECLE puis ${importer}.` });
  }
  if (figures.withoutAccountCount > 0) {
    reasons.push({
      key: "account",
      title: `${count(figures.withoutAccountCount, "élève n'a", "élèves n'ont")} encore rejoint aucune campagne`,
      text: "Un élève apparaît dans les résultats d'une campagne après l'avoir rejointe avec son code. S'il voit « Vérifiez vos informations », ses prénom, nom ou date de naissance ne correspondent pas à SIECLE ; si sa fiche est déjà rattachée à un autre compte, le message montre ce compte en partie masqué : réinitialisez alors son mot de passe ici.",
    });
  }
  if (figures.notSharedCount > 0) {
    reasons.push({
      key: "shared",
      title: count(figures.notSharedCount, "élève a commencé un parcours sans envoyer ses résultats", "élèves ont commencé un parcours sans envoyer leurs résultats"),
      text: "Seuls les résultats reçus apparaissent dans l'onglet « Résultats » d'une campagne. Demandez aux élèves de terminer le parcours puis de cliquer sur « J'envoie mes résultats ».",
    });
  }
  return (
    <details className="rounded-xl bg-brand-50 p-4">
      <summary className="cursor-pointer text-lg font-bold">Tous vos élèves n&apos;apparaissent pas ?</summary>
      <div className="mt-3 space-y-3">
        {reasons.length === 0 ? (
          <p>Tous les élèves importés sont actifs, ont une classe et ont rejoint une campagne. Un élève nouvellement inscrit apparaîtra après le prochain import SIECLE.</p>
        ) : (
          <ul className="space-y-3">
            {reasons.map((reason) => (
              <li key={reason.key}>
                <p className="font-semibold">{reason.title}</p>
                <p className="text-slate-800">{reason.text}</p>
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-slate-700">Seuls les élèves actifs, avec un INE et une classe dans SIECLE, sont listés. Une question ? Votre correspondant Pix peut vous aider.</p>
      </div>
    </details>
  );
}
