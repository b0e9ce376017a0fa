/** What the recorder reads from the page in Chromium: the state shown, and how the proposals are numbered. */
import type { Page } from "@playwright/test";
import { optionOrder } from "../../lib/domain/learning-content/option-order";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";
import type { ChoiceEncoding } from "./answer-form";
import type { Outcome } from "./shape";

export type DomState = { kind: Outcome | "unknown"; challengeId: string | null };

export function domState(page: Page): Promise<DomState> {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll("button")].map((b) => b.textContent?.trim());
    const links = [...document.querySelectorAll("a")].map((a) => a.textContent?.trim());
    const challengeId = (document.querySelector('input[name="challengeId"]') as HTMLInputElement | null)?.value ?? null;
    if (buttons.includes("Commencer")) return { kind: "timer" as const, challengeId };
    if (buttons.includes("Je valide")) return { kind: "question" as const, challengeId };
    if (links.includes("Voir mes résultats")) return { kind: "end" as const, challengeId: null };
    if (links.includes("Continuer")) return { kind: "checkpoint" as const, challengeId: null };
    return { kind: "unknown" as const, challengeId: null };
  });
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Which numbering the page uses for the proposals on screen: their own numbers, or their positions in the order
 * seeded by the assessment. Null when both read the same (the shuffled order happens to be the authors' order).
 */
export async function detectChoiceEncoding(page: Page, challenge: ChallengeSource & { type: "QCU" | "QCM" }, assessmentId: number): Promise<ChoiceEncoding | null> {
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[name="choice"]')].map((input) => ({ value: Number(input.value), text: input.closest("label")?.textContent ?? "" })),
  );
  const proposals = challenge.proposals.map(normalize);
  const order = optionOrder(String(assessmentId), challenge.id, proposals.length);
  const canonical = shown.every((s) => normalize(s.text) === proposals[s.value - 1]);
  const displayed = shown.every((s, i) => s.value === i + 1 && normalize(s.text) === proposals[order[s.value - 1] - 1]);
  if (canonical && displayed) return null;
  if (canonical) return { kind: "canonical" };
  if (displayed) return { kind: "displayed-position", seed: "assessment" };
  throw new Error(`Les propositions affichées ne suivent ni leur numéro ni l'ordre tiré par l'évaluation (answer-form.ts) : ${JSON.stringify(shown)}`);
}
