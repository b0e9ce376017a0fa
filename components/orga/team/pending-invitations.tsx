import { ActionForm } from "@/components/ui/action-form";
import { cancelInvitationAction, resendInvitationAction } from "@/lib/actions/team-actions";
import { formatDateTime } from "@/lib/domain/shared/format-date";
import { TableScroll } from "@/components/ui/table-scroll";
import { ofName } from "@/lib/domain/shared/french-text";

type Invitation = { id: number; email: string; role: "ADMIN" | "MEMBER" | null; sentAt: Date };

export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  if (invitations.length === 0) return <p className="text-slate-700">Aucune invitation en attente.</p>;
  return (
    <TableScroll label="Invitations en attente">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Invitations en attente</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3">Adresse e-mail</th>
            <th scope="col" className="px-4 py-3">Rôle</th>
            <th scope="col" className="px-4 py-3">Date de dernier envoi</th>
            <th scope="col" className="px-4 py-3">Actions</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-3 font-medium">{i.email}</td>
              <td className="px-4 py-3">{i.role === "ADMIN" ? "Administrateur" : "Membre"}</td>
              <td className="px-4 py-3">{formatDateTime(i.sentAt)}</td>
              <td className="space-x-2 px-4 py-3">
                <ActionForm action={resendInvitationAction} hidden={{ invitationId: i.id }} label={`Renvoyer l'invitation à ${i.email}`} />
                <ActionForm
                  action={cancelInvitationAction}
                  hidden={{ invitationId: i.id }}
                  label={`Annuler l'invitation ${ofName(i.email)}`}
                  confirm="Annuler cette invitation ? Son lien ne fonctionnera plus."
                  confirmLabel="Oui, annuler l'invitation"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
