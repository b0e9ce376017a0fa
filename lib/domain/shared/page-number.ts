/** Beyond this, a page number is a typo or a probe: the lists never have that many pages. */
export const LAST_PAGE = 10_000;

/**
 * The page asked for in a URL (`?page=`): a whole number from 1 to LAST_PAGE. Anything else ("abc", "-3", "1e309",
 * twenty digits) is page 1, so that no query reaches the database with an offset it cannot hold.
 */
export function pageNumber(raw: string | string[] | undefined): number {
  const value = Number.parseInt(typeof raw === "string" ? raw : "", 10);
  return Number.isSafeInteger(value) && value >= 1 ? Math.min(value, LAST_PAGE) : 1;
}
