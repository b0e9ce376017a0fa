import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { quotedInput } from "../domain/shared/quoted-input";

/**
 * SIECLE writes ISO-8859-15; re-saved files come back as ISO-8859-1, windows-1252 or UTF-8.
 * Prolog encoding names (lower case) → iconv-lite codec; anything else is refused rather than guessed.
 */
const ENCODINGS = new Map<string, string>(Object.entries({
  "utf-8": "utf8",
  utf8: "utf8",
  "us-ascii": "utf8",
  "iso-8859-15": "iso885915",
  "iso8859-15": "iso885915",
  "latin-9": "iso885915",
  latin9: "iso885915",
  "iso-8859-1": "latin1",
  "iso8859-1": "latin1",
  "latin-1": "latin1",
  latin1: "latin1",
  "windows-1252": "win1252",
  cp1252: "win1252",
}));
export const PROLOG_BYTES = 1024;

/** The codec announced by the prolog (UTF-8 when there is none, as XML says); UTF-16 and others are refused. */
export function xmlEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8";
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new RosterFileError("Ce fichier est encodé en UTF-16, qui n'est pas pris en charge : exportez-le à nouveau depuis SIECLE.");
  }
  const prolog = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head.subarray(0, PROLOG_BYTES).toString("latin1"));
  if (!prolog) return "utf8";
  const codec = ENCODINGS.get(prolog[2].trim().toLowerCase());
  if (!codec) {
    throw new RosterFileError(`L'encodage « ${quotedInput(prolog[2], 30)} » n'est pas pris en charge : le fichier doit être en ISO-8859-15, ISO-8859-1 ou UTF-8.`);
  }
  return codec;
}
