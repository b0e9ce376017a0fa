/**
 * Calendar dates as SIECLE writes them (jj/mm/aaaa) and as we store them (aaaa-mm-jj).
 * Pure string arithmetic: no Date object, so no time zone can shift a birthdate by one day.
 */
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "01/12/2011" or "2011-12-01" → "2011-12-01"; null when it is not a real calendar date (31/02, 2011-13-01…). */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const french = FRENCH_DATE.exec(text);
  if (french) return toIso(Number(french[3]), Number(french[2]), Number(french[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** "2011-12-01" → "01/12/2011", for messages. */
export function toFrenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
