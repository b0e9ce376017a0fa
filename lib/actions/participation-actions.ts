"use server";

import { revalidatePath } from "next/cache";
import { recordIdSchema } from "../domain/shared/record-id";
import { clientAddress } from "../auth/request-context";
import { getSessionUserId } from "../auth/session";
import { NotFoundError } from "../domain/shared/errors";
import { deleteParticipation } from "../use-cases/campaigns/delete-participation";
import { runAction, type ActionState } from "./run-action";

export async function deleteParticipationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const userId = await getSessionUserId();
    if (userId === null) throw new NotFoundError();
    const participationId = recordIdSchema.safeParse(formData.get("participationId"));
    if (!participationId.success) throw new NotFoundError();
    const campaignId = await deleteParticipation({ actorUserId: userId, participationId: participationId.data, address: await clientAddress() });
    revalidatePath(`/orga/campagnes/${campaignId}`, "layout");
    return { ok: true, message: "Participation supprimée." };
  });
}
