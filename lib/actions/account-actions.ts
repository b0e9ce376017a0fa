"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "../auth/request-context";
import { getSessionUserId, startSession } from "../auth/session";
import { keptValues, runAction, type ActionState } from "./run-action";
import { changePassword, requestPasswordReset, resetPassword } from "../use-cases/accounts/password-reset";
import { requestSelfActivation } from "../use-cases/team/self-activation";

/** Keeps what the user typed when the action fails. */
async function withValues(formData: FormData, work: () => Promise<ActionState>): Promise<ActionState> {
  const result = await runAction(work);
  return result.ok ? result : { ...result, values: keptValues(formData) };
}

export async function requestPasswordResetAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return withValues(formData, async () => {
    const email = z.string().trim().pipe(z.email()).safeParse(formData.get("email"));
    if (!email.success) return { ok: false, fieldErrors: { email: "L'adresse e-mail n'est pas valide." } };
    await requestPasswordReset({ email: email.data, address: await clientAddress() });
    return { ok: true, message: "Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien valable 1 heure." };
  });
}

/** The link works once: on success, the login page says so (a re-rendered link page would only say "no longer valid"). */
export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let done = false;
  const result = await runAction(async () => {
    await resetPassword({ token: String(formData.get("token") ?? ""), password: String(formData.get("password") ?? ""), address: await clientAddress() });
    done = true;
    return { ok: true };
  });
  if (done) redirect("/connexion?motDePasse=modifie");
  return result;
}

export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const userId = await getSessionUserId();
    if (userId === null) return { ok: false, message: "Votre session a expiré : reconnectez-vous." };
    const sessionVersion = await changePassword({
      userId,
      currentPassword: String(formData.get("currentPassword") ?? ""),
      newPassword: String(formData.get("newPassword") ?? ""),
    });
    // The other sessions of the account ended with the old password; this one goes on.
    await startSession({ id: userId, sessionVersion });
    return { ok: true, message: "Votre mot de passe a été modifié. Vos autres sessions ont été fermées." };
  });
}

export async function selfActivationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return withValues(formData, async () => {
    await requestSelfActivation({ uai: String(formData.get("uai") ?? ""), address: await clientAddress() });
    return { ok: true, message: "C'est envoyé ! Un e-mail a été adressé à la boîte de contact de l'établissement. Il contient le lien pour activer l'espace Pix Orga." };
  });
}
