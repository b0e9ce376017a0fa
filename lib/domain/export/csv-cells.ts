/**
 * One CSV cell for French Excel: `;` separator, decimal comma, UTF-8 BOM, "\n" line ends.
 * - numbers: raw, decimal comma ("0,67"); `decimal(v, n)` rounds to n decimals (no trailing zeros)
 * - strings: always double-quoted, `"` doubled; formula guard: a text starting with = + - @, tab,
 *   carriage return or NUL gets a `'` inside the quotes ("'=1+1"), except a plain number ("-12", "-1,5")
 * - null / undefined: `""`; booleans: "Oui" / "Non"; NOT_SHARED: "NA"
 * - Date: dd/mm/yyyy in Europe/Paris; `dateTime(d)`: dd/mm/yyyy HH:mm
 */
import { roundTo } from "../scoring/mastery";
import { formatParisDate, formatParisDateTime } from "./paris-time";

export const UTF8_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
export const CSV_LINE_END = "\n";
export const NOT_AVAILABLE_TEXT = "NA";
export const YES_TEXT = "Oui";
export const NO_TEXT = "Non";

export interface DecimalCell {
  kind: "decimal";
  value: number;
  decimals: number;
}

export interface DateTimeCell {
  kind: "datetime";
  value: Date;
}

/** A result of a participation that was not shared: the teacher may not see it. */
export interface NotSharedCell {
  kind: "not-shared";
}

export type Cell = string | number | boolean | Date | null | undefined | DecimalCell | DateTimeCell | NotSharedCell;

export const NOT_SHARED: NotSharedCell = Object.freeze({ kind: "not-shared" });

export function decimal(value: number, decimals: number): DecimalCell {
  return { kind: "decimal", value, decimals };
}

export function dateTime(value: Date): DateTimeCell {
  return { kind: "datetime", value };
}

const FORMULA_START = /^[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
/** Binary noise such as 0.1 + 0.2 = 0.30000000000000004 never reaches the file. */
const DEFAULT_MAX_DECIMALS = 10;

/** True when Excel could read the text as a formula (and so it must be guarded). */
export function mayBeReadAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

export function serializeText(text: string): string {
  const guarded = mayBeReadAsFormula(text) ? `'${text}` : text;
  return `"${guarded.replace(/"/g, '""')}"`;
}

export function serializeNumber(value: number, decimals = DEFAULT_MAX_DECIMALS): string {
  if (!Number.isFinite(value)) return '""';
  return String(roundTo(value, decimals)).replace(".", ",");
}

export function serializeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '""';
  if (typeof cell === "string") return serializeText(cell);
  if (typeof cell === "number") return serializeNumber(cell);
  if (typeof cell === "boolean") return serializeText(cell ? YES_TEXT : NO_TEXT);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '""' : serializeText(formatParisDate(cell));
  switch (cell.kind) {
    case "decimal":
      return serializeNumber(cell.value, cell.decimals);
    case "datetime":
      return Number.isNaN(cell.value.getTime()) ? '""' : serializeText(formatParisDateTime(cell.value));
    case "not-shared":
      return serializeText(NOT_AVAILABLE_TEXT);
  }
}

/** One line: cells joined by ";", ending with "\n". Prefix the header line with UTF8_BOM. */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(serializeCell).join(CSV_SEPARATOR) + CSV_LINE_END;
}
