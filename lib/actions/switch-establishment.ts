"use server";

import { redirect } from "next/navigation";
import { recordIdSchema } from "../domain/shared/record-id";
import { getSessionUserId } from "../auth/session";
import { setCurrentEstablishment } from "../db/repositories/membership-repository";

/** Switches the teacher's current establishment; only to one where they are an active member. */
export async function switchEstablishment(formData: FormData): Promise<void> {
  const userId = await getSessionUserId();
  if (userId === null) redirect("/orga");
  const parsed = recordIdSchema.safeParse(formData.get("establishmentId"));
  if (parsed.success) await setCurrentEstablishment(userId, parsed.data);
  redirect("/orga");
}
