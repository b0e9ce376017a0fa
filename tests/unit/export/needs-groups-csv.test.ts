import { describe, expect, it } from "vitest";
import { needsGroupsCsv, needsGroupsFileName } from "@/lib/domain/export/needs-groups-csv";

describe("needs groups CSV", () => {
  it("writes one line per pupil with the group's subjects, BOM first, formulas guarded, « ; » quoted", () => {
    const text = needsGroupsCsv({
      groups: [
        { number: 1, subjects: [{ title: "Tableur; formules", masteryPercent: 12 }, { title: "Courriel", masteryPercent: 40 }], pupils: [{ lastName: "=SOMME(A1)", firstName: "Léa", division: "4B", isMoved: true }] },
        { number: 2, subjects: [], pupils: [{ lastName: "MARTIN", firstName: "-Zoé", division: null, isMoved: false }] },
      ],
    });
    expect(text.split("\n")).toEqual([
      "\uFEFFGroupe;Nom du Participant;Prénom du Participant;Classe;Déplacé par l'enseignant;Sujets à travailler (maîtrise du groupe)",
      `Groupe 1;'=SOMME(A1);Léa;4B;Oui;"Tableur; formules (12 %) / Courriel (40 %)"`,
      "Groupe 2;MARTIN;'-Zoé;;Non;",
      "",
    ]);
  });

  it("names the file like the results file", () => {
    expect(needsGroupsFileName("4e B : sécurité", 12, new Date("2026-12-06T17:05:00Z"))).toBe("Groupes-4e B _ sécurité-12-2026-12-06-1805.csv");
  });
});
