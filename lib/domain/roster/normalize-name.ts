/**
 * Names as compared during reconciliation and as written in usernames.
 * NFD strips accents, but ligatures and a few letters have no decomposition: they are spelled out
 * the way a pupil types them on a keyboard without them (Œ → oe, ß → ss).
 */
const SPELLED_OUT: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};
const SPELLED_OUT_PATTERN = new RegExp(`[${Object.keys(SPELLED_OUT).join("")}]`, "gu");

/** Lower case, accents removed, ligatures spelled out; spaces and punctuation kept. */
export function foldName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter]);
}

/**
 * Reconciliation form: "  Jean-Éric " → "jeaneric", "D'Artagnan" → "dartagnan".
 * Letters of other scripts are kept (removing them would make every such name equal to "").
 */
export function normalizeName(value: string): string {
  return foldName(value).replace(/[^\p{L}\p{N}]/gu, "");
}
