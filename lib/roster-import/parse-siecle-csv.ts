import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import {
  learnerDisplayName,
  validateLearnerRecord,
  type ImportRejection,
  type LearnerFields,
  type ParsedRecord,
} from "@/lib/domain/roster/learner-record";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { todayInParis } from "./byte-source";

export interface SiecleCsvOptions {
  /** YYYY-MM-DD; defaults to today in Europe/Paris. */
  today?: string;
}

export interface SiecleCsvResult {
  records: ParsedRecord[];
  rejections: ImportRejection[];
}

/**
 * The columns of the SIECLE CSV variant (used by agricultural schools). "*" = required, "**" = required for
 * pupils born in France: both must be present in the header, the per-pupil rule is checked by the validation.
 */
export const SIECLE_CSV_COLUMNS: readonly { header: string; field: keyof LearnerFields; isRequired: boolean }[] = [
  { header: "Identifiant unique*", field: "nationalStudentId", isRequired: true },
  { header: "Premier prénom*", field: "firstName", isRequired: true },
  { header: "Deuxième prénom", field: "middleName", isRequired: false },
  { header: "Troisième prénom", field: "thirdName", isRequired: false },
  { header: "Nom de famille*", field: "lastName", isRequired: true },
  { header: "Nom d'usage", field: "preferredLastName", isRequired: false },
  { header: "Sexe*", field: "sex", isRequired: true },
  { header: "Date de naissance (jj/mm/aaaa)*", field: "birthdate", isRequired: true },
  { header: "Code commune naissance**", field: "birthCityCode", isRequired: true },
  { header: "Libellé commune naissance**", field: "birthCity", isRequired: true },
  { header: "Code département naissance*", field: "birthProvinceCode", isRequired: true },
  { header: "Code pays naissance*", field: "birthCountryCode", isRequired: true },
  { header: "Statut*", field: "status", isRequired: true },
  { header: "Code MEF*", field: "mefCode", isRequired: true },
  { header: "Division*", field: "division", isRequired: true },
];

/** Headers are compared without case, stars, curly apostrophes or extra spaces: spreadsheets mangle them. */
function headerKey(header: string): string {
  return header.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().replace(/\*+$/, "").trim().toLowerCase();
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise the file comes from Excel in Latin-1. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // windows-1252 is ISO-8859-1 plus the printable characters Excel writes in 0x80–0x9F (œ, ’, €).
    return iconv.decode(Buffer.from(bytes), "win1252");
  }
}

/** ";" (French Excel) or ",", whichever the header line has more of, quoted text aside. */
export function detectSeparator(text: string): ";" | "," {
  const headerLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const count = (separator: string) => headerLine.split(separator).length - 1;
  return count(",") > count(";") ? "," : ";";
}

type CsvRow = { record: string[]; info: { lines: number } };

function readRows(text: string, separator: string): CsvRow[] {
  try {
    const options = { delimiter: separator, info: true, relax_column_count: true, skip_empty_lines: true, bom: true };
    return parse(text, options) as unknown as CsvRow[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const failure = new RosterFileError(`Le fichier CSV est mal formé${line ? ` (ligne ${line})` : ""} : vérifiez les guillemets et le séparateur.`);
    failure.cause = error;
    throw failure;
  }
}

function columnIndexes(header: string[]): Map<keyof LearnerFields, number> {
  const positions = new Map(header.map((name, index) => [headerKey(name), index] as const));
  const indexes = new Map<keyof LearnerFields, number>();
  const missing: string[] = [];
  for (const column of SIECLE_CSV_COLUMNS) {
    const index = positions.get(headerKey(column.header));
    if (index !== undefined) indexes.set(column.field, index);
    else if (column.isRequired) missing.push(`« ${column.header} »`);
  }
  if (missing.length > 0) {
    const plural = missing.length > 1;
    throw new RosterFileError(`Colonne${plural ? "s" : ""} obligatoire${plural ? "s" : ""} manquante${plural ? "s" : ""} : ${missing.join(", ")}.`);
  }
  return indexes;
}

export function parseSiecleCsv(bytes: Uint8Array, options: SiecleCsvOptions = {}): SiecleCsvResult {
  const text = decodeCsvBytes(bytes).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new RosterFileError("Le fichier est vide.");
  const [header, ...rows] = readRows(text, detectSeparator(text));
  const indexes = columnIndexes(header.record);
  const today = options.today ?? todayInParis();

  const result: SiecleCsvResult = { records: [], rejections: [] };
  for (const { record: cells, info } of rows) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const fields: LearnerFields = {};
    for (const [field, index] of indexes) fields[field] = cells[index];
    const line = info.lines;
    const validation = validateLearnerRecord(fields, today);
    if (validation.ok) {
      result.records.push({ line, record: validation.record });
      continue;
    }
    const ine = fields.nationalStudentId?.trim().toUpperCase() || undefined;
    result.rejections.push({
      code: ine ? "INVALID_FIELDS" : "MISSING_INE",
      line,
      ine,
      learnerName: learnerDisplayName(fields),
      reason: validation.reasons.join(" "),
    });
  }
  return result;
}
