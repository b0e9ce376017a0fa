import type { ChallengeSource } from "@/lib/domain/learning-content/schema";

/** Builders for challenges used by unit tests (defaults filled in, overrides on top). */
export function qcu(overrides: Partial<Extract<ChallengeSource, { type: "QCU" }>> = {}): ChallengeSource {
  return { id: "ch-qcu", type: "QCU", instruction: "Question ?", correction: "Parce que.", proposals: ["A", "B", "C"], solution: 2, ...overrides };
}

export function qcm(overrides: Partial<Extract<ChallengeSource, { type: "QCM" }>> = {}): ChallengeSource {
  return { id: "ch-qcm", type: "QCM", instruction: "Question ?", correction: "Parce que.", proposals: ["A", "B", "C", "D"], solution: [1, 3], ...overrides };
}

export function qroc(overrides: Partial<Extract<ChallengeSource, { type: "QROC" }>> = {}): ChallengeSource {
  return {
    id: "ch-qroc", type: "QROC", instruction: "Question ?", correction: "Parce que.",
    field: { key: "reponse", label: "Réponse" }, solutions: ["moteur de recherche"], format: "mots", tolerances: ["t1", "t2", "t3"],
    ...overrides,
  };
}

export function qrocmInd(overrides: Partial<Extract<ChallengeSource, { type: "QROCM-ind" }>> = {}): ChallengeSource {
  return {
    id: "ch-ind", type: "QROCM-ind", instruction: "Question ?", correction: "Parce que.", format: "mots", tolerances: ["t1", "t2", "t3"],
    fields: [
      { key: "ville", label: "Ville", solutions: ["Paris"] },
      { key: "nombre", label: "Nombre", solutions: ["12"] },
    ],
    ...overrides,
  };
}

export function qrocmDep(overrides: Partial<Extract<ChallengeSource, { type: "QROCM-dep" }>> = {}): ChallengeSource {
  return {
    id: "ch-dep", type: "QROCM-dep", instruction: "Citez deux formats d'image.", correction: "Parce que.", format: "mots", tolerances: ["t1", "t2"],
    fields: [
      { key: "format1", label: "Format 1" },
      { key: "format2", label: "Format 2" },
    ],
    solutionGroups: [["png"], ["jpg", "jpeg"], ["gif"]],
    ...overrides,
  };
}

export const fields = (values: Record<string, string>) => ({ kind: "fields" as const, values });
export const choices = (...selected: number[]) => ({ kind: "choices" as const, selected });
