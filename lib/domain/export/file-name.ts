/**
 * Name of a results file: Resultats-{campaign name}-{campaign id}-{YYYY-MM-DD-HHmm}.csv,
 * the time read in Paris. The campaign name is typed by teachers: it is made safe for every
 * file system (Windows included) before it lands in a Content-Disposition header.
 */
import { parisDateParts } from "./paris-time";

const MAX_NAME_LENGTH = 100;
const FALLBACK_NAME = "campagne";
// Forbidden on Windows or special on Unix and in HTTP headers: < > : " / \ | ? * and control characters.
const UNSAFE_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

export function sanitizeFileNamePart(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(/\s+/g, " ") // tabs and line breaks too, before the other control characters
    .replace(UNSAFE_CHARACTERS, "_")
    .trim()
    .replace(/^\.+|\.+$/g, "")
    .trim();
  const truncated = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join("").trim();
  return truncated === "" ? FALLBACK_NAME : truncated;
}

/** YYYY-MM-DD-HHmm in Europe/Paris. */
export function fileTimestamp(now: Date): string {
  const { year, month, day, hour, minute } = parisDateParts(now);
  return `${year}-${month}-${day}-${hour}${minute}`;
}

export function fileName(campaignName: string, campaignId: number, now: Date): string {
  return `Resultats-${sanitizeFileNamePart(campaignName)}-${campaignId}-${fileTimestamp(now)}.csv`;
}
