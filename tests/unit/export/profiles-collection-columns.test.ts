import { describe, expect, it } from "vitest";
import { csvText } from "@/lib/domain/export/csv-cells";
import {
  profilesCollectionHeaders,
  profilesCollectionRowWriter,
  type ProfilesCollectionCampaignExport,
  type ProfilesCollectionParticipantExport,
} from "@/lib/domain/export/profiles-collection-columns";
import { pixProfile } from "@/lib/domain/scoring/pix-profile";

const campaign: ProfilesCollectionCampaignExport = {
  organizationName: "Lycée Victor Hugo",
  campaignId: 7,
  campaignCode: "QWERTY234",
  campaignName: "Profils 2nde",
  externalIdLabel: null,
  hasDivision: true,
  competences: [
    { id: "c1", name: "Mener une recherche et une veille d'information" },
    { id: "c2", name: "Gérer des données" },
  ],
};

const profilesCollectionRow = (c: ProfilesCollectionCampaignExport, p: ProfilesCollectionParticipantExport) => profilesCollectionRowWriter(c)(p);

const profile = pixProfile(
  [
    { skillId: "s1", competenceId: "c1", status: "VALIDATED", earnedPix: 12.5 },
    { skillId: "s2", competenceId: "c1", status: "INVALIDATED", earnedPix: 0 },
  ],
  { competenceIds: ["c1", "c2"] },
);

const participant: ProfilesCollectionParticipantExport = {
  lastName: "Martin",
  firstName: "Hugo",
  division: "2nde B",
  participantExternalId: null,
  sharedAt: new Date("2026-10-02T06:00:00Z"),
  profile,
};

describe("profiles collection export", () => {
  it("has the original French headers, in order", () => {
    expect(profilesCollectionHeaders(campaign)).toEqual([
      "Nom de l'organisation",
      "ID Campagne",
      "Code",
      "Nom de la campagne",
      "Nom du Participant",
      "Prénom du Participant",
      "Classe",
      "Envoi (O/N)",
      "Date de l'envoi",
      "Nombre de pix total",
      "Certifiable (O/N)",
      "Nombre de compétences certifiables",
      "Niveau pour la compétence Mener une recherche et une veille d'information",
      "Nombre de pix pour la compétence Mener une recherche et une veille d'information",
      "Niveau pour la compétence Gérer des données",
      "Nombre de pix pour la compétence Gérer des données",
    ]);
    expect(profilesCollectionHeaders({ ...campaign, hasDivision: false, externalIdLabel: "Email" })[6]).toBe("Email");
  });

  it("writes the profile sent", () => {
    expect(csvText([profilesCollectionRow(campaign, participant)])).toBe(
      "Lycée Victor Hugo;7;QWERTY234;Profils 2nde;Martin;Hugo;2nde B;Oui;02/10/2026 08:00;12;Non;1;1;12;0;0\n",
    );
  });

  it("writes NA when the profile was not sent", () => {
    const row = profilesCollectionRow(campaign, { ...participant, sharedAt: null, profile: null });
    expect(csvText([row])).toBe("Lycée Victor Hugo;7;QWERTY234;Profils 2nde;Martin;Hugo;2nde B;Non;" + Array(8).fill("NA").join(";") + "\n");
    expect(row).toHaveLength(profilesCollectionHeaders(campaign).length);
  });

  it("guards the participant's texts and quotes them only when needed", () => {
    const row = profilesCollectionRow({ ...campaign, externalIdLabel: "Email" }, { ...participant, lastName: "+Martin", firstName: "Hugo; Jr", participantExternalId: null });
    expect(row.slice(4, 8)).toEqual(["'+Martin", "Hugo; Jr", "2nde B", ""]);
    expect(csvText([row])).toContain(`;'+Martin;"Hugo; Jr";2nde B;;Oui;`);
  });

  it("refuses a sent profile without its scores", () => {
    expect(() => profilesCollectionRow(campaign, { ...participant, profile: null })).toThrow();
  });
});
