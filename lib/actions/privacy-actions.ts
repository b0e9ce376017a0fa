"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "../auth/request-context";
import { getSessionUserId } from "../auth/session";
import { deleteMyAccount, deletionSchema } from "../use-cases/privacy/delete-my-account";
import { runAction, type ActionState } from "./run-action";

/** next-auth's session cookie, plain or __Secure- prefixed, possibly split in chunks (.0, .1…). */
const SESSION_COOKIE = /next-auth\.session-token(\.\d+)?$/;

/**
 * « Supprimer mon compte »: the account is anonymised, then this browser's session cookie is removed and the pupil
 * lands on a page that says so (a plain POST and redirect: it works without JavaScript).
 */
export async function deleteMyAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let done = false;
  const result = await runAction(async () => {
    const userId = await getSessionUserId();
    if (userId === null) return { ok: false, message: "Votre session a expiré : reconnectez-vous." };
    const parsed = deletionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Mot de passe incorrect.", fieldErrors: { password: "Mot de passe incorrect." } };
    await deleteMyAccount({ userId, ...parsed.data, address: await clientAddress() });
    const jar = await cookies();
    for (const { name } of jar.getAll()) {
      // A __Secure- cookie can only be overwritten by a Secure one.
      if (SESSION_COOKIE.test(name)) jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
    done = true;
    return { ok: true };
  });
  if (done) redirect("/compte-supprime");
  return result;
}
