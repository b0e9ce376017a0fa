import { describe, expect, it } from "vitest";
import { parseSiecleXml } from "@/lib/roster-import/parse-siecle-xml";
import { DEFAULT_UPLOAD_LIMITS, readUpload } from "@/lib/roster-import/read-upload";
import { generatePupils, rosterRefusal, siecleCsv, siecleXml, zipFiles } from "@/tests/support/siecle-sample";

const xml = siecleXml(generatePupils(10), { uai: "0759999Z" });
const csv = siecleCsv(generatePupils(10));

const refusal = rosterRefusal;

describe("readUpload", () => {
  it("recognises XML and CSV by their content, not their name", async () => {
    expect(await readUpload(xml, "eleves.csv")).toEqual({ format: "xml", fileName: "eleves.csv", bytes: xml, isFromZip: false });
    expect((await readUpload(csv, "eleves.xml")).format).toBe("csv");
    expect((await readUpload(Buffer.concat([Buffer.from("\uFEFF \r\n"), xml]), "x")).format).toBe("xml");
    expect(await refusal(readUpload(Buffer.from(" \n"), "vide.xml"))).toBe("Le fichier est vide.");
    expect(await refusal(readUpload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), "eleves.xls"))).toContain("classeur Excel");
    expect(await refusal(readUpload(Buffer.from("\uFEFFIdentifiant unique*\t", "utf16le"), "eleves.txt"))).toContain("UTF-16");
  });

  it("extracts the single XML or CSV file of a zip, ignoring macOS debris", async () => {
    const zip = zipFiles([
      { name: "__MACOSX/._ExportXML_ElevesSansAdresses.xml", data: Buffer.from("junk") },
      { name: "export/ExportXML_ElevesSansAdresses.xml", data: xml },
      { name: "export/.DS_Store", data: Buffer.from("junk") },
      { name: "export/lisez-moi.txt", data: Buffer.from("bonjour") },
    ]);
    const upload = await readUpload(zip, "ExportXML.zip");
    expect(upload).toMatchObject({ format: "xml", fileName: "ExportXML_ElevesSansAdresses.xml", isFromZip: true });
    expect(upload.bytes.equals(xml)).toBe(true);
    expect((await parseSiecleXml(upload.bytes, { expectedUai: "0759999Z", today: "2026-11-25" })).records.length).toBeGreaterThan(0);
    expect((await readUpload(zipFiles([{ name: "eleves.CSV", data: csv }]), "a.zip")).format).toBe("csv");
  });

  it("refuses zips without exactly one XML or CSV file", async () => {
    expect(await refusal(readUpload(zipFiles([{ name: "a.txt", data: xml }]), "a.zip"))).toBe("L'archive ne contient aucun fichier XML ou CSV.");
    const two = zipFiles([
      { name: "a.xml", data: xml },
      { name: "b.xml", data: xml },
    ]);
    expect(await refusal(readUpload(two, "a.zip"))).toContain("plusieurs fichiers");
    const xlsx = zipFiles([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    ]);
    expect(await refusal(readUpload(xlsx, "eleves.xlsx"))).toContain("classeur Excel");
    const nested = zipFiles([{ name: "inner.xml", data: zipFiles([{ name: "a.xml", data: xml }]) }]);
    expect(await refusal(readUpload(nested, "a.zip"))).toContain("une autre archive");
  });

  it("refuses zip bombs: too many entries, or too much once inflated even when the header lies", async () => {
    const many = zipFiles(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from("x") })));
    expect(await refusal(readUpload(many, "a.zip"))).toContain("trop de fichiers (21)");

    const bomb = zipFiles([{ name: "bomb.xml", data: Buffer.alloc(DEFAULT_UPLOAD_LIMITS.maxUncompressedBytes + 1, 0x20) }]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(readUpload(bomb, "bomb.zip"))).toBe("Le fichier décompressé dépasse 50 Mo : l'archive est refusée.");

    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxUncompressedBytes: 1000 };
    const honest = zipFiles([{ name: "big.xml", data: Buffer.alloc(5000, 0x20) }]);
    expect(await refusal(readUpload(honest, "big.zip", limits))).toContain("dépasse");
    // A header announcing 10 bytes for 5,000 is stopped while inflating, before the size limit is even reached.
    const liar = zipFiles([{ name: "liar.xml", data: Buffer.alloc(5000, 0x20), declaredSize: 10 }]);
    expect(await refusal(readUpload(liar, "liar.zip", limits))).toContain("illisible");
  });

  it("refuses damaged archives and oversized uploads", async () => {
    const zip = zipFiles([{ name: "a.xml", data: xml }]);
    expect(await refusal(readUpload(zip.subarray(0, zip.length - 30), "a.zip"))).toContain("illisible");
    const corrupted = Buffer.from(zip);
    corrupted.fill(0xff, 40, 80); // inside the deflated data: the CRC or the inflater fails
    expect(await refusal(readUpload(corrupted, "a.zip"))).toContain("illisible");
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxUploadBytes: 100 };
    expect(await refusal(readUpload(xml, "gros.xml", limits))).toBe("Le fichier dépasse 0 Mo.");
  });
});
