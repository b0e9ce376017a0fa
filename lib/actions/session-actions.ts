"use server";

import { redirect } from "next/navigation";
import { authenticate, LoginError } from "../auth/authenticate";
import { currentDevice, rememberDevice } from "../auth/device-cookie";
import { clientAddress } from "../auth/request-context";
import { endSession, getSession, startSession } from "../auth/session";
import { bumpSessionVersion } from "../db/repositories/session-repository";
import { safeAppPath } from "../urls";
import { runAction, type ActionState } from "./run-action";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * « Je me connecte »: a plain form POST (it works before the page's JavaScript has loaded, and the password never
 * lands in a URL), checked under the login limits, then back to `retour` if it is a path of the app.
 */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const login = text(formData, "login").trim().slice(0, 320);
  const password = text(formData, "password").slice(0, 1024);
  const target = safeAppPath(text(formData, "retour"), "/");
  if (!login || !password) return { ok: false, message: "Veuillez saisir votre identifiant et votre mot de passe.", values: { login } };
  let signedIn = false;
  const result = await runAction(async () => {
    try {
      const user = await authenticate({ login, password, address: await clientAddress(), device: await currentDevice() });
      await startSession(user);
      await rememberDevice(user.id);
      signedIn = true;
      return { ok: true };
    } catch (error) {
      if (error instanceof LoginError) return { ok: false, message: error.message };
      throw error;
    }
  });
  if (signedIn) redirect(target);
  return { ...result, values: { login } };
}

/** « Se déconnecter »: this session ends, its token is refused from now on. */
export async function signOutAction(formData: FormData): Promise<void> {
  await endSession();
  redirect(safeAppPath(text(formData, "retour"), "/"));
}

/** « Se déconnecter de tous les appareils »: every session of the account ends, this one included. */
export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const session = await getSession();
  if (session) await bumpSessionVersion(session.userId);
  await endSession();
  redirect(safeAppPath(text(formData, "retour"), "/connexion"));
}
