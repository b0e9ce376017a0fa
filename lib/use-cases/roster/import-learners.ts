import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { findRosterEstablishment, withRosterTransaction } from "../../db/repositories/learner-repository";
import { planImport, type ImportPlan } from "../../domain/roster/import-plan";
import type { ImportRejection, ParsedRecord } from "../../domain/roster/learner-record";
import { RosterFileError } from "../../domain/roster/roster-file-error";
import { DomainError } from "../../domain/shared/errors";
import { todayInParis } from "../../roster-import/byte-source";
import { parseSiecleCsv } from "../../roster-import/parse-siecle-csv";
import { parseSiecleXml } from "../../roster-import/parse-siecle-xml";
import { readUpload } from "../../roster-import/read-upload";

export type ImportCounts = { created: number; updated: number; reactivated: number; disabled: number };

/** What the teacher reads after sending a file: either the import happened, or nothing changed and why. */
export type ImportReport =
  | ({ status: "IMPORTED"; fileName: string; rejections: ImportRejection[] } & ImportCounts)
  | { status: "REFUSED"; fileName: string; message: string; rejections: ImportRejection[] };

export const NOT_MANAGING_STUDENTS = "Cet établissement ne gère pas de liste d'élèves : l'import SIECLE n'y est pas disponible.";

async function parseUpload(bytes: Buffer, fileName: string, uai: string | null, today: string) {
  const upload = await readUpload(bytes, fileName);
  if (upload.format === "csv") return { fileName: upload.fileName, ...parseSiecleCsv(upload.bytes, { today }) };
  if (!uai) throw new RosterFileError("L'UAI de votre établissement n'est pas renseigné : l'import SIECLE XML est impossible. Contactez le support.");
  return { fileName: upload.fileName, ...(await parseSiecleXml(upload.bytes, { expectedUai: uai, today })) };
}

/**
 * A pupil whose line is rejected for invalid fields is still in SIECLE: disabling them would hide a real pupil
 * because of a typo in the file. They stay as they were until the file is fixed (like a duplicated INE).
 */
export function spareRejectedPupils(plan: ImportPlan, existing: { id: number; nationalStudentId: string | null }[], rejections: ImportRejection[]): ImportPlan {
  const rejectedInes = new Set(rejections.filter((r) => r.code === "INVALID_FIELDS" && r.ine).map((r) => r.ine!.toUpperCase()));
  if (rejectedInes.size === 0) return plan;
  const spared = new Set(existing.filter((l) => l.nationalStudentId && rejectedInes.has(l.nationalStudentId.toUpperCase())).map((l) => l.id));
  return { ...plan, toDisable: plan.toDisable.filter((id) => !spared.has(id)) };
}

/**
 * SIECLE import (ADMIN of an establishment that manages its pupils): upsert by INE, pupils absent from the file
 * disabled, all in one transaction. A refused file or any failure changes nothing. An import never links an account,
 * even when the INE is linked to one in another school: the pupil links their own account by joining a campaign of
 * the school (docs/adr/0009-account-ownership-and-audit.md).
 */
export async function importLearners(input: { actorUserId: number; establishmentId: number; fileName: string; bytes: Buffer; now?: Date }): Promise<ImportReport> {
  await authorizeInEstablishment(input.actorUserId, input.establishmentId, "learners:import");
  const establishment = await findRosterEstablishment(input.establishmentId);
  if (!establishment?.isManagingStudents) throw new DomainError("NOT_MANAGING_STUDENTS", NOT_MANAGING_STUDENTS);
  const now = input.now ?? new Date();

  let parsed: { fileName: string; records: ParsedRecord[]; rejections: ImportRejection[] };
  try {
    parsed = await parseUpload(input.bytes, input.fileName, establishment.uai, todayInParis(now));
  } catch (error) {
    if (error instanceof RosterFileError) return { status: "REFUSED", fileName: input.fileName, message: error.message, rejections: [] };
    throw error;
  }
  if (parsed.records.length === 0) {
    const message = "Aucun élève du fichier ne peut être importé : la liste des élèves n'a pas été modifiée.";
    return { status: "REFUSED", fileName: parsed.fileName, message, rejections: parsed.rejections };
  }

  return importParsedLearners(input.establishmentId, parsed, now);
}

/** The writing half, without the access check (also used by the demo seed, with its own client). */
export async function importParsedLearners(
  establishmentId: number,
  parsed: { fileName: string; records: ParsedRecord[]; rejections: ImportRejection[] },
  now: Date,
  client?: Parameters<typeof withRosterTransaction>[3],
): Promise<ImportReport> {
  return withRosterTransaction(establishmentId, now, async (roster) => {
    const existing = await roster.existingLearners();
    const plan = spareRejectedPupils(planImport(existing, parsed.records), existing, parsed.rejections);
    await roster.upsertLearners([...plan.toCreate, ...plan.toUpdate.map((update) => update.record)]);
    const disabled = await roster.disableLearners(plan.toDisable);
    return {
      status: "IMPORTED" as const,
      fileName: parsed.fileName,
      created: plan.toCreate.length,
      updated: plan.toUpdate.length,
      reactivated: plan.toUpdate.filter((update) => update.isReactivated).length,
      disabled,
      rejections: [...parsed.rejections, ...plan.duplicates].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    };
  }, client);
}
