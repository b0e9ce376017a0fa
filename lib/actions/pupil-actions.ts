"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { clientAddress } from "../auth/request-context";
import { getSessionUserId, startSessionForNewAccount } from "../auth/session";
import { safeAppPath } from "../urls";
import { fieldErrorsOf, keptValues, runAction, type ActionState } from "./run-action";
import { findCampaignForRequester, lookUpCampaignCode, startParticipation, UNKNOWN_CODE } from "../use-cases/participations/pupil-campaign";
import { shareResults } from "../use-cases/participations/participation-results";
import { signUp, signUpSchema } from "../use-cases/accounts/sign-up";
import { campaignForLanding } from "../use-cases/participations/pupil-campaign";
import { DomainError, NotFoundError } from "../domain/shared/errors";

const codeOf = (formData: FormData) => String(formData.get("code") ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");

export async function enterCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let code: string | null = null;
  const result = await runAction(async () => {
    code = await lookUpCampaignCode({ typed: String(formData.get("code") ?? ""), address: await clientAddress(), userId: await getSessionUserId() });
    return { ok: true };
  });
  if (code) redirect(`/campagnes/${code}`);
  // The campaign code is no secret (it is printed for the class): the pupil corrects what they typed instead of retyping it.
  return { ...result, values: { ...keptValues(formData), code: String(formData.get("code") ?? "").slice(0, 20) } };
}

export async function startCampaignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const code = codeOf(formData);
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  let target: string | null = null;
  const result = await runAction(async () => {
    // The code comes from the form: it is looked up under the code limits like any typed code.
    if (!(await findCampaignForRequester(code, { address: await clientAddress(), userId }))) throw new DomainError("UNKNOWN_CODE", UNKNOWN_CODE);
    const { campaign } = await startParticipation({ userId, code, externalId: formData.has("externalId") ? String(formData.get("externalId")) : null });
    target = campaign.type === "ASSESSMENT" ? `/campagnes/${campaign.code}/evaluation` : `/campagnes/${campaign.code}/resultats`;
    return { ok: true };
  });
  if (target) redirect(target);
  return { ...result, values: keptValues(formData) };
}

export async function shareResultsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const code = codeOf(formData);
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  const result = await runAction(async () => {
    const campaign = await campaignForLanding(code);
    if (!campaign) throw new NotFoundError();
    await shareResults({ userId, campaignId: campaign.id, isProfilesCollection: campaign.type === "PROFILES_COLLECTION" });
    return { ok: true };
  });
  revalidatePath(`/campagnes/${code}/resultats`);
  return result;
}

/** « Je m'inscris »: the account is created and signed in on the server, then back to `retour` (works without JavaScript). */
export async function signUpPupilAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let created = false;
  const result = await runAction(async () => {
    const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    await startSessionForNewAccount({ userId: await signUp(parsed.data) });
    created = true;
    return { ok: true, message: "Compte créé." };
  });
  if (created) redirect(safeAppPath(String(formData.get("retour") ?? ""), "/"));
  return { ...result, values: keptValues(formData) };
}

export async function retryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const code = codeOf(formData);
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  let done = false;
  const result = await runAction(async () => {
    const campaign = await campaignForLanding(code);
    if (!campaign) throw new NotFoundError();
    const { retryParticipation } = await import("../use-cases/participations/retry-participation");
    await retryParticipation({ userId, campaignId: campaign.id });
    done = true;
    return { ok: true };
  });
  if (done) redirect(`/campagnes/${code}/evaluation`);
  return result;
}
