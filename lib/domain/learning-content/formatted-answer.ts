import { simplify } from "./answer-context";

/**
 * Answers whose format says how to compare them: a web address or a domain (`url`), an e-mail address,
 * a date. Each is brought to one canonical spelling before the usual text comparison.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;

/**
 * The scheme, « www. » and a trailing « / » are not part of what the pupil is asked for, unless the
 * expected answer itself writes a scheme: then the scheme is the point (« https » versus « http »).
 */
export function canonicalUrl(value: string, expected: string): string {
  let result = value.trim().toLowerCase().replace(/\/+$/, "");
  if (!SCHEME.test(expected.trim().toLowerCase())) result = result.replace(SCHEME, "").replace(/^www\./, "");
  return result;
}

/** « mailto: » and the angle brackets of a copied header (« <ana@ecole.fr> ») are not part of the address. */
export function canonicalEmail(value: string): string {
  return value.trim().toLowerCase().replace(/^mailto:/, "").replace(/^<(.+)>$/, "$1");
}

const MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

/** « 12/05/2025 », « 12-5-2025 », « 12.05.25 », « 12 mai 2025 », « 1er mai 2025 » → "12/05/2025"; null otherwise. */
export function canonicalDate(value: string): string | null {
  const text = simplify(value).trim().replace(/\.$/, "");
  let day: number;
  let month: number;
  let year: number;
  const numeric = /^(\d{1,2}) ?[/.\- ] ?(\d{1,2}) ?[/.\- ] ?(\d{2}|\d{4})$/.exec(text);
  const written = /^(?:[a-z]+ )?(\d{1,2})(?:er)? ([a-z]+) (\d{4})$/.exec(text);
  if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (written && MONTHS.includes(written[2])) [day, month, year] = [Number(written[1]), MONTHS.indexOf(written[2]) + 1, Number(written[3])];
  else return null;
  if (year < 100) year += 2000;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
