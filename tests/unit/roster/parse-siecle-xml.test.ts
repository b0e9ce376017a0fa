import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { planImport } from "@/lib/domain/roster/import-plan";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { parseSiecleXml } from "@/lib/roster-import/parse-siecle-xml";
import { fixturePupils, generatePupils, rosterRefusal, samplePupil, siecleXml, siecleXmlText } from "@/tests/support/siecle-sample";

const UAI = "0759999Z";
const TODAY = "2026-11-25";
const parse = (source: Parameters<typeof parseSiecleXml>[0], expectedUai = UAI) => parseSiecleXml(source, { expectedUai, today: TODAY });

const pupil = samplePupil;
const refusal = rosterRefusal;

describe("parseSiecleXml", () => {
  it("reads every field of a pupil, division included", async () => {
    const xml = siecleXml([pupil({ preferredLastName: "MARTIN", middleName: "Marie", thirdName: "Éloïse", sex: "F" })], { uai: UAI });
    const result = await parse(xml);
    expect(result.uai).toBe(UAI);
    expect(result.rejections).toEqual([]);
    expect(result.records).toEqual([
      {
        line: 11,
        eleveId: "1001",
        record: {
          nationalStudentId: "1234567890A",
          firstName: "Léa",
          middleName: "Marie",
          thirdName: "Éloïse",
          lastName: "DUPONT",
          preferredLastName: "MARTIN",
          sex: "F",
          birthdate: "2011-12-01",
          birthCity: "PARIS",
          birthCityCode: "75115",
          birthProvinceCode: "075",
          birthCountryCode: "100",
          mefCode: "10210001110",
          status: "ST",
          division: "4A",
        },
      },
    ]);
  });

  it("decodes the bytes with the encoding of the prolog", async () => {
    const pupils = [pupil({ lastName: "LECŒUR", firstName: "Zoé" })];
    const iso15 = await parse(siecleXml(pupils, { uai: UAI, encoding: "ISO-8859-15" }));
    expect(iso15.records[0].record).toMatchObject({ lastName: "LECŒUR", firstName: "Zoé" });
    const utf8 = await parse(siecleXml(pupils, { uai: UAI, encoding: "UTF-8" }));
    expect(utf8.records[0].record).toMatchObject({ lastName: "LECŒUR", firstName: "Zoé" });
    // Same ISO-8859-15 bytes announced as ISO-8859-1: 0xBC (Œ) is "¼" there — the prolog is what counts.
    const relabelled = iconv.encode(siecleXmlText(pupils, { uai: UAI }).replace("ISO-8859-15", "ISO-8859-1"), "iso885915");
    expect((await parse(relabelled)).records[0].record.lastName).toBe("LEC¼UR");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), siecleXml(pupils, { uai: UAI, encoding: "UTF-8" })]);
    expect((await parse(bom)).records[0].record.firstName).toBe("Zoé");
  });

  it("refuses unsupported or lying encodings", async () => {
    const text = siecleXmlText([pupil()], { uai: UAI });
    expect(await refusal(parse(Buffer.from(text.replace("ISO-8859-15", "Shift_JIS"), "utf8")))).toContain("« Shift_JIS » n'est pas pris en charge");
    expect(await refusal(parse(iconv.encode(text, "utf16le", { addBOM: true })))).toContain("UTF-16");
    const latinBytesCalledUtf8 = iconv.encode(text.replace("ISO-8859-15", "UTF-8"), "iso885915");
    expect(await refusal(parse(latinBytesCalledUtf8))).toContain("caractères illisibles");
  });

  it("streams: chunks cut in the middle of multi-byte characters give the same result", async () => {
    const xml = siecleXml(generatePupils(40), { uai: UAI, encoding: "UTF-8" });
    async function* tinyChunks() {
      for (let i = 0; i < xml.length; i += 7) yield xml.subarray(i, i + 7);
    }
    expect(await parse(tinyChunks())).toEqual(await parse(xml));
  });

  it("refuses a file of another establishment, before reading the pupils", async () => {
    const message = await refusal(parse(siecleXml([pupil()], { uai: "0751234A" })));
    expect(message).toBe("Ce fichier SIECLE concerne l'établissement 0751234A, pas le vôtre (0759999Z) : aucun élève n'a été importé.");
    expect((await parse(siecleXml([pupil()], { uai: UAI }), " 0759999z ")).uai).toBe(UAI);
  });

  it("refuses any DOCTYPE (entity expansion, external entities)", async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE BEE_ELEVES [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      "<BEE_ELEVES><PARAMETRES><UAJ>&lol2;</UAJ></PARAMETRES></BEE_ELEVES>";
    expect(await refusal(parse(Buffer.from(laughs)))).toContain("DOCTYPE");
    const external = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><BEE_ELEVES/>';
    expect(await refusal(parse(Buffer.from(external)))).toContain("DOCTYPE");
  });

  it("turns malformed XML into a French error with the position, never a crash", async () => {
    const text = siecleXmlText([pupil()], { uai: UAI });
    expect(await refusal(parse(Buffer.from(text.slice(0, text.length / 2))))).toMatch(/^Le fichier XML est mal formé \(ligne \d+, colonne \d+\)/);
    expect(await refusal(parse(Buffer.from(text.replace("</PRENOM>", "</PRENON>"))))).toMatch(/mal formé \(ligne 16,/);
    expect(await refusal(parse(Buffer.from("<BEE_ELEVES><PARAMETRES><UAJ>0759999Z</UAJ></PARAMETRES> & </BEE_ELEVES>")))).toMatch(/mal formé/);
    expect(await refusal(parse(Buffer.from("  \n")))).toBe("Le fichier est vide.");
    expect(await refusal(parse(Buffer.from("<ELEVES/>")))).toContain("BEE_ELEVES");
    expect(await refusal(parse(Buffer.from("<BEE_ELEVES><DONNEES/></BEE_ELEVES>")))).toContain("PARAMETRES/UAJ");
    expect(await refusal(parse(Buffer.from("<BEE_ELEVES/>")))).toContain("PARAMETRES/UAJ");
  });

  it("never throws anything but a RosterFileError on damaged files", async () => {
    const text = siecleXmlText(generatePupils(5), { uai: UAI });
    for (let cut = 0; cut < text.length; cut += 97) {
      const damaged = Buffer.from(text.slice(0, cut) + "<\u0000&" + text.slice(cut + 3));
      const outcome = await parse(damaged).then(
        () => "parsed",
        (error: unknown) => (error instanceof RosterFileError ? "refused" : error),
      );
      expect(["parsed", "refused"]).toContain(outcome);
    }
  });

  it("rejects, with a reason, pupils who left, have no class, no INE or invalid fields", async () => {
    const xml = siecleXml(
      [
        pupil({ eleveId: "1", ine: "1111111111A" }),
        pupil({ eleveId: "2", ine: "2222222222B", leftOn: "2026-10-16" }),
        pupil({ eleveId: "3", ine: "3333333333C", division: undefined }),
        pupil({ eleveId: "4", ine: undefined, lastName: "SANSINE" }),
        pupil({ eleveId: "5", ine: "5555555555E", birthdate: "2027-01-01", birthCityCode: undefined }),
      ],
      { uai: UAI },
    );
    const result = await parse(xml);
    expect(result.records.map((r) => r.eleveId)).toEqual(["1"]);
    expect(result.rejections).toEqual([
      expect.objectContaining({ eleveId: "2", code: "LEFT_SCHOOL", ine: "2222222222B", reason: "Élève sorti de l'établissement le 16/10/2026 : non importé." }),
      expect.objectContaining({ eleveId: "3", code: "NO_DIVISION", learnerName: "DUPONT Léa" }),
      expect.objectContaining({ eleveId: "4", code: "MISSING_INE", learnerName: "SANSINE Léa" }),
      expect.objectContaining({
        eleveId: "5",
        code: "INVALID_FIELDS",
        reason: "La date de naissance doit être dans le passé. Code commune de naissance manquant pour un élève né en France.",
      }),
    ]);
    expect(result.rejections.every((r) => typeof r.line === "number")).toBe(true);
  });

  it("finds the class even when STRUCTURES come before ELEVES, and ignores groups and 'Inactifs'", async () => {
    const text = siecleXmlText([pupil()], { uai: UAI });
    const structures = /<STRUCTURES>[\s\S]*<\/STRUCTURES>/.exec(text)![0];
    const reordered = text.replace(structures, "").replace("<ELEVES>", `${structures}\n<ELEVES>`);
    expect((await parse(Buffer.from(reordered.replace("ISO-8859-15", "UTF-8")))).records[0].record.division).toBe("4A");
  });

  it("reads only the ELEVE's own fields (not same-named nested ones) and CDATA text", async () => {
    const text = siecleXmlText([pupil()], { uai: UAI })
      .replace("<PRENOM>Léa</PRENOM>", "<PRENOM><![CDATA[Léa]]></PRENOM><SCOLARITE><PRENOM>Autre</PRENOM><CODE_PAYS>999</CODE_PAYS></SCOLARITE>")
      .replace("ISO-8859-15", "UTF-8");
    expect((await parse(Buffer.from(text))).records[0].record).toMatchObject({ firstName: "Léa", birthCountryCode: "100" });
  });

  it("leaves duplicated INEs to the import plan, which rejects every occurrence", async () => {
    const xml = siecleXml([pupil({ eleveId: "1" }), pupil({ eleveId: "2", firstName: "Lea" }), pupil({ eleveId: "3", ine: "1234567890B" })], { uai: UAI });
    const { records } = await parse(xml);
    const plan = planImport([], records);
    expect(plan.duplicates.map((d) => [d.eleveId, d.code])).toEqual([
      ["1", "DUPLICATE_INE"],
      ["2", "DUPLICATE_INE"],
    ]);
    expect(plan.toCreate.map((r) => r.nationalStudentId)).toEqual(["1234567890B"]);
  });
});

