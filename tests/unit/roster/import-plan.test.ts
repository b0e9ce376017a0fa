import { describe, expect, it } from "vitest";
import { planImport, type ExistingLearner } from "@/lib/domain/roster/import-plan";
import type { LearnerRecord, ParsedRecord } from "@/lib/domain/roster/learner-record";

function parsed(nationalStudentId: string, line: number, overrides: Partial<LearnerRecord> = {}): ParsedRecord {
  return {
    line,
    record: { nationalStudentId, firstName: "Léa", lastName: "DUPONT", birthdate: "2011-12-01", division: "4A", ...overrides },
  };
}

describe("planImport", () => {
  it("creates new INEs, updates known ones (reactivating disabled ones) and disables the absent", () => {
    const existing: ExistingLearner[] = [
      { id: 1, nationalStudentId: "1111111111A", isDisabled: false },
      { id: 2, nationalStudentId: "2222222222b", isDisabled: true },
      { id: 3, nationalStudentId: "3333333333C", isDisabled: false },
      { id: 4, nationalStudentId: "4444444444D", isDisabled: true },
      { id: 5, nationalStudentId: null, isDisabled: false },
    ];
    const plan = planImport(existing, [parsed("1111111111A", 2), parsed("2222222222B", 3), parsed("5555555555E", 4)]);
    expect(plan.toCreate.map((r) => r.nationalStudentId)).toEqual(["5555555555E"]);
    expect(plan.toUpdate.map(({ learnerId, isReactivated }) => ({ learnerId, isReactivated }))).toEqual([
      { learnerId: 1, isReactivated: false },
      { learnerId: 2, isReactivated: true },
    ]);
    expect(plan.toDisable).toEqual([3, 5]);
    expect(plan.duplicates).toEqual([]);
  });

  it("rejects every occurrence of a duplicated INE and leaves its learner untouched", () => {
    const existing: ExistingLearner[] = [{ id: 7, nationalStudentId: "1111111111A", isDisabled: false }];
    const plan = planImport(existing, [
      parsed("1111111111A", 2),
      parsed("2222222222B", 3),
      parsed("1111111111a", 4, { firstName: "Lea", lastName: "DUPOND" }),
    ]);
    expect(plan.duplicates).toEqual([
      expect.objectContaining({ code: "DUPLICATE_INE", line: 2, ine: "1111111111A", learnerName: "DUPONT Léa" }),
      expect.objectContaining({ code: "DUPLICATE_INE", line: 4, ine: "1111111111A", learnerName: "DUPOND Lea" }),
    ]);
    expect(plan.duplicates[0].reason).toBe("L'INE 1111111111A apparaît 2 fois dans le fichier : aucun de ces élèves n'est importé.");
    expect(plan.toCreate.map((r) => r.nationalStudentId)).toEqual(["2222222222B"]);
    expect(plan.toUpdate).toEqual([]);
    expect(plan.toDisable).toEqual([]);
  });

  it("an empty file disables every active learner", () => {
    const plan = planImport([{ id: 1, nationalStudentId: "1111111111A", isDisabled: false }], []);
    expect(plan).toEqual({ toCreate: [], toUpdate: [], toDisable: [1], duplicates: [] });
  });
});
