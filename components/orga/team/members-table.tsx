import { ActionForm } from "@/components/ui/action-form";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/team-actions";
import { formatDate } from "@/lib/domain/shared/format-date";
import { TableScroll } from "@/components/ui/table-scroll";
import { ofName } from "@/lib/domain/shared/french-text";

type Member = { membershipId: number; userId: number; firstName: string; lastName: string; email: string | null; role: "ADMIN" | "MEMBER"; lastAccessAt: Date | null };

const ROLE_LABEL = { ADMIN: "Administrateur", MEMBER: "Membre" } as const;

export function MembersTable({ members, canManage, currentUserId }: { members: Member[]; canManage: boolean; currentUserId: number }) {
  return (
    <TableScroll label="Membres de l'établissement">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Membres de l&apos;établissement</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3">Nom</th>
            <th scope="col" className="px-4 py-3">Prénom</th>
            <th scope="col" className="px-4 py-3">Adresse e-mail</th>
            <th scope="col" className="px-4 py-3">Rôle</th>
            <th scope="col" className="px-4 py-3">Dernier accès</th>
            {canManage && <th scope="col" className="px-4 py-3">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.membershipId} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-3 font-medium">{m.lastName}</td>
              <td className="px-4 py-3">{m.firstName}</td>
              <td className="px-4 py-3">{m.email ?? "—"}</td>
              <td className="px-4 py-3">
                {canManage && m.userId !== currentUserId ? (
                  <ActionForm action={changeRoleAction} hidden={{ membershipId: m.membershipId }} label="Modifier le rôle">
                    <label htmlFor={`role-${m.membershipId}`} className="sr-only">
                      Rôle {ofName(`${m.firstName} ${m.lastName}`)}
                    </label>
                    <select id={`role-${m.membershipId}`} name="role" defaultValue={m.role} className="rounded border border-slate-400 px-2 py-1">
                      <option value="MEMBER">Membre</option>
                      <option value="ADMIN">Administrateur</option>
                    </select>
                  </ActionForm>
                ) : (
                  ROLE_LABEL[m.role]
                )}
              </td>
              <td className="px-4 py-3">{m.lastAccessAt ? formatDate(m.lastAccessAt) : "Jamais"}</td>
              {canManage && (
                <td className="px-4 py-3">
                  {m.userId !== currentUserId && (
                    <ActionForm
                      action={removeMemberAction}
                      hidden={{ membershipId: m.membershipId }}
                      label={`Retirer ${m.firstName} ${m.lastName}`}
                      confirm={`Retirer ${m.firstName} ${m.lastName} de l'établissement ? Ses campagnes restent visibles.`}
                      confirmLabel="Oui, retirer"
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
