import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { detectSeparator, parseSiecleCsv } from "@/lib/roster-import/parse-siecle-csv";
import { SIECLE_CSV_HEADER, samplePupil, siecleCsv, type SamplePupil } from "@/tests/support/siecle-sample";

const TODAY = "2026-11-25";
const parse = (bytes: Buffer) => parseSiecleCsv(bytes, { today: TODAY });

const lea = samplePupil({ eleveId: "1", preferredLastName: "MARTIN", middleName: "Marie" });
const theo: SamplePupil = { ...lea, eleveId: "2", ine: "123456789ab", firstName: "Théo", middleName: undefined, preferredLastName: undefined, sex: "M", birthCountryCode: "99131", birthCityCode: undefined, birthCity: "Bruxelles, Belgique" };

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RosterFileError);
    return (error as RosterFileError).message;
  }
  throw new Error("expected a refusal");
}

describe("parseSiecleCsv", () => {
  it("reads the ';' UTF-8 file with BOM that French Excel writes", () => {
    const result = parse(siecleCsv([lea, theo], { encoding: "utf-8-bom" }));
    expect(result.rejections).toEqual([]);
    expect(result.records).toEqual([
      {
        line: 2,
        record: expect.objectContaining({ nationalStudentId: "1234567890A", firstName: "Léa", middleName: "Marie", preferredLastName: "MARTIN", sex: "F", birthdate: "2011-12-01", division: "4A" }),
      },
      { line: 3, record: expect.objectContaining({ nationalStudentId: "123456789AB", birthCountryCode: "131", birthCity: "Bruxelles, Belgique" }) },
    ]);
  });

  it("detects the ',' separator and ISO-8859-1 bytes", () => {
    const latin = siecleCsv([lea, theo], { separator: ",", encoding: "latin1" });
    expect(latin.includes(Buffer.from("Léa", "utf8"))).toBe(false);
    const result = parse(latin);
    expect(result.records.map((r) => r.record.firstName)).toEqual(["Léa", "Théo"]);
    expect(result.records[1].record.birthCity).toBe("Bruxelles, Belgique");
    expect(detectSeparator('"a;b",c,d\n')).toBe(",");
    expect(detectSeparator("a;b,c;d\n")).toBe(";");
  });

  it("decodes Excel's windows-1252 characters (œ, ’) in non-UTF-8 files", () => {
    const header = SIECLE_CSV_HEADER.join(";");
    const row = "1234567890A;Zoé;;;LECŒUR;N’DIAYE;F;01/12/2011;75115;PARIS;075;100;ST;10210001110;4A";
    const result = parse(iconv.encode(`${header}\r\n${row}\r\n`, "win1252"));
    expect(result.records[0].record).toMatchObject({ lastName: "LECŒUR", preferredLastName: "N’DIAYE" });
  });

  it("names the missing required columns", () => {
    const header = SIECLE_CSV_HEADER.filter((h) => h !== "Division*" && h !== "Sexe*" && h !== "Nom d'usage");
    expect(refusal(() => parse(siecleCsv([lea], { header })))).toBe("Colonnes obligatoires manquantes : « Sexe* », « Division* ».");
    const withoutIne = SIECLE_CSV_HEADER.filter((h) => h !== "Identifiant unique*");
    expect(refusal(() => parse(siecleCsv([lea], { header: withoutIne })))).toBe("Colonne obligatoire manquante : « Identifiant unique* ».");
    expect(refusal(() => parse(Buffer.from("Nom;Prénom\nDupont;Léa\n")))).toContain("« Identifiant unique* », « Premier prénom* »");
  });

  it("matches headers without stars, case or apostrophe style", () => {
    const header = SIECLE_CSV_HEADER.map((h) => h.replace(/\*+$/, "").toUpperCase().replace("'", "’"));
    expect(parse(siecleCsv([lea], { header })).records[0].record.preferredLastName).toBe("MARTIN");
  });

  it("rejects invalid lines with their line number, skips empty lines", () => {
    const header = SIECLE_CSV_HEADER.join(";");
    const good = "1234567890A;Léa;;;DUPONT;;F;01/12/2011;75115;PARIS;075;100;ST;10210001110;4A";
    const text = [header, good, ";;;;;;;;;;;;;;", "", ";Paul;;;MARTIN;;M;30/02/2011;;;075;100;ST;10210001110;4A", "1111111111B;Zoé;;;NOËL;;X;01/01/2012;75115;PARIS;075;100;ST;10210001110;"].join("\n");
    const result = parse(Buffer.from(text));
    expect(result.records.map((r) => r.line)).toEqual([2]);
    expect(result.rejections).toEqual([
      {
        code: "MISSING_INE",
        line: 5,
        ine: undefined,
        learnerName: "MARTIN Paul",
        reason: "INE manquant. Date de naissance « 30/02/2011 » invalide (format attendu jj/mm/aaaa). Code commune de naissance manquant pour un élève né en France.",
      },
      { code: "INVALID_FIELDS", line: 6, ine: "1111111111B", learnerName: "NOËL Zoé", reason: "Sexe « X » invalide (M ou F attendu). Classe (division) manquante." },
    ]);
  });

  it("refuses empty and malformed files", () => {
    expect(refusal(() => parse(Buffer.from("\uFEFF\r\n")))).toBe("Le fichier est vide.");
    const header = SIECLE_CSV_HEADER.join(";");
    expect(refusal(() => parse(Buffer.from(`${header}\n"1234567890A;Léa\n`)))).toContain("Le fichier CSV est mal formé");
  });
});
