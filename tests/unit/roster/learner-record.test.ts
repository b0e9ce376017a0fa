import { describe, expect, it } from "vitest";
import { validateLearnerRecord, type LearnerFields } from "@/lib/domain/roster/learner-record";
import { toFrenchDate, toIsoDate } from "@/lib/domain/roster/french-date";

const TODAY = "2026-11-25";
const lea: LearnerFields = {
  nationalStudentId: "1234567890a",
  firstName: "  Léa ",
  lastName: "DUPONT",
  sex: "2",
  birthdate: "01/12/2011",
  birthCountryCode: "100",
  birthCityCode: "75115",
  birthProvinceCode: "075",
  division: " 4A ",
};

function reasonsOf(fields: LearnerFields): string[] {
  const validation = validateLearnerRecord(fields, TODAY);
  return validation.ok ? [] : validation.reasons;
}

describe("validateLearnerRecord", () => {
  it("cleans a valid pupil: INE upper-case, ISO birthdate, SIECLE sex code, trimmed text", () => {
    const validation = validateLearnerRecord(lea, TODAY);
    expect(validation).toEqual({
      ok: true,
      record: expect.objectContaining({ nationalStudentId: "1234567890A", firstName: "Léa", sex: "F", birthdate: "2011-12-01", division: "4A" }),
    });
  });

  it("accepts both INE shapes, case-insensitive, and refuses the others", () => {
    expect(reasonsOf({ ...lea, nationalStudentId: "123456789ab" })).toEqual([]);
    expect(reasonsOf({ ...lea, nationalStudentId: "123456789AB" })).toEqual([]);
    for (const ine of ["12345678901", "123456789A", "12345678AB1", "ABCDEFGHIJK", "1234567890AB"]) {
      expect(reasonsOf({ ...lea, nationalStudentId: ine })[0]).toMatch(/^INE « .* » invalide/);
    }
    expect(reasonsOf({ ...lea, nationalStudentId: "  " })).toEqual(["INE manquant."]);
  });

  it("requires a real birthdate in the past", () => {
    expect(reasonsOf({ ...lea, birthdate: "31/02/2011" })).toEqual(["Date de naissance « 31/02/2011 » invalide (format attendu jj/mm/aaaa)."]);
    expect(reasonsOf({ ...lea, birthdate: "2011-12-01" })).toEqual([]);
    expect(reasonsOf({ ...lea, birthdate: "25/11/2026" })).toEqual(["La date de naissance doit être dans le passé."]);
    expect(reasonsOf({ ...lea, birthdate: "24/11/2026" })).toEqual([]);
    expect(reasonsOf({ ...lea, birthdate: undefined })).toEqual(["Date de naissance manquante."]);
  });

  it("reads the sex as M/F or the SIECLE codes 1/2", () => {
    expect(validateLearnerRecord({ ...lea, sex: "m" }, TODAY)).toMatchObject({ record: { sex: "M" } });
    expect(validateLearnerRecord({ ...lea, sex: "1" }, TODAY)).toMatchObject({ record: { sex: "M" } });
    expect(reasonsOf({ ...lea, sex: "3" })).toEqual(["Sexe « 3 » invalide (M ou F attendu)."]);
    expect(reasonsOf({ ...lea, sex: "" })).toEqual(["Sexe manquant."]);
  });

  it("requires the birth city code for pupils born in France only (100 or 99100)", () => {
    const message = "Code commune de naissance manquant pour un élève né en France.";
    expect(reasonsOf({ ...lea, birthCityCode: "" })).toEqual([message]);
    expect(reasonsOf({ ...lea, birthCountryCode: "99100", birthCityCode: undefined })).toEqual([message]);
    expect(reasonsOf({ ...lea, birthCountryCode: "131", birthCityCode: undefined, birthCity: "BRUXELLES" })).toEqual([]);
    expect(validateLearnerRecord({ ...lea, birthCountryCode: "99131" }, TODAY)).toMatchObject({ record: { birthCountryCode: "131" } });
  });

  it("reports every problem at once", () => {
    expect(reasonsOf({ sex: "X" })).toEqual([
      "INE manquant.",
      "Prénom manquant.",
      "Nom de famille manquant.",
      "Sexe « X » invalide (M ou F attendu).",
      "Date de naissance manquante.",
      "Classe (division) manquante.",
    ]);
    expect(reasonsOf({ ...lea, lastName: "X".repeat(256) })).toEqual(["Le champ « Nom de famille » dépasse 255 caractères."]);
  });
});

describe("french dates", () => {
  it("converts and checks calendar dates", () => {
    expect(toIsoDate("1/2/2012")).toBe("2012-02-01");
    expect(toIsoDate("29/02/2012")).toBe("2012-02-29");
    expect(toIsoDate("29/02/2011")).toBeNull();
    expect(toIsoDate("2011-13-01")).toBeNull();
    expect(toIsoDate("01-12-2011")).toBeNull();
    expect(toFrenchDate("2011-12-01")).toBe("01/12/2011");
  });
});
