"use server";

import { redirect } from "next/navigation";
import { clientAddress } from "../auth/request-context";
import { env } from "../env";
import { relayStatePath } from "../saml/relay-state";
import { fieldErrorsOf, keptValues, runAction, type ActionState } from "./run-action";
import { completeGarFirstArrival, garBirthdateSchema } from "../use-cases/gar/complete-gar-first-arrival";

/** First arrival from the GAR: the birthdate finds the pupil in the school's roster, then the session is opened. */
export async function completeGarFirstArrivalAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | null = null;
  const result = await runAction(async () => {
    const birthdate = garBirthdateSchema.safeParse(Object.fromEntries(formData));
    if (!birthdate.success) return { ok: false, message: "Corrigez la date de naissance.", fieldErrors: fieldErrorsOf(birthdate.error.issues) };
    const { signInToken } = await completeGarFirstArrival({ token: String(formData.get("token") ?? ""), birthdate: birthdate.data, address: await clientAddress() });
    // The page the ENT (RelayState) was opening, checked again: the form field is the pupil's to change.
    const returnTo = relayStatePath(formData.get("retour"), env().APP_URL);
    target = `/connexion/sso?token=${encodeURIComponent(signInToken)}${returnTo ? `&retour=${encodeURIComponent(returnTo)}` : ""}`;
    return { ok: true };
  });
  if (target) redirect(target);
  return { ...result, values: keptValues(formData) };
}
