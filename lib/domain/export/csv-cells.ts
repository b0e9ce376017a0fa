/**
 * CSV for French Excel: `;` separator, decimal comma, UTF-8 BOM, "\n" line ends.
 *
 * Two steps, kept apart:
 * 1. what a cell says, as a text (this module's `…Text` functions, `cellText`):
 *    - numbers: decimal comma ("0,67"); `decimal(v, n)` rounds to n decimals (no trailing zeros)
 *    - texts: formula guard: a text starting with = + - @, tab, carriage return or NUL gets a leading `'`
 *      ("'=1+1"), except a plain number ("-12", "-1,5")
 *    - null / undefined: empty; booleans: "Oui" / "Non"; NOT_SHARED: "NA"
 *    - Date: dd/mm/yyyy in Europe/Paris; `dateTime(d)`: dd/mm/yyyy HH:mm
 * 2. quoting, by d3-dsv (RFC 4180): a text is double-quoted only when it holds `;`, `"`, "\n" or "\r",
 *    with `"` doubled (`csvLine`, `csvText`).
 */
import { dsvFormat } from "d3-dsv";
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

/** A cell before it is written, for `cellText` / `csvLine` (the row writers build texts directly). */
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
/** Below this, an integer's text is String(n) whatever the rounding (counts, stars, ids). */
const SMALL_INTEGER = 1e9;

/** True when Excel could read the text as a formula (and so it must be guarded). */
export function mayBeReadAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as written in the file (before quoting): with a leading `'` when it could run as a formula. */
export function guardedText(text: string): string {
  return mayBeReadAsFormula(text) ? `'${text}` : text;
}

/** Decimal comma, rounded to `decimals` (10 by default), no trailing zeros; empty for NaN and infinities. */
export function numberText(value: number, decimals = DEFAULT_MAX_DECIMALS): string {
  if (Number.isInteger(value) && Math.abs(value) < SMALL_INTEGER) return String(value);
  if (!Number.isFinite(value)) return "";
  return String(roundTo(value, decimals)).replace(".", ",");
}

export function booleanText(value: boolean): string {
  return value ? YES_TEXT : NO_TEXT;
}

/** dd/mm/yyyy in Paris; empty for an invalid date. */
export function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? "" : formatParisDate(value);
}

/** dd/mm/yyyy HH:mm in Paris; empty for an invalid date. */
export function dateTimeText(value: Date): string {
  return Number.isNaN(value.getTime()) ? "" : formatParisDateTime(value);
}

/** What one cell says in the file, not quoted yet. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return guardedText(cell);
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return booleanText(cell);
  if (cell instanceof Date) return dateText(cell);
  switch (cell.kind) {
    case "decimal":
      return numberText(cell.value, cell.decimals);
    case "datetime":
      return dateTimeText(cell.value);
    case "not-shared":
      return NOT_AVAILABLE_TEXT;
  }
}

const dsv = dsvFormat(CSV_SEPARATOR);

/** One line of cells: texts guarded, quoted where needed, joined by ";", ending with "\n". Prefix the header with UTF8_BOM. */
export function csvLine(cells: readonly Cell[]): string {
  return dsv.formatRow(cells.map(cellText)) + CSV_LINE_END;
}

/**
 * Lines of cell texts already written by `cellText` or a row writer (guard applied): only quoted here.
 * Each line ends with "\n"; no rows, no text.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? "" : dsv.formatRows(rows as string[][]) + CSV_LINE_END;
}
