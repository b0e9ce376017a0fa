import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessmentHeaders,
  assessmentRowWriter,
  progression,
  type AssessmentCampaignExport,
  type AssessmentParticipantExport,
  type SkillStatus,
} from "@/lib/domain/export/assessment-columns";
import { NOT_SHARED, UTF8_BOM, cellText, csvLine, csvText, dateTime, decimal, type Cell } from "@/lib/domain/export/csv-cells";

const assessmentRow = (c: AssessmentCampaignExport, p: AssessmentParticipantExport) => assessmentRowWriter(c)(p);

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
  masteryStandardError: 0.031,
  validatedByCompetence: { c1: 3, c2: 1 },
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
      "Précision (±)",
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

  it("make the header line with the BOM, texts quoted only when needed", () => {
    expect(UTF8_BOM + csvLine(assessmentHeaders(campaign).slice(0, 3))).toBe("\uFEFFNom de l'organisation;ID Campagne;Code\n");
    expect(csvLine(assessmentHeaders({ ...campaign, competences: [{ ...campaign.competences[0], name: 'Les "données"; les fichiers' }] }).slice(16, 17))).toBe(
      '"% de maitrise des acquis de la compétence Les ""données""; les fichiers"\n',
    );
  });
});

describe("assessment export rows", () => {
  it("write the results of a shared participation", () => {
    expect(csvText([assessmentRow(campaign, shared)])).toBe(
      "Collège Jean Moulin;42;ABCDEF234;Rentrée 5e;Parcours de rentrée 5e;Dupont;Léa;5A;123;" +
        "1;14/09/2026 09:30;Oui;15/09/2026 16:05;2;0,4;0,06;" +
        "0,75;4;3;0,5;2;1;0;4;0;" +
        "0,67;6;4;0;4;0\n",
    );
  });

  it("write NA in every result column of an unshared participation", () => {
    const unshared = { ...shared, sharedAt: null, isCompleted: false, assessedSkillsCount: 3, participantExternalId: null };
    expect(csvText([assessmentRow(campaign, unshared)])).toBe(
      "Collège Jean Moulin;42;ABCDEF234;Rentrée 5e;Parcours de rentrée 5e;Dupont;Léa;5A;;" +
        "0,3;14/09/2026 09:30;Non;NA;NA;NA;" +
        Array(16).fill("NA").join(";") +
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
    expect(csvLine(headers)).toContain(`;'@recherche1;`);
    const row = assessmentRow(full, participant);
    expect(row).toHaveLength(headers.length);
    expect(row.slice(-3)).toEqual(["OK", "KO", "Non testé"]);
    expect(row.slice(14, 16)).toEqual(["Non", "Oui"]);
    expect(assessmentRow(full, { ...participant, sharedAt: null })).toHaveLength(headers.length);
  });

  it("count progression as 1 once completed, else assessed / targeted to 3 decimals", () => {
    expect(progression(true, 2, 10)).toBe(1);
    expect(progression(false, 1, 3)).toBe(0.333);
    expect(progression(false, 0, 0)).toBe(0);
  });

  it("write the precision in the mastery's unit, and an empty cell for results kept before it was computed", () => {
    const precisionColumn = assessmentHeaders(campaign).indexOf("Précision (±)");
    expect(precisionColumn).toBe(assessmentHeaders(campaign).indexOf("% maitrise de l'ensemble des acquis du profil") + 1);
    expect(assessmentRow(campaign, shared)[precisionColumn]).toBe("0,06");
    // 2σ = 4.4 points is shown « ± 4,5 » on screen: the same half point in the export.
    expect(assessmentRow(campaign, { ...shared, masteryStandardError: 0.022 })[precisionColumn]).toBe("0,045");
    expect(assessmentRow(campaign, { ...shared, masteryStandardError: null })[precisionColumn]).toBe("");
    expect(assessmentRow(campaign, { ...shared, sharedAt: null })[precisionColumn]).toBe("NA");
  });

  it("guard and quote the campaign's and the participant's texts; no stars is an empty cell", () => {
    const tricky = { ...campaign, campaignName: "=Rentrée; 5e", organizationName: 'Collège "Jean Moulin"' };
    const row = assessmentRow(tricky, { ...shared, lastName: "@Dupont", firstName: "-Léa", participantExternalId: "-12", stars: null });
    expect(row.slice(0, 9)).toEqual(['Collège "Jean Moulin"', "42", "ABCDEF234", "'=Rentrée; 5e", "Parcours de rentrée 5e", "'@Dupont", "'-Léa", "5A", "-12"]);
    expect(row[13]).toBe("");
    expect(csvText([row]).startsWith(`"Collège ""Jean Moulin""";42;ABCDEF234;"'=Rentrée; 5e";Parcours de rentrée 5e;'@Dupont;'-Léa;5A;-12;`)).toBe(true);
  });

  it("write what the cells of the original columns say, for any campaign and participant (property)", { timeout: 30_000 }, () => {
    const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
    const campaignArbitrary = fc
      .record({
        areas: fc.integer({ min: 0, max: 3 }),
        competences: fc.array(fc.record({ area: fc.nat(2), targetedCount: fc.integer({ min: 0, max: 8 }) }), { maxLength: 6 }),
        stagesCount: fc.integer({ min: 0, max: 4 }),
        badges: fc.integer({ min: 0, max: 2 }),
        skills: fc.integer({ min: 0, max: 3 }),
        hasDivision: fc.boolean(),
        externalIdLabel: fc.option(fc.constant("Numéro d'élève")),
      })
      .map((c): AssessmentCampaignExport => {
        const areaIds = ids("a", Math.max(c.areas, 1));
        return {
          ...campaign,
          hasDivision: c.hasDivision,
          externalIdLabel: c.externalIdLabel,
          stagesCount: c.stagesCount,
          areas: areaIds.slice(0, c.areas).map((id) => ({ id, title: `Domaine ${id}` })),
          competences: c.competences.map((x, i) => ({ id: `c${i + 1}`, name: `Compétence ${i + 1}`, areaId: areaIds[x.area % areaIds.length], targetedCount: x.targetedCount })),
          badges: ids("Badge ", c.badges).map((title) => ({ title })),
          skills: ids("s", c.skills).map((id) => ({ id, name: `@${id}` })),
        };
      });
    const date = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true });
    const participantArbitrary = fc.record({
      lastName: fc.string(),
      firstName: fc.constantFrom("Léa", "=1+1", "-5"),
      division: fc.option(fc.constantFrom("5A", "+B")),
      participantExternalId: fc.option(fc.string()),
      createdAt: date,
      sharedAt: fc.option(date),
      isCompleted: fc.boolean(),
      assessedSkillsCount: fc.integer({ min: 0, max: 40 }),
      stars: fc.option(fc.integer({ min: 0, max: 3 })),
      masteryStandardError: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true })),
      // Counts up to beyond the targeted ones, ids absent or unknown, or no counts at all.
      validatedByCompetence: fc.option(fc.dictionary(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6", "c9"), fc.integer({ min: 0, max: 10 }))),
      acquiredBadgeTitles: fc.option(fc.subarray(["Badge 1", "Badge 2"]), { nil: undefined }),
      skillStatuses: fc.option(fc.dictionary(fc.constantFrom("s1", "s2", "s3"), fc.constantFrom<SkillStatus>("VALIDATED", "INVALIDATED")).map((d) => new Map(Object.entries(d))), { nil: undefined }),
    });
    fc.assert(
      fc.property(campaignArbitrary, fc.array(participantArbitrary, { minLength: 1, maxLength: 5 }), (c, participants) => {
        const write = assessmentRowWriter(c);
        for (const p of participants) {
          const row = write(p);
          expect(row).toEqual(referenceRow(c, p).map(cellText));
          expect(row).toHaveLength(assessmentHeaders(c).length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** The columns as first written, cell by cell, without any precomputation: what the row writer must say. */
function referenceRow(campaign: AssessmentCampaignExport, participant: AssessmentParticipantExport): Cell[] {
  const isShared = participant.sharedAt !== null;
  const validatedOf = (id: string) => participant.validatedByCompetence?.[id] ?? 0;
  const stats = (targeted: number, validated: number): Cell[] => [decimal(targeted === 0 ? 0 : validated / targeted, 2), targeted, validated];
  const targetedTotal = campaign.competences.reduce((sum, c) => sum + c.targetedCount, 0);
  const validatedTotal = campaign.competences.reduce((sum, c) => sum + validatedOf(c.id), 0);
  const badges = campaign.badges ?? [];
  const skills = campaign.skills ?? [];
  const common: Cell[] = [
    campaign.organizationName, campaign.campaignId, campaign.campaignCode, campaign.campaignName, campaign.targetProfileName,
    participant.lastName, participant.firstName,
    ...(campaign.hasDivision ? [participant.division ?? ""] : []),
    ...(campaign.externalIdLabel ? [participant.participantExternalId ?? ""] : []),
    decimal(progression(participant.isCompleted, participant.assessedSkillsCount, targetedTotal), 3),
    dateTime(participant.createdAt),
    isShared,
    participant.sharedAt === null ? NOT_SHARED : dateTime(participant.sharedAt),
    ...(campaign.stagesCount > 0 ? [isShared ? participant.stars : NOT_SHARED] : []),
    ...badges.map((badge) => (isShared ? (participant.acquiredBadgeTitles ?? []).includes(badge.title) : NOT_SHARED)),
    isShared ? decimal(targetedTotal === 0 ? 0 : validatedTotal / targetedTotal, 2) : NOT_SHARED,
    // The ± shown on screen (2σ in points to the half point, at least 1), as a ratio; nothing for results kept before it.
    isShared ? (participant.masteryStandardError === null ? null : decimal(Math.max(1, Math.round(Number((400 * participant.masteryStandardError).toFixed(4))) / 2) / 100, 3)) : NOT_SHARED,
  ];
  if (!isShared) return [...common, ...Array.from({ length: 3 * (campaign.competences.length + campaign.areas.length) + skills.length }, () => NOT_SHARED)];
  return [
    ...common,
    ...campaign.competences.flatMap((c) => stats(c.targetedCount, validatedOf(c.id))),
    ...campaign.areas.flatMap((area) => {
      const competences = campaign.competences.filter((c) => c.areaId === area.id);
      return stats(competences.reduce((sum, c) => sum + c.targetedCount, 0), competences.reduce((sum, c) => sum + validatedOf(c.id), 0));
    }),
    ...skills.map((skill) => ({ VALIDATED: "OK", INVALIDATED: "KO", NOT_TESTED: "Non testé" })[participant.skillStatuses?.get(skill.id) ?? "NOT_TESTED"]),
  ];
}
