import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { deleteLearnerAction, learnerAccountAction, unblockIdentityAction, unlinkLearnerAction } from "@/lib/actions/roster-actions";
import type { ConnectionMethods, LearnerListRow } from "@/lib/db/queries/learners";
import { accountActions } from "@/lib/domain/roster/account-ownership";
import { toFrenchDate } from "@/lib/domain/roster/french-date";
import { ofName } from "@/lib/domain/shared/french-text";
import { SELECTION_FORM_ID, SelectAllLearners } from "./selection-actions";
import { TableScroll } from "@/components/ui/table-scroll";

function ConnectionCell({ connection }: { connection: ConnectionMethods | null }) {
  if (!connection) return <span className="text-slate-600">Aucun compte</span>;
  return (
    <ul className="space-y-0.5">
      {connection.hasEmail && <li>Adresse e-mail</li>}
      {connection.username && <li>Identifiant : <span className="font-mono">{connection.username}</span></li>}
      {connection.hasUsername && !connection.username && (
        <li>Identifiant ({connection.managedElsewhere ? "compte géré par un autre établissement" : "compte non géré par votre établissement"})</li>
      )}
      {connection.hasGar && <li>Médiacentre (GAR)</li>}
    </ul>
  );
}

export type RowPermissions = { establishmentId: number; canManage: boolean; canUnlink: boolean; canDelete: boolean };

/**
 * "Gérer": the account actions the establishment may take (only on accounts its roster created: docs/adr/0009), or
 * why there are none; « Dissocier » a link; « Supprimer l'élève ». Each confirmation works without JavaScript.
 * The username and one-time password appear in the status line, once.
 */
function ManageLearner({ row, permissions }: { row: LearnerListRow; permissions: RowPermissions }) {
  const name = `${row.firstName} ${row.lastName}`;
  const actions = row.account && permissions.canManage ? accountActions({ isDisabled: false, account: row.account }, permissions.establishmentId) : null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700 underline">
        Gérer<span className="sr-only"> l&apos;élève {name}</span>
      </summary>
      <div className="mt-2 flex flex-col items-start gap-3">
        {actions?.canAddUsername && (
          <ConfirmActionForm action={learnerAccountAction} hidden={{ learnerId: row.id, action: "ADD_USERNAME" }} label="Ajouter l'identifiant" labelSuffix={name}
            confirm="Un identifiant et un mot de passe à usage unique seront créés pour ce compte." confirmLabel="Ajouter" />
        )}
        {actions?.canReset && (
          <ConfirmActionForm action={learnerAccountAction} hidden={{ learnerId: row.id, action: "RESET_PASSWORD" }} label="Réinitialiser le mot de passe" labelSuffix={name}
            confirm="Un mot de passe à usage unique remplacera l'actuel." confirmLabel="Réinitialiser" />
        )}
        {actions?.reason && <p className="max-w-xs text-slate-700">{actions.reason}</p>}
        {row.account && permissions.canUnlink && (
          <ConfirmActionForm action={unlinkLearnerAction} hidden={{ learnerId: row.id }} label="Dissocier" labelSuffix={name}
            confirm="Cet élève ne sera plus rattaché à ce compte Pix. Il pourra s'identifier à nouveau en rejoignant un parcours de l'établissement."
            confirmLabel="Dissocier le compte" />
        )}
        {!row.account && permissions.canUnlink && (
          <ConfirmActionForm action={unblockIdentityAction} hidden={{ learnerId: row.id }} label="Débloquer l'identification" labelSuffix={name}
            confirm="Si des essais erronés (nom, date de naissance) bloquent cet élève, il pourra de nouveau s'identifier tout de suite. Faites-le quand l'élève est devant vous."
            confirmLabel="Débloquer" />
        )}
        {permissions.canDelete && (
          <ConfirmActionForm action={deleteLearnerAction} hidden={{ learnerId: row.id }} label="Supprimer l'élève" labelSuffix={name} isDanger
            confirm="L'élève sera retiré de la liste. Ses participations restent, sans son nom, et son compte Pix reste le sien. S'il figure encore dans SIECLE, le prochain import le recréera."
            confirmLabel="Supprimer définitivement" />
        )}
      </div>
    </details>
  );
}

/** The establishment's active pupils; checkboxes belong to the selection form used by the bulk actions. */
export function LearnersTable({ rows, total, permissions }: { rows: LearnerListRow[]; total: number; permissions: RowPermissions }) {
  const canManage = permissions.canManage;
  const hasActions = permissions.canManage || permissions.canUnlink || permissions.canDelete;
  return (
    <TableScroll label={`Liste des élèves (${total})`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Liste des élèves ({total})</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {canManage && <th scope="col" className="px-3 py-3"><SelectAllLearners /></th>}
            <th scope="col" className="px-3 py-3">Nom</th>
            <th scope="col" className="px-3 py-3">Prénom</th>
            <th scope="col" className="px-3 py-3">Date de naissance</th>
            <th scope="col" className="px-3 py-3">Classe</th>
            <th scope="col" className="px-3 py-3">Méthode(s) de connexion</th>
            <th scope="col" className="px-3 py-3 text-right">Participations</th>
            {hasActions && <th scope="col" className="px-3 py-3">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
              {canManage && (
                <td className="px-3 py-3">
                  <input type="checkbox" name="learnerId" value={row.id} form={SELECTION_FORM_ID} aria-label={`Sélectionner ${row.firstName} ${row.lastName}`} />
                </td>
              )}
              <th scope="row" className="px-3 py-3 font-semibold">{row.lastName}</th>
              <td className="px-3 py-3">{row.firstName}</td>
              <td className="px-3 py-3">{row.birthdate ? toFrenchDate(row.birthdate) : "—"}</td>
              <td className="px-3 py-3">{row.division ?? "—"}</td>
              <td className="px-3 py-3"><ConnectionCell connection={row.connection} /></td>
              <td className="px-3 py-3 text-right">
                {row.participationsCount}
                {row.sharedCount > 0 && <span className="block text-xs text-slate-600">dont {row.sharedCount} envoyée{row.sharedCount > 1 ? "s" : ""}</span>}
              </td>
              {hasActions && <td className="px-3 py-3"><ManageLearner row={row} permissions={permissions} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
