import "server-only";
import { randomInt } from "node:crypto";
import { takenUsernames } from "../../db/repositories/learner-repository";
import { baseUsername, usernameCandidates } from "../../domain/roster/username";
import type { RandomInt } from "../../domain/shared/random-code";
import { DomainError } from "../../domain/shared/errors";

export const cryptoRandomInt: RandomInt = (max) => randomInt(max);

/**
 * The first free username for a pupil: `prenom.nom` + DDMM, then `prenom.nom` + 4 random digits. The candidates
 * are checked in one query; `reserved` holds usernames given earlier in the same batch. The unique index still
 * has the last word when two requests pick the same name at the same time (callers retry).
 */
export async function freeUsername(
  pupil: { firstName: string; lastName: string; birthdate: string },
  options: { random?: RandomInt; reserved?: ReadonlySet<string> } = {},
): Promise<string> {
  const candidates = [...usernameCandidates(baseUsername(pupil.firstName, pupil.lastName, pupil.birthdate), options.random ?? cryptoRandomInt)];
  const taken = await takenUsernames(candidates);
  const free = candidates.find((candidate) => !taken.has(candidate) && !options.reserved?.has(candidate));
  if (!free) throw new DomainError("USERNAME_EXHAUSTED", "Impossible de trouver un identifiant libre pour cet élève : réessayez.");
  return free;
}
