import iconv from "iconv-lite";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { toFrenchDate, toIsoDate } from "@/lib/domain/roster/french-date";
import {
  learnerDisplayName,
  validateLearnerRecord,
  type ImportRejection,
  type LearnerFields,
  type ParsedRecord,
} from "@/lib/domain/roster/learner-record";
import { RosterFileError } from "@/lib/domain/roster/roster-file-error";
import { chunksOf, todayInParis, type ByteSource } from "./byte-source";
import { PROLOG_BYTES, xmlEncoding } from "./xml-encoding";
import { quotedInput } from "../domain/shared/quoted-input";

export interface SiecleXmlOptions {
  /** The establishment's UAI: the file's /BEE_ELEVES/PARAMETRES/UAJ must be the same. */
  expectedUai: string;
  /** YYYY-MM-DD; defaults to today in Europe/Paris. */
  today?: string;
}

export interface SiecleParseResult {
  uai: string;
  records: ParsedRecord[];
  rejections: ImportRejection[];
}

/** ELEVE children we read → LearnerFields; everything else in the (large) ELEVE element is skipped. */
const ELEVE_FIELDS = new Map<string, keyof LearnerFields>([
  ["ID_NATIONAL", "nationalStudentId"],
  ["NOM_DE_FAMILLE", "lastName"],
  ["NOM_USAGE", "preferredLastName"],
  ["PRENOM", "firstName"],
  ["PRENOM2", "middleName"],
  ["PRENOM3", "thirdName"],
  ["CODE_SEXE", "sex"],
  ["DATE_NAISS", "birthdate"],
  ["CODE_PAYS", "birthCountryCode"],
  ["CODE_DEPARTEMENT_NAISS", "birthProvinceCode"],
  ["CODE_COMMUNE_INSEE_NAISS", "birthCityCode"],
  ["VILLE_NAISS", "birthCity"],
  ["CODE_MEF", "mefCode"],
  ["CODE_STATUT", "status"],
]);
const LEAVING_DATE = "DATE_SORTIE";

interface PendingPupil {
  eleveId?: string;
  line: number;
  fields: LearnerFields;
  leftOn?: string;
}

/**
 * V8 keeps a substring of 13+ characters as a view on the string it was cut from: the 64 KB decoded chunk.
 * Pupils wait until STRUCTURES (at the end) give their class, so without a copy every chunk, i.e. the whole
 * decoded file, would stay in memory. Flattening a one-character concatenation makes that copy.
 */
function detach(value: string): string {
  return value.length < 13 ? value : (" " + value).slice(1);
}

function malformed(parser: SaxesParser, cause: unknown): RosterFileError {
  const error = new RosterFileError(
    `Le fichier XML est mal formé (ligne ${parser.line}, colonne ${parser.column + 1}). Exportez-le à nouveau depuis SIECLE sans le modifier.`,
  );
  error.cause = cause;
  return error;
}

/**
 * Streams a SIECLE BEE_ELEVES export. Memory holds only the pupils read so far and a map ELEVE_ID → division,
 * because STRUCTURES (the classes) come after ELEVES. A DOCTYPE is refused outright: SIECLE never sends one
 * and it is how entity attacks (XXE, "billion laughs") start; saxes itself never fetches external entities.
 */
