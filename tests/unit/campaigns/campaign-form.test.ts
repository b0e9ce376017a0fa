import { describe, expect, it } from "vitest";
import { campaignCreationSchema, campaignUpdateSchema } from "@/lib/domain/campaigns/campaign-form";

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

  it("runs the test with the precision engine at ± 8 points unless the advanced options say otherwise", () => {
    expect(campaignCreationSchema.parse(base)).toMatchObject({ assessmentMethod: "PRECISION", precisionTarget: 8 });
    expect(campaignCreationSchema.parse({ ...base, assessmentMethod: "SMART_RANDOM", precisionTarget: "12" })).toMatchObject({ assessmentMethod: "SMART_RANDOM", precisionTarget: 12 });
    expect(errorsOf({ ...base, precisionTarget: "7" }).precisionTarget).toBe("Veuillez choisir une des précisions proposées.");
    expect(errorsOf({ ...base, precisionTarget: "beaucoup" }).precisionTarget).toMatch(/précision visée/);
    expect(errorsOf({ ...base, assessmentMethod: "FLASH" }).assessmentMethod).toBe("Veuillez choisir le déroulement du test.");
    expect(campaignUpdateSchema.parse({ name: "A", ownerId: "3", precisionTarget: "4" })).toMatchObject({ assessmentMethod: "PRECISION", precisionTarget: 4 });
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
