import { learnerDisplayName, type ImportRejection, type LearnerRecord, type ParsedRecord } from "./learner-record";

/** What the plan needs to know about the establishment's current roster. */
export interface ExistingLearner {
  id: number;
  nationalStudentId: string | null;
  isDisabled: boolean;
}

export interface LearnerUpdate {
  learnerId: number;
  record: LearnerRecord;
  /** The learner was disabled (absent from a previous file) and comes back. */
  isReactivated: boolean;
}

export interface ImportPlan {
  toCreate: LearnerRecord[];
  /** Every field of the record is written, and isDisabled set to false. */
  toUpdate: LearnerUpdate[];
  /** Ids of active learners whose INE is not in the file. */
  toDisable: number[];
  /** Every occurrence of an INE found more than once in the file. */
  duplicates: ImportRejection[];
}

function ineKey(nationalStudentId: string): string {
  return nationalStudentId.trim().toUpperCase();
}

/**
 * SIECLE is the reference: learners are upserted by INE and the active ones absent from the file are
 * disabled (never deleted: their participations stay). An INE present twice cannot say which line is
 * right, so every occurrence is rejected and the existing learner with that INE is left untouched
 * (neither updated nor disabled) until the file is fixed.
 */
export function planImport(existing: readonly ExistingLearner[], records: readonly ParsedRecord[]): ImportPlan {
  const occurrences = new Map<string, ParsedRecord[]>();
  for (const parsed of records) {
    const key = ineKey(parsed.record.nationalStudentId);
    const list = occurrences.get(key);
    if (list) list.push(parsed);
    else occurrences.set(key, [parsed]);
  }

  const existingByIne = new Map<string, ExistingLearner>();
  for (const learner of existing) {
    if (learner.nationalStudentId) existingByIne.set(ineKey(learner.nationalStudentId), learner);
  }

  const plan: ImportPlan = { toCreate: [], toUpdate: [], toDisable: [], duplicates: [] };
  for (const [ine, list] of occurrences) {
    if (list.length > 1) {
      for (const parsed of list) plan.duplicates.push(duplicateRejection(ine, list.length, parsed));
      continue;
    }
    const record = list[0].record;
    const learner = existingByIne.get(ine);
    if (learner) plan.toUpdate.push({ learnerId: learner.id, record, isReactivated: learner.isDisabled });
    else plan.toCreate.push(record);
  }

  for (const learner of existing) {
    if (learner.isDisabled) continue;
    const isInFile = learner.nationalStudentId !== null && occurrences.has(ineKey(learner.nationalStudentId));
    if (!isInFile) plan.toDisable.push(learner.id);
  }
  return plan;
}

function duplicateRejection(ine: string, count: number, parsed: ParsedRecord): ImportRejection {
  return {
    code: "DUPLICATE_INE",
    line: parsed.line,
    eleveId: parsed.eleveId,
    ine,
    learnerName: learnerDisplayName(parsed.record),
    reason: `L'INE ${ine} apparaît ${count} fois dans le fichier : aucun de ces élèves n'est importé.`,
  };
}
