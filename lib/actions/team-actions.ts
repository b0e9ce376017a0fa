"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordIdSchema } from "../domain/shared/record-id";
import { getOrgaContext } from "../auth/orga-actor";
import { getSessionUserId } from "../auth/session";
import { NotFoundError } from "../domain/shared/errors";
import { inviteMembers } from "../use-cases/team/invite-members";
import { invitationReportMessage } from "../domain/invitations/invitation-report";
import { cancelInvitation, resendInvitation } from "../use-cases/team/manage-invitation";
import { changeMemberRole, leaveEstablishment, removeMember } from "../use-cases/team/manage-membership";
import { keptValues, runAction, type ActionState } from "./run-action";
import { redirect } from "next/navigation";

const roleSchema = z.enum(["ADMIN", "MEMBER"], { error: "Choisissez un rôle." });
const idSchema = recordIdSchema;

async function actorUserId(): Promise<number> {
  const userId = await getSessionUserId();
  if (userId === null) throw new NotFoundError();
  return userId;
}

export async function inviteMembersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const context = await getOrgaContext();
    if (!context?.current) throw new NotFoundError();
    const role = roleSchema.safeParse(formData.get("role"));
    if (!role.success) return { ok: false, fieldErrors: { role: "Choisissez un rôle." } };
    const report = await inviteMembers({
      actorUserId: context.userId,
      establishmentId: context.current.establishmentId,
      emailsText: String(formData.get("emails") ?? ""),
      role: role.data,
    });
    revalidatePath("/orga/equipe");
    return { ok: true, message: invitationReportMessage(report) };
  });
  return result.ok ? result : { ...result, values: keptValues(formData) };
}

export async function resendInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    await resendInvitation({ actorUserId: await actorUserId(), invitationId: idSchema.parse(formData.get("invitationId")) });
    revalidatePath("/orga/equipe");
    return { ok: true, message: "Invitation renvoyée." };
  });
}

export async function cancelInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    await cancelInvitation({ actorUserId: await actorUserId(), invitationId: idSchema.parse(formData.get("invitationId")) });
    revalidatePath("/orga/equipe");
    return { ok: true, message: "Invitation annulée." };
  });
}

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const role = roleSchema.parse(formData.get("role"));
    await changeMemberRole({ actorUserId: await actorUserId(), membershipId: idSchema.parse(formData.get("membershipId")), role });
    revalidatePath("/orga/equipe");
    return { ok: true, message: "Rôle modifié." };
  });
}

export async function removeMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    await removeMember({ actorUserId: await actorUserId(), membershipId: idSchema.parse(formData.get("membershipId")) });
    revalidatePath("/orga/equipe");
    return { ok: true, message: "Membre retiré de l'établissement." };
  });
}

export async function leaveEstablishmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    await leaveEstablishment({ actorUserId: await actorUserId(), establishmentId: idSchema.parse(formData.get("establishmentId")) });
    return { ok: true };
  });
  if (result.ok) redirect("/orga");
  return result;
}