describe("committed fixture tests/fixtures/siecle/BEE_ELEVES_0759999Z.xml", () => {
  const file = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/siecle/BEE_ELEVES_0759999Z.xml"));

  it("is what the generator produces (regenerate it with siecleXml(fixturePupils(), { uai: '0759999Z' }))", () => {
    expect(file.equals(siecleXml(fixturePupils(), { uai: UAI }))).toBe(true);
  });

  it("holds 38 pupils: 36 importable, one who left and one without class; the known pupils are in 4A, the demo's needs groups in 4B", async () => {
    const result = await parse(file);
    expect(result.records).toHaveLength(36);
    expect(result.rejections.map((r) => r.code)).toEqual(["LEFT_SCHOOL", "NO_DIVISION"]);
    const inFourA = result.records.filter((r) => r.record.division === "4A").map(({ record }) => `${record.firstName} ${record.lastName} ${record.birthdate}`);
    expect(inFourA).toEqual([
      "Charles BABBAGE 2011-03-14",
      "Ada LOVELACE 2011-12-10",
      "Mary JACKSON 2011-04-09",
      "Louis POUZIN 2011-04-20",
      "Garance SANTA 2011-07-02",
      "Léa DUPONT 2011-12-01",
    ]);
    expect(new Set(result.records.map((r) => r.record.division))).toEqual(new Set(["4A", "4B", "6A", "6B", "5A", "4C", "3A"]));
  });
});
