import { toIsoDate } from "./french-date";
import { quotedInput } from "../shared/quoted-input";

export type Sex = "M" | "F";

/** One pupil read from a SIECLE file and validated; the fields map onto the Prisma `Learner` columns. */
export interface LearnerRecord {
  /** INE, upper-case. */
  nationalStudentId: string;
  firstName: string;
  middleName?: string;
  thirdName?: string;
  lastName: string;
  /** Nom d'usage. */
  preferredLastName?: string;
  sex?: Sex;
  /** YYYY-MM-DD. */
  birthdate: string;
  birthCity?: string;
  birthCityCode?: string;
  birthProvinceCode?: string;
  /** SIECLE country code on 3 digits, "100" = France. */
  birthCountryCode?: string;
  mefCode?: string;
  status?: string;
  /** The class, e.g. "4A". */
  division: string;
}

/** Where a record came from, for messages: CSV line and/or SIECLE ELEVE_ID (with its XML line). */
export interface RecordOrigin {
  line?: number;
  eleveId?: string;
}

export interface ParsedRecord extends RecordOrigin {
  record: LearnerRecord;
}

export type RejectionCode = "MISSING_INE" | "LEFT_SCHOOL" | "NO_DIVISION" | "INVALID_FIELDS" | "DUPLICATE_INE";

/** One pupil of the file that is not imported, with a French reason for the teacher. */
export interface ImportRejection extends RecordOrigin {
  code: RejectionCode;
  ine?: string;
  /** "NOM Prénom", so the teacher can find the pupil in SIECLE. */
  learnerName?: string;
  reason: string;
}

/** Raw text of one pupil as found in the file (sex as M/F or the SIECLE codes 1/2, birthdate jj/mm/aaaa or ISO). */
export type LearnerFields = { [K in keyof LearnerRecord]?: string };

export type RecordValidation = { ok: true; record: LearnerRecord } | { ok: false; reasons: string[] };

export const FRANCE_COUNTRY_CODE = "100";
const MAX_FIELD_LENGTH = 255;
/** 10 digits + 1 letter (INE-RNIE, INE-BEA…) or 9 digits + 2 letters (INE-BASE-ELEVES). */
const NATIONAL_STUDENT_ID = /^(\d{10}[A-Z]|\d{9}[A-Z]{2})$/;
const SEX_CODES: Record<string, Sex> = { M: "M", F: "F", "1": "M", "2": "F" };

const FIELD_LABELS: { [K in keyof LearnerRecord]: string } = {
  nationalStudentId: "INE",
  firstName: "Prénom",
  middleName: "Deuxième prénom",
  thirdName: "Troisième prénom",
  lastName: "Nom de famille",
  preferredLastName: "Nom d'usage",
  sex: "Sexe",
  birthdate: "Date de naissance",
  birthCity: "Commune de naissance",
  birthCityCode: "Code commune de naissance",
  birthProvinceCode: "Code département de naissance",
  birthCountryCode: "Code pays de naissance",
  mefCode: "Code MEF",
  status: "Statut",
  division: "Classe",
};

/** Trims, joins runs of spaces and composes accents (NFC); empty → undefined. */
export function cleanText(value: string | undefined): string | undefined {
  const text = value?.normalize("NFC").replace(/\s+/gu, " ").trim();
  return text ? text : undefined;
}

/** Accepts the INSEE form "99100" as well as the SIECLE form "100". */
function normalizeCountryCode(value: string | undefined): string | undefined {
  const match = value ? /^99(\d{3})$/.exec(value) : null;
  return match ? match[1] : value;
}

function parseSex(value: string | undefined, reasons: string[]): Sex | undefined {
  if (value === undefined) {
    reasons.push("Sexe manquant.");
    return undefined;
  }
  const sex = SEX_CODES[value.toUpperCase()];
  if (!sex) reasons.push(`Sexe « ${quotedInput(value)} » invalide (M ou F attendu).`);
  return sex;
}

function parseBirthdate(value: string | undefined, today: string, reasons: string[]): string {
  if (value === undefined) {
    reasons.push("Date de naissance manquante.");
    return "";
  }
  const birthdate = toIsoDate(value);
  if (birthdate === null) reasons.push(`Date de naissance « ${quotedInput(value)} » invalide (format attendu jj/mm/aaaa).`);
  else if (birthdate >= today) reasons.push("La date de naissance doit être dans le passé.");
  return birthdate ?? "";
}

function parseNationalStudentId(value: string | undefined, reasons: string[]): string {
  const ine = value?.replace(/\s/gu, "").toUpperCase();
  if (!ine) reasons.push("INE manquant.");
  else if (!NATIONAL_STUDENT_ID.test(ine)) {
    reasons.push(`INE « ${quotedInput(value ?? "")} » invalide (10 chiffres et 1 lettre, ou 9 chiffres et 2 lettres).`);
  }
  return ine ?? "";
}

function required(value: string | undefined, message: string, reasons: string[]): string {
  if (value === undefined) reasons.push(message);
  return value ?? "";
}

/**
 * Validates one pupil. `today` (YYYY-MM-DD) is passed in so the check "born in the past" is deterministic.
 * Every problem is reported, not only the first, so the teacher can fix SIECLE in one go.
 */
export function validateLearnerRecord(fields: LearnerFields, today: string): RecordValidation {
  const text: LearnerFields = {};
  const reasons: string[] = [];
  for (const key of Object.keys(FIELD_LABELS) as (keyof LearnerRecord)[]) {
    text[key] = cleanText(fields[key]);
    if ((text[key]?.length ?? 0) > MAX_FIELD_LENGTH) {
      reasons.push(`Le champ « ${FIELD_LABELS[key]} » dépasse ${MAX_FIELD_LENGTH} caractères.`);
    }
  }
  const birthCountryCode = normalizeCountryCode(text.birthCountryCode);
  const record: LearnerRecord = {
    nationalStudentId: parseNationalStudentId(text.nationalStudentId, reasons),
    firstName: required(text.firstName, "Prénom manquant.", reasons),
    middleName: text.middleName,
    thirdName: text.thirdName,
    lastName: required(text.lastName, "Nom de famille manquant.", reasons),
    preferredLastName: text.preferredLastName,
    sex: parseSex(text.sex, reasons),
    birthdate: parseBirthdate(text.birthdate, today, reasons),
    birthCity: text.birthCity,
    birthCityCode: text.birthCityCode?.toUpperCase(),
    birthProvinceCode: text.birthProvinceCode,
    birthCountryCode,
    mefCode: text.mefCode,
    status: text.status,
    division: required(text.division, "Classe (division) manquante.", reasons),
  };
  if (birthCountryCode === FRANCE_COUNTRY_CODE && !record.birthCityCode) {
    reasons.push("Code commune de naissance manquant pour un élève né en France.");
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, record };
}

/** "DUPONT Léa", as teachers read the lists exported from SIECLE. */
export function learnerDisplayName(fields: Pick<LearnerFields, "lastName" | "firstName">): string | undefined {
  return cleanText([fields.lastName, fields.firstName].filter(Boolean).join(" "));
}
