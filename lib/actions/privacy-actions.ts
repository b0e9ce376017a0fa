"use server";

import { redirect } from "next/navigation";
import { clientAddress } from "../auth/request-context";
import { endSession, getSessionUserId } from "../auth/session";
import { deleteMyAccount, deletionSchema } from "../use-cases/privacy/delete-my-account";
import { runAction, type ActionState } from "./run-action";

/**
 * « Supprimer mon compte »: the account is anonymised, every session of the account ends (this browser's cookie goes
 * too) and the pupil lands on a page that says so (a plain POST and redirect: it works without JavaScript).
 */
export async function deleteMyAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let done = false;
  const result = await runAction(async () => {
    const userId = await getSessionUserId();
    if (userId === null) return { ok: false, message: "Votre session a expiré : reconnectez-vous." };
    const parsed = deletionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Mot de passe incorrect.", fieldErrors: { password: "Mot de passe incorrect." } };
    await deleteMyAccount({ userId, ...parsed.data, address: await clientAddress() });
    // The deletion raised the session version (every device is signed out); this browser also loses its cookie.
    await endSession();
    done = true;
    return { ok: true };
  });
  if (done) redirect("/compte-supprime");
  return result;
}
