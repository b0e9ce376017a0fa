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

/**
 * The challenge as the pupil sees it. `order` is the display order of the proposals (see option-order.ts):
 * they are sent in that order, without their canonical numbers.
 */
export function publicChallenge(c: ChallengeSource, order?: readonly number[]): PublicChallenge {
  const fields =
    c.type === "QROC" ? [c.field] : c.type === "QROCM-ind" || c.type === "QROCM-dep" ? c.fields.map(({ key, label, placeholder }) => ({ key, label, placeholder })) : [];
  return {
    id: c.id,
    type: c.type,
    instruction: c.instruction,
    proposals: c.type === "QCU" || c.type === "QCM" ? inDisplayOrder(c.proposals, order) : [],
    fields: fields.map(({ key, label, placeholder }) => ({ key, label, ...(placeholder ? { placeholder } : {}) })),
    timer: c.timer ?? null,
    illustration: c.illustration ?? null,
    attachments: c.attachments ?? [],
    format: "format" in c ? c.format : null,
  };
}

function inDisplayOrder(proposals: readonly string[], order?: readonly number[]): string[] {
  return order && order.length === proposals.length ? order.map((n) => proposals[n - 1]) : [...proposals];
}

/** The right answer as shown at checkpoints; the right proposals of a QCM in the order the pupil saw them. */
export function solutionText(c: ChallengeSource, order?: readonly number[]): string {
  switch (c.type) {
    case "QCU":
      return c.proposals[c.solution - 1];
    case "QCM": {
      const shown = order && order.length === c.proposals.length ? order : c.proposals.map((_, i) => i + 1);
      return shown.filter((n) => c.solution.includes(n)).map((n) => c.proposals[n - 1]).join(" ; ");
    }
    case "QROC":
      return c.solutions[0];
    case "QROCM-ind":
      return c.fields.map((f) => `${f.label} ${f.solutions[0]}`).join(" ; ");
    case "QROCM-dep":
      return c.solutionGroups.slice(0, c.fields.length).map((g) => g[0]).join(" ; ");
  }
}
