import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EngineSettingsFields } from "@/components/orga/campaigns/engine-settings-fields";
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

  it("offers ± 8 to ± 20 (the short tests ± 16, ± 20 included); ± 4 and ± 6, no longer offered, are kept only by a campaign that has them, in its edit form", () => {
    expect(campaignCreationSchema.parse({ ...base, precisionTarget: "16" })).toMatchObject({ precisionTarget: 16 });
    expect(campaignCreationSchema.parse({ ...base, precisionTarget: "20" })).toMatchObject({ precisionTarget: 20 });
    for (const refused of ["24", "4", "6"]) expect(errorsOf({ ...base, precisionTarget: refused }).precisionTarget, refused).toBe("Veuillez choisir une des précisions proposées.");
    for (const kept of ["4", "6"]) expect(campaignUpdateSchema.parse({ name: "A", ownerId: "3", precisionTarget: kept })).toMatchObject({ precisionTarget: Number(kept) });
    const optionsOf = (target: string | undefined, editing: boolean) =>
      [...renderToStaticMarkup(createElement(EngineSettingsFields, { target, errors: {}, editing })).replaceAll("<!-- -->", "").matchAll(/<option value="(\d+)"( selected="")?[^>]*>([^<]*)</g)].map(
        ([, value, selected, label]) => ({ value, selected: Boolean(selected), label }),
      );
    const offered = optionsOf(undefined, false);
    expect(offered.map((o) => o.value)).toEqual(["8", "10", "12", "16", "20"]);
    expect(offered.find((o) => o.selected)?.value).toBe("8");
    for (const former of ["4", "6"]) {
      const kept = optionsOf(former, true);
      expect(kept[0]).toMatchObject({ value: former, selected: true });
      expect(kept[0].label).toMatch(/est plus proposé : rarement atteint/);
      expect(kept.slice(1).map((o) => o.value)).toEqual(["8", "10", "12", "16", "20"]);
      // Creating (a copy of such a campaign, a post sent back with its errors): the former precision is not offered.
      expect(optionsOf(former, false).map((o) => o.value)).toEqual(["8", "10", "12", "16", "20"]);
    }
  });

  it("refuses a precision written otherwise than as the form's digits (1e1, 0x14, 16.0, « 8 »), at creation and at edit", () => {
    // A forged post: Number() would read these as 10, 20, 16 and 8, all accepted choices (recheck14).
    for (const written of ["1e1", "0x14", "16.0", " 8 ", "+8", "8e0"]) {
      expect(errorsOf({ ...base, precisionTarget: written }).precisionTarget, written).toMatch(/précision/);
      expect(campaignUpdateSchema.safeParse({ name: "A", ownerId: "3", precisionTarget: written }).success, written).toBe(false);
    }
    expect(campaignUpdateSchema.parse({ name: "A", ownerId: "3", precisionTarget: "20" })).toMatchObject({ precisionTarget: 20 });
    expect(campaignUpdateSchema.parse({ name: "A", ownerId: "3" })).toMatchObject({ precisionTarget: 8 });
  });

  it("tells the teacher editing a campaign that a change reaches the pupils already in the test at their next question", () => {
    const html = (editing: boolean) => renderToStaticMarkup(createElement(EngineSettingsFields, { errors: {}, editing }));
    expect(html(true)).toMatch(/applique dès leur question suivante aux élèves qui ont déjà commencé le test/);
    expect(html(false)).not.toMatch(/déjà commencé le test/);
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
