import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";
import { compositionProblem, TOO_GUESSABLE_TEXT } from "../domain/accounts/password-policy";

/**
 * zxcvbn (the Dropbox estimator, TypeScript port) with the common-password lists and the French dictionaries:
 * « Azerty123 », « Motdepasse1 » or « Soleil123 » pass the CNIL composition rule but are among the first guesses of
 * any attacker. Score 3 means about 10^8 guesses or more. Built once per process (≈ 0.5 s, dictionaries in memory).
 */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return factory;
}

/**
 * The French reason why a chosen password is refused, or null. `userInputs` (name, e-mail…) make passwords built on
 * them count as guessable.
 */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  const composition = compositionProblem(password);
  if (composition) return composition;
  const result = estimator().check(password, userInputs.filter(Boolean).map((input) => input.toLowerCase()));
  return result.score >= MIN_SCORE ? null : TOO_GUESSABLE_TEXT;
}
