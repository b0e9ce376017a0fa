import { COMPETENCES_COUNT, FRAMEWORK_MAX_LEVEL, MAX_REACHABLE_LEVEL, MIN_CERTIFIABLE_COMPETENCES, PIX_PER_LEVEL, THEORETICAL_MAX_PIX } from "@/lib/domain/scoring/pix-profile";

/** « Clés de lecture des profils »: what the pix, the levels and « certifiable » of a profiles collection mean. */
export function ProfileReadingKey() {
  const reachableMax = MAX_REACHABLE_LEVEL * PIX_PER_LEVEL;
  return (
    <details className="rounded-xl bg-white p-5 shadow-sm">
      <summary className="cursor-pointer text-lg font-bold">Clés de lecture des profils</summary>
      <dl className="mt-4 space-y-4 text-sm">
        <div>
          <dt className="font-semibold">Score Pix</dt>
          <dd className="text-slate-700">
            Chaque niveau atteint dans une compétence rapporte {PIX_PER_LEVEL} pix. Le profil complet vaut au plus {THEORETICAL_MAX_PIX} pix
            ({COMPETENCES_COUNT} compétences, {FRAMEWORK_MAX_LEVEL} niveaux) ; aujourd&apos;hui les niveaux 1 à {MAX_REACHABLE_LEVEL} sont ouverts, soit {reachableMax} pix au plus
            par compétence et {reachableMax * COMPETENCES_COUNT} pix en tout.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Niveau par compétence</dt>
          <dd className="text-slate-700">
            Niveau 1 dès {PIX_PER_LEVEL} pix dans la compétence, niveau 2 dès {2 * PIX_PER_LEVEL} pix, et ainsi de suite. Le niveau 0 regroupe les compétences
            pas encore testées et celles où l&apos;élève n&apos;a pas encore validé assez d&apos;acquis.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Certifiable</dt>
          <dd className="text-slate-700">
            Un élève est certifiable quand il a atteint au moins le niveau 1 dans {MIN_CERTIFIABLE_COMPETENCES} compétences : il peut alors passer la
            certification Pix. La colonne « Compétences certifiables » compte ses compétences de niveau 1 ou plus.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Ce que contient un profil</dt>
          <dd className="text-slate-700">
            Tout ce que l&apos;élève a montré sur Pix jusqu&apos;à l&apos;envoi, dans vos campagnes comme ailleurs. Le profil ne change plus une fois envoyé ;
            s&apos;il l&apos;envoie de nouveau, le dernier envoi remplace le précédent.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Pour accompagner les élèves</dt>
          <dd className="text-slate-700">
            L&apos;onglet « Analyse » montre, compétence par compétence, combien d&apos;élèves sont à chaque niveau : les compétences où la plupart restent
            au niveau 0 sont celles à travailler en premier, par exemple avec une campagne « Évaluer » sur cette compétence.
          </dd>
        </div>
      </dl>
    </details>
  );
}
