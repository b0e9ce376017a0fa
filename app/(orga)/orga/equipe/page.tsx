import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { InviteForm } from "@/components/orga/team/invite-form";
import { MembersTable } from "@/components/orga/team/members-table";
import { PendingInvitations } from "@/components/orga/team/pending-invitations";
import { leaveEstablishmentAction } from "@/lib/actions/team-actions";
import { requireOrgaPermission } from "@/lib/auth/orga-actor";
import { listMembers } from "@/lib/db/repositories/team-repository";
import { listPendingInvitations } from "@/lib/db/repositories/invitation-repository";
import { roleCan } from "@/lib/domain/authorization/permissions";

export const metadata: Metadata = { title: "Équipe" };

export default async function TeamPage() {
  const actor = await requireOrgaPermission("team:read");
  const canManage = roleCan(actor.role, "team:invite");
  const [members, invitations] = await Promise.all([
    listMembers(actor.establishmentId),
    canManage ? listPendingInvitations(actor.establishmentId) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Équipe</h1>
        <p className="mt-1 text-slate-700">
          {members.length} membre{members.length > 1 ? "s" : ""} — {actor.membership.establishmentName}
        </p>
      </div>
      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-xl font-bold">Membres</h2>
        <MembersTable members={members} canManage={canManage} currentUserId={actor.userId} />
      </section>
      {canManage ? (
        <>
          <section aria-labelledby="invite-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
            <h2 id="invite-title" className="text-xl font-bold">Inviter un membre</h2>
            <InviteForm />
          </section>
          <section aria-labelledby="invitations-title" className="space-y-3">
            <h2 id="invitations-title" className="text-xl font-bold">Invitations en attente ({invitations.length})</h2>
            <PendingInvitations invitations={invitations} />
          </section>
        </>
      ) : (
        <p className="rounded-xl bg-brand-50 p-4 text-slate-800">
          Seuls les administrateurs de l&apos;établissement peuvent inviter des membres ou modifier l&apos;équipe.
        </p>
      )}
      <section aria-labelledby="leave-title" className="space-y-2">
        <h2 id="leave-title" className="text-lg font-bold">Quitter cet espace Pix Orga</h2>
        <p className="text-sm text-slate-700">Vous n&apos;aurez plus accès aux campagnes de cet établissement.</p>
        <ActionForm
          action={leaveEstablishmentAction}
          hidden={{ establishmentId: actor.establishmentId }}
          label="Quitter cet espace"
          confirm="Quitter définitivement cet espace ?"
          confirmLabel="Oui, quitter"
        />
      </section>
    </div>
  );
}
