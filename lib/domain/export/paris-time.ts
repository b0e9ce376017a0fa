/**
 * Calendar fields of an instant as read on a clock in Paris (summer time included), with Intl only.
 * Exports are read by French teachers whatever the server's time zone.
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
  hourCycle: "h23",
});

export function parisDateParts(date: Date): ParisDateParts {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of parisFormat.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: parts.year!.padStart(4, "0"),
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
  };
}

/** dd/mm/yyyy */
export function formatParisDate(date: Date): string {
  const { day, month, year } = parisDateParts(date);
  return `${day}/${month}/${year}`;
}

/** dd/mm/yyyy HH:mm */
export function formatParisDateTime(date: Date): string {
  const { hour, minute } = parisDateParts(date);
  return `${formatParisDate(date)} ${hour}:${minute}`;
}