export async function parseSiecleXml(source: ByteSource, options: SiecleXmlOptions): Promise<SiecleParseResult> {
  const expectedUai = options.expectedUai.trim().toUpperCase();
  const parser = new SaxesParser({ xmlns: false, position: true });
  const path: string[] = [];
  const pupils: PendingPupil[] = [];
  const divisions = new Map<string, string>();
  let uai: string | undefined;
  let pupil: PendingPupil | undefined;
  let structureOwner: string | undefined;
  let structure: { code?: string; type?: string } | undefined;
  /** The element whose text we keep, with its depth so that a same-named element elsewhere is ignored. */
  let field: { name: string; depth: number; text: string } | undefined;
  let sawReplacementCharacter = false;

  const keep = (name: string, value: string) => {
    if (name === "UAJ") {
      uai = value.toUpperCase();
      if (uai !== expectedUai) {
        throw new RosterFileError(`Ce fichier SIECLE concerne l'établissement ${quotedInput(uai, 12)}, pas le vôtre (${expectedUai}) : aucun élève n'a été importé.`);
      }
    } else if (structure && name === "CODE_STRUCTURE") structure.code = value;
    else if (structure && name === "TYPE_STRUCTURE") structure.type = value;
    else if (pupil && name === LEAVING_DATE) pupil.leftOn = value || undefined;
    else if (pupil) pupil.fields[ELEVE_FIELDS.get(name)!] = value;
  };

  parser.on("doctype", () => {
    throw new RosterFileError("Ce fichier XML contient une déclaration DOCTYPE, refusée par sécurité : utilisez l'export SIECLE d'origine.");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const parent = path[path.length - 1];
    if (path.length === 0 && tag.name !== "BEE_ELEVES") {
      throw new RosterFileError("Ce fichier n'est pas un export SIECLE des élèves (BEE_ELEVES).");
    }
    if (tag.name === "DONNEES" && uai === undefined) throw missingUai();
    const depth = path.push(tag.name);
    const isKept =
      (pupil !== undefined && parent === "ELEVE" && (ELEVE_FIELDS.has(tag.name) || tag.name === LEAVING_DATE)) ||
      (structure !== undefined && parent === "STRUCTURE" && (tag.name === "CODE_STRUCTURE" || tag.name === "TYPE_STRUCTURE")) ||
      (tag.name === "UAJ" && depth === 3 && path[1] === "PARAMETRES");
    if (isKept) {
      field = { name: tag.name, depth, text: "" };
    } else if (tag.name === "ELEVE" && parent === "ELEVES") {
      pupil = { eleveId: tag.attributes.ELEVE_ID?.trim() || undefined, line: parser.line, fields: {} };
    } else if (tag.name === "STRUCTURES_ELEVE") {
      structureOwner = tag.attributes.ELEVE_ID?.trim();
    } else if (tag.name === "STRUCTURE" && parent === "STRUCTURES_ELEVE") {
      structure = {};
    }
  });
  const onText = (chunk: string) => {
    if (chunk.includes("\uFFFD")) sawReplacementCharacter = true;
    if (field) field.text += chunk;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const depth = path.length;
    path.pop();
    if (field?.depth === depth) {
      const { name, text } = field;
      field = undefined;
      keep(name, detach(text.trim()));
    } else if (pupil && tag.name === "ELEVE" && path[path.length - 1] === "ELEVES") {
      pupils.push(pupil);
      pupil = undefined;
    } else if (structure && tag.name === "STRUCTURE") {
      const isClass = structure.type === "D" && structure.code && structure.code.toLowerCase() !== "inactifs";
      if (isClass && structureOwner && !divisions.has(structureOwner)) divisions.set(structureOwner, structure.code!);
      structure = undefined;
    } else if (tag.name === "STRUCTURES_ELEVE") {
      structureOwner = undefined;
    }
  });

  /** The encoding is known once the prolog has arrived: decode it and everything after with that codec. */
  const startDecoding = (head: Buffer) => {
    const decoder = iconv.getDecoder(xmlEncoding(head));
    parser.write(decoder.write(head));
    return decoder;
  };
  try {
    let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
    const head: Buffer[] = [];
    let headLength = 0;
    for await (const chunk of chunksOf(source)) {
      if (decoder) {
        parser.write(decoder.write(chunk));
      } else {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength >= PROLOG_BYTES) decoder = startDecoding(Buffer.concat(head));
      }
    }
    if (!decoder) {
      const start = Buffer.concat(head);
      if (start.toString("latin1").trim() === "") throw new RosterFileError("Le fichier est vide.");
      decoder = startDecoding(start);
    }
    parser.write(decoder.end() ?? "");
    parser.close();
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw malformed(parser, error);
  }

  if (uai === undefined) throw missingUai();
  if (sawReplacementCharacter) {
    throw new RosterFileError("Le fichier contient des caractères illisibles : son encodage ne correspond pas à celui annoncé dans son en-tête.");
  }
  return collectPupils(pupils, divisions, uai, options.today ?? todayInParis());
}

function missingUai(): RosterFileError {
  return new RosterFileError("Le fichier ne contient pas l'UAI de l'établissement (BEE_ELEVES/PARAMETRES/UAJ) : est-ce bien un export SIECLE ?");
}

function collectPupils(pupils: PendingPupil[], divisions: Map<string, string>, uai: string, today: string): SiecleParseResult {
  const result: SiecleParseResult = { uai, records: [], rejections: [] };
  for (const { eleveId, line, fields, leftOn } of pupils) {
    const ine = fields.nationalStudentId?.trim().toUpperCase() || undefined;
    const base = { line, eleveId, ine, learnerName: learnerDisplayName(fields) };
    const division = eleveId === undefined ? undefined : divisions.get(eleveId);
    if (leftOn !== undefined) {
      const date = toIsoDate(leftOn);
      result.rejections.push({ ...base, code: "LEFT_SCHOOL", reason: `Élève sorti de l'établissement le ${date ? toFrenchDate(date) : leftOn} : non importé.` });
    } else if (ine === undefined) {
      result.rejections.push({ ...base, code: "MISSING_INE", reason: "INE manquant : l'élève ne peut pas être importé." });
    } else if (division === undefined) {
      result.rejections.push({ ...base, code: "NO_DIVISION", reason: "Aucune classe (division) dans SIECLE : l'élève n'est pas importé." });
    } else {
      const validation = validateLearnerRecord({ ...fields, division }, today);
      if (validation.ok) result.records.push({ line, eleveId, record: validation.record });
      else result.rejections.push({ ...base, code: "INVALID_FIELDS", reason: validation.reasons.join(" ") });
    }
  }
  return result;
}
