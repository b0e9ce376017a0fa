import iconv from "iconv-lite";
import { crc32, deflateRawSync } from "node:zlib";
import { RosterFileError } from "../../lib/domain/roster/roster-file-error";

/**
 * Realistic, fictitious SIECLE exports for tests and benchmarks: BEE_ELEVES XML (ISO-8859-15 by default),
 * the CSV variant, and a tiny zip writer. Deterministic: the same seed gives the same bytes.
 */
export interface SamplePupil {
  eleveId: string;
  ine?: string;
  lastName: string;
  preferredLastName?: string;
  firstName: string;
  middleName?: string;
  thirdName?: string;
  sex: "M" | "F";
  /** YYYY-MM-DD. */
  birthdate: string;
  birthCountryCode: string;
  birthProvinceCode?: string;
  birthCityCode?: string;
  birthCity?: string;
  mefCode: string;
  status: string;
  /** Undefined: the pupil has no class (only a group) in SIECLE. */
  division?: string;
  /** YYYY-MM-DD: the pupil left the school. */
  leftOn?: string;
}

const GIRLS = ["Léa", "Chloé", "Zoé", "Inès", "Maëlys", "Noémie", "Hélène", "Anaïs", "Élodie", "Amélie", "Océane", "Anne-Sophie", "Margaux", "Jade"];
const BOYS = ["Théo", "Jérôme", "François", "Benoît", "Loïc", "Gaël", "Raphaël", "Noé", "Joël", "Cédric", "Jean-Éric", "Mathéo", "Hugo", "Yanis"];
const LAST_NAMES = ["MARTIN", "LEFÈVRE", "BÉRANGER", "CÔTÉ", "MÉRIEUX", "LECŒUR", "D'ARTAGNAN", "LE GALL", "N'DIAYE", "MÜLLER", "FÈVRE", "CHÂTEAU", "LEMAÎTRE", "GARÇON", "NOËL", "BENOÎT", "GAUTHIER", "ROUSSEAU", "FAURE", "PERRIN"];
const CLASSES = [
  { division: "6A", mefCode: "10010012110", birthYear: 2015 },
  { division: "6B", mefCode: "10010012110", birthYear: 2015 },
  { division: "5A", mefCode: "10110001110", birthYear: 2014 },
  { division: "4C", mefCode: "10210001110", birthYear: 2013 },
  { division: "3A", mefCode: "10310019110", birthYear: 2012 },
];
const FRENCH_BIRTHPLACES = [
  { birthProvinceCode: "075", birthCityCode: "75115", birthCity: "PARIS 15E ARRONDISSEMENT" },
  { birthProvinceCode: "069", birthCityCode: "69123", birthCity: "LYON" },
  { birthProvinceCode: "013", birthCityCode: "13055", birthCity: "MARSEILLE" },
  { birthProvinceCode: "02A", birthCityCode: "2A004", birthCity: "AJACCIO" },
  { birthProvinceCode: "974", birthCityCode: "97411", birthCity: "SAINT-DENIS" },
];
const FOREIGN_BIRTHPLACES = [
  { birthCountryCode: "131", birthCity: "BRUXELLES" },
  { birthCountryCode: "350", birthCity: "CASABLANCA" },
];

