import { describe, expect, it } from "vitest";
import {
  assessmentHeaders,
  assessmentRow,
  progression,
  type AssessmentCampaignExport,
  type AssessmentParticipantExport,
} from "@/lib/domain/export/assessment-columns";
import { UTF8_BOM, csvLine } from "@/lib/domain/export/csv-cells";

const campaign: AssessmentCampaignExport = {
  organizationName: "Collège Jean Moulin",
  campaignId: 42,
  campaignCode: "ABCDEF234",
  campaignName: "Rentrée 5e",
  targetProfileName: "Parcours de rentrée 5e",
  externalIdLabel: "Numéro d'élève",
  hasDivision: true,
  stagesCount: 4,
  competences: [
    { id: "c1", name: "Mener une recherche et une veille d'information", areaId: "a1", targetedCount: 4 },
    { id: "c2", name: "Gérer des données", areaId: "a1", targetedCount: 2 },
    { id: "c3", name: "Interagir", areaId: "a2", targetedCount: 4 },
  ],
  areas: [
    { id: "a1", title: "Information et données" },
    { id: "a2", title: "Communication et collaboration" },
  ],
};

const shared: AssessmentParticipantExport = {
  lastName: "Dupont",
  firstName: "Léa",
  division: "5A",
  participantExternalId: "123",
  createdAt: new Date("2026-09-14T07:30:00Z"),
  sharedAt: new Date("2026-09-15T14:05:00Z"),
  isCompleted: true,
  assessedSkillsCount: 10,
  stars: 2,
  validatedByCompetence: new Map([["c1", 3], ["c2", 1]]),
};

describe("assessment export headers", () => {
  it("are the original French headers, in order", () => {
    expect(assessmentHeaders(campaign)).toEqual([
      "Nom de l'organisation",
      "ID Campagne",
      "Code",
      "Nom de la campagne",
      "Nom du Profil Cible",
      "Nom du Participant",
      "Prénom du Participant",
      "Classe",
      "Numéro d'élève",
      "% de progression",
      "Date de début",
      "Partage (O/N)",
      "Date du partage",
      "Palier obtenu (/3)",
      "% maitrise de l'ensemble des acquis du profil",
      "% de maitrise des acquis de la compétence Mener une recherche et une veille d'information",
      "Nombre d'acquis du profil cible dans la compétence Mener une recherche et une veille d'information",
      "Acquis maitrisés dans la compétence Mener une recherche et une veille d'information",
      "% de maitrise des acquis de la compétence Gérer des données",
      "Nombre d'acquis du profil cible dans la compétence Gérer des données",
      "Acquis maitrisés dans la compétence Gérer des données",
      "% de maitrise des acquis de la compétence Interagir",
      "Nombre d'acquis du profil cible dans la compétence Interagir",
      "Acquis maitrisés dans la compétence Interagir",
      "% de maitrise des acquis du domaine Information et données",
      "Nombre d'acquis du profil cible du domaine Information et données",
      "Acquis maitrisés du domaine Information et données",
      "% de maitrise des acquis du domaine Communication et collaboration",
      "Nombre d'acquis du profil cible du domaine Communication et collaboration",
      "Acquis maitrisés du domaine Communication et collaboration",
    ]);
  });

  it("drop Classe, the external id and the stage when the campaign has none", () => {
    const headers = assessmentHeaders({ ...campaign, hasDivision: false, externalIdLabel: null, stagesCount: 0 });
    expect(headers.slice(5, 11)).toEqual([
      "Nom du Participant",
      "Prénom du Participant",
      "% de progression",
      "Date de début",
      "Partage (O/N)",
      "Date du partage",
    ]);
    expect(headers.some((h) => h.startsWith("Palier"))).toBe(false);
  });

  it("make the header line with the BOM and quoted texts", () => {
    expect(UTF8_BOM + csvLine(assessmentHeaders(campaign).slice(0, 3))).toBe('\uFEFF"Nom de l\'organisation";"ID Campagne";"Code"\n');
  });
});

describe("assessment export rows", () => {
  it("write the results of a shared participation", () => {
    expect(csvLine(assessmentRow(campaign, shared))).toBe(
      '"Collège Jean Moulin";42;"ABCDEF234";"Rentrée 5e";"Parcours de rentrée 5e";"Dupont";"Léa";"5A";"123";' +
        '1;"14/09/2026 09:30";"Oui";"15/09/2026 16:05";2;0,4;' +
        "0,75;4;3;0,5;2;1;0;4;0;" +
        "0,67;6;4;0;4;0\n",
    );
  });

  it("write NA in every result column of an unshared participation", () => {
    const unshared = { ...shared, sharedAt: null, isCompleted: false, assessedSkillsCount: 3, participantExternalId: null };
    expect(csvLine(assessmentRow(campaign, unshared))).toBe(
      '"Collège Jean Moulin";42;"ABCDEF234";"Rentrée 5e";"Parcours de rentrée 5e";"Dupont";"Léa";"5A";"";' +
        '0,3;"14/09/2026 09:30";"Non";"NA";"NA";"NA";' +
        Array(15).fill('"NA"').join(";") +
        "\n",
    );
  });

  it("have as many cells as the header, shared or not, with badges and skills", () => {
    const full: AssessmentCampaignExport = {
      ...campaign,
      badges: [{ title: "Chercheur" }, { title: "Archiviste" }],
      skills: [
        { id: "s1", name: "@recherche1" },
        { id: "s2", name: "@recherche2" },
        { id: "s3", name: "@donnees1" },
      ],
    };
    const participant = {
      ...shared,
      acquiredBadgeTitles: ["Archiviste"],
      skillStatuses: new Map([["s1", "VALIDATED" as const], ["s2", "INVALIDATED" as const]]),
    };
    const headers = assessmentHeaders(full);
    expect(headers).toContain("Chercheur obtenu (O/N)");
    expect(csvLine(headers)).toContain(`"'@recherche1"`);
    const row = assessmentRow(full, participant);
    expect(row).toHaveLength(headers.length);
    expect(row.slice(-3)).toEqual(["OK", "KO", "Non testé"]);
    expect(row.slice(14, 16)).toEqual([false, true]);
    expect(assessmentRow(full, { ...participant, sharedAt: null })).toHaveLength(headers.length);
  });

  it("count progression as 1 once completed, else assessed / targeted to 3 decimals", () => {
    expect(progression(true, 2, 10)).toBe(1);
    expect(progression(false, 1, 3)).toBe(0.333);
    expect(progression(false, 0, 0)).toBe(0);
  });
});
