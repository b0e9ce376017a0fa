import type { ChallengeSource } from "./schema";

/** What the pupil's browser receives: never the solutions nor the correction before answering. */
export type PublicChallenge = {
  id: string;
  type: ChallengeSource["type"];
  instruction: string;
  proposals: string[];
  fields: { key: string; label: string; placeholder?: string }[];
  timer: number | null;
  illustration: { url: string; alt: string } | null;
  attachments: { url: string; name: string }[];
  format: string | null;
};

export function publicChallenge(c: ChallengeSource): PublicChallenge {
  const fields =
    c.type === "QROC" ? [c.field] : c.type === "QROCM-ind" || c.type === "QROCM-dep" ? c.fields.map(({ key, label, placeholder }) => ({ key, label, placeholder })) : [];
  return {
    id: c.id,
    type: c.type,
    instruction: c.instruction,
    proposals: c.type === "QCU" || c.type === "QCM" ? c.proposals : [],
    fields: fields.map(({ key, label, placeholder }) => ({ key, label, ...(placeholder ? { placeholder } : {}) })),
    timer: c.timer ?? null,
    illustration: c.illustration ?? null,
    attachments: c.attachments ?? [],
    format: "format" in c ? c.format : null,
  };
}

/** The right answer as shown at checkpoints. */
export function solutionText(c: ChallengeSource): string {
  switch (c.type) {
    case "QCU":
      return c.proposals[c.solution - 1];
    case "QCM":
      return c.solution.map((i) => c.proposals[i - 1]).join(" ; ");
    case "QROC":
      return c.solutions[0];
    case "QROCM-ind":
      return c.fields.map((f) => `${f.label} ${f.solutions[0]}`).join(" ; ");
    case "QROCM-dep":
      return c.solutionGroups.slice(0, c.fields.length).map((g) => g[0]).join(" ; ");
  }
}
