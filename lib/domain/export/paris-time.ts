/**
 * Calendar fields of an instant as read on a clock in Paris (summer time included).
 * Exports are read by French teachers whatever the server's time zone.
 *
 * Fast path: Paris's UTC offset only changes on whole UTC hours (01:00 UTC, since 1911), so it is
 * asked of Intl once per UTC hour and remembered; the fields are then read from the UTC fields of
 * instant + offset. An hour whose offset is not the same at its first and last millisecond, or is
 * not a whole number of minutes (Paris mean time before 1911), is formatted by Intl every time.
 */

export interface ParisDateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const parisFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function intlParts(date: Date): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of parisFormat.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** Intl only: the reference the fast path is checked against. */
export function intlParisDateParts(date: Date): ParisDateParts {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  const parts = intlParts(date);
  return {
    year: parts.year!.padStart(4, "0"),
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
  };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const MAX_OFFSET_MS = 14 * HOUR_MS;
/** ≈ 1.1 years of distinct hours; emptied when full, so memory stays bounded. */
const OFFSET_MEMO_LIMIT = 10_000;
const NO_FAST_PATH = Number.NaN;
const offsetByUtcHour = new Map<number, number>();

/** Paris clock − UTC at `ms`, to the second, through Intl (years before 1000 included). */
function intlOffset(ms: number): number {
  const p = intlParts(new Date(ms));
  const clock = new Date(0);
  clock.setUTCFullYear(Number(p.year), Number(p.month) - 1, Number(p.day));
  clock.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return clock.getTime() - Math.floor(ms / 1000) * 1000;
}

function offsetOfUtcHour(hour: number): number {
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const first = intlOffset(start);
    const last = intlOffset(start + HOUR_MS - 1);
    // A real offset is a few hours; anything else (years Intl writes with an era) goes through Intl.
    offset = first === last && first % MINUTE_MS === 0 && Math.abs(first) < MAX_OFFSET_MS ? first : NO_FAST_PATH;
    if (offsetByUtcHour.size >= OFFSET_MEMO_LIMIT) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

/** The Paris clock at `date` as a Date whose UTC fields are that clock; null when Intl must be asked. */
function parisClock(ms: number): Date | null {
  const offset = offsetOfUtcHour(Math.floor(ms / HOUR_MS));
  return Number.isNaN(offset) ? null : new Date(ms + offset);
}

function yearText(clock: Date): string {
  const year = clock.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, "0");
}

export function parisDateParts(date: Date): ParisDateParts {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid date");
  const clock = parisClock(ms);
  if (!clock) return intlParisDateParts(date);
  return {
    year: yearText(clock),
    month: TWO_DIGITS[clock.getUTCMonth() + 1],
    day: TWO_DIGITS[clock.getUTCDate()],
    hour: TWO_DIGITS[clock.getUTCHours()],
    minute: TWO_DIGITS[clock.getUTCMinutes()],
  };
}

/** dd/mm/yyyy */
export function formatParisDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid date");
  const clock = parisClock(ms);
  if (!clock) {
    const { day, month, year } = intlParisDateParts(date);
    return `${day}/${month}/${year}`;
  }
  return `${TWO_DIGITS[clock.getUTCDate()]}/${TWO_DIGITS[clock.getUTCMonth() + 1]}/${yearText(clock)}`;
}

/** dd/mm/yyyy HH:mm */
export function formatParisDateTime(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid date");
  const clock = parisClock(ms);
  if (!clock) {
    const { day, month, year, hour, minute } = intlParisDateParts(date);
    return `${day}/${month}/${year} ${hour}:${minute}`;
  }
  return (
    `${TWO_DIGITS[clock.getUTCDate()]}/${TWO_DIGITS[clock.getUTCMonth() + 1]}/${yearText(clock)} ` +
    `${TWO_DIGITS[clock.getUTCHours()]}:${TWO_DIGITS[clock.getUTCMinutes()]}`
  );
}
