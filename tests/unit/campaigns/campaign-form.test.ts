import { describe, expect, it } from "vitest";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";

const base = { name: "Rentrée 3e B", type: "ASSESSMENT", targetProfileId: "tp-rentree-3e", askExternalId: "no", ownerId: "4", title: "Parcours 3e B", landingText: "" };

function errorsOf(input: Record<string, unknown>) {
  const parsed = campaignCreationSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("campaign creation form", () => {
  it("accepts an assessment with a parcours and normalises the optional fields", () => {
    const parsed = campaignCreationSchema.parse(base);
    expect(parsed).toMatchObject({ type: "ASSESSMENT", targetProfileId: "tp-rentree-3e", externalIdLabel: null, landingText: null, ownerId: 4, multipleSendings: false });
  });

  it("requires a parcours to assess, and drops it (and the title) when collecting profiles", () => {
    expect(errorsOf({ ...base, targetProfileId: "" }).targetProfileId).toMatch(/choisir ce que vous souhaitez tester/);
    const collect = campaignCreationSchema.parse({ ...base, type: "PROFILES_COLLECTION" });
    expect(collect.targetProfileId).toBeNull();
    expect(collect.title).toBeNull();
  });

  it("asks for the external id label when the id is requested", () => {
    expect(errorsOf({ ...base, askExternalId: "yes" }).externalIdLabel).toMatch(/libellé/);
    const parsed = campaignCreationSchema.parse({ ...base, askExternalId: "yes", externalIdLabel: "Numéro d'élève", externalIdType: "EMAIL" });
    expect(parsed).toMatchObject({ externalIdLabel: "Numéro d'élève", externalIdType: "EMAIL" });
  });

  it("limits the title to 50 characters and the landing text to 5,000, with French messages", () => {
    expect(errorsOf({ ...base, title: "x".repeat(51) }).title).toBe("Le titre ne doit pas dépasser 50 caractères.");
    expect(errorsOf({ ...base, landingText: "x".repeat(5001) }).landingText).toBe("Le texte ne doit pas dépasser 5000 caractères.");
    expect(errorsOf({ ...base, name: "  " }).name).toBe("Veuillez donner un nom à votre campagne.");
  });
});
