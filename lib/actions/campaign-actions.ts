"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { recordIdSchema } from "../domain/shared/record-id";
import { getOrgaContext } from "../auth/orga-actor";
import { getSessionUserId } from "../auth/session";
import { campaignCreationSchema, campaignUpdateSchema } from "../domain/campaigns/campaign-form";
import { NotFoundError } from "../domain/shared/errors";
import { createCampaign } from "../use-cases/campaigns/create-campaign";
import { archiveCampaign, deleteCampaign, updateCampaign } from "../use-cases/campaigns/manage-campaign";
import { fieldErrorsOf, keptValues, runAction, type ActionState } from "./run-action";

const idSchema = recordIdSchema;

async function userId(): Promise<number> {
  const id = await getSessionUserId();
  if (id === null) throw new NotFoundError();
  return id;
}

export async function createCampaignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const result = await runAction(async () => {
    const context = await getOrgaContext();
    if (!context?.current) throw new NotFoundError();
    const parsed = campaignCreationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    const created = await createCampaign({ actorUserId: context.userId, establishmentId: context.current.establishmentId, campaign: parsed.data });
    createdId = created.id;
    return { ok: true };
  });
  if (createdId !== null) {
    revalidatePath("/orga");
    redirect(`/orga/campagnes/${createdId}?creee=1`);
  }
  return { ...result, values: keptValues(formData) };
}

export async function updateCampaignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let campaignId: number | null = null;
  const result = await runAction(async () => {
    const id = idSchema.parse(formData.get("campaignId"));
    const parsed = campaignUpdateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
    await updateCampaign({ actorUserId: await userId(), campaignId: id, update: parsed.data });
    campaignId = id;
    return { ok: true };
  });
  if (campaignId !== null) {
    revalidatePath(`/orga/campagnes/${campaignId}`);
    redirect(`/orga/campagnes/${campaignId}/parametres?modifiee=1`);
  }
  return { ...result, values: keptValues(formData) };
}

export async function archiveCampaignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const campaignId = idSchema.parse(formData.get("campaignId"));
    const archived = formData.get("archived") === "true";
    await archiveCampaign({ actorUserId: await userId(), campaignId, archived });
    revalidatePath(`/orga/campagnes/${campaignId}`, "layout");
    return { ok: true, message: archived ? "Campagne archivée : elle ne peut plus être rejointe." : "Campagne désarchivée." };
  });
}

export async function deleteCampaignAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let deleted = false;
  const result = await runAction(async () => {
    await deleteCampaign({ actorUserId: await userId(), campaignId: idSchema.parse(formData.get("campaignId")) });
    deleted = true;
    return { ok: true };
  });
  if (deleted) redirect("/orga?supprimee=1");
  return result;
}