/** mulberry32: a small seeded generator, as good as needed for test data. */
export function seededRandomInt(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

/** Fictitious INE: 10 digits + 1 letter, and every 10th pupil 9 digits + 2 letters. */
export function fictitiousIne(n: number): string {
  const letters = "ABCDEFGHJKMNPRSTUVWXYZ";
  return n % 10 === 9 ? `${String(900_000_000 + n)}${letters[n % 22]}${letters[(n >> 3) % 22]}` : `${String(1_200_000_000 + n)}${letters[n % 22]}`;
}

/** N pupils over 6A 6B 5A 4C 3A; pupil 1 (and every 97th after) left, pupil 2 (and every 211th) has no class. */
export function generatePupils(count: number, seed = 2026): SamplePupil[] {
  const random = seededRandomInt(seed);
  const pick = <T>(list: readonly T[]): T => list[random(list.length)];
  /** Another name than those already given, so "Léa Léa" never appears. */
  const pickOther = (list: readonly string[], taken: readonly (string | undefined)[]): string =>
    pick(list.filter((name) => !taken.includes(name)));
  return Array.from({ length: count }, (_, i) => {
    const schoolClass = CLASSES[i % CLASSES.length];
    const sex = random(2) === 0 ? "F" : "M";
    const names = sex === "F" ? GIRLS : BOYS;
    const lastName = pick(LAST_NAMES);
    const firstName = pick(names);
    const middleName = i % 3 === 0 ? pickOther(names, [firstName]) : undefined;
    const bornAbroad = random(8) === 0;
    const month = 1 + random(12);
    const day = 1 + random(28);
    return {
      eleveId: String(400_000 + i),
      ine: fictitiousIne(i),
      lastName,
      preferredLastName: i % 7 === 3 ? pickOther(LAST_NAMES, [lastName]) : undefined,
      firstName,
      middleName,
      thirdName: i % 9 === 0 ? pickOther(names, [firstName, middleName]) : undefined,
      sex,
      birthdate: `${schoolClass.birthYear}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      ...(bornAbroad ? pick(FOREIGN_BIRTHPLACES) : { birthCountryCode: "100", ...pick(FRENCH_BIRTHPLACES) }),
      mefCode: schoolClass.mefCode,
      status: "ST",
      division: i % 211 === 2 ? undefined : schoolClass.division,
      leftOn: i % 97 === 1 ? "2026-10-16" : undefined,
    };
  });
}

const FAMOUS = [
  { firstName: "Charles", lastName: "BABBAGE", sex: "M", birthdate: "2011-03-14" },
  { firstName: "Ada", lastName: "LOVELACE", sex: "F", birthdate: "2011-12-10" },
  { firstName: "Mary", lastName: "JACKSON", sex: "F", birthdate: "2011-04-09" },
  { firstName: "Louis", lastName: "POUZIN", sex: "M", birthdate: "2011-04-20" },
  { firstName: "Garance", lastName: "SANTA", sex: "F", birthdate: "2011-07-02" },
  { firstName: "Léa", lastName: "DUPONT", sex: "F", birthdate: "2011-12-01" },
] as const;

/** Class 4B of the demo: pupils whose results make the demo campaign's needs groups (lib/db/seed/demo-results.ts). */
export const DEMO_4B = [
  { firstName: "Alan", lastName: "TURING", sex: "M", birthdate: "2011-06-23" },
  { firstName: "Margaret", lastName: "HAMILTON", sex: "F", birthdate: "2011-08-17" },
  { firstName: "Hedy", lastName: "LAMARR", sex: "F", birthdate: "2011-11-09" },
  { firstName: "Claude", lastName: "SHANNON", sex: "M", birthdate: "2011-04-30" },
  { firstName: "Katherine", lastName: "JOHNSON", sex: "F", birthdate: "2011-08-26" },
  { firstName: "Dennis", lastName: "RITCHIE", sex: "M", birthdate: "2011-09-09" },
  { firstName: "Radia", lastName: "PERLMAN", sex: "F", birthdate: "2011-12-18" },
  { firstName: "Tim", lastName: "BERNERS-LEE", sex: "M", birthdate: "2011-06-08" },
] as const;

/**
 * The committed fixture tests/fixtures/siecle/BEE_ELEVES_0759999Z.xml: 6 known pupils in 4A, 8 in 4B (the needs
 * groups of the demo) + 24 generated.
 */
export function fixturePupils(): SamplePupil[] {
  const known: SamplePupil[] = FAMOUS.map((pupil, i) => ({
    ...pupil,
    eleveId: String(300_001 + i),
    ine: `07599990${String(i + 1).padStart(2, "0")}A`,
    birthCountryCode: "100",
    ...FRENCH_BIRTHPLACES[0],
    mefCode: "10210001110",
    status: "ST",
    division: "4A",
  }));
  const class4B: SamplePupil[] = DEMO_4B.map((pupil, i) => ({
    ...pupil,
    eleveId: String(300_007 + i),
    ine: `07599990${String(i + 7).padStart(2, "0")}A`,
    birthCountryCode: "100",
    ...FRENCH_BIRTHPLACES[0],
    mefCode: "10210001110",
    status: "ST",
    division: "4B",
  }));
  return [...known, ...class4B, ...generatePupils(24, 759)];
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function toFrench(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function element(name: string, value: string | undefined, indent: string): string {
  return value === undefined ? `${indent}<${name}/>` : `${indent}<${name}>${escapeXml(value)}</${name}>`;
}

function eleveXml(pupil: SamplePupil): string {
  const i = "        ";
  return [
    `      <ELEVE ELEVE_ID="${pupil.eleveId}" ELENOET="${Number(pupil.eleveId) - 300_000}">`,
    element("ID_NATIONAL", pupil.ine, i),
    element("ELENOET", String(Number(pupil.eleveId) - 300_000), i),
    element("NOM_DE_FAMILLE", pupil.lastName, i),
    element("NOM_USAGE", pupil.preferredLastName, i),
    element("PRENOM", pupil.firstName, i),
    element("PRENOM2", pupil.middleName, i),
    element("PRENOM3", pupil.thirdName, i),
    element("DATE_NAISS", toFrench(pupil.birthdate), i),
    element("DOUBLEMENT", "N", i),
    element("CODE_PAYS", pupil.birthCountryCode, i),
    element("CODE_DEPARTEMENT_NAISS", pupil.birthProvinceCode, i),
    element("CODE_COMMUNE_INSEE_NAISS", pupil.birthCityCode, i),
    element("VILLE_NAISS", pupil.birthCity, i),
    element("CODE_MEF", pupil.mefCode, i),
    element("CODE_SEXE", pupil.sex === "M" ? "1" : "2", i),
    element("CODE_STATUT", pupil.status, i),
    element("CODE_REGIME", "2", i),
    element("DATE_ENTREE", "01/09/2026", i),
    ...(pupil.leftOn ? [element("DATE_SORTIE", toFrench(pupil.leftOn), i), element("CODE_MOTIF_SORTIE", "2", i)] : []),
    "      </ELEVE>",
  ].join("\n");
}

function structuresXml(pupil: SamplePupil): string {
  const structure = (code: string, type: string) =>
    `        <STRUCTURE>\n          <CODE_STRUCTURE>${escapeXml(code)}</CODE_STRUCTURE>\n          <TYPE_STRUCTURE>${type}</TYPE_STRUCTURE>\n        </STRUCTURE>`;
  const structures = [
    pupil.leftOn ? structure("Inactifs", "D") : pupil.division ? structure(pupil.division, "D") : undefined,
    structure(`G${pupil.eleveId.slice(-1)}`, "G"),
  ].filter(Boolean);
  return [`      <STRUCTURES_ELEVE ELEVE_ID="${pupil.eleveId}">`, ...structures, "      </STRUCTURES_ELEVE>"].join("\n");
}

export type SampleXmlEncoding = "ISO-8859-15" | "ISO-8859-1" | "UTF-8";

/** A BEE_ELEVES export; STRUCTURES (the classes) come after ELEVES and OPTIONS, as in real files. */
export function siecleXmlText(pupils: readonly SamplePupil[], options: { uai: string; encoding?: SampleXmlEncoding }): string {
  return [
    `<?xml version="1.0" encoding="${options.encoding ?? "ISO-8859-15"}"?>`,
    `<BEE_ELEVES VERSION="3.4">`,
    "  <PARAMETRES>",
    `    <UAJ>${options.uai}</UAJ>`,
    "    <ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>",
    "    <DATE_EXPORT>25/11/2026</DATE_EXPORT>",
    "    <HORODATAGE>25/11/2026 08:12:40</HORODATAGE>",
    "  </PARAMETRES>",
    "  <DONNEES>",
    "    <ELEVES>",
    ...pupils.map(eleveXml),
    "    </ELEVES>",
    "    <OPTIONS>",
    ...pupils.slice(0, 3).map((p) => `      <OPTION ELEVE_ID="${p.eleveId}"><NUM_OPTION>1</NUM_OPTION><CODE_MATIERE>030201</CODE_MATIERE></OPTION>`),
    "    </OPTIONS>",
    "    <STRUCTURES>",
    ...pupils.map(structuresXml),
    "    </STRUCTURES>",
    "  </DONNEES>",
    "</BEE_ELEVES>",
    "",
  ].join("\n");
}

export function siecleXml(pupils: readonly SamplePupil[], options: { uai: string; encoding?: SampleXmlEncoding }): Buffer {
  const encoding = options.encoding ?? "ISO-8859-15";
  return iconv.encode(siecleXmlText(pupils, options), encoding === "UTF-8" ? "utf8" : encoding === "ISO-8859-1" ? "latin1" : "iso885915");
}

export const SIECLE_CSV_HEADER = [
  "Identifiant unique*", "Premier prénom*", "Deuxième prénom", "Troisième prénom", "Nom de famille*", "Nom d'usage", "Sexe*",
  "Date de naissance (jj/mm/aaaa)*", "Code commune naissance**", "Libellé commune naissance**", "Code département naissance*",
  "Code pays naissance*", "Statut*", "Code MEF*", "Division*",
];

/** The CSV variant (no leaving date in it: pupils who left are simply not exported). */
export function siecleCsv(
  pupils: readonly SamplePupil[],
  options: { separator?: ";" | ","; encoding?: "utf-8" | "utf-8-bom" | "latin1"; header?: readonly string[] } = {},
): Buffer {
  const separator = options.separator ?? ";";
  const cell = (value: string | undefined) => {
    const text = value ?? "";
    return /[";,\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = pupils
    .filter((p) => !p.leftOn)
    .map((p) =>
      [p.ine, p.firstName, p.middleName, p.thirdName, p.lastName, p.preferredLastName, p.sex, toFrench(p.birthdate), p.birthCityCode,
        p.birthCity, p.birthProvinceCode, p.birthCountryCode, p.status, p.mefCode, p.division].map(cell).join(separator),
    );
  const text = [(options.header ?? SIECLE_CSV_HEADER).map(cell).join(separator), ...rows].join("\r\n") + "\r\n";
  if (options.encoding === "latin1") return iconv.encode(text, "latin1");
  return Buffer.from(options.encoding === "utf-8-bom" ? `\uFEFF${text}` : text, "utf8");
}

/** A minimal zip (deflate, UTF-8 names). `declaredSize` lets a test lie about the uncompressed size, as bombs do. */
export function zipFiles(files: readonly { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const compressed = deflateRawSync(file.data);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(0x6000, at + 6); // 12:00
      header.writeUInt16LE(((2026 - 1980) << 9) | (11 << 5) | 25, at + 8);
      header.writeUInt32LE(crc32(file.data), at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(file.declaredSize ?? file.data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Léa DUPONT, 4A, born in Paris: one complete SIECLE pupil for the parser tests, with `overrides`. */
export function samplePupil(overrides: Partial<SamplePupil> = {}): SamplePupil {
  return {
    eleveId: "1001",
    ine: "1234567890A",
    lastName: "DUPONT",
    firstName: "Léa",
    sex: "F",
    birthdate: "2011-12-01",
    birthCountryCode: "100",
    birthProvinceCode: "075",
    birthCityCode: "75115",
    birthCity: "PARIS",
    mefCode: "10210001110",
    status: "ST",
    division: "4A",
    ...overrides,
  };
}

/** The French message of the RosterFileError a roster reading rejects with (fails the test otherwise). */
export async function rosterRefusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RosterFileError)) throw new Error(`a RosterFileError was expected, got ${String(error)}`);
  return error.message;
}
