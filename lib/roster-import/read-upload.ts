import yauzl, { type Entry, type ZipFile } from "yauzl";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";

export type UploadFormat = "xml" | "csv";

export interface RosterUpload {
  format: UploadFormat;
  /** The uploaded file, or the file found inside the zip. */
  fileName: string;
  bytes: Buffer;
  isFromZip: boolean;
}

export interface UploadLimits {
  /** What the teacher may send (Pix: 20 MB). */
  maxUploadBytes: number;
  /** What a zip may expand to: beyond, it is treated as a zip bomb. */
  maxUncompressedBytes: number;
  /** SIECLE zips hold one file; macOS adds a few "__MACOSX" ones. */
  maxZipEntries: number;
}

const MEGABYTE = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 20 * MEGABYTE,
  maxUncompressedBytes: 50 * MEGABYTE,
  maxZipEntries: 20,
};

const UNREADABLE_ZIP = "L'archive zip est illisible ou endommagée : exportez-la à nouveau depuis SIECLE.";

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** XML when the content starts with "<" (after a BOM and blanks), CSV otherwise; zips are handled before. */
export function detectFormat(bytes: Buffer): UploadFormat {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw new RosterFileError("Ce fichier est un classeur Excel : enregistrez-le au format CSV (séparateur point-virgule).");
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new RosterFileError("Ce fichier est encodé en UTF-16 (« texte Unicode ») : enregistrez-le en CSV UTF-8.");
  }
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start])) start++;
  if (start === bytes.length) throw new RosterFileError("Le fichier est vide.");
  return bytes[start] === 0x3c ? "xml" : "csv";
}

function isIgnoredEntry(name: string): boolean {
  const base = name.split("/").pop() ?? "";
  return name.endsWith("/") || name.startsWith("__MACOSX/") || base.startsWith(".") || base === "";
}

/** Inflates into one buffer of the declared size (checked against the limit before), so memory is 1× the file. */
async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const content = Buffer.allocUnsafe(entry.uncompressedSize);
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // The declared size can lie (yauzl checks it too): never write past it, never past the limit.
    if (length + chunk.length > Math.min(entry.uncompressedSize, maxBytes)) {
      stream.destroy();
      throw length + chunk.length > maxBytes ? tooBig(maxBytes) : new RosterFileError(UNREADABLE_ZIP);
    }
    chunk.copy(content, length);
    length += chunk.length;
  }
  if (length !== entry.uncompressedSize) throw new RosterFileError(UNREADABLE_ZIP);
  return content;
}

function tooBig(maxBytes: number): RosterFileError {
  return new RosterFileError(`Le fichier décompressé dépasse ${Math.round(maxBytes / MEGABYTE)} Mo : l'archive est refusée.`);
}

async function extractSingleFile(bytes: Buffer, limits: UploadLimits): Promise<{ name: string; bytes: Buffer }> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw Object.assign(new RosterFileError(UNREADABLE_ZIP), { cause: error });
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new RosterFileError(`L'archive contient trop de fichiers (${zip.entryCount}) : elle doit contenir un seul fichier XML ou CSV.`);
    }
    const candidates: Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === "[Content_Types].xml") {
        throw new RosterFileError("Ce fichier est un classeur Excel : enregistrez-le au format CSV (séparateur point-virgule).");
      }
      if (!isIgnoredEntry(entry.fileName) && /\.(xml|csv)$/i.test(entry.fileName)) candidates.push(entry);
    }
    if (candidates.length === 0) throw new RosterFileError("L'archive ne contient aucun fichier XML ou CSV.");
    if (candidates.length > 1) throw new RosterFileError("L'archive contient plusieurs fichiers XML ou CSV : elle doit n'en contenir qu'un.");
    const [entry] = candidates;
    if (entry.isEncrypted()) throw new RosterFileError("L'archive est protégée par un mot de passe : envoyez-la sans mot de passe.");
    if (entry.uncompressedSize > limits.maxUncompressedBytes) throw tooBig(limits.maxUncompressedBytes);
    return { name: entry.fileName.split("/").pop() ?? entry.fileName, bytes: await readEntry(zip, entry, limits.maxUncompressedBytes) };
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw Object.assign(new RosterFileError(UNREADABLE_ZIP), { cause: error });
  } finally {
    zip.close();
  }
}

/**
 * What was uploaded: a SIECLE XML or CSV file, possibly zipped. The format is read from the content, not
 * trusted from the file name; a zip must hold exactly one .xml or .csv, and zips inside zips are refused.
 */
export async function readUpload(bytes: Buffer, fileName: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<RosterUpload> {
  if (bytes.length > limits.maxUploadBytes) {
    throw new RosterFileError(`Le fichier dépasse ${Math.round(limits.maxUploadBytes / MEGABYTE)} Mo.`);
  }
  if (!isZip(bytes)) return { format: detectFormat(bytes), fileName, bytes, isFromZip: false };

  const inner = await extractSingleFile(bytes, limits);
  if (isZip(inner.bytes)) throw new RosterFileError("L'archive contient une autre archive : envoyez directement le fichier XML ou CSV.");
  return { format: detectFormat(inner.bytes), fileName: inner.name, bytes: inner.bytes, isFromZip: true };
}
