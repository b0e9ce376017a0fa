/**
 * Fuzz of the roster import parsers, as the import chains them (readUpload, then the SIECLE XML or CSV parser):
 * random bytes, and real exports (XML, CSV, zipped) with mutations. Whatever the file, the import reads it or refuses
 * it with a RosterFileError (a French sentence for the teacher) — never another exception — and within a time box.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { parseSiecleCsv } from "@/lib/roster-import/parse-siecle-csv";
import { parseSiecleXml } from "@/lib/roster-import/parse-siecle-xml";
import { readUpload, type UploadLimits } from "@/lib/roster-import/read-upload";
import { generatePupils, siecleCsv, siecleXml, zipFiles } from "@/tests/support/siecle-sample";

const UAI = "0759999Z";
const TODAY = "2026-11-25";
/** Small limits, so that a zip bomb is recognised without inflating tens of megabytes in a unit test. */
const LIMITS: UploadLimits = { maxUploadBytes: 2 * 1024 * 1024, maxUncompressedBytes: 1024 * 1024, maxZipEntries: 20 };
/** A file of a few kilobytes takes about a millisecond: far beyond this, something loops (generous for a busy machine). */
const TIME_BOX_MS = 5_000;

/** The import's own sequence (lib/use-cases/roster/import-learners.ts): what the file is, then its parser. */
async function importRead(bytes: Buffer, fileName = "eleves.xml") {
  const upload = await readUpload(bytes, fileName, LIMITS);
  return upload.format === "csv" ? parseSiecleCsv(upload.bytes, { today: TODAY }) : parseSiecleXml(upload.bytes, { expectedUai: UAI, today: TODAY });
}

async function assertReadOrRefused(bytes: Buffer, fileName?: string): Promise<void> {
  const started = performance.now();
  try {
    const result = await importRead(bytes, fileName);
    for (const rejection of result.rejections) expect(rejection.reason.length).toBeGreaterThan(0);
    for (const { record } of result.records) expect(record.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } catch (error) {
    if (!(error instanceof RosterFileError)) throw new Error(`exception inattendue : ${String(error)}`, { cause: error });
    expect(error.message.length).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOX_MS);
}

const SNIPPETS = [
  "<!DOCTYPE BEE_ELEVES [<!ENTITY a \"aaaaaaaa\">]>",
  "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
  "&xxe;",
  "&#0;",
  "&#xD800;",
  "<![CDATA[",
  "]]>",
  "</ELEVE>",
  "<ELEVE ELEVE_ID=\"1\">",
  "<STRUCTURE><CODE_STRUCTURE>",
  "<UAJ>0000000A</UAJ>",
  "\u0000",
  "\uFFFD",
  "\"",
  ";",
  ",",
  "\r\n",
  "<a>".repeat(5000),
  "é".repeat(3000),
  "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
  "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>",
];

type Mutation = { kind: "flip"; at: number; byte: number } | { kind: "cut"; at: number } | { kind: "insert"; at: number; text: string } | { kind: "repeat"; at: number; length: number };

/** Positions spread evenly over the file (fast-check's numbers lean towards 0: most changes would hit the header). */
const position = fc.noBias(fc.nat());
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: position }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant("repeat" as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(original: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    const at = m.at % (bytes.length + 1);
    if (m.kind === "flip" && bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = m.byte;
    else if (m.kind === "cut") bytes = bytes.subarray(0, at);
    else if (m.kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, "utf8"), bytes.subarray(at)]);
    else if (m.kind === "repeat") bytes = Buffer.concat([bytes.subarray(0, at + m.length), bytes.subarray(at)]);
  }
  return bytes;
}
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

const pupils = generatePupils(6, 99);
const XML = siecleXml(pupils, { uai: UAI });
const XML_UTF8 = siecleXml(pupils, { uai: UAI, encoding: "UTF-8" });
const CSV = siecleCsv(pupils);
const CSV_LATIN1 = siecleCsv(pupils, { encoding: "latin1", separator: "," });

describe("roster parsers under fuzzing: read or refused in French, never an exception, never a hang", { timeout: 120_000 }, () => {
  it("the real exports are read", async () => {
    for (const [bytes, name] of [[XML, "a.xml"], [CSV, "a.csv"], [zipFiles([{ name: "ExportXML.xml", data: XML }]), "a.zip"]] as const) {
      expect((await importRead(bytes, name)).records.length).toBeGreaterThan(0);
    }
  });

  it("random bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (bytes) => assertReadOrRefused(Buffer.from(bytes))), { seed: 1, numRuns: 300 });
  });

  it("random text that starts like XML or like a CSV header", async () => {
    const start = fc.constantFrom("<?xml version=\"1.0\"?><BEE_ELEVES>", "<BEE_ELEVES><PARAMETRES><UAJ>0759999Z</UAJ></PARAMETRES><DONNEES>", "Identifiant unique*;Premier prénom*;");
    await fc.assert(fc.asyncProperty(start, fc.string({ maxLength: 2000 }), (head, tail) => assertReadOrRefused(Buffer.from(head + tail))), { seed: 2, numRuns: 300 });
  });

  it("SIECLE XML exports (ISO-8859-15 and UTF-8) with mutations", async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(XML, XML_UTF8), mutations, (file, changes) => assertReadOrRefused(mutate(file, changes))), { seed: 3, numRuns: 250 });
  });

  it("SIECLE CSV exports (UTF-8 with « ; », Latin-1 with « , ») with mutations", async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(CSV, CSV_LATIN1), mutations, (file, changes) => assertReadOrRefused(mutate(file, changes), "eleves.csv")), { seed: 4, numRuns: 250 });
  });

  it("zipped exports with mutations of the archive itself", async () => {
    const zips = [zipFiles([{ name: "ExportXML.xml", data: XML }]), zipFiles([{ name: "eleves.csv", data: CSV }, { name: "__MACOSX/._eleves.csv", data: CSV }])];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...zips), mutations, (zip, changes) => assertReadOrRefused(mutate(zip, changes), "export.zip")), { seed: 5, numRuns: 250 });
  });

  it("archives that lie: declared sizes, bombs, zips in zips, too many files", async () => {
    const zeros = Buffer.alloc(3 * 1024 * 1024);
    const archives = [
      zipFiles([{ name: "a.xml", data: XML, declaredSize: 10 }]),
      zipFiles([{ name: "a.xml", data: XML, declaredSize: 0xffffffff }]),
      zipFiles([{ name: "bombe.xml", data: zeros }]),
      zipFiles([{ name: "bombe.xml", data: zeros, declaredSize: 100 }]),
      zipFiles([{ name: "interne.zip", data: zipFiles([{ name: "a.xml", data: XML }]) }]),
      zipFiles(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: XML }))),
      zipFiles([{ name: "../../etc/passwd.xml", data: XML }]),
    ];
    for (const archive of archives) await assertReadOrRefused(archive, "export.zip");
  });
});
