import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserId } from "./session";
import { DomainError } from "../domain/shared/errors";
import { readableCampaign } from "../use-cases/campaigns/manage-campaign";

/** For campaign pages: the campaign if the signed-in teacher may read it, else a 404 (memoised per request). */
export const campaignForPage = cache(async (rawId: string) => {
  const userId = await getSessionUserId();
  if (userId === null) redirect("/orga");
  try {
    const campaign = await readableCampaign(userId, Number(rawId));
    return { ...campaign, userId };
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
});
