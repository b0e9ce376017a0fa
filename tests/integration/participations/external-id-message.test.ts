import { describe, expect, it } from "vitest";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

describe("« Avant de commencer »: the external id the campaign asks for", () => {
  it("is named inside the sentence without its capital (« votre numéro d'élève »), an acronym kept as is", async () => {
    const school = await createEstablishment({ isManagingStudents: false });
    const teacher = await createUser();
    await addMember(school.id, teacher.id, "ADMIN");
    const codes: string[] = [];
    for (const label of ["Numéro d'élève", "INE"]) {
      const campaign = campaignCreationSchema.parse({ name: label, type: "PROFILES_COLLECTION", askExternalId: "yes", externalIdLabel: label, ownerId: String(teacher.id) });
      codes.push((await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign })).code);
    }
    const pupil = await createUser();
    await expect(startParticipation({ userId: pupil.id, code: codes[0], externalId: " " })).rejects.toThrow("Merci de renseigner votre numéro d'élève.");
    await expect(startParticipation({ userId: pupil.id, code: codes[1], externalId: null })).rejects.toThrow("Merci de renseigner votre INE.");
  });
});
