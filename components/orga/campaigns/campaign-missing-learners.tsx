import Link from "next/link";
import type { CampaignMissingLearners } from "@/lib/db/queries/campaign-missing-learners";
import { learnersHref } from "@/components/orga/learners/learner-filters";
import { ofName } from "@/lib/domain/shared/french-text";
import { accountRefusal } from "@/lib/domain/roster/account-ownership";

const count = (value: number, singular: string, plural: string) => `${value} ${value > 1 ? plural : singular}`;
const listOf = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}` : items[0] ?? "");

/**
 * « Tous vos élèves n'apparaissent pas ? » inside a campaign: the pupils of its classes who have not joined it, by
 * name, with a way to their account (a forgotten password is the usual reason), and those who have not sent their
 * results. The school-wide reasons (import, classes) stay on the « Élèves » tab.
 */
export function CampaignMissingLearners({ missing, canManageAccounts, campaignCode, establishmentId }: { missing: CampaignMissingLearners; canManageAccounts: boolean; campaignCode: string; establishmentId: number }) {
  const { divisions, notJoined, notShared } = missing;
  const more = (shown: number, total: number) => total > shown && <p className="text-sm text-slate-700">… et {count(total - shown, "autre élève", "autres élèves")}.</p>;
  return (
    <details className="rounded-xl bg-brand-50 p-4" data-testid="campaign-missing-learners">
      <summary className="cursor-pointer text-lg font-bold">Tous vos élèves n&apos;apparaissent pas ?</summary>
      <div className="mt-3 space-y-4">
        {divisions.length === 0 ? (
          <p>Aucun élève n&apos;a encore rejoint ce parcours. Donnez-leur le code <strong>{campaignCode}</strong> : ils apparaîtront ici dès qu&apos;ils l&apos;auront saisi.</p>
        ) : (
          <section aria-labelledby="not-joined-title" className="space-y-2">
            <h3 id="not-joined-title" className="font-semibold">
              {notJoined.total === 0
                ? `Tous les élèves ${divisions.length > 1 ? "des classes" : "de la classe"} ${listOf(divisions)} ont rejoint ce parcours.`
                : `${count(notJoined.total, "élève", "élèves")} ${divisions.length > 1 ? "des classes" : "de la classe"} ${listOf(divisions)} ${notJoined.total > 1 ? "n'ont" : "n'a"} pas rejoint ce parcours`}
            </h3>
            {notJoined.total > 0 && (
              <>
                <ul className="space-y-1">
                  {notJoined.rows.map((learner) => {
                    const name = `${learner.lastName} ${learner.firstName}`;
                    const refusal = accountRefusal(learner, establishmentId, "RESET_PASSWORD");
                    return (
                      <li key={learner.learnerId} className="flex flex-wrap gap-x-3">
                        <span className="font-medium">{name}</span>
                        {learner.division && <span className="text-slate-700">{learner.division}</span>}
                        {!learner.account ? (
                          <span className="text-slate-700">pas encore de compte Pix</span>
                        ) : refusal === null && canManageAccounts ? (
                          <Link href={learnersHref({ classe: learner.division ?? "", recherche: `${learner.firstName} ${learner.lastName}`, page: 1 }, {})} className="text-brand-700 underline" aria-label={`Réinitialiser le mot de passe ${ofName(name)}`}>
                            réinitialiser son mot de passe
                          </Link>
                        ) : refusal === null ? (
                          <span className="text-slate-700">a un compte Pix (un administrateur peut réinitialiser son mot de passe)</span>
                        ) : learner.account.hasGar && !learner.account.username && !learner.account.hasEmail ? (
                          <span className="text-slate-700">se connecte par le Médiacentre</span>
                        ) : learner.account.hasEmail ? (
                          <span className="text-slate-700">compte personnel : en cas d&apos;oubli, « Mot de passe oublié ? » sur la page de connexion</span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
                {more(notJoined.rows.length, notJoined.total)}
                <p className="text-slate-800">
                  Sans compte Pix, l&apos;élève rejoint le parcours avec son code. S&apos;il a déjà un compte et ne sait plus s&apos;y connecter, réinitialisez son mot de passe : vous lui remettrez le nouveau, qu&apos;il changera à sa prochaine connexion. S&apos;il voit « Vérifiez vos informations », ses prénom, nom ou date de naissance ne correspondent pas à SIECLE.
                </p>
              </>
            )}
          </section>
        )}
        {notShared.total > 0 && (
          <section aria-labelledby="not-shared-title" className="space-y-2">
            <h3 id="not-shared-title" className="font-semibold">
              {count(notShared.total, "élève a commencé le parcours sans envoyer ses résultats", "élèves ont commencé le parcours sans envoyer leurs résultats")}
            </h3>
            <ul className="space-y-1">
              {notShared.rows.map((learner) => (
                <li key={learner.learnerId} className="flex flex-wrap gap-x-3">
                  <span className="font-medium">{learner.lastName} {learner.firstName}</span>
                  {learner.division && <span className="text-slate-700">{learner.division}</span>}
                </li>
              ))}
            </ul>
            {more(notShared.rows.length, notShared.total)}
            <p className="text-slate-800">Seuls les résultats reçus apparaissent ici : demandez-leur de terminer le parcours puis de cliquer sur « J&apos;envoie mes résultats ».</p>
          </section>
        )}
        <p className="text-sm text-slate-700">
          Élèves absents du dernier import ou sans classe : voir l&apos;onglet <Link href="/orga/eleves" className="text-brand-700 underline">Élèves</Link>.
        </p>
      </div>
    </details>
  );
}
