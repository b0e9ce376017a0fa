"use server";

import { clientAddress } from "../auth/request-context";
import { redirect } from "next/navigation";
import { getSessionUserId, startSessionForNewAccount } from "../auth/session";
import { fieldErrorsOf, keptValues, runAction, type ActionState } from "./run-action";
import { acceptInvitation, invitationStateMessage, viewInvitation } from "../use-cases/team/invitation-link";
import { signUp, signUpSchema } from "../use-cases/accounts/sign-up";
import { DomainError } from "../domain/shared/errors";

function invitationFrom(formData: FormData) {
  return { invitationId: Number(formData.get("invitationId")), code: String(formData.get("code") ?? "") };
}

/** The signed-in user accepts the invitation. */
export async function acceptInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const userId = await getSessionUserId();
    if (userId === null) return { ok: false, message: "Connectez-vous d'abord." };
    const result = await acceptInvitation({ userId, ...invitationFrom(formData), address: await clientAddress() });
    return { ok: true, message: result.alreadyMember ? "Vous étiez déjà membre de cet établissement." : "Invitation acceptée." };
  });
}

/**
 * "Je m'inscris" from the invitation page: checks the invitation, creates the account, accepts the
 * invitation, signs the new user in and opens Pix Orga (on the server: it works without JavaScript).
 */
export async function signUpWithInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let created = false;
  const result = await runAction(async () => {
    const invitation = invitationFrom(formData);
    const address = await clientAddress();
    const view = await viewInvitation({ ...invitation, address });
    if (view.state !== "VALID") throw new DomainError("INVITATION", invitationStateMessage(view.state));
    const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const userId = await signUp(parsed.data);
    await acceptInvitation({ userId, ...invitation, address });
    await startSessionForNewAccount({ userId });
    created = true;
    return { ok: true, message: "Compte créé." };
  });
  if (created) redirect("/orga");
  return { ...result, values: keptValues(formData) };
}
