/** One line of the sheet a teacher prints and cuts into slips for the pupils. */
export interface CredentialsRow {
  division: string;
  lastName: string;
  firstName: string;
  username: string;
  password: string;
}

export const CREDENTIALS_SHEET_HEADER = ["Classe", "Nom", "Prénom", "Identifiant", "Mot de passe"] as const;

const BOM = "\uFEFF";
/** Spreadsheets evaluate a cell starting with one of these (ASVS 5.0 V1.2.10); a tab or CR can hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quoted cell, inner quotes doubled, and a leading ' when a spreadsheet would read a formula. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/**
 * The CSV opened by French Excel: UTF-8 BOM, ";" separator, "\n" line ends. Generated passwords never start
 * with a guarded character, so the guard cannot alter one; names and usernames can (e.g. "-Marie").
 */
export function credentialsSheetCsv(rows: readonly CredentialsRow[]): string {
  const lines = [CREDENTIALS_SHEET_HEADER.map(csvCell).join(";")];
  for (const row of rows) {
    lines.push([row.division, row.lastName, row.firstName, row.username, row.password].map(csvCell).join(";"));
  }
  return `${BOM}${lines.join("\n")}\n`;
}
