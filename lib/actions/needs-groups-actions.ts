"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUserId } from "../auth/session";
import { NotFoundError } from "../domain/shared/errors";
import { moveToNeedsGroup, recomputeNeedsGroups } from "../use-cases/campaigns/arrange-needs-groups";
import { runAction, type ActionState } from "./run-action";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const groupNumberSchema = z.coerce.number().int().min(1).max(6);
/** « auto »: the data's choice; else 2..6 (the range is the use case's to say, in French). */
const groupCountSchema = z.union([z.literal("auto").transform(() => null), z.coerce.number().int()]);

const groupsPage = (campaignId: number) => `/orga/campagnes/${campaignId}/analyse/groupes`;

async function userId(): Promise<number> {
  const id = await getSessionUserId();
  if (id === null) throw new NotFoundError();
  return id;
}

/** « Déplacer »: a pupil to another needs group of the campaign (members of its establishment). Idempotent. */
export async function moveToNeedsGroupAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let done: { campaignId: number; participationId: number } | null = null;
  const result = await runAction(async () => {
    const campaignId = idSchema.parse(formData.get("campaignId"));
    const participationId = idSchema.parse(formData.get("participationId"));
    const groupNumber = groupNumberSchema.parse(formData.get("groupNumber"));
    await moveToNeedsGroup({ actorUserId: await userId(), campaignId, participationId, groupNumber, now: new Date() });
    done = { campaignId, participationId };
    return { ok: true };
  });
  if (done !== null) {
    const { campaignId, participationId } = done;
    revalidatePath(groupsPage(campaignId));
    redirect(`${groupsPage(campaignId)}?deplace=${participationId}#eleve-${participationId}`);
  }
  return result;
}

/** « Recalculer les groupes » (confirmed): the number of groups chosen, the moves forgotten. */
export async function recomputeNeedsGroupsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let campaignId: number | null = null;
  const result = await runAction(async () => {
    const id = idSchema.parse(formData.get("campaignId"));
    const groupCount = groupCountSchema.parse(formData.get("groupCount"));
    await recomputeNeedsGroups({ actorUserId: await userId(), campaignId: id, groupCount, now: new Date() });
    campaignId = id;
    return { ok: true };
  });
  if (campaignId !== null) {
    revalidatePath(groupsPage(campaignId));
    redirect(`${groupsPage(campaignId)}?recalcule=1`);
  }
  return result;
}
