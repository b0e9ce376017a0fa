import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { consumeAttempt, refundAttempt, type LimitName } from "../../db/rate-limiter";
import { findActiveRoster, type RosterCandidate } from "../../db/repositories/learner-repository";
import type { CampaignForPupil } from "../../db/repositories/participation-repository";
import { findCampaignForRequester, type Requester } from "../participations/pupil-campaign";
import { addressLimitKey } from "../../domain/requests/client-address";
import { toIsoDate } from "../../domain/roster/french-date";
import { learnersAimedAt, matchLearner, type TypedIdentity } from "../../domain/roster/match-learner";
import { normalizeName } from "../../domain/roster/normalize-name";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { AMBIGUOUS_MESSAGE, LEARNER_ALREADY_LINKED_MESSAGE, NO_MATCH_MESSAGE } from "./reconciliation-messages";

/** "Prénom", "Nom", "Date de naissance" (Jour / Mois / Année) as typed by the pupil. */
export const identitySchema = z
  .object({
    firstName: z.string().trim().min(1, "Indiquez votre prénom.").max(100, "Prénom trop long (100 caractères au plus)."),
    lastName: z.string().trim().min(1, "Indiquez votre nom.").max(100, "Nom trop long (100 caractères au plus)."),
    birthDay: z.string().trim().max(2),
    birthMonth: z.string().trim().max(2),
    birthYear: z.string().trim().max(4),
  })
  .transform((value, ctx) => {
    const birthdate = toIsoDate(`${value.birthDay}/${value.birthMonth}/${value.birthYear}`);
    if (!birthdate) {
      ctx.addIssue({ code: "custom", path: ["birthdate"], message: "Indiquez une date de naissance valide (jour, mois et année, ex. 01 12 2011)." });
      return z.NEVER;
    }
    return { firstName: value.firstName, lastName: value.lastName, birthdate } satisfies TypedIdentity;
  });

/** The campaign behind /campagnes/[code]/rejoindre: it must exist, be open and restricted to the roster (codes looked up under limits). */
export async function restrictedCampaign(code: string, requester: Requester): Promise<CampaignForPupil> {
  const campaign = await findCampaignForRequester(code, requester);
  if (!campaign || !campaign.isRestricted || !campaign.isAccessible) throw new NotFoundError();
  return campaign;
}

/** The typed name as a limit key: hashed, so that the counters table holds no name. */
function typedNameKey(establishmentId: number, identity: TypedIdentity): string {
  const name = `${normalizeName(identity.firstName)}|${normalizeName(identity.lastName)}`;
  return `name:${establishmentId}:${createHash("sha256").update(name).digest("hex").slice(0, 32)}`;
}

/**
 * The counter rows (`rate_limits` keys) that block identity checks aimed at this roster entry: its own, and those of
 * its name as the roster spells it. « Débloquer l'identification » deletes them.
 */
export function identityBlockRows(establishmentId: number, learner: { id: number; firstName: string; lastName: string; preferredLastName: string | null }): string[] {
  const names = [learner.lastName, learner.preferredLastName].filter((name): name is string => Boolean(name));
  const targets = [`learner:${learner.id}`, ...names.map((lastName) => typedNameKey(establishmentId, { firstName: learner.firstName, lastName, birthdate: "" }))];
  return targets.flatMap((key) => (["identityTarget", "identityTargetDaily"] as const).map((name) => `${name}:${key}`));
}

/**
 * The counters a check spends: per roster entry the typed name aims at (every spelling of a classmate's name counts
 * against that classmate's entry), per typed name (the same answer whether the name exists or not), per account
 * when signed in, per address. All schools' restricted campaigns share the roster, so the key is the establishment.
 */
function limitKeys(input: { establishmentId: number; identity: TypedIdentity; address: string; userId: number | null }, roster: readonly RosterCandidate[]): [LimitName, string][] {
  const targets = [typedNameKey(input.establishmentId, input.identity), ...learnersAimedAt(input.identity, roster).map((id) => `learner:${id}`)];
  return [
    ["identityAddress", addressLimitKey(input.address)],
    ...(input.userId !== null ? ([["identityAccount", String(input.userId)]] as [LimitName, string][]) : []),
    ...targets.flatMap((key) => [["identityTarget", key], ["identityTargetDaily", key]] as [LimitName, string][]),
  ];
}

/**
 * The single active pupil matching the typed identity, or the French reason why there is none. Only failed checks
 * count: every counter is spent first (so that parallel requests cannot all pass), and given back on a match.
 */
export async function identifyLearner(input: { establishmentId: number; identity: TypedIdentity; address: string; userId: number | null }): Promise<RosterCandidate> {
  const roster = await findActiveRoster(input.establishmentId);
  const keys = limitKeys(input, roster);
  for (const [name, key] of keys) await consumeAttempt(name, key);
  const result = matchLearner(input.identity, roster);
  if (result.kind === "AMBIGUOUS") throw new DomainError("RECONCILIATION_AMBIGUOUS", AMBIGUOUS_MESSAGE);
  if (result.kind === "NO_MATCH") throw new DomainError("RECONCILIATION_NO_MATCH", NO_MATCH_MESSAGE);
  await Promise.all(keys.map(([name, key]) => refundAttempt(name, key)));
  return roster.find((candidate) => candidate.id === result.learnerId)!;
}

/** The pupil is already linked to another account: said plainly, without a hint of which account it is. */
export function learnerAlreadyLinkedError(): DomainError {
  return new DomainError("LEARNER_ALREADY_LINKED", LEARNER_ALREADY_LINKED_MESSAGE);
}
