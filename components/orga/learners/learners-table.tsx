import { ActionForm } from "@/components/ui/action-form";
import { learnerAccountAction } from "@/lib/actions/roster-actions";
import type { ConnectionMethods, LearnerListRow } from "@/lib/db/queries/learners";
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
      {connection.hasGar && <li>Médiacentre (GAR)</li>}
    </ul>
  );
}

/** "Gérer le compte": the username and one-time password appear in the status line, once. */
function ManageAccount({ row }: { row: LearnerListRow }) {
  const connection = row.connection;
  if (!connection) return null;
  const canAddUsername = !connection.username;
  const canReset = Boolean(connection.username || connection.hasEmail);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700 underline">
        Gérer le compte<span className="sr-only"> {ofName(`${row.firstName} ${row.lastName}`)}</span>
      </summary>
      <div className="mt-2 flex flex-col items-start gap-2">
        {canAddUsername && <ActionForm action={learnerAccountAction} hidden={{ learnerId: row.id, action: "ADD_USERNAME" }} label="Ajouter l'identifiant" />}
        {canReset && (
          <ActionForm action={learnerAccountAction} hidden={{ learnerId: row.id, action: "RESET_PASSWORD" }} label="Réinitialiser le mot de passe"
            confirm="Un mot de passe à usage unique remplacera l'actuel." confirmLabel="Réinitialiser" />
        )}
      </div>
    </details>
  );
}

/** The establishment's active pupils; checkboxes belong to the selection form used by the bulk actions. */
export function LearnersTable({ rows, total, canManage }: { rows: LearnerListRow[]; total: number; canManage: boolean }) {
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
            {canManage && <th scope="col" className="px-3 py-3">Actions</th>}
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
              {canManage && <td className="px-3 py-3"><ManageAccount row={row} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
