import { describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { listDivisions, listLearners } from "@/lib/db/queries/learners";
import { importLearners } from "@/lib/use-cases/roster/import-learners";
import { fixturePupils, generatePupils, siecleCsv, siecleXml, zipFiles, type SamplePupil } from "@/tests/support/siecle-sample";
import { createUser } from "../../support/factories";
import { FIXTURE_BYTES, FIXTURE_UAI, NOW, learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

const importFile = (actorUserId: number, establishmentId: number, bytes: Buffer, fileName = "BEE_ELEVES.xml") =>
  importLearners({ actorUserId, establishmentId, fileName, bytes, now: NOW });

describe("SIECLE import", () => {
  it("creates the pupils of the fixture and reports every pupil it leaves out, with its reason", async () => {
    const { school, report } = await schoolWithFixtureRoster();
    expect(report).toMatchObject({ status: "IMPORTED", created: 36, updated: 0, disabled: 0 });
    if (report.status !== "IMPORTED") return;
    expect(report.rejections.map((r) => [r.code, r.learnerName])).toEqual([
      ["LEFT_SCHOOL", "ROUSSEAU Noémie"],
      ["NO_DIVISION", "N'DIAYE Hugo"],
    ]);
    expect(await db.learner.count({ where: { establishmentId: school.id, isDisabled: false } })).toBe(36);
    expect(await listDivisions(school.id)).toEqual(["3A", "4A", "4B", "4C", "5A", "6A", "6B"]);
    const lea = await learnerNamed(school.id, "DUPONT", "Léa");
    expect(lea).toMatchObject({ nationalStudentId: "0759999006A", division: "4A", sex: "F", birthCityCode: "75115" });
    expect(lea.birthdate?.toISOString().slice(0, 10)).toBe("2011-12-01");
  });

  it("upserts by INE on the next file: updates, disables the absent (never deletes), creates, then reactivates", async () => {
    const { school, admin } = await schoolWithFixtureRoster();
    const pupils = fixturePupils();
    const lea = pupils.find((p) => p.lastName === "DUPONT")!;
    const babbage = pupils.find((p) => p.lastName === "BABBAGE")!;
    const newcomer: SamplePupil = { ...lea, eleveId: "500001", ine: "0759999099Z", lastName: "NOUVELLE", firstName: "Zoé" };
    const next = [...pupils.filter((p) => p !== babbage).map((p) => (p === lea ? { ...p, division: "3A", preferredLastName: "MARTIN" } : p)), newcomer];
    const babbageId = (await learnerNamed(school.id, "BABBAGE", "Charles")).id;

    const second = await importFile(admin.id, school.id, siecleXml(next, { uai: FIXTURE_UAI }));
    expect(second).toMatchObject({ status: "IMPORTED", created: 1, updated: 35, disabled: 1, reactivated: 0 });
    expect(await learnerNamed(school.id, "DUPONT", "Léa")).toMatchObject({ division: "3A", preferredLastName: "MARTIN", isDisabled: false });
    expect(await db.learner.findUniqueOrThrow({ where: { id: babbageId } })).toMatchObject({ isDisabled: true, division: "4A" });
    expect((await listLearners({ establishmentId: school.id, division: null, search: "babbage", page: 1 })).total).toBe(0);

    const third = await importFile(admin.id, school.id, FIXTURE_BYTES);
    expect(third).toMatchObject({ status: "IMPORTED", created: 0, updated: 36, reactivated: 1, disabled: 1 });
    expect(await db.learner.findUniqueOrThrow({ where: { id: babbageId } })).toMatchObject({ isDisabled: false });
    expect(await db.learner.count({ where: { establishmentId: school.id } })).toBe(37);
  });

  it("a failure in the middle of the import changes nothing (one transaction)", async () => {
    const { school, admin } = await schoolWithFixtureRoster();
    const before = await db.learner.findMany({ where: { establishmentId: school.id }, orderBy: { id: "asc" } });
    // Disabling is the second statement: make it fail after the upsert has run.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_disable() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_disable BEFORE UPDATE OF is_disabled ON learners FOR EACH ROW WHEN (NEW.is_disabled) EXECUTE FUNCTION refuse_disable()`);
    try {
      const pupils = fixturePupils().slice(1).map((p) => ({ ...p, division: "5B" }));
      const newcomer = { ...pupils[0], eleveId: "500002", ine: "0759999098Y", lastName: "AUTRE" };
      await expect(importFile(admin.id, school.id, siecleXml([...pupils, newcomer], { uai: FIXTURE_UAI }))).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_disable ON learners`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_disable()`);
    }
    expect(await db.learner.findMany({ where: { establishmentId: school.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses a file of another establishment, and every bad file, with a report and no change", async () => {
    const { school, admin } = await schoolWithTeachers();
    const other = await importFile(admin.id, school.id, siecleXml(fixturePupils(), { uai: "0751234A" }));
    expect(other).toMatchObject({ status: "REFUSED" });
    if (other.status === "REFUSED") expect(other.message).toContain("0751234A");

    const latin1Declared = Buffer.from(siecleXml(fixturePupils(), { uai: FIXTURE_UAI, encoding: "UTF-8" }).toString("utf8").replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    const malformed = Buffer.from(`<?xml version="1.0"?><BEE_ELEVES><PARAMETRES><UAJ>${FIXTURE_UAI}</UAJ></PARAMETRES><DONNEES><ELEVES><ELEVE>`);
    const missingColumns = siecleCsv(fixturePupils(), { header: ["Identifiant unique*", "Premier prénom*", "Nom de famille*"] });
    for (const [bytes, name, expected] of [
      [latin1Declared, "a.xml", /encodage/],
      [malformed, "b.xml", /mal formé/],
      [missingColumns, "c.csv", /Colonnes obligatoires manquantes/],
      [Buffer.from("PK\u0003\u0004garbage"), "d.zip", /archive zip est illisible/],
    ] as const) {
      const report = await importFile(admin.id, school.id, bytes, name);
      expect(report.status, name).toBe("REFUSED");
      if (report.status === "REFUSED") expect(report.message).toMatch(expected);
    }
    expect(await db.learner.count()).toBe(0);
  });

  it("reports every occurrence of a duplicated INE and imports the others; CSV and zip are accepted", async () => {
    const { school, admin } = await schoolWithTeachers();
    const pupils = generatePupils(10, 7).filter((p) => !p.leftOn && p.division);
    const twin = { ...pupils[1], eleveId: "499999", firstName: "Autre" };
    const report = await importFile(admin.id, school.id, siecleCsv([...pupils, twin]), "eleves.csv");
    expect(report).toMatchObject({ status: "IMPORTED", created: pupils.length - 1 });
    if (report.status === "IMPORTED") expect(report.rejections.filter((r) => r.code === "DUPLICATE_INE")).toHaveLength(2);

    // The fixture's generated pupils share their INEs with these ones (same generator): they are updated, the others disabled.
    const zipped = zipFiles([{ name: "BEE_ELEVES_0759999Z.xml", data: FIXTURE_BYTES }]);
    const zipReport = await importFile(admin.id, school.id, zipped, "export.zip");
    expect(zipReport).toMatchObject({ status: "IMPORTED" });
    if (zipReport.status === "IMPORTED") expect(zipReport.created + zipReport.updated).toBe(36);
    expect(await db.learner.count({ where: { establishmentId: school.id, isDisabled: false } })).toBe(36);
  });

  it("only an ADMIN of the establishment imports; outsiders are told it does not exist", async () => {
    const { school, member } = await schoolWithTeachers();
    await expect(importFile(member.id, school.id, FIXTURE_BYTES)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await createUser();
    await expect(importFile(outsider.id, school.id, FIXTURE_BYTES)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.learner.count()).toBe(0);
  });

  it("imports 4,000 pupils with a few set-based statements (time logged, not asserted)", async () => {
    const { school, admin } = await schoolWithTeachers();
    const bytes = siecleXml(generatePupils(4000), { uai: FIXTURE_UAI });
    const start = performance.now();
    const report = await importFile(admin.id, school.id, bytes);
    const firstMs = performance.now() - start;
    const again = performance.now();
    await importFile(admin.id, school.id, bytes);
    const secondMs = performance.now() - again;
    expect(report.status).toBe("IMPORTED");
    if (report.status === "IMPORTED") expect(report.created + report.rejections.length).toBe(4000);
    console.log(`[roster import] 4,000 pupils (${(bytes.length / 1048576).toFixed(1)} MB XML): first import ${firstMs.toFixed(0)} ms, re-import ${secondMs.toFixed(0)} ms`);
  });
});
