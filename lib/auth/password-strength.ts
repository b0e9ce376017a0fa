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
/** How many leading characters the estimator reads. */
export const ESTIMATED_LENGTH = 64;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
    // The estimator's cost grows fast with length and with l33t substitutions: with the defaults (256 characters,
    // 100 substitutions) one 128-character sign-up password cost 2–6 s of server CPU, a cheap way to tie up the
    // server through the sign-up forms. Only the first 64 characters are estimated (a prefix is never stronger than
    // the whole, so this only errs towards refusing), and at most 4 substitutions are tried (« P@ssw0rd123! » is
    // still caught): tens of milliseconds at worst (bench/password-strength).
    maxLength: ESTIMATED_LENGTH,
    l33tMaxSubstitutions: 4,
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
